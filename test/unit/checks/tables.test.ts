import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTablePercentages } from '../../../src/core/checks/arithmetic/table-percentage.ts';
import { checkTableShares } from '../../../src/core/checks/arithmetic/table-shares.ts';
import { checkTableTotals } from '../../../src/core/checks/arithmetic/table-total.ts';
import { errors, paper, underlined } from './helpers.ts';

test('total row and total column', () => {
  const p = paper({ table: [['Type', 'Detected', 'Not detected', 'Total'], ['Spatula', '7', '11', '18'], ['Spoon', '3', '11', '14'], ['Tongs', '2', '6', '9'], ['Total', '12', '29', '40']] });
  const out = checkTableTotals(p);
  assert.deepEqual(errors(out).map((f) => [underlined(p, f), f.recomputed]), [['29', '28'], ['9', '8']]);
});

test('a total row no column of which sums is not a sum row', () => {
  const p = paper({ table: [['Group', 'Mean', 'SD'], ['A', '4.1', '1.2'], ['B', '3.9', '1.0'], ['Total', '4.5', '1.1']] });
  assert.equal(checkTableTotals(p).findings.length, 0);
});

test('aggregate row against the count-weighted mean of the rows above', () => {
  const p = paper({ table: [['Comparison', 'Evaluations', 'Decision', 'High'], ['A', '24', '83%', '54%'], ['B', '77', '90%', '62%'], ['C', '64', '89%', '66%'], ['D', '32', '78%', '72%'], ['E', '12', '92%', '83%'], ['All comparisons', '209', '87%', '75%']] });
  const out = checkTableTotals(p);
  const [f] = errors(out);
  assert.equal(underlined(p, f), '75%');
  assert.equal(f.recomputed, '65%');
});

test('n (%) cells against N in the header', () => {
  const p = paper({ table: [['Characteristic', 'Number (%), N=209', 'Studies, N=63'], ['Type', '', ''], ['A', '24 (11%)', '14'], ['B', '77 (34%)', '33'], ['C', '64 (31%)', '31'], ['D', '32 (15%)', '23'], ['E', '12 (6%)', '8']] });
  const out = checkTablePercentages(p);
  const [f] = errors(out);
  assert.equal(underlined(p, f), '34%');
  assert.equal(f.suggestion, '37%');
  assert.equal(out.verified.length, 4);
});

test('count and % columns against the Total row; per-row bases are left alone', () => {
  const p = paper({ table: [['Group', 'n', '%'], ['A', '30', '30.0'], ['B', '50', '55.0'], ['C', '20', '20.0'], ['Total', '100', '100.0']] });
  assert.deepEqual(errors(checkTablePercentages(p)).map((f) => underlined(p, f)), ['55.0']);
  const q = paper({ table: [['Group', 'n (%)'], ['A', '30 (60%)'], ['B', '50 (40%)'], ['C', '20 (25%)'], ['Total', '100']] });
  assert.equal(checkTablePercentages(q).findings.length, 0);
});

test('shares above a Total of 100% or 1.00 add up to the whole', () => {
  const wrong = paper({ table: [['Type', 'Share (%)', 'Mean'], ['A', '45.0', '3.1'], ['B', '35.5', '2.2'], ['C', '20.5', '1.1'], ['Total', '100.0', '2.1']] });
  const [f] = errors(checkTableShares(wrong));
  assert.equal(underlined(wrong, f), '100.0');
  assert.match(f.message, /101%/);
  assert.equal(f.suggestion, undefined);
  const proportions = paper({ table: [['Type', 'Proportion'], ['A', '0.45'], ['B', '0.35'], ['C', '0.25'], ['Total', '1.00']] });
  assert.equal(errors(checkTableShares(proportions)).length, 1);
  const byRow = paper({ table: [['Group', 'Yes', 'No', 'Total'], ['A', '45%', '55%', '100%'], ['B', '30%', '60%', '100%']] });
  assert.deepEqual(errors(checkTableShares(byRow)).map((f) => f.message), ['B: the shares add up to 90%, not 100% as the total says.']);
  // Rounded shares may miss 100 by their rounding: 33 + 33 + 33 is 100 within ±1.5.
  const rounded = paper({ table: [['Type', '%'], ['A', '33'], ['B', '33'], ['C', '33'], ['Total', '100']] });
  assert.equal(checkTableShares(rounded).findings.length, 0);
  assert.equal(checkTableShares(rounded).verified.length, 1);
});

test('no whole, or subtotals in the column: nothing to add up', () => {
  const subtotals = paper({ table: [['Status', '%'], ['Smokers', '40'], ['current', '25'], ['former', '15'], ['Non-smokers', '60'], ['Total', '100']] });
  const rates = paper({ table: [['Group', 'Responded (%)'], ['A', '45'], ['B', '80'], ['Total', '62']] });
  const counts = paper({ table: [['Group', 'n'], ['A', '45'], ['B', '80'], ['Total', '100']] });
  for (const p of [subtotals, rates, counts]) assert.equal(checkTableShares(p).findings.length, 0);
  // A 100% aggregate row is not read as the mean of the shares above it.
  const shares = paper({ table: [['Type', 'n', '%'], ['A', '18', '45%'], ['B', '22', '55%'], ['Total', '40', '100%']] });
  assert.ok(!checkTableTotals(shares).verified.some((v) => v.working.startsWith('mean')));
});

test('an overall row of estimates is an average, though the group sizes beside it add up', () => {
  const rows = (overall: string, firms: string) => [
    ['Wave', 'Effect', 'SE', 'Firms'],
    ['First', '-0.031**', '(0.012)', '7'],
    ['Second', '0.012', '(0.020)', '5'],
    ['Third', '0.052*', '(0.027)', '8'],
    ['Overall', overall, '(0.010)', firms],
  ];
  const quiet = checkTableTotals(paper({ table: rows('0.014', '20') }));
  assert.deepEqual(quiet.findings, []);
  assert.equal(quiet.verified.length, 1);
  // The size column is still summed (with no other column to confirm the row is a sum, a warning).
  const p = paper({ table: rows('0.014', '21') });
  assert.deepEqual(checkTableTotals(p).findings.map((f) => [f.severity, underlined(p, f)]), [['warning', '21']]);
  // A column headed as coefficients, without stars, is left alone too.
  const plain = rows('0.014', '20').map((r, i) => (i === 0 ? ['Wave', 'Coefficient', 'SE', 'Firms'] : [r[0], r[1].replace(/\*/g, ''), r[2], r[3]]));
  assert.deepEqual(checkTableTotals(paper({ table: plain })).findings, []);
});
