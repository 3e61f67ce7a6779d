import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTableDerived } from '../../../src/core/checks/arithmetic/table-derived.ts';
import { errors, paper, underlined } from './helpers.ts';

test('a Δ column is the later minus the earlier of the two columns before it', () => {
  const p = paper({ table: [['Model', 'Baseline', 'Tuned', 'Δ'], ['Small', '41.2', '47.0', '+5.8'], ['Large', '55.0', '53.9', '-1.1']] });
  const out = checkTableDerived(p, true);
  assert.equal(out.findings.length, 0);
  assert.equal(out.verified.length, 2);
  const wrong = paper({ table: [['Model', 'Baseline', 'Tuned', 'Δ'], ['Small', '41.2', '47.0', '+5.8'], ['Large', '55.0', '53.9', '-2.1']] });
  assert.deepEqual(errors(checkTableDerived(wrong, true)).map((f) => [underlined(wrong, f), f.recomputed]), [['-2.1', '-1.1']]);
});

test('a Δ that matches another pair of columns is undecided, unless a line names the pair', () => {
  const rows = [['Task', 'System A', 'System B', 'System C', 'Δ'], ['Parsing', '70.0', '61.5', '62.0', '+8.0']];
  const p = paper({ table: rows });
  const out = checkTableDerived(p, true);
  assert.equal(out.findings.length, 0);
  assert.equal(out.verified.length, 0);
  assert.equal(out.undecided?.length, 1);
  const named = paper({ table: rows }, 'Δ = System A − System C; higher is better.');
  assert.equal(checkTableDerived(named, true).verified.length, 1);
  const namedWrong = paper({ table: [rows[0], ['Parsing', '70.0', '61.5', '62.0', '+9.0']] }, 'Δ = System A − System C.');
  assert.deepEqual(errors(checkTableDerived(namedWrong, true)).map((f) => f.recomputed), ['8.0']);
});

test('a Difference row is the difference of the two rows above it, in every column', () => {
  const rows = [['', 'Clicks', 'Shares', 'Likes'], ['Treated', '0.512', '0.204', '0.330'], ['', '(0.010)', '(0.008)', '(0.009)'], ['Control', '0.480', '0.214', '0.301'], ['', '(0.011)', '(0.007)', '(0.008)']];
  const ok = paper({ table: [...rows, ['Difference', '0.032', '-0.010', '0.029']] });
  assert.equal(checkTableDerived(ok, true).verified.length, 3);
  const bad = paper({ table: [...rows, ['Difference', '0.032', '-0.040', '0.029']] });
  assert.deepEqual(errors(checkTableDerived(bad, true)).map((f) => [underlined(bad, f), f.recomputed]), [['-0.040', '-0.010']]);
});

test('a column headed Difference that no pair explains on most rows is not read as one', () => {
  const p = paper({ table: [['Item', 'A', 'B', 'Difference'], ['x', '1.0', '2.0', '7.0'], ['y', '3.0', '5.0', '9.0'], ['z', '2.0', '2.5', '0.5']] });
  assert.equal(checkTableDerived(p, true).findings.length, 0);
});
