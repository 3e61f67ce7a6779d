// Estimates against their own interval in the notations papers use. Sentences are paraphrases
// written for these tests, each with a wrong twin (one number changed) and with negatives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkIntervals } from '../../../src/core/checks/arithmetic/interval.ts';
import { errors, paper, underlined } from './helpers.ts';

function verdict(sentence: string): { verified: number; flagged: string[] } {
  const p = paper(sentence);
  const out = checkIntervals(p);
  return { verified: out.verified.length, flagged: out.findings.map((f) => `${f.severity} ${underlined(p, f)}`) };
}

test('a unit word or a linking phrase between the estimate and the interval', () => {
  assert.deepEqual(verdict('Patients waited about 12 days, with a 95% CI (9.4, 15.1).'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('Patients waited about 21 days, with a 95% CI (9.4, 15.1).'), { verified: 0, flagged: ['error 21'] });
  assert.deepEqual(verdict('The gain was 0.41 points [95%CrI = 0.22 - 0.63] on average.'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('The gain was 0.81 points [95%CrI = 0.22 - 0.63] on average.'), { verified: 0, flagged: ['error 0.81'] });
  assert.deepEqual(verdict('The slope of b = .318 had a bootstrapped CI of [.207, .429].'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('The slope of b = .518 had a bootstrapped CI of [.207, .429].'), { verified: 0, flagged: ['error .518'] });
});

test('a spread or a size printed between the estimate and its interval is read past', () => {
  assert.deepEqual(verdict('Pooled over k = 7 trials, g = 0.142, SE = 0.081, 95% CI = [-0.017; 0.301].'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('Pooled over k = 7 trials, g = 0.412, SE = 0.081, 95% CI = [-0.017; 0.301].'), { verified: 0, flagged: ['error 0.412'] });
  assert.deepEqual(verdict('The mean was 4.6 (SD 1.2, n = 80; 95% CI 4.3 to 4.9).'), { verified: 1, flagged: [] });
});

test('decimal commas in an odds ratio and its interval', () => {
  assert.deepEqual(verdict('Smokers had higher odds (OR 2,45; 95% CI 1,32-4,51; p 0.004).'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('Smokers had higher odds (OR 5,45; 95% CI 1,32-4,51; p 0.004).'), { verified: 0, flagged: ['error 5,45'] });
});

test('a percentage estimate with bare bounds on the same scale', () => {
  assert.deepEqual(verdict('About 61.2%, 95% CI [52; 70.4] of the sites reported it.'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('About 81.2%, 95% CI [52; 70.4] of the sites reported it.'), { verified: 0, flagged: ['error 81.2%'] });
  // Bounds written as proportions: the percentage is compared as a proportion.
  assert.deepEqual(verdict('Coverage was 43% (95% CI 0.38 to 0.49).'), { verified: 1, flagged: [] });
});

test('a named estimate with its bounds in square brackets and no marker', () => {
  assert.deepEqual(verdict('Both replications worked (first: g = 0.84 [0.71, 0.97]; second: g = 1.3 [1.05, 1.55]).'), { verified: 2, flagged: [] });
  assert.deepEqual(verdict('Both replications worked (first: g = 0.84 [0.71, 0.97]; second: g = 3 [1.05, 1.55]).'), { verified: 1, flagged: ['warning 3'] });
  // Whole numbers in brackets may be references; a bracket after an unnamed number is not read.
  assert.deepEqual(verdict('We used g = 2 [4, 7] as before.'), { verified: 0, flagged: [] });
  assert.deepEqual(verdict('Scores of 12.5 [3.1, 8.2] appeared.'), { verified: 0, flagged: [] });
});

test('an odds ratio outside its interval is not excused as a log coefficient', () => {
  const p = paper('The adjusted OR = 0.45, 95% CI [0.61, 1.90], was not significant.');
  assert.deepEqual(errors(checkIntervals(p)).map((f) => underlined(p, f)), ['0.45']);
  // A coefficient on the log scale beside the interval of its exponent stays undecided.
  assert.deepEqual(verdict('The coefficient was 0.45 (95% CI 1.20 to 1.90 for the odds ratio).'), { verified: 0, flagged: [] });
});

test('negatives: a test statistic, a p-value or a count before the marker is no estimate', () => {
  assert.deepEqual(verdict('The effect held, t(40) = 3.9, 95% CI [0.3, 1.1].'), { verified: 0, flagged: [] });
  assert.deepEqual(verdict('It was significant (p = .002, 95% CI 0.12 to 0.58).'), { verified: 0, flagged: [] });
  assert.deepEqual(verdict('Among 250 adults, with 95% confidence, the interval was 0.2 to 0.4 for the share.'), { verified: 0, flagged: [] });
});
