import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTableDerived, readTableClaims } from '../../../src/core/checks/arithmetic/table-derived.ts';
import { errors, paper, underlined } from './helpers.ts';

test('a column headed (A)/(B) is the ratio of the columns it names', () => {
  const rows = [['n', 'Load (s)', 'Cache', 'Load_fast (s)', '(Load)/(Load_fast)'], ['10', '4.20', '3', '0.35', '12.00']];
  const p = paper({ table: rows });
  const [claim] = readTableClaims(p.text, p.tables[0]);
  assert.deepEqual([claim.relation, claim.basis, ...claim.operands.map((n) => n.text)], ['ratio', 'named', '4.20', '0.35']);
  assert.equal(checkTableDerived(p, true).verified.length, 1);
  const wrong = paper({ table: [rows[0], ['10', '4.20', '3', '0.35', '21.00']] });
  assert.deepEqual(errors(checkTableDerived(wrong, true)).map((f) => [underlined(wrong, f), f.recomputed]), [['21.00', '12.00']]);
});

test('speed-ups written as "N ×" next to the two costs, either order, rounded inputs allowed', () => {
  const p = paper({ table: [['Setting', 'GPU cost', 'CPU cost', 'Ratio'], ['Cloud', '$0.052', '$12.40', '238 ×']] });
  assert.equal(checkTableDerived(p, true).verified.length, 1);
  const wrong = paper({ table: [['Setting', 'GPU cost', 'CPU cost', 'Ratio'], ['Cloud', '$0.052', '$12.40', '283 ×']] });
  assert.deepEqual(checkTableDerived(wrong, true).findings.map((f) => underlined(wrong, f)), ['283']);
});

test('a unit with a slash in the header is not a ratio column', () => {
  const p = paper({ table: [['Car', 'Speed (km/h)', 'Mass (kg)'], ['A', '120', '1,300']] });
  assert.equal(readTableClaims(p.text, p.tables[0]).length, 0);
});
