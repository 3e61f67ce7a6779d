// A percent lower or higher odds, risk or hazard against the ratio printed with it. Our own sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRatioChanges } from '../../../src/core/checks/arithmetic/ratio-change.ts';
import { paper, underlined } from './helpers.ts';

function verdict(text: string) {
  const p = paper(text);
  const out = checkRatioChanges(p);
  return { flagged: out.findings.map((f) => [underlined(p, f), f.recomputed]), verified: out.verified.length };
}

test('lower and higher, with the ratio in a bracket or after a semicolon, decimal commas too', () => {
  assert.deepEqual(verdict('Smokers who quit had 28% lower odds of relapse (OR 0.72, 95% CI 0.60-0.86).'), { flagged: [], verified: 1 });
  assert.deepEqual(verdict('Smokers who quit had 38% lower odds of relapse (OR 0.72, 95% CI 0.60-0.86).'), { flagged: [['38%', '28%']], verified: 0 });
  assert.deepEqual(verdict('Night shifts carried a 40% higher hazard of injury; HR = 1.40.'), { flagged: [], verified: 1 });
  assert.deepEqual(verdict('Night shifts carried a 14% higher hazard of injury; HR = 1.40.'), { flagged: [['14%', '40%']], verified: 0 });
  assert.deepEqual(verdict('Clinic B had 55% lower odds of readmission (OR 0,45; 95% CI 0,30-0,70).'), { flagged: [], verified: 1 });
});

test('left alone: a direction on the other side of 1, a ratio far from the claim, a percentage of something else', () => {
  assert.deepEqual(verdict('Quitters had 28% lower odds of relapse (OR 1.28).'), { flagged: [], verified: 0 });
  assert.deepEqual(verdict('Of the cohort, 28% were smokers (OR for relapse 0.50).'), { flagged: [], verified: 0 });
});
