// Rates and ratios told in words (an amount over a period as a rate, a rate per 100,000, a ratio of two amounts), in our own sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRates } from '../../../src/core/checks/arithmetic/rates.ts';
import { assertFlagged, assertVerifiedOnce, paper } from './helpers.ts';

const run = (s: string) => checkRates(paper(s));

// Each consistent sentence, one of its numbers changed, and the severity the change should get.
const PAIRS: [string, string, string, 'error' | 'warning'][] = [
  ['The broker relayed 1,800 messages in 15 minutes, or 2 per second.', 'or 2 per', 'or 3 per', 'error'],
  ['The queue drained 720 jobs in 2 hours, i.e. 6 jobs per minute.', '6 jobs', '8 jobs', 'error'],
  ['The ward recorded 1,460 admissions over the year, about 4 a day.', 'about 4', 'about 6', 'warning'],
  ['The clinic saw 2,920 visits over the year, roughly 56 per week.', '56 per', '65 per', 'warning'],
  ['The disk copied 18 GB in 6 s, i.e. 3 GB/s.', '3 GB/s', '4 GB/s', 'error'],
  ['Uploads reached 90 MB within 30 s, that is 3 MB/s.', '3 MB/s', '5 MB/s', 'error'],
  ['There were 24 cases among 80,000 workers, a rate of 30 per 100,000.', '30 per', '40 per', 'error'],
  ['We counted 18 infections in 6,000 children (3 per 1,000).', '(3 per', '(5 per', 'error'],
  ['Memory use fell from 12 GB to 4 GB, a 3:1 ratio.', '4 GB, a', '6 GB, a', 'warning'],
  ['The archive shrank from 800 MB to 200 MB, 4-to-1.', '4-to-1', '5-to-1', 'warning'],
  ['Build time fell from 90 s to 30 s, a ratio of 3.', 'of 3.', 'of 4.', 'warning'],
  ['The exposed arm had 80 infections versus 20 in the control arm (4:1).', '20 in', '40 in', 'warning'],
  ['Of 40,000 newborns, 120 were readmitted, a rate of 300 per 100,000.', '300 per', '350 per', 'error'],
  ['Among 9,000 drivers, 27 crashed, i.e. 3 per 1,000.', '3 per', '6 per', 'error'],
  ['Patients took 2 tablets a day for 14 days, 28 tablets in total.', '28', '38', 'error'],
  ['Each volunteer cycled 15 km every day for 6 days, i.e. 90 km.', '90 km', '80 km', 'error'],
];

test('rates and ratios that hold are verified', () => {
  assertVerifiedOnce(run, PAIRS.map(([s]) => s));
});

test('one changed number is flagged, as a warning when the rate is hedged or a ratio', () => {
  for (const [sentence, from, to, severity] of PAIRS) assertFlagged(run, { sentence, from, to, severity });
});

test('rates without a stated period, per-year rates and design ratios are left alone', () => {
  for (const s of [
    // No period: the rate cannot be recomputed.
    'The pipeline handles 500 frames, about 25 per second.',
    // A rate per year over a population: the period is elsewhere.
    'There were 45 deaths among 150,000 residents over 5 years, 6 per 100,000 per year.',
    'We saw 30 events among 10,000 patients, 12 per 1,000 person-years.',
    // The rate is not the restatement of the count: another clause.
    'The server logged 1,200 requests in 10 minutes; the peak was 5 per second.',
    // A bound on the count.
    'The server logged over 1,200 requests in 10 minutes, or 3 per second.',
    // A design ratio, not a ratio of the two amounts.
    'Groups of 40 and 20 patients were randomised 2:1 to drug and placebo.',
    'Two of the 12 sessions were cancelled.',
    // A rate over a period whose total counts something else, or comes from more factors than the two.
    'Patients took 2 tablets a day for 14 days, 40 patients in total.',
    'We drew 5 samples per day for 10 days from 30 wards, giving 1,500 samples.',
  ]) {
    const out = run(s);
    assert.deepEqual([out.findings.map((f) => f.message), out.verified.length], [[], 0], s);
  }
});
