import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkChanges, readChangeClaims } from '../../../src/core/checks/arithmetic/change.ts';
import { sentencesOf } from '../../../src/core/checks/arithmetic/context.ts';
import { errors, paper, underlined } from './helpers.ts';

function claimsOf(text: string) {
  const p = paper(text);
  return sentencesOf(p).sentences.flatMap((s) => readChangeClaims(p.text, s)).map((c) => [c.mode, c.result.text, c.a.text, c.b.text, c.cue]);
}

test('"an increase of N%" after the two amounts, and "a drop in X of about N%" before them', () => {
  const ok = paper('Throughput went from 400 jobs/hour to 520 jobs/hour, which is an increase of 30% over the old cluster. We saw a drop in memory use of about 40%, from 2.5 to 1.5 GB, after the rewrite.');
  const out = checkChanges(ok);
  assert.equal(out.findings.length, 0);
  assert.equal(out.verified.length, 2);
  const bad = paper('Throughput went from 400 jobs/hour to 520 jobs/hour, which is an increase of 13% over the old cluster.');
  assert.deepEqual(errors(checkChanges(bad)).map((f) => [underlined(bad, f), f.recomputed]), [['13%', '30%']]);
});

test('"N% higher than B" takes B as the base; "(A vs B)" is tried both ways and only warns', () => {
  assert.deepEqual(claimsOf('The new cohort had 62.4 visits, 20% higher than the earlier cohort (52.0 visits).'), [['percent', '20%', '52.0', '62.4', 'than']]);
  const off = paper('The new cohort had 62.4 visits, 30% higher than the earlier cohort (52.0 visits).');
  assert.deepEqual(checkChanges(off).findings.map((f) => f.severity), ['warning']);
  const vs = paper('Pretraining on video gives a 15% higher score (46.0 vs 40.0).');
  assert.equal(checkChanges(vs).verified.length, 1);
  const vsOff = paper('Pretraining on video gives a 25% higher score (46.0 vs 40.0).');
  assert.deepEqual(checkChanges(vsOff).findings.map((f) => [underlined(vsOff, f), f.severity]), [['25%', 'warning']]);
});

test('multiples in words and as "Nx": tripled, twice as large, 2.5x as often', () => {
  const ok = paper('Enrolment tripled, from 12 to 37 percent, while staffing grew from 20 to 26 percent.');
  assert.equal(checkChanges(ok).verified.length, 1);
  const bad = paper('Enrolment tripled, from 12 to 24 percent.');
  assert.deepEqual(checkChanges(bad).findings.map((f) => [underlined(bad, f), f.severity]), [['tripled', 'error']]);
  // A word multiple has one reading: "doubled" is b = 2a, never the "N-fold more" reading b = (N + 1)a.
  const plusOne = paper('Downloads doubled, from 500 to 1,500, over the year.');
  assert.deepEqual(checkChanges(plusOne).findings.map((f) => [underlined(plusOne, f), f.severity]), [['doubled', 'error']]);
  // The from…to right after the word is its own, even when another from…to came earlier in the sentence.
  const second = paper('Wages rose from 10 to 12 dollars, while rents nearly doubled, from 500 to 950 dollars.');
  assert.deepEqual([checkChanges(second).findings.length, checkChanges(second).verified.map((v) => v.claim)], [0, ['doubled, from 500 to 950']]);
  const secondWrong = paper('Wages rose from 10 to 12 dollars, while rents nearly doubled, from 500 to 1,450 dollars.');
  assert.deepEqual(checkChanges(secondWrong).findings.map((f) => underlined(secondWrong, f)), ['doubled']);
  const twice = paper('Errors were about twice as frequent in the noisy block (g = 0.62) as in the quiet block (g = 0.30).');
  assert.equal(checkChanges(twice).verified.length, 1);
  const times = paper('Long words were read 2.5x as often as short words (M_long = 410.0(50.2), M_short = 200.0(40.1)).');
  assert.deepEqual(claimsOf('Long words were read 2.5x as often as short words (M_long = 410.0(50.2), M_short = 200.0(40.1)).'), [['multiple', '2.5', '410.0', '200.0', 'same label']]);
  assert.deepEqual(checkChanges(times).findings.map((f) => f.recomputed), ['2.0']);
});

test('a stated difference of a named quantity after both of its values', () => {
  const ok = paper('The base model explained R^2 = .210 of the variance. With the two moderators it explained R^2 = .275 (Δ R^2 = .065, p < .001).');
  assert.equal(checkChanges(ok).verified.length, 1);
  const bad = paper('The base model explained R^2 = .210 of the variance. With the two moderators it explained R^2 = .275 (Δ R^2 = .095, p < .001).');
  assert.deepEqual(errors(checkChanges(bad)).map((f) => [underlined(bad, f), f.recomputed]), [['.095', '.065']]);
});

test('a net effect is the first change minus the second', () => {
  const ok = paper('Scores rose by 4.2 ± 1.1 points with coaching, compared to an increase of 1.5 ± 0.9 points without it. The net gain was 2.7 points.');
  assert.equal(checkChanges(ok).verified.length, 1);
  const bad = paper('Scores rose by 4.2 ± 1.1 points with coaching, compared to an increase of 1.5 ± 0.9 points without it. The net gain was 3.7 points.');
  assert.deepEqual(errors(checkChanges(bad)).map((f) => f.recomputed), ['2.7']);
});

test('not changes: equal condition labels, spreads and test statistics are not the amounts', () => {
  assert.equal(checkChanges(paper('Using 8 workers instead of 4 workers gave an increase in speed of 9% compared to 4 workers.')).findings.length, 0);
  assert.deepEqual(claimsOf('Scores were twice as high after training (t(30) = 4.10, p = .002).'), []);
});

test('multiples of two amounts: "N× faster", "a N× speed-up", "N times as many … as", words, "against"', () => {
  assert.equal(checkChanges(paper('The new index answers in 0.4 s against 3.2 s for a full scan, an 8× speed-up.')).verified.length, 1);
  const off = paper('The new index answers in 0.4 s against 3.2 s for a full scan, a 6× speed-up.');
  assert.deepEqual(checkChanges(off).findings.map((f) => f.recomputed), ['8']);
  assert.equal(checkChanges(paper('Branch A holds 4.5 times as many records as branch B (9,000 versus 2,000).')).verified.length, 1);
  const words = paper('Sorting took 30 ms with the heap and 10 ms with the radix method, three times faster.');
  assert.equal(checkChanges(words).verified.length, 1);
  const wordsOff = paper('Sorting took 30 ms with the heap and 15 ms with the radix method, three times faster.');
  assert.deepEqual(checkChanges(wordsOff).findings.map((f) => f.severity), ['warning']);
  // A count of repetitions, not a multiple of two amounts.
  assert.deepEqual(checkChanges(paper('Each of the 30 ms and 10 ms pulses was repeated three times.')).findings, []);
});
