// Sizes per item and rates told twice, with counts in words or space-grouped digits, in our own sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRatios } from '../../../src/core/checks/arithmetic/ratio.ts';
import { paper } from './helpers.ts';

const run = (s: string) => checkRatios(paper(s));
const severities = (s: string) => run(s).findings.map((f) => f.severity);

test('a whole over the size of one item, the count in the next sentence or in words', () => {
  assert.equal(run('Take a 2 TB archive that keeps 4 MB per scan. This means the archive holds about half a million scans, or roughly 500 000 scans.').verified.length, 1);
  assert.equal(run('Take a 2 TB archive that keeps 2 MB per scan. Storing them requires about one million scan slots.').verified.length, 1);
  assert.deepEqual(severities('Take a 2 TB archive that keeps 4 MB per scan. Storing them requires about one million scan slots.'), ['warning']);
  assert.deepEqual(severities('Take a 1 GB card with 25 MB per clip, which gives about 4 000 clips.'), ['warning']);
  assert.equal(run('Take a 1 GB card with 25 MB per clip, which gives about 40 clips.').verified.length, 1);
});

test('one rate told in two units of time', () => {
  assert.equal(run('The broker handled 7,200 messages per hour, i.e. 2 per second.').verified.length, 1);
  assert.equal(run('The broker handled 7,200 messages per hour, i.e. 2 per second.').findings.length, 0);
  assert.deepEqual(severities('The broker handled 7,200 messages per hour, i.e. 20 per second.'), ['warning']);
  // Hedged on both sides: loose agreement is enough, and nothing is verified.
  const hedged = run('The fleet moved over three million parcels a week and over 4.9 parcels per second.');
  assert.deepEqual([hedged.findings.length, hedged.verified.length], [0, 0]);
  assert.deepEqual(severities('The fleet moved over three million parcels a week and over 50 per second.'), ['warning']);
});

test('rates that are not one rate restated are left alone', () => {
  for (const s of [
    // Two different things per unit of time, joined by "while".
    'Readers scanned 40 pages per hour while writers produced 2 pages per minute.',
    // The same unit twice: not a restatement.
    'Throughput rose from 30 jobs per hour to 45 jobs per hour.',
  ]) assert.deepEqual(run(s).findings, [], s);
});
