// Mean columns and rows in our own tables.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTableMeans } from '../../../src/core/checks/arithmetic/table-means.ts';
import { paper, underlined } from './helpers.ts';

test('a Mean column is the mean of the row values before it', () => {
  const rows = [['Plot', 'Trial 1', 'Trial 2', 'Trial 3', 'Mean', 'SD'], ['north', '4.0', '5.0', '6.0', '5.0', '1.0'], ['south', '2.0', '2.5', '3.6', '2.7', '0.8']];
  const out = checkTableMeans(paper({ table: rows }));
  assert.equal(out.verified.length, 2);
  assert.equal(out.findings.length, 0);
  const p = paper({ table: [rows[0], rows[1], ['south', '2.0', '2.5', '3.6', '3.7', '0.8']] });
  const bad = checkTableMeans(p);
  assert.deepEqual(bad.findings.map((f) => underlined(p, f)), ['3.7']);
});

test('an Average row is the mean of the column above it; an error once other cells confirm the reading', () => {
  const rows = [['Site', 'A', 'B'], ['x', '0.50', '0.20'], ['y', '0.70', '0.40'], ['Average', '0.60', '0.30']];
  assert.equal(checkTableMeans(paper({ table: rows })).verified.length, 2);
  const p = paper({ table: [['Site', 'A', 'B', 'C'], ['x', '0.50', '0.20', '1.0'], ['y', '0.70', '0.40', '2.0'], ['Average', '0.60', '0.30', '2.5']] });
  const out = checkTableMeans(p);
  assert.deepEqual(out.findings.map((f) => `${f.severity} ${underlined(p, f)}`), ['error 2.5']);
});

test('rounded agreement is undecided; a row with a gap is left alone', () => {
  const rounded = checkTableMeans(paper({ table: [['Run', 'a', 'b', 'Mean'], ['r', '1', '2', '1.6']] }));
  assert.equal(rounded.verified.length + rounded.findings.length, 0);
  assert.equal(rounded.undecided?.length, 1);
  assert.equal(checkTableMeans(paper({ table: [['Run', 'a', 'b', 'c', 'Mean'], ['r', '1.0', '', '2.0', '9.0']] })).findings.length, 0);
});
