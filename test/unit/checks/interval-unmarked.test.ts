// An estimate whose interval follows it without "CI": ratios, areas under the curve and a
// classifier's rates carry their interval in the bracket after them by convention. Sentences are
// paraphrases written for these tests, each with a wrong twin, and negatives that look alike.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkIntervals } from '../../../src/core/checks/arithmetic/interval.ts';
import { paper, underlined } from './helpers.ts';

function verdict(sentence: string): { verified: number; flagged: string[] } {
  const p = paper(sentence);
  const out = checkIntervals(p);
  return { verified: out.verified.length, flagged: out.findings.map((f) => `${f.severity} ${underlined(p, f)}`) };
}

test('a ratio with its bounds in a bracket or after a semicolon', () => {
  assert.deepEqual(verdict('Death was less frequent with the drug (HR 0.64; 0.47-0.88).'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('Death was less frequent with the drug (HR 0.34; 0.47-0.88).'), { verified: 0, flagged: ['error 0.34'] });
  assert.deepEqual(verdict('Drinkers had raised odds, OR 1.7 (1.2, 2.4), after adjustment.'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('Drinkers had raised odds, OR 2.7 (1.2, 2.4), after adjustment.'), { verified: 0, flagged: ['error 2.7'] });
  assert.deepEqual(verdict('The adjusted risk ratio was 1.18 (1.02 to 1.37) in women.'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('The adjusted risk ratio was 1.48 (1.02 to 1.37) in women.'), { verified: 0, flagged: ['error 1.48'] });
});

test('an area under the curve or a rate of a test with its bracketed bounds', () => {
  assert.deepEqual(verdict('On held-out data the model had an AUC of 0.88 [0.84-0.91].'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('On held-out data the model had an AUC of 0.78 [0.84-0.91].'), { verified: 0, flagged: ['error 0.78'] });
  assert.deepEqual(verdict('Specificity was 92.5% (89.9-94.6%), and sensitivity 71.3% (65.0-77.0%).'), { verified: 2, flagged: [] });
  assert.deepEqual(verdict('Specificity was 92.5% (89.9-94.6%), and sensitivity 79.3% (65.0-77.0%).'), { verified: 1, flagged: ['error 79.3%'] });
  // Two rates named together, their estimates listed in the same order.
  assert.deepEqual(verdict('Sensitivity and specificity were 0.81 (0.74, 0.87) and 0.93 (0.90, 0.95).'), { verified: 2, flagged: [] });
  assert.deepEqual(verdict('Sensitivity and specificity were 0.81 (0.74, 0.87) and 0.98 (0.90, 0.95).'), { verified: 1, flagged: ['error 0.98'] });
});

test('bounds printed in the wrong order', () => {
  assert.deepEqual(verdict('Kappa between the raters was 0.58 (0.71, 0.44).'), { verified: 0, flagged: ['warning 0.71, 0.44'] });
});

test('negatives: ranges, ages, years and unnamed numbers are not intervals', () => {
  assert.deepEqual(verdict('The odds ratio was estimated in adults (aged 18-65) only.'), { verified: 0, flagged: [] });
  assert.deepEqual(verdict('The AUC was 0.82 in 2019-2020 and 0.85 later.'), { verified: 0, flagged: [] });
  assert.deepEqual(verdict('The HR for age was 1.04 per year (range 1.09-1.21 across centres).'), { verified: 0, flagged: [] });
  assert.deepEqual(verdict('Patients stayed 6.5 (4.0-9.0) days in hospital.'), { verified: 0, flagged: [] });
  assert.deepEqual(verdict('Accuracy improved from 0.71 (0.02) to 0.78 (0.03) with tuning.'), { verified: 0, flagged: [] });
  assert.deepEqual(verdict('See pages 12-19 (chapter 3) for the HR 2.0 models.'), { verified: 0, flagged: [] });
  // A list of four rates is not an estimate with its bounds.
  assert.deepEqual(verdict('Sensitivity, specificity, PPV and NPV were 0.91, 0.74, 0.87, 0.93.'), { verified: 0, flagged: [] });
  // Reference numbers in brackets after a named estimate.
  assert.deepEqual(verdict('An AUC of 0.91 [12-14] was reported before.'), { verified: 0, flagged: [] });
});
