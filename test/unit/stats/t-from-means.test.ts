// A t statistic against the means, SDs and sizes printed with it. Sentences are paraphrases
// written for these tests, each with a wrong twin (one number changed), and negatives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTFromMeans } from '../../../src/core/checks/stats/t-from-means.ts';
import { paper, underlined } from '../checks/helpers.ts';

function verdict(...paragraphs: string[]): { verified: number; flagged: string[] } {
  const p = paper(...paragraphs);
  const out = checkTFromMeans(p);
  return { verified: out.verified.length, flagged: out.findings.map((f) => `${f.severity} ${underlined(p, f)}`) };
}

test('one sample against a value named in the sentence', () => {
  // (5.8 − 5) / (1.2 / √25) = 3.33
  assert.deepEqual(verdict('Ratings (M = 5.8, SD = 1.2, n = 25) lay above the scale midpoint of 5, t(24) = 3.33, p = .003.'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('Ratings (M = 5.8, SD = 1.2, n = 25) lay above the scale midpoint of 5, t(24) = 2.33, p = .003.'), { verified: 0, flagged: ['error 2.33'] });
  // (102.5 − 100) / (9.8 / 8) = 2.04, n taken from df when it is not written.
  assert.deepEqual(verdict('The sample mean was 102.5 with a standard deviation of 9.8, tested against μ0 = 100: t(63) = 2.04.'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('The sample mean was 102.5 with a standard deviation of 9.8, tested against μ0 = 100: t(63) = 3.04.'), { verified: 0, flagged: ['error 3.04'] });
  // Percentages against chance: (61.5 − 50) / (18.2 / √36) = 3.79
  assert.deepEqual(verdict('Accuracy (M = 61.5%, SD = 18.2, n = 36) was better than the chance level of 50%, t(35) = 3.79.'), { verified: 1, flagged: [] });
});

test('equivalence bounds: the t matches one of the two one-sided tests', () => {
  // (0.31 − (−0.25)) / (0.9 / √50) = 4.40; (0.31 − 0.25) / (0.9 / √50) = 0.47
  const lead = 'With a mean of 0.31, an SD of 0.9 and n = 50, and equivalence bounds of -0.25 and 0.25,';
  assert.deepEqual(verdict(`${lead} the upper test gave t(49) = 0.47, p = .32.`), { verified: 1, flagged: [] });
  assert.deepEqual(verdict(`${lead} the lower test gave t(49) = 4.40, p < .001.`), { verified: 1, flagged: [] });
  assert.deepEqual(verdict(`${lead} the lower test gave t(49) = 2.40, p < .001.`), { verified: 0, flagged: ['error 2.40'] });
  // Mean, SD and n in the sentence before: a slip is a warning.
  const before = 'The observed mean was 0.31 with a standard deviation of 0.9 in a sample size of 50.';
  assert.deepEqual(verdict(`${before} Against equivalence bounds of -0.25 and 0.25 the test was significant, t(49) = 4.40.`), { verified: 1, flagged: [] });
  assert.deepEqual(verdict(`${before} Against equivalence bounds of -0.25 and 0.25 the test was significant, t(49) = 5.40.`), { verified: 0, flagged: ['warning 5.40'] });
});

test('whole-number inputs are taken as exact: agreeing only through their rounding is a warning', () => {
  // (52 − 50) / (4 / √36) = 3.00
  const lead = 'Suppose the sample mean is 52, the standard deviation is 4 and the sample size is 36; tested against a population mean of 50,';
  assert.deepEqual(verdict(`${lead} t(35) = 3.00.`), { verified: 1, flagged: [] });
  assert.deepEqual(verdict(`${lead} t(35) = 2.40.`), { verified: 0, flagged: ['warning 2.40'] });
  assert.deepEqual(verdict(`${lead} t(35) = 6.40.`), { verified: 0, flagged: ['error 6.40'] });
});

test('two groups: pooled or Welch', () => {
  // pooled t = 2.71 for these numbers; Welch ≈ 2.70
  assert.deepEqual(verdict('The treated group (M = 5.1, SD = 1.2, n = 40) scored higher than controls (M = 4.3, SD = 1.4, n = 38), t(76) = 2.71, p = .008.'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('The treated group (M = 5.1, SD = 1.2, n = 40) scored higher than controls (M = 4.3, SD = 1.4, n = 38), t(76) = 1.71, p = .008.'), { verified: 0, flagged: ['error 1.71'] });
  // Unequal SDs and a Welch df: Welch t = (12.4 − 10.1) / √(2.1²/30 + 5.3²/25) = 2.05
  assert.deepEqual(verdict('Women (M = 12.4, SD = 2.1, n = 30) and men (M = 10.1, SD = 5.3, n = 25) differed, t(30.6) = 2.05.'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('Women (M = 12.4, SD = 2.1, n = 30) and men (M = 10.1, SD = 5.3, n = 25) differed, t(30.6) = 3.05.'), { verified: 0, flagged: ['error 3.05'] });
});

test('negatives: no stated test value, paired designs, other df, several means', () => {
  // A single mean with no value it is tested against.
  assert.deepEqual(verdict('Ratings (M = 5.8, SD = 1.2, n = 25) were high, t(24) = 9.10, p < .001.'), { verified: 0, flagged: [] });
  // Pre and post means of the same people: the SD of the differences is not printed.
  assert.deepEqual(verdict('Scores rose from pre-test (M = 5.1, SD = 1.2, n = 40) to post-test (M = 5.6, SD = 1.3, n = 40), t(39) = 4.90.'), { verified: 0, flagged: [] });
  // Equal groups with df = n − 1 is a paired test even without the word.
  assert.deepEqual(verdict('Condition A (M = 5.1, SD = 1.2, n = 40) and B (M = 5.6, SD = 1.3, n = 40) differed, t(39) = 4.90.'), { verified: 0, flagged: [] });
  // A df that fits neither the n nor n1 + n2 − 2 (missing data, another analysis).
  assert.deepEqual(verdict('Ratings (M = 5.8, SD = 1.2, n = 25) lay above the scale midpoint of 5, t(21) = 2.33.'), { verified: 0, flagged: [] });
  // Three groups before the t: which two are compared is not said.
  assert.deepEqual(verdict('Group A (M = 5.1, SD = 1.2, n = 40), B (M = 4.3, SD = 1.4, n = 38) and C (M = 4.0, SD = 1.1, n = 41) were compared, t(76) = 1.71.'), { verified: 0, flagged: [] });
  // "higher than 5 participants" names no test value.
  assert.deepEqual(verdict('The mean was 5.8 (SD = 1.2) and higher than 5 participants expected, t(24) = 2.33.'), { verified: 0, flagged: [] });
});
