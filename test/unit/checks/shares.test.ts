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

test('a share and its complement told by the second clause ("did not", an opposite verb)', () => {
  for (const s of [
    'About 64% of the builds passed and 36% did not.',
    'Overall, 71.5% of the trials succeeded and 28.5% failed.',
    'Only 15% of the bids were accepted; 85% were rejected.',
    'In the pilot, 58% of the cells survived, whereas 42% of them died.',
  ]) {
    const out = checkShares(paper(s));
    assert.deepEqual(out.findings, [], s);
    assert.equal(out.verified.length, 1, s);
  }
  assert.deepEqual(findings('About 64% of the builds passed and 26% did not.'), ['warning']);
  assert.deepEqual(findings('Overall, 71.5% of the trials succeeded and 38.5% failed.'), ['error']);
  assert.deepEqual(findings('Only 15% of the bids were accepted; 95% were rejected.'), ['error']);
});

test('two shares that are not one whole split in two stay silent', () => {
  for (const s of [
    '64% of boys and 45% of girls did not finish.',
    'In the first school 64% passed, and in the second 45% did not.',
    'About 64% of the builds passed and 45% of the builds were slow.',
    '64% of the runs succeeded in round one, and 30% of the runs failed in round two.',
    'About 64% of the users had used the app and 20% had not used the website.',
  ]) {
    assert.deepEqual(findings(s), [], s);
  }
});

test('categories with their shares after "were" or a colon make the whole', () => {
  const ok = checkShares(paper('Visitors were tourists (52%), commuters (33%) and residents (15%).'));
  assert.equal(ok.findings.length, 0);
  assert.equal(ok.verified.length, 1);
  assert.deepEqual(findings('Visitors were tourists (52%), commuters (33%) and residents (25%).'), ['warning']);
  assert.deepEqual(findings('Main language at home: Spanish (61.0%), English (30.5%), Quechua (8.5%).'), []);
  assert.deepEqual(findings('Language at home: Spanish (61.0%), English (30.5%), Quechua (12.5%).'), ['warning']);
});

test('lists that may name only some categories, or rates, are not read as the whole', () => {
  for (const s of [
    'The most frequent reasons were cost (45%), distance (30%) and time (15%).',
    'Visitors came for sights such as museums (52%), parks (33%) and markets (25%).',
    'Several answers were allowed: bus (60%), bike (45%) and car (40%).',
    'Recall was high for cats (95%), dogs (88%) and birds (91%).',
    'Error rates were low (5%), medium (12%) and high (30%).',
  ]) {
    assert.deepEqual(findings(s), [], s);
  }
});
