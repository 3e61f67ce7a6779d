// Percentages of counts written as number words, as papers do at the start of a sentence or for
// small counts. Paraphrases written for these tests, each with a wrong twin, and negatives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPercentages } from '../../../src/core/checks/arithmetic/percentage.ts';
import { paper, underlined } from './helpers.ts';

function verdict(sentence: string): { verified: number; flagged: string[] } {
  const p = paper(sentence);
  const out = checkPercentages(p);
  return { verified: out.verified.length, flagged: out.findings.map((f) => `${f.severity} ${underlined(p, f)}`) };
}

test('a worded count of a whole written in digits or words', () => {
  assert.deepEqual(verdict('Eighteen of the 72 hives (25%) were lost over winter.'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('Eighteen of the 72 hives (35%) were lost over winter.'), { verified: 0, flagged: ['error 35%'] });
  assert.deepEqual(verdict('In the pilot, five out of twenty volunteers (25%) dropped out.'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('In the pilot, five out of twenty volunteers (20%) dropped out.'), { verified: 0, flagged: ['error 20%'] });
  assert.deepEqual(verdict('Forty-two of 120 farms (35.0%) used the new seed.'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('Forty-two of 120 farms (45.0%) used the new seed.'), { verified: 0, flagged: ['error 45.0%'] });
});

test('a whole named first, then a worded count with its share', () => {
  assert.deepEqual(verdict('Of the 48 clinics, nine (18.8%) had no pharmacist.'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('Of the 48 clinics, nine (28.8%) had no pharmacist.'), { verified: 0, flagged: ['error 28.8%'] });
});

test('negatives: "one", words inside larger numbers, worded percentages, worded counts without a whole', () => {
  assert.deepEqual(verdict('In one of the two arms (52%) the order was reversed.'), { verified: 0, flagged: [] });
  assert.deepEqual(verdict('Three hundred of the 900 households (33%) replied.'), { verified: 0, flagged: [] });
  assert.deepEqual(verdict('Twenty percent of the 60 plots (12 plots) flooded.'), { verified: 0, flagged: [] });
  // No whole for the worded count: nothing to recompute from.
  assert.deepEqual(verdict('Nine clinics (18.8%) had no pharmacist.'), { verified: 0, flagged: [] });
  // A worded count that is a property of the items, not how many of them.
  assert.deepEqual(verdict('Of the 40 products, 12 (30%) contained two additives and 8 (20%) contained none.'), { verified: 2, flagged: [] });
});
