// A difference named next to the two amounts it is made of ("a gap of", "differed by", "Δ ="),
// in our own sentences: the amounts' order is not stated, so either sign is accepted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkChanges, readNamedDifferenceClaims } from '../../../src/core/checks/arithmetic/change.ts';
import { sentencesOf } from '../../../src/core/checks/arithmetic/context.ts';
import { paper } from './helpers.ts';

const run = (s: string) => checkChanges(paper(s));
const raised = (s: string) => run(s).findings.map((f) => `${f.severity}:${f.reported}`);

test('a named difference after two amounts written alike is verified', () => {
  for (const s of [
    'Nurses overestimated the wait by 1.42 minutes, physicians by only 0.87 minutes (Δ = 0.55, 95% CI [0.20, 0.90]).',
    'Boys scored 14.2 points and girls 15.9 points, a gap of 1.7 points.',
    'The older drives failed after 3,420 hours and the newer ones after 2,980 hours; they differed by 440 hours.',
    'Completion was 62.5% in the pilot and 71.0% in the main wave, a difference of 8.5 percentage points.',
    'The two labs measured 0.318 and 0.341 (difference = −0.023).',
  ]) {
    const out = run(s);
    assert.equal(out.findings.length, 0, s);
    assert.equal(out.verified.length, 1, s);
  }
});

test('a named difference that the two amounts do not give is flagged', () => {
  assert.deepEqual(raised('Nurses overestimated the wait by 1.42 minutes, physicians by only 0.87 minutes (Δ = 0.75, 95% CI [0.20, 0.90]).'), ['warning:0.75']);
  assert.deepEqual(raised('Boys scored 14.2 points and girls 15.9 points, a gap of 2.7 points.'), ['warning:2.7']);
  assert.deepEqual(raised('The two labs measured 0.318 and 0.341 (difference = −0.032).'), ['warning:−0.032']);
});

test('differences that are not the plain gap between the two amounts are left alone', () => {
  for (const s of [
    'Means were 14.2 and 15.9; the adjusted difference was 2.6 after controlling for age.',
    'Scores ranged from 12 to 40, and a difference of 5 points is the minimal important difference.',
    'Groups scored 14.2 and 15.9, a standardized difference of 0.45.',
    'Arm A had 38 and arm B 41 events, no difference of 10 or more was expected.',
    'Retention was 62.5% and 71.0% (a relative difference of 13.6%).',
  ]) assert.deepEqual(raised(s), [], s);
});

test('the reader keeps the numbers as written, and both orders', () => {
  const p = paper('Boys scored 14.2 points and girls 15.9 points, a gap of 1.7 points.');
  const [s] = sentencesOf(p).sentences;
  const [c] = readNamedDifferenceClaims(p.text, s);
  assert.deepEqual([c.a.text, c.b.text, c.result.text, c.ordered], ['14.2', '15.9', '1.7', false]);
});
