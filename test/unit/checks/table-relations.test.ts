// Columns computed from other columns of the same row, in our own tables.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTableRelations } from '../../../src/core/checks/arithmetic/table-relations.ts';
import { paper, underlined } from './helpers.ts';

test('a speed-up column next to exactly two times: verified, or flagged with the nearer direction', () => {
  const ok = checkTableRelations(paper({ table: [['Job', 'Old (s)', 'New (s)', 'Speed-up'], ['sort', '9.0', '3.0', '3.0×']] }));
  assert.deepEqual(ok.verified.map((v) => v.working), ['9.0 / 3.0 = 3.0']);
  const p = paper({ table: [['Job', 'Old (s)', 'New (s)', 'Speed-up'], ['sort', '9.0', '3.0', '4.5×']] });
  const bad = checkTableRelations(p);
  assert.deepEqual(bad.findings.map((f) => underlined(p, f)), ['4.5×']);
  assert.match(bad.findings[0].message, /9\.0 \/ 3\.0 = 3/);
});

test('a header that writes its formula picks its columns among many', () => {
  const rows = [['n', 'A (ms)', 'B (ms)', 'A/B', 'C'], ['4', '12.0', '4.0', '3.00', '7']];
  assert.equal(checkTableRelations(paper({ table: rows })).verified.length, 1);
  const bad = [rows[0], ['4', '12.0', '4.0', '5.00', '7']];
  assert.equal(checkTableRelations(paper({ table: bad })).findings.length, 1);
});

test('a difference column judged by the pair that holds on the other rows', () => {
  const rows = [['Item', 'Before', 'After', 'Other', 'Δ'], ['a', '40.1', '42.6', '7.0', '+2.5'], ['b', '30.0', '31.0', '2.0', '+1.0'], ['c', '20.0', '26.0', '1.0', '+9.0']];
  const p = paper({ table: rows });
  const out = checkTableRelations(p);
  assert.equal(out.verified.length, 2);
  assert.deepEqual(out.findings.map((f) => underlined(p, f)), ['+9.0']);
  assert.equal(out.findings[0].severity, 'error');
});

test('agreement only through rounding is undecided; an unexplained single row is left alone', () => {
  const rounded = checkTableRelations(paper({ table: [['Case', 'Cost A', 'Cost B', 'Ratio'], ['x', '$0.30', '$1.00', '3.4×']] }));
  assert.equal(rounded.verified.length + rounded.findings.length, 0);
  assert.equal(rounded.undecided?.length, 1);
  const open = checkTableRelations(paper({ table: [['Task', 'P', 'Q', 'R', 'Δ'], ['t', '14.5', '5.7', '23.2', '-1.0']] }));
  assert.equal(open.findings.length, 0);
});
