// An amount per person (or per head, per pupil ...), possibly also per day, applied to a stated number
// of people, with the total after it, in our own sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkWordedProducts } from '../../../src/core/checks/arithmetic/worded-products.ts';
import { assertFlagged, assertVerifiedOnce, IN_REPLACEMENT, paper } from './helpers.ts';

const run = (s: string) => checkWordedProducts(paper(s));

const PAIRS: [string, string, string][] = [
  ['A ration of 2.5 L per person per day for 400 people comes to 1,000 L per day.', '1,000 L', '100 L'],
  ['At 40 euros per participant, the 250 participants cost 10,000 euros.', '10,000', '1,000'],
  ['At 2.5 L per person per day, the 400 residents need 1,000 L per day.', '1,000 L', '1,200 L'],
  ['Rice was handed out at 0.4 kg per capita per day, so the 1,500 inhabitants received 600 kg per day.', '600 kg', '60 kg'],
  ['The canteen serves 0.25 L per pupil per day, so its 320 pupils drink 80 L per day.', '80 L', '8 L'],
  ['At 35 g per hen per day, the 2,000 hens eat 70 kg per day.', '70 kg', '7 kg'],
];

test('an amount per person applied to the people counted is verified', () => {
  assertVerifiedOnce(run, PAIRS.map(([s]) => s));
});

test('a changed total is an error on the total', () => {
  for (const [sentence, from, to] of PAIRS) assertFlagged(run, { sentence, from, to, severity: 'error', underlines: IN_REPLACEMENT });
});

test('amounts per person set against a limit, contrasted, or with no total are left alone', () => {
  for (const s of [
    'At 2.5 L per person per day, the 400 residents need more than the 800 L per day the well supplies.',
    'The budget was 40 euros per participant, but the 250 participants cost 12,000 euros.',
    'At 40 euros per participant, we enrolled 250 participants over 30 days.',
    // A price per person per day without the number of days: the total is not the product.
    'At 40 euros per participant per day, the 250 participants cost 30,000 euros.',
    'At 2.5 L per person per day, the 400 residents of the 12 farms need 700 L per day.',
    'Tickets were 12 euros per visitor; the 300 visitors also spent 900 euros on food.',
  ]) {
    assert.deepEqual(run(s).findings, [], s);
  }
});
