// Total columns in our own tables.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRowTotals } from '../../../src/core/checks/arithmetic/table-row-totals.ts';
import { paper, underlined } from './helpers.ts';

test('a Total column after its parts, with n (%) cells', () => {
  const rows = [['Site', 'Small', 'Medium', 'Large', 'Total'], ['a', '10 (29%)', '20 (57%)', '5 (14%)', '35 (100%)'], ['b', '4', '4', '2', '10']];
  assert.equal(checkRowTotals(paper({ table: rows })).verified.length, 2);
  const p = paper({ table: [rows[0], rows[1], ['b', '4', '4', '2', '12']] });
  const out = checkRowTotals(p);
  assert.deepEqual(out.findings.map((f) => underlined(p, f)), ['12']);
});

test('a Total inside a spanning header sums only its group; means and SDs are not parts', () => {
  const rows: (string | [string, number])[][] = [['', ['Hours', 2], ['Cost', 3]], ['Crew', 'Day', 'Night', 'Fuel', 'Labour', 'Total'], ['x', '8', '4', '$12.50', '$30.00', '$42.50']];
  assert.deepEqual(checkRowTotals(paper({ table: rows })).verified.map((v) => v.working), ['12.50 + 30.00 = 42.5']);
  const withMean = [['Unit', 'A', 'Mean', 'B', 'Total'], ['u', '3', '9.5', '4', '7']];
  assert.equal(checkRowTotals(paper({ table: withMean })).verified.length, 1);
});
