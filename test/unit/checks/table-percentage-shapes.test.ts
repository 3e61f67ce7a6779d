// Percentages in tables whose base is stated: the column N in a one-row table, the row's n in its
// label, a Total column "N (100%)", a cell carrying its own fraction, and count / total / % columns.
// Tables written for these tests; each has a wrong twin and negatives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTablePercentages } from '../../../src/core/checks/arithmetic/table-percentage.ts';
import { paper, underlined, type Part } from './helpers.ts';

function verdict(...parts: Part[]): { verified: number; flagged: string[] } {
  const p = paper(...parts);
  const out = checkTablePercentages(p);
  return { verified: out.verified.length, flagged: out.findings.map((f) => `${f.severity} ${underlined(p, f)}`) };
}

test('one row under column Ns: the columns vouch for each other', () => {
  const t = (cell: string) => ({ table: [['Item', 'Site A N = 120', 'Site B N = 80', 'Site C N = 40'], ['Smokers', '30 (25%)', cell, '6 (15%)']] });
  assert.deepEqual(verdict(t('18 (22.5%)')), { verified: 3, flagged: [] });
  assert.deepEqual(verdict(t('18 (28.5%)')), { verified: 2, flagged: ['error 28.5%'] });
  // Two columns, both off: no base is established, nothing is said.
  assert.deepEqual(verdict({ table: [['Item', 'A N = 120', 'B N = 80'], ['Smokers', '30 (40%)', '18 (45%)']] }), { verified: 0, flagged: [] });
});

test('a column with one good and one bad pair borrows the other columns\' evidence', () => {
  const t = (male: string) => ({ table: [['Sex', 'All N = 500', 'Cases N = 200', 'Controls N = 300'], ['Female', '210 (42%)', '90 (45%)', '120 (40%)'], ['Male', male, '110 (55%)', '180 (60%)']] });
  assert.deepEqual(verdict(t('290 (58%)')), { verified: 6, flagged: [] });
  assert.deepEqual(verdict(t('250 (58%)')), { verified: 5, flagged: ['error 58%'] });
});

test('the row n in its label', () => {
  const t = (cell: string) => ({ table: [['Arm', 'Week 4', 'Week 12'], ['Drug (n = 150)', '96 (64.0%)', cell], ['Placebo (n = 140)', '70 (50.0%)', '63 (45.0%)']] });
  assert.deepEqual(verdict(t('81 (54.0%)')), { verified: 4, flagged: [] });
  assert.deepEqual(verdict(t('81 (45.0%)')), { verified: 3, flagged: ['error 45.0%'] });
});

test('a Total column "N (100%)" states the row base', () => {
  const t = (cell: string) => ({ table: [['Region', 'Small (%)', 'Large (%)', 'Total (%)'], ['North', cell, '1440 (36.0%)', '4000 (100.0%)']] });
  assert.deepEqual(verdict(t('2560 (64.0%)')), { verified: 2, flagged: [] });
  assert.deepEqual(verdict(t('2560 (46.0%)')), { verified: 1, flagged: ['error 46.0%'] });
});

test('a cell with its own fraction, both orders, and successes over failures', () => {
  assert.deepEqual(verdict({ table: [['Group', 'Events'], ['A', '37 / 412 (9.0%)'], ['B', '12.5% (25/200)']] }), { verified: 2, flagged: [] });
  assert.deepEqual(verdict({ table: [['Group', 'Events'], ['A', '37 / 412 (7.0%)']] }), { verified: 0, flagged: ['error 7.0%'] });
  assert.deepEqual(verdict({ table: [['Run', 'Rate (ok/failed)'], ['1', '80.00% (2,000/500)']] }), { verified: 1, flagged: [] });
  assert.deepEqual(verdict({ table: [['Run', 'Rate (ok/failed)'], ['1', '70.00% (2,000/500)']] }), { verified: 0, flagged: ['warning 70.00%'] });
  // A ratio of two means is no fraction of a count.
  assert.deepEqual(verdict({ table: [['Group', 'Ratio'], ['A', '1.5 / 2.5 (60%)']] }), { verified: 0, flagged: [] });
});

test('count, total and % columns named in the header', () => {
  const t = (pct: string) => ({ table: [['Group', 'correct', 'total', 'accuracy in %'], ['Experts', '27', '30', pct]] });
  assert.deepEqual(verdict(t('90.00')), { verified: 1, flagged: [] });
  assert.deepEqual(verdict(t('80.00')), { verified: 0, flagged: ['error 80.00'] });
  // Without a base named "total", one row is not enough to tell which column is the base.
  assert.deepEqual(verdict({ table: [['Group', 'hits', 'N', 'score %'], ['Experts', '27', '30', '80.00']] }), { verified: 0, flagged: [] });
});

test('an n (%) cell that no whole-number base can give is a warning', () => {
  // 74 of any whole N: 74/132 = 56.06%, 74/133 = 55.64%; nothing rounds to 55.8%.
  assert.deepEqual(verdict({ table: [['', 'Cohort A', 'Cohort B'], ['Employed', '31 (40.3%)', '74 (55.8%)']] }), { verified: 0, flagged: ['warning 55.8%'] });
  // 74 of 133 is 55.6%: some base gives it, and with no N stated nothing is said.
  assert.deepEqual(verdict({ table: [['', 'Cohort A', 'Cohort B'], ['Employed', '31 (40.3%)', '74 (55.6%)']] }), { verified: 0, flagged: [] });
});
