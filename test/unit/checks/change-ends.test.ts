// A change stated with its size and both of its ends ("rose by X, from A to B", "fell from A to B, a
// drop of X"), in our own sentences: consistent ones verified, a changed size flagged on the size.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkChanges } from '../../../src/core/checks/arithmetic/change.ts';
import { assertFlagged, assertVerifiedOnce, IN_REPLACEMENT, paper } from './helpers.ts';

const run = (s: string) => checkChanges(paper(s));

// Each consistent sentence and its size as changed (always an error: the words fix the order of the ends).
const PAIRS: [string, string, string][] = [
  ['Median latency dropped by 30 ms, from 120 ms to 90 ms.', '30 ms', '40 ms'],
  ['Mean systolic pressure fell by 8 mmHg, from 142 to 134 mmHg.', 'by 8', 'by 6'],
  ['The water table rose by 1.25 m, from 3.40 to 4.65 m.', '1.25', '1.52'],
  ['Unemployment fell by 2.3 percentage points, from 7.9% to 5.6%.', '2.3', '3.2'],
  ['Enrolment grew from 1,240 to 1,515 pupils, an increase of 275 pupils.', '275', '257'],
  ['Soil carbon declined from 42.0 to 38.5 g/kg, a loss of 3.5 g/kg.', '3.5 g/kg', '4.5 g/kg'],
  ['Throughput increased by 25%, from 800 to 1,000 jobs per hour.', '25%', '35%'],
  ['Annual revenue went up by 0.6 million euros, from 2.1 to 2.7 million euros.', '0.6', '0.9'],
  ['Wheat yield climbed by 2.4 t/ha (from 5.6 to 8.0 t/ha) after irrigation.', '2.4', '3.4'],
  ['Mean reaction time improved from 410 to 365 ms, a decrease of 45 ms.', '45 ms', '55 ms'],
];

test('a change that matches its two ends is verified', () => {
  assertVerifiedOnce(run, PAIRS.map(([s]) => s));
});

test('a changed size is an error on the size', () => {
  for (const [sentence, from, to] of PAIRS) assertFlagged(run, { sentence, from, to, severity: 'error', underlines: IN_REPLACEMENT });
});

test('sizes tied to other ends, periods, years, ranges or rates per year are left alone', () => {
  for (const s of [
    // The size and the ends belong to different clauses.
    'Yield increased by 2.4 t/ha in one site and from 5.6 to 8.0 t/ha in another.',
    'The error rate fell by 2 points for novices, from 14 to 10 for experts.',
    // The ends are ages, years or days, not amounts of what changed.
    'Weight increased by 3 kg from 2 to 8 weeks of age.',
    'Emissions rose by 12 Mt from 2010 to 2020.',
    'Doses were increased by 5 mg, from 10 mg on day 1 to 40 mg on day 8.',
    // A range, not a change.
    'Prices ranged from 5.6 to 8.0 euros, an increase of 3 euros on last year.',
    // A rate per year compounds over the period.
    'Rents rose by 3% per year, from 900 to 1,100 euros over the decade.',
    'Rents rose 2% a year, from 900 to 1,100 euros.',
    // Two second ends: which one the size is for is unclear.
    'Accuracy rose by 4 points, from 70 to 76 with augmentation and to 74 without.',
    // The words say up, the ends go down.
    'Output rose by 3 units, from 12 to 9 units.',
    // A hedged size.
    'Demand rose by about 3 units, from 12 to 16 units.',
  ]) {
    assert.deepEqual(run(s).findings, [], s);
  }
});
