// Estimates and intervals in tables: a CI column beside the estimate, one cell with both, a header
// over Lower and Upper, and a bracketed CI row under the coefficient's row. Tables written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkIntervals } from '../../../src/core/checks/arithmetic/interval.ts';
import { paper, underlined, type Part } from './helpers.ts';

function verdict(...parts: Part[]): { verified: number; flagged: string[] } {
  const p = paper(...parts);
  const out = checkIntervals(p);
  return { verified: out.verified.length, flagged: out.findings.map((f) => `${f.severity} ${underlined(p, f)}`) };
}

test('a CI column right of the estimate, with and without brackets', () => {
  const table = (hr: string) => ({ table: [['Exposure', 'HR', '95% CI', 'p'], ['Any', hr, '1.12, 1.87', '0.003'], ['Heavy', '2.04', '[1.40–2.97]', '<0.001']] });
  assert.deepEqual(verdict(table('1.45')), { verified: 2, flagged: [] });
  assert.deepEqual(verdict(table('0.45')), { verified: 1, flagged: ['error 0.45'] });
});

test('signed differences with signed bounds, and a currency beside a range with its CI', () => {
  assert.deepEqual(verdict({ table: [['Task', 'Δ', '95% CI'], ['Sorting', '+4.1', '[+1.3, +6.9]'], ['Recall', '-2.2', '[-3.5, -0.9]']] }), { verified: 2, flagged: [] });
  assert.deepEqual(verdict({ table: [['Task', 'Δ', '95% CI'], ['Sorting', '+9.1', '[+1.3, +6.9]']] }), { verified: 0, flagged: ['error 9.1'] });
  assert.deepEqual(verdict({ table: [['Item', 'Base value', 'Sensitivity'], ['Drug A', '$8,240', 'Gamma (95% CI: 6,115–10,870)']] }), { verified: 1, flagged: [] });
  assert.deepEqual(verdict({ table: [['Item', 'Base value', 'Sensitivity'], ['Drug A', '$12,240', 'Gamma (95% CI: 6,115–10,870)']] }), { verified: 0, flagged: ['error 12,240'] });
});

test('an estimate and its interval in one cell under a CI header', () => {
  const t = (cell: string) => ({ table: [['Model', 'OR (95% CI)'], ['Crude', '1.8 (1.3, 2.5)'], ['Adjusted', cell]] });
  assert.deepEqual(verdict(t('1.6 (1.1, 2.3)')), { verified: 2, flagged: [] });
  assert.deepEqual(verdict(t('3.6 (1.1, 2.3)')), { verified: 1, flagged: ['error 3.6'] });
});

test('a header spanning Lower and Upper', () => {
  const t = (b: string) => ({ table: [['', 'Estimate', ['95% CI', 2] as [string, number]], ['', '', 'Lower', 'Upper'], ['Slope', b, '0.21', '0.57']] });
  assert.deepEqual(verdict(t('0.39')), { verified: 1, flagged: [] });
  assert.deepEqual(verdict(t('0.93')), { verified: 0, flagged: ['error 0.93'] });
});

test('a bracketed CI row under the coefficient, its SE and its p rows', () => {
  const t = (b: string) => ({ table: [['', 'Model 1', 'Model 2'], ['Treated', b, '0.118'], ['', '(0.041)', '(0.050)'], ['', 'p = 0.012', 'p = 0.019'], ['', '[0.023, 0.184]', '[0.020, 0.216]']] });
  assert.deepEqual(verdict(t('0.104')), { verified: 2, flagged: [] });
  assert.deepEqual(verdict(t('0.401')), { verified: 1, flagged: ['warning 0.401'] });
});

test('negatives: an SD column beside a range, an n (%) cell, a mean ± SD cell', () => {
  assert.deepEqual(verdict({ table: [['Group', 'Mean', 'SD', 'Range'], ['A', '12.4', '2.1', '8–17']] }), { verified: 0, flagged: [] });
  assert.deepEqual(verdict({ table: [['Group', 'n (%)', '95% CI'], ['A', '45 (30%)', '22, 38']] }), { verified: 0, flagged: [] });
  assert.deepEqual(verdict({ table: [['Group', 'Score', '95% CI'], ['A', '4.2 ± 1.1', '3.9, 4.5']] }), { verified: 0, flagged: [] });
});
