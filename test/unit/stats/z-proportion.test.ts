// A one-proportion z test against the share, n and tested value printed before it. Paraphrases
// written for these tests, each with a wrong twin, and negatives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkZProportion } from '../../../src/core/checks/stats/z-proportion.ts';
import { paper, underlined } from '../checks/helpers.ts';

function verdict(sentence: string): { verified: number; flagged: string[] } {
  const p = paper(sentence);
  const out = checkZProportion(p);
  return { verified: out.verified.length, flagged: out.findings.map((f) => `${f.severity} ${underlined(p, f)}`) };
}

test('a count of a whole against a named value', () => {
  // (0.68 − 0.5) / √(0.25 / 100) = 3.60
  assert.deepEqual(verdict('Judges picked the real item in 68 of 100 trials, above the chance level of 50%, z = 3.60, p < .001.'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('Judges picked the real item in 68 of 100 trials, above the chance level of 50%, z = 1.60, p < .001.'), { verified: 0, flagged: ['warning 1.60'] });
  // A percentage of a whole against a national rate: (0.30 − 0.25) / √(0.1875 / 300) = 2.00
  assert.deepEqual(verdict('In our town 30% of 300 adults smoked, more than the national rate of 25%, z = 2.00.'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('In our town 30% of 300 adults smoked, more than the national rate of 25%, z = 4.00.'), { verified: 0, flagged: ['warning 4.00'] });
});

test('p-hat and n against p0', () => {
  // (0.41 − 0.35) / √(0.35 × 0.65 / 400) = 2.52
  assert.deepEqual(verdict('The observed share was p̂ = .41 with n = 400, tested against p0 = .35: z = 2.52.'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('The observed share was p̂ = .41 with n = 400, tested against p0 = .35: z = 5.52.'), { verified: 0, flagged: ['warning 5.52'] });
});

test('negatives: two shares, no tested value, a z of a coefficient', () => {
  assert.deepEqual(verdict('Of 100 men 68 and of 120 women 61 agreed, against a chance level of 50%, z = 2.31.'), { verified: 0, flagged: [] });
  assert.deepEqual(verdict('Judges picked the real item in 68 of 100 trials, z = 9.60.'), { verified: 0, flagged: [] });
  assert.deepEqual(verdict('The coefficient was 0.31 (SE = 0.10), z = 3.10.'), { verified: 0, flagged: [] });
});
