// Counts that are products told in words (per group × groups = total; rows × columns of a grid), in our own sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCountProducts, readCountProducts } from '../../../src/core/checks/arithmetic/count-products.ts';
import { sentencesOf } from '../../../src/core/checks/arithmetic/context.ts';
import { paper } from './helpers.ts';

const run = (s: string) => checkCountProducts(paper(s));

const CONSISTENT = [
  'We drew 25 pupils from each of the 12 schools, 300 pupils in total.',
  'The panel gave 40 ratings for both forms of the test (80 ratings overall).',
  'Each of three sites contributed 18 interviews, so 54 interviews altogether were coded.',
  'The 24 sensors were arranged in a 4 × 6 grid on the roof.',
  'Our 30 plots were laid out in a 5-by-6 array across the field.',
];

test('a count per group times the groups, and a grid, give the stated count', () => {
  for (const s of CONSISTENT) {
    const out = run(s);
    assert.equal(out.findings.length, 0, s);
    assert.equal(out.verified.length, 1, s);
  }
});

test('one number changed is flagged as a warning', () => {
  for (const s of [
    CONSISTENT[0].replace('300 pupils', '360 pupils'),
    CONSISTENT[1].replace('80 ratings', '90 ratings'),
    CONSISTENT[2].replace('54 interviews', '45 interviews'),
    CONSISTENT[3].replace('4 × 6', '4 × 8'),
    CONSISTENT[4].replace('30 plots', '36 plots'),
  ]) assert.deepEqual(run(s).findings.map((f) => f.severity), ['warning'], s);
});

test('products the words do not state are left alone', () => {
  for (const s of [
    // Two numbers of groups: which one multiplies is not certain.
    'Both raters scored 40 essays from each of the 3 classes, 120 essays in total.',
    // A grid the items are converted into, and a grid search.
    'A record of 24 values was reshaped into a 5 × 5 matrix after padding.',
    'We ran 50 trials arranged in a 3 × 3 grid search over the two rates.',
    // The count per group is the end of a range.
    'Each of the 12 pupils answered between 40 and 60 items, 600 items in total.',
    // No number of groups at all.
    'We recorded 40 sessions in spring, 90 sessions in total.',
  ]) {
    const out = run(s);
    assert.deepEqual([out.findings.length, out.verified.length], [0, 0], s);
  }
});

test('the reader keeps the factors as written', () => {
  const p = paper(CONSISTENT[1]);
  const [c] = readCountProducts(p.text, sentencesOf(p).sentences[0]);
  assert.deepEqual([c.shape, c.factors[0].text, c.factors[1].text, c.total.text], ['per-group', '40', 'both', '80']);
});
