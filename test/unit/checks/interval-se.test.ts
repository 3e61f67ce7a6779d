// An interval against the standard error printed with it (about 1.96 SE either side for 95%,
// 1.645 for 90%, t with df when the sentence gives n or a t test). Paraphrases written for these
// tests, each with a wrong twin, and negatives where the width says nothing about the SE.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkIntervals } from '../../../src/core/checks/arithmetic/interval.ts';
import { paper, underlined } from './helpers.ts';

function verdict(sentence: string): { verified: number; flagged: string[] } {
  const p = paper(sentence);
  const out = checkIntervals(p);
  return { verified: out.verified.filter((v) => v.kind === 'ci-se').length, flagged: out.findings.map((f) => `${f.severity} ${f.kind} ${underlined(p, f)}`) };
}

test('an SE after the interval, or read past between the estimate and the interval', () => {
  assert.deepEqual(verdict('Weight fell by 3.4 kg (95% CI 2.0 to 4.8; SE 0.71) over a year.'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('Weight fell by 3.4 kg (95% CI 2.0 to 4.8; SE 0.28) over a year.'), { verified: 0, flagged: ['warning ci-se 0.28'] });
  assert.deepEqual(verdict('The pooled slope was 0.27, SE = 0.05, 95% CI [0.17, 0.37].'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('The pooled slope was 0.27, SE = 0.15, 95% CI [0.17, 0.37].'), { verified: 0, flagged: ['warning ci-se 0.15'] });
  assert.deepEqual(verdict('Recall improved by 6.1 words (standard error 1.4; 95% confidence interval 3.4 to 8.8).'), { verified: 1, flagged: [] });
});

test('the level of the interval sets the multiplier', () => {
  // 1.645 × 0.20 = 0.33
  assert.deepEqual(verdict('The gap was 1.10 (SE 0.20; 90% CI 0.77 to 1.43) in the last wave.'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('The gap was 1.10 (SE 0.20; 90% CI 0.30 to 1.90) in the last wave.'), { verified: 0, flagged: ['warning ci-se 0.20'] });
  // 2.576 × 0.5 = 1.29
  assert.deepEqual(verdict('The change was 2.0 (SE 0.5; 99% CI 0.7 to 3.3).'), { verified: 1, flagged: [] });
});

test('a small sample: t with n − 1 df', () => {
  // t(11) = 2.20: 2.20 × 1.2 = 2.64
  assert.deepEqual(verdict('The gain was 4.1 points (SE = 1.2, n = 12; 95% CI 1.5 to 6.7).'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('The gain was 4.1 points (SE = 2.2, n = 12; 95% CI 1.5 to 6.7).'), { verified: 0, flagged: ['warning ci-se 2.2'] });
});

test('negatives: ratios, lopsided intervals, SDs and an unknown small df are left alone', () => {
  // A ratio's interval is symmetric on the log scale only.
  assert.deepEqual(verdict('The odds ratio was 2.1 (SE 0.3; 95% CI 1.4 to 3.2).'), { verified: 0, flagged: [] });
  // Not centred on its estimate: a bootstrap or score interval.
  assert.deepEqual(verdict('The median gain was 1.5 (SE 0.4; 95% CI 1.2 to 3.0).'), { verified: 0, flagged: [] });
  // An SD describes the sample, not the estimate's precision.
  assert.deepEqual(verdict('The mean was 4.6 (SD 1.2; 95% CI 4.3 to 4.9).'), { verified: 0, flagged: [] });
  // 2.5 SE either side: a t interval of a few df is possible when no n is given.
  assert.deepEqual(verdict('The effect was 3.0 (SE 1.0; 95% CI 0.5 to 5.5).'), { verified: 0, flagged: [] });
});

test('a pooled estimate of k studies: t with k − 1 df', () => {
  // t(3) = 3.18: 3.18 × 0.12 = 0.38
  assert.deepEqual(verdict('Across k = 4 studies the SMD was 0.21, SE = 0.12, 95% CI [-0.17; 0.59].'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('Across k = 4 studies the SMD was 0.21, SE = 0.32, 95% CI [-0.17; 0.59].'), { verified: 0, flagged: ['warning ci-se 0.32'] });
});
