// An amount over a period restated as a rate in another unit, and events among a population restated
// per 1,000 or 100,000, in our own sentences: each consistent one verified, one changed number flagged.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRates } from '../../../src/core/checks/arithmetic/rates.ts';
import { assertFlagged, assertVerifiedOnce, IN_REPLACEMENT, paper } from './helpers.ts';

const run = (s: string) => checkRates(paper(s));

// Each consistent sentence, the stated rate as changed, and the severity the change should get.
const PAIRS: [string, string, string, 'error' | 'warning'][] = [
  // An amount over a duration, restated as a rate (a scale word, a unit conversion, several connectors).
  ['The crawler fetched 2.4 million pages in 8 hours, or about 83 pages per second.', 'about 83', 'about 830', 'warning'],
  ['The sequencer produced 540 GB in 3 hours, a throughput of 50 MB/s.', 'of 50 MB/s', 'of 60 MB/s', 'error'],
  ['Our parser handled 36,000 records in 2 minutes, an average of 300 records per second.', 'of 300', 'of 3,000', 'warning'],
  ['The mill ground 1.5 million kg of grain in 30 days, that is 50,000 kg per day.', '50,000 kg', '5,000 kg', 'error'],
  ['The cluster ingested 86.4 TB over 24 hours, a rate of 1 GB/s.', 'of 1 GB/s', 'of 2 GB/s', 'error'],
  ['The hotline received 4,320 calls in 3 days, which is 60 calls per hour.', 'is 60', 'is 40', 'error'],
  // Events among a population, per 1,000 or 100,000 (the population in words or digits, named first or second).
  ['We recorded 84 infections among 12,000 surgical patients, an incidence of 7 per 1,000.', 'of 7 per', 'of 9 per', 'error'],
  ['Investigators found 45 cases among 1.5 million children, a rate of 3 per 100,000.', 'of 3 per', 'of 30 per', 'error'],
  ['With 620 injuries among 31,000 workers, the injury rate was 20 per 1,000.', 'was 20', 'was 2', 'error'],
  ['Out of 40,000 blood donors, 12 tested positive, i.e. 30 per 100,000.', 'i.e. 30', 'i.e. 40', 'error'],
  ['The audit found 96 defects in 480,000 lines, or 20 per 100,000 lines.', 'or 20', 'or 25', 'error'],
  ['In 50,000 flights, 35 reported a bird strike, a rate of 0.7 per 1,000.', 'of 0.7', 'of 0.9', 'error'],
];

test('amounts restated as rates and population rates that hold are verified', () => {
  assertVerifiedOnce(run, PAIRS.map(([s]) => s));
});

test('a changed rate is flagged on the rate, as a warning when hedged or when the amounts were rounded', () => {
  for (const [sentence, from, to, severity] of PAIRS) assertFlagged(run, { sentence, from, to, severity, underlines: IN_REPLACEMENT });
});

test('a rate some rounded amounts give is not flagged, one they cannot give is', () => {
  // 1.2 million may be anything from 1.15 to 1.25 million: 2,050 per second is within reach, 2,500 is not.
  assert.deepEqual(run('The gateway served 1.2 million requests in 10 minutes, or 2,050 requests per second.').findings, []);
  assert.equal(run('The gateway served 1.2 million requests in 10 minutes, or 2,500 requests per second.').findings.length, 1);
});

test('rates compared with a limit, a target or another population are left alone', () => {
  for (const s of [
    'The gateway served 1.2 million requests in 10 minutes, and its peak was 5,000 requests per second.',
    'The kernel copies 4.8 GB in 0.6 s, well below the link limit of 12 GB/s.',
    'The pump moved 7,200 L in 4 hours at a nominal rating of 45 L/min.',
    'The test moved 4.8 GB in 0.6 s, against a target of 10 GB/s.',
    'We processed 36,000 records in 2 minutes; a rate of 500 records per second is needed for production.',
    'The crawler fetched 2.4 million pages in 8 hours, compared with 40 pages per second last year.',
    'There were 3,600 deaths among 1.8 million residents, while the national mortality rate was 150 per 100,000.',
    'There were 3,600 deaths among 1.8 million residents, and the national rate was 150 per 100,000.',
    'We saw 84 infections among 12,000 patients; the benchmark rate is 5 per 1,000.',
    'Of 40,000 donors, 12 tested positive, below the threshold of 50 per 100,000.',
    'Among 1.5 million children, 45 cases were reported over 5 years, 0.6 per 100,000 per year.',
  ]) {
    assert.deepEqual(run(s).findings, [], s);
  }
});
