import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkShares } from '../../../src/core/checks/arithmetic/shares.ts';
import { errors, paper, underlined } from './helpers.ts';

const findings = (s: string) => checkShares(paper(s)).findings.map((f) => f.severity);

test('two complementary categories add up to 100%', () => {
  const ok = paper('The cohort held 40 patients (Sex: 57.5% women, 42.5% men). Replies were yes (71%) and no (29%).');
  const out = checkShares(ok);
  assert.equal(out.findings.length, 0);
  assert.equal(out.verified.length, 2);
  const wrong = paper('The sample was 45% women and 65% men.');
  const [f] = errors(checkShares(wrong));
  assert.equal(underlined(wrong, f), '65%');
  assert.match(f.message, /110%/);
  assert.deepEqual(findings('Participants were women (45%) and men (65%).'), ['error']);
  assert.deepEqual(findings('Of the respondents, 45% were women and 65% were men.'), ['error']);
  assert.deepEqual(findings('Smokers (30%) and non-smokers (60%) were compared.'), ['warning']);
});

test('below 100% may leave a category unsaid; unclear shares are warnings', () => {
  assert.deepEqual(findings('The sample was 45% women and 50% men.'), ['warning']);
  // Without "were" / "comprised", "women (45%) and men (65%)" may be two rates.
  assert.deepEqual(findings('Women (45%) and men (65%) completed the survey.'), ['warning']);
});

test('rates within groups, overlapping or open lists stay silent', () => {
  for (const s of [
    'Pain was more common in women (45%) than men (60%).',
    'Pain was reported in women (45%) and men (60%).',
    '45% of women and 65% of men agreed.',
    'The sample was 45% women, 50% men and 5% other.',
    'Adherence was higher with intervention (45%) and control (65%) alike.',
    'Participants used Facebook (80%) and Instagram (60%).',
    'Risk rose by 45% in women and 65% in men.',
  ]) {
    assert.deepEqual(findings(s), [], s);
  }
});

test('a list given as the composition of a whole', () => {
  const ok = checkShares(paper('The products were divided into A (45%), B (35%) and C (20%).'));
  assert.equal(ok.findings.length, 0);
  assert.equal(ok.verified.length, 1);
  assert.deepEqual(findings('The products were divided into A (45%), B (35%) and C (25%).'), ['error']);
  assert.deepEqual(findings('Responses were classified as positive (49.5%), neutral (30.0%) or negative (20.5%).'), []);
  assert.deepEqual(findings('Responses were classified as positive (40.5%), neutral (30.0%) or negative (20.5%).'), ['warning']);
  // "comprised" can still list overlapping groups: a warning.
  assert.deepEqual(findings('The sample comprised students (60%) and women (55%).'), ['warning']);
});

test('a composition list that goes on past what is read is left alone', () => {
  assert.deepEqual(findings('Cases were divided into mild (40%), moderate (30%) with 12% unknown, and severe (10%).'), []);
});
