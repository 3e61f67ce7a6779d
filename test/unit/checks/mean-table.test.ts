import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTableDerived, readTableClaims } from '../../../src/core/checks/arithmetic/table-derived.ts';
import { errors, paper, underlined } from './helpers.ts';

test('a Mean column is read as the mean of the entries before it', () => {
  const p = paper({ table: [['Site', 'Spring', 'Summer', 'Autumn', 'Mean'], ['North', '2.0', '4.5', '3.1', '3.2']] });
  const [claim] = readTableClaims(p.text, p.tables[0]);
  assert.equal(claim.relation, 'mean');
  assert.deepEqual(claim.operands.map((n) => n.text), ['2.0', '4.5', '3.1']);
  assert.equal(claim.result.text, '3.2');
  const out = checkTableDerived(p, true);
  assert.equal(out.findings.length, 0);
  assert.equal(out.verified.length, 1);
});

test('a wrong mean on one row of several is an error; alone it is a warning', () => {
  const rows = [['Site', 'Spring', 'Summer', 'Autumn', 'Avg.'], ['North', '2.0', '4.5', '3.1', '3.2'], ['South', '1.0', '1.4', '1.9', '4.1'], ['East', '5.5', '6.0', '6.5', '6.0']];
  const p = paper({ table: rows });
  const out = checkTableDerived(p, true);
  assert.deepEqual(errors(out).map((f) => [underlined(p, f), f.recomputed]), [['4.1', '1.4']]);
  const alone = paper({ table: [rows[0], rows[2]] });
  assert.deepEqual(checkTableDerived(alone, true).findings.map((f) => f.severity), ['warning']);
});

test('an Average row under the rows it averages, missing cells left out', () => {
  const p = paper({ table: [['Run', 'A', 'B'], ['1', '10.0', '7.0'], ['2', '12.0', '-'], ['3', '14.0', '9.0'], ['Average', '12.0', '8.0']] });
  const out = checkTableDerived(p, true);
  assert.equal(out.findings.length, 0);
  assert.equal(out.verified.length, 2);
  const wrong = paper({ table: [['Run', 'A', 'B'], ['1', '10.0', '7.0'], ['2', '12.0', '-'], ['3', '14.0', '9.0'], ['Average', '21.0', '8.0']] });
  assert.deepEqual(checkTableDerived(wrong, true).findings.map((f) => underlined(wrong, f)), ['21.0']);
});

test('a table of means per group (Mean | SD | Mean | SD) has no mean column', () => {
  const p = paper({ table: [['Item', 'Mean', 'SD', 'Mean', 'SD'], ['Age', '31.2', '4.0', '29.9', '3.1']] });
  assert.equal(readTableClaims(p.text, p.tables[0]).length, 0);
});

test('an Overall mean pooled from earlier means by the n row', () => {
  const rows = [['', 'Wave 1 Mean', 'Wave 1 SE', 'Wave 2 Mean', 'Wave 2 SE', 'Overall Mean'], ['Income', '40.0', '0.5', '50.0', '0.3', '47.5'], ['n', '1,000', '', '3,000', '', '4,000']];
  const p = paper({ table: rows });
  const out = checkTableDerived(p, true);
  assert.equal(out.findings.length, 0);
  assert.equal(out.verified.length, 1);
  // The unweighted mean (45.0) is not the pooled one.
  const wrong = paper({ table: [rows[0], ['Income', '40.0', '0.5', '50.0', '0.3', '45.0'], rows[2]] });
  assert.deepEqual(errors(checkTableDerived(wrong, true)).map((f) => f.recomputed), ['47.5']);
  // n that do not add up: which means are pooled is not known.
  const unknown = paper({ table: [rows[0], rows[1], ['n', '1,000', '', '3,000', '', '5,000']] });
  assert.equal(readTableClaims(unknown.text, unknown.tables[0]).length, 0);
});

test('a Total row of response distributions is their average; a Total that is a sum is left to the total check', () => {
  const dist = [['Statement', 'Agree [%]', 'Neutral [%]', 'Disagree [%]'], ['First', '50.0', '25.0', '25.0'], ['Second', '30.0', '30.0', '40.0']];
  const ok = paper({ table: [...dist, ['Total', '40.0', '27.5', '32.5']] });
  assert.equal(checkTableDerived(ok, true).verified.length, 3);
  const off = paper({ table: [...dist, ['Total', '40.0', '37.5', '32.5']] });
  assert.deepEqual(checkTableDerived(off, true).findings.map((f) => [underlined(off, f), f.severity]), [['37.5', 'warning']]);
  const sums = paper({ table: [['Group', 'Men', 'Women'], ['A', '12', '30'], ['B', '8', '10'], ['Total', '20', '40']] });
  assert.equal(readTableClaims(sums.text, sums.tables[0]).length, 0);
});

test('cells the table-means check reads are left to it: one verdict per cell', () => {
  const p = paper({ table: [['Site', 'Spring', 'Summer', 'Autumn', 'Mean'], ['North', '2.0', '4.5', '3.1', '3.2']] });
  const out = checkTableDerived(p);
  assert.equal(out.verified.length + out.findings.length, 0);
});
