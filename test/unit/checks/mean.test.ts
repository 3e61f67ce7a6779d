import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkMeans } from '../../../src/core/checks/arithmetic/mean.ts';
import { errors, paper, underlined } from './helpers.ts';

test('mean of values listed in the sentence', () => {
  const p = paper('Three measurements gave 3.2, 4.1 and 5.0 µg/g, a mean of 4.1 µg/g. Scores of 10, 12 and 17 had an average of 12.');
  const out = checkMeans(p);
  assert.equal(out.verified.length, 1);
  const [f] = errors(out);
  assert.equal(underlined(p, f), '12');
  assert.equal(f.recomputed, '13');
});

test('"the mean of a, b and c was m"', () => {
  const p = paper('The mean of 2, 4 and 9 was 6.');
  assert.equal(errors(checkMeans(p))[0]?.recomputed, '5');
});

test('ranges are not lists', () => {
  assert.equal(checkMeans(paper('Ages ranged between 18 and 25, with a mean of 30.')).findings.length, 0);
});

test('"averaging" after the listed values is the same claim as "a mean of"', () => {
  const ok = paper('The three sites logged 14, 20 and 23 nests, averaging 19 per site.');
  assert.equal(checkMeans(ok).verified.length, 1);
  const bad = paper('Batches took 2.4, 2.9 and 3.1 hours, which averaged out to 3.4 hours.');
  assert.deepEqual(errors(checkMeans(bad)).map((f) => f.recomputed), ['2.8']);
  // A running average of something else, not of the values listed.
  const other = paper('Ages were 20, 30 and 40, and daily use averaging 3 hours was typical.');
  assert.equal(checkMeans(other).findings.length + checkMeans(other).verified.length, 0);
});
