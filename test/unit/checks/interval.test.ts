import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkIntervals } from '../../../src/core/checks/arithmetic/interval.ts';
import { errors, paper, underlined } from './helpers.ts';

test('estimate inside, outside, and bounds reversed', () => {
  const p = paper('The difference was 1.8 (95% CI 0.1 to 3.5). The odds ratio was 2.4, 95% CI [1.2, 1.9]. Then Δ = 0.25, 95% CI [0.62, 0.41] and Δ = 0.5, 95% CI [0.62, 0.41].');
  const out = checkIntervals(p);
  assert.equal(out.verified.length, 1);
  assert.deepEqual(out.findings.map((f) => [f.severity, underlined(p, f)]), [
    ['error', '2.4'],
    ['error', '0.62, 0.41'],
    ['warning', '0.62, 0.41'],
  ]);
});

test('a real mistake kept from a fixture original: Δ = 0.25 with CI [0.62, 0.41] (deception_intero, line 292)', () => {
  const p = paper('was significantly slower in the polygraph condition (Δ=0.25, 95% CI [0.62, 0.41], pd = 100%).');
  assert.equal(errors(checkIntervals(p)).length, 1);
});

test('not an estimate: test statistics, sample sizes, p-values', () => {
  const p = paper('We found t(28) = 5.10, 95% CI [0.1, 3.5], and (n = 45, 95% CI 0.2 to 0.4), p = .03, 95% CI [1.1, 2.0].');
  assert.equal(checkIntervals(p).findings.length, 0);
});

test('negative bounds with dashes', () => {
  const p = paper('The effect was -0.54 (95% CI -0.93 to -0.15), and -0.29 [95% CI: -0.63, 0.03].');
  assert.equal(errors(checkIntervals(p)).length, 0);
  assert.equal(checkIntervals(p).verified.length, 2);
});

test('a level written in words ("95 percent CI") is the level, not the estimate', () => {
  const ok = paper('Prevalence was 30% (95 percent CI 25% to 35%), and 12% (95 per cent confidence interval 10% to 14%).');
  const out = checkIntervals(ok);
  assert.equal(out.findings.length, 0);
  assert.equal(out.verified.length, 2);
  const wrong = paper('Prevalence was 40% (95 percent CI 25% to 35%).');
  assert.deepEqual(errors(checkIntervals(wrong)).map((f) => underlined(wrong, f)), ['40%']);
});

test('a confidence level with a word between it and CI is not the estimate', () => {
  const p = paper('With no drift allowed, the 90% bootstrap CI is [-0.012, 0.008]; allowing drift widens it to [-0.051, 0.047].');
  assert.deepEqual(checkIntervals(p).findings, []);
  // A percentage joined to the interval by a linking word is still an estimate.
  const q = paper('The hit rate was 92% with a CI of [81%, 88%].');
  assert.deepEqual(errors(checkIntervals(q)).map((f) => underlined(q, f)), ['92%']);
});
