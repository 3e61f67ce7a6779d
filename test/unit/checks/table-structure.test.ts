// Relations a table states by its structure: distributions that add to the whole with no Total row,
// group sample sizes against an Overall column, and a Total row over one count column.
// Tables written for these tests, each with a wrong twin and negatives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTableShares } from '../../../src/core/checks/arithmetic/table-shares.ts';
import { checkTableTotals } from '../../../src/core/checks/arithmetic/table-total.ts';
import type { CheckOutput, PaperText } from '../../../src/core/types.ts';
import { paper, underlined, type Part } from './helpers.ts';

function verdict(check: (p: PaperText) => CheckOutput, ...parts: Part[]): { verified: number; flagged: string[] } {
  const p = paper(...parts);
  const out = check(p);
  return { verified: out.verified.length, flagged: out.findings.map((f) => `${f.severity} ${underlined(p, f).slice(0, 12)}`) };
}

test('columns of proportions that add up to 1 without a Total row; one that does not', () => {
  const t = (last: string) => ({ table: [['Answer', 'Wave 1', 'Wave 2', 'Wave 3'], ['Never', '0.22', '0.25', '0.19'], ['Sometimes', '0.41', '0.37', '0.44'], ['Often', '0.37', last, '0.37'], ['N', '1,204', '988', '1,511']] });
  assert.deepEqual(verdict(checkTableShares, t('0.38')), { verified: 3, flagged: [] });
  assert.deepEqual(verdict(checkTableShares, t('0.83')), { verified: 2, flagged: ['error 0.83'] });
  // Accuracies per class are no distribution: nothing adds to 1, nothing is said.
  assert.deepEqual(verdict(checkTableShares, { table: [['Class', 'Model A', 'Model B'], ['Cats', '0.91', '0.88'], ['Dogs', '0.85', '0.86'], ['Birds', '0.77', '0.72']] }), { verified: 0, flagged: [] });
});

test('group sample sizes against the Overall column, in the header or in an N row', () => {
  const header = (yes: string) => ({ table: [['Variable', 'Overall N = 1,250', 'No N = 1,030', `Yes N = ${yes}`, 'p-value'], ['Age', '54 (12)', '55 (11)', '50 (13)', '0.02']] });
  assert.deepEqual(verdict(checkTableTotals, header('220')), { verified: 1, flagged: [] });
  assert.deepEqual(verdict(checkTableTotals, header('202')), { verified: 0, flagged: ['warning 1,250'] });
  const nRow = (all: string) => ({ table: [['', 'Urban Mean', 'Urban SE', 'Rural Mean', 'Rural SE', 'All Mean', 'All SE'], ['Score', '3.1', '0.2', '2.8', '0.3', '2.9', '0.2'], ['N', '412', '', '655', '', all, '']] });
  assert.deepEqual(verdict(checkTableTotals, nRow('1,067')), { verified: 1, flagged: [] });
  assert.deepEqual(verdict(checkTableTotals, nRow('1,076')), { verified: 0, flagged: ['warning 1,076'] });
  // Overlapping groupings: the first two groups already make the total.
  assert.deepEqual(verdict(checkTableTotals, { table: [['', 'Total N = 300', 'Men N = 140', 'Women N = 160', 'Over 65 N = 90'], ['Age', '61', '60', '62', '71']] }), { verified: 0, flagged: [] });
});

test('a Total row over a single count column', () => {
  const t = (x: string) => ({ table: [['Reason', 'Count'], ['Too short', '41'], ['Off topic', x], ['Duplicate', '17'], ['Total', '120']] });
  assert.deepEqual(verdict(checkTableTotals, t('62')), { verified: 1, flagged: [] });
  assert.deepEqual(verdict(checkTableTotals, t('26')), { verified: 0, flagged: ['warning 120'] });
  // A row naming a subset ("All but X") is not read as the plain total.
  assert.deepEqual(verdict(checkTableTotals, { table: [['Reason', 'Count'], ['Too short', '41'], ['Off topic', '62'], ['Duplicate', '17'], ['All other reasons', '79']] }), { verified: 0, flagged: [] });
});
