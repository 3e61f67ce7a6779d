// Tables as structures: a share column over two count columns with a Total row, and columns named
// for a relation (Profit, Net, Gap) between two others. Our own small tables, positive and negative.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTablePercentages } from '../../../src/core/checks/arithmetic/table-percentage.ts';
import { checkTableRelations } from '../../../src/core/checks/arithmetic/table-relations.ts';
import { paper, underlined } from './helpers.ts';

const HEAD = ['Clinic', 'Returned', 'Mailed', 'Response (%)'];

test('a share column over a part and a whole column, found without a header naming the whole', () => {
  const rows = [HEAD, ['Ash', '45', '60', '75.0'], ['Elm', '30', '48', '68.5'], ['Oak', '22', '40', '55.0'], ['Total', '97', '148', '65.5']];
  const p = paper({ table: rows });
  const out = checkTablePercentages(p);
  assert.deepEqual(out.findings.map((f) => [underlined(p, f), f.severity]), [['68.5', 'error']]);
  // The Total row is the pooled share 97 / 148, checked like any other row.
  assert.equal(out.verified.length, 3);
});

test('a Total row whose share is the mean of the rows, not the pooled share, is flagged', () => {
  const rows = [HEAD, ['Ash', '45', '60', '75.0'], ['Elm', '30', '48', '62.5'], ['Oak', '22', '40', '55.0'], ['Total', '97', '148', '64.2']];
  const p = paper({ table: rows });
  const out = checkTablePercentages(p);
  assert.deepEqual(out.findings.map((f) => underlined(p, f)), ['64.2']);
  assert.match(out.findings[0].message, /65\.5%/);
});

test('the part may come after the whole, and the share may be written as a proportion column in %', () => {
  const rows = [['Unit', 'Beds', 'Occupied', 'Occupancy %'], ['A', '20', '15', '75'], ['B', '32', '24', '75'], ['C', '25', '21', '84'], ['D', '10', '7', '60']];
  const p = paper({ table: rows });
  const out = checkTablePercentages(p);
  assert.deepEqual(out.findings.map((f) => underlined(p, f)), ['60']);
});

test('no pair of count columns gives the share on most rows: silent', () => {
  // The share is of something else (weighted, or of another base) on most rows.
  const rows = [HEAD, ['Ash', '45', '60', '71.0'], ['Elm', '30', '48', '66.0'], ['Oak', '22', '40', '55.0'], ['Total', '97', '148', '64.0']];
  assert.equal(checkTablePercentages(paper({ table: rows })).findings.length, 0);
  // A rank column beside counts is no part of the share.
  const ranked = [['Rank', 'Team', 'Wins', 'Games', 'Win rate (%)'], ['1', 'Reds', '18', '24', '70.1'], ['2', 'Blues', '15', '24', '59.9'], ['3', 'Greens', '11', '24', '40.3']];
  assert.equal(checkTablePercentages(paper({ table: ranked })).findings.length, 0);
});

test('two count columns whose quotient fits in two ways are left alone', () => {
  // Both 6/12 and 3/6 give 50%: with two pairs that fit, none is taken.
  const rows = [['Site', 'A', 'B', 'C', 'Share (%)'], ['x', '3', '6', '12', '50.0'], ['y', '4', '8', '16', '50.0'], ['z', '5', '10', '20', '40.0']];
  assert.equal(checkTablePercentages(paper({ table: rows })).findings.length, 0);
});

test('a Profit, Net or Gap column is a difference of two others: two rows holding and one breaking is enough', () => {
  const rows = [['Year', 'Income', 'Costs', 'Profit'], ['2019', '120.5', '98.2', '22.3'], ['2020', '131.0', '101.4', '29.6'], ['2021', '128.7', '110.9', '19.8']];
  const p = paper({ table: rows });
  const out = checkTableRelations(p);
  assert.deepEqual(out.findings.map((f) => [underlined(p, f), f.severity]), [['19.8', 'error']]);
  assert.equal(out.verified.length, 2);
  const gap = [['Group', 'Women', 'Men', 'Gap'], ['18–29', '81.2', '77.0', '4.2'], ['30–49', '79.5', '76.1', '3.4'], ['50+', '74.0', '72.8', '1.2']];
  const g = checkTableRelations(paper({ table: gap }));
  assert.equal(g.findings.length, 0);
  assert.equal(g.verified.length, 3);
});

test('a named column that no pair explains on most rows stays silent; p-values are not operands', () => {
  const rows = [['Arm', 'Before', 'After', 'Net', 'p'], ['a', '10.0', '12.0', '2.0', '0.03'], ['b', '11.0', '15.0', '1.1', '0.20'], ['c', '9.0', '14.0', '3.3', '0.41'], ['d', '8.0', '9.5', '0.2', '0.62']];
  assert.equal(checkTableRelations(paper({ table: rows })).findings.length, 0);
});

test('a single row: a net column is the difference of the two change columns before it, means with their SDs', () => {
  const head = [['Outcome', 'Arm 1 change', 'Arm 2 change', 'Net effect', 't', 'p', 'd'], ['', 'Mean ± SD', 'Mean ± SD', 'Mean ± SD', '', '', '']];
  const ok = paper({ table: [...head, ['Pain', '-1.10 ± 0.90', '-1.85 ± 1.02', '-0.75 ± 0.61', '-2.45', '0.018', '-0.78']] });
  const out = checkTableRelations(ok);
  assert.equal(out.findings.length, 0);
  assert.equal(out.verified.length, 1);
  const p = paper({ table: [...head, ['Pain', '-1.10 ± 0.90', '-1.85 ± 1.02', '-0.95 ± 0.61', '-2.45', '0.018', '-0.78']] });
  const bad = checkTableRelations(p);
  assert.deepEqual(bad.findings.map((f) => underlined(p, f)), ['-0.95 ± 0.61']);
  // The statistics are no operands: with no change columns the net column is left alone.
  const none = paper({ table: [['Outcome', 'Net effect', 't', 'p', 'd'], ['Pain', '-0.95', '-2.45', '0.018', '-0.78']] });
  assert.equal(checkTableRelations(none).findings.length, 0);
});
