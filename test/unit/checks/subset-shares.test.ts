// Shares of the parts of a split whose whole is the sum of the parts' counts, in our own sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSubsetShares } from '../../../src/core/checks/arithmetic/subset-shares.ts';
import { paper, underlined } from './helpers.ts';

function run(s: string): { flagged: string[]; verified: number } {
  const p = paper(s);
  const out = checkSubsetShares(p);
  return { flagged: out.findings.map((f) => `${f.severity}:${underlined(p, f)}`), verified: out.verified.length };
}

test('a held-out part with its share and count, and the count of the rest', () => {
  assert.deepEqual(run('We kept a 25% test set (n = 300) aside; the remaining 900 essays trained the model.'), { flagged: [], verified: 1 });
  assert.deepEqual(run('We kept a 25% test set (n = 300) aside; the remaining 1,000 essays trained the model.').flagged, ['warning:25%']);
  assert.deepEqual(run('A random 5% of the songs (1,000 songs) formed the dev set, and the other 19,000 the training set.'), { flagged: [], verified: 1 });
  assert.deepEqual(run('A random 5% of the songs (1,000 songs) formed the dev set, and the other 25,000 the training set.').flagged, ['warning:5%']);
  assert.deepEqual(run('Of the cases, 12.5% (n = 40) were audited twice and the rest (n = 280) once.'), { flagged: [], verified: 1 });
});

test('every part with its share and count in one bracket', () => {
  assert.deepEqual(run('The images were split into train (60%, 1,800 images), validation (20%, 600 images) and test (20%, 600 images).'), { flagged: [], verified: 1 });
  assert.deepEqual(run('The images were split into train (60%, 1,800 images), validation (20%, 600 images) and test (20%, 900 images).').flagged, ['warning:60%']);
  assert.deepEqual(run('Sessions were online (n = 45, 75%) or in person (n = 15, 25%).'), { flagged: [], verified: 1 });
  assert.deepEqual(run('Sessions were online (n = 45, 75%) or in person (n = 25, 25%).').flagged, ['warning:75%']);
});

test('shares and counts that are not one split stay silent', () => {
  for (const s of [
    'Turnout was higher in towns (62%, 310 voters) than in farms (48%, 120 voters).',
    'We trimmed 5% of the trials (n = 40) as outliers; the remaining 760 ms were averaged.',
    'A 20% subsample (n = 50) was coded twice, and 30 of the remaining transcripts once.',
    'Recall was 62% (n = 31) in the first run; the other 20 runs were not scored.',
  ]) {
    assert.deepEqual(run(s).flagged, [], s);
  }
});

test('scores on named sets with their sizes are not a split', () => {
  assert.deepEqual(run('Accuracy was 82% on the test set (82%, n = 400) and 79% on validation (79%, n = 100).').flagged, []);
  assert.deepEqual(run('Accuracy reached (82%, n = 400) on test and (79%, n = 100) on validation data.').flagged, []);
});
