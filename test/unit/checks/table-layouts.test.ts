// Common table layouts of applied papers that hold no row relation a check may assume: summary
// statistics with a Mean and SD column per group, and regression rows "estimate | SE | [CI]" under a
// panel label. The checks must read the real estimate and say nothing about the group means.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPaper } from '../../../src/core/engine.ts';
import { paper } from './helpers.ts';

test('a Mean and SD column per group is not a row average', () => {
  const summary = paper({
    table: [
      ['', ['All', 2], ['Urban', 2], ['Rural', 2], ''],
      ['Variable', 'Mean', 'SD', 'Mean', 'SD', 'Mean', 'SD', 'N'],
      ['Household size', '3.9', '(1.8)', '3.1', '(1.4)', '4.6', '(2.0)', '980'],
      ['Income (k$)', '41.5', '(19.0)', '52.3', '(20.1)', '31.8', '(12.7)', '975'],
      ['Distance to clinic (km)', '8.6', '(9.1)', '2.2', '(1.9)', '14.5', '(9.8)', '980'],
    ],
  });
  assert.deepEqual(checkPaper(summary).findings.filter((f) => f.kind === 'mean'), []);
});

test('a Mean column that breaks on most rows is some other mean', () => {
  const periods = paper({
    table: [
      ['Outcome', 'Before', 'After', 'Mean'],
      ['Visits', '12.0', '15.0', '11.2'],
      ['Calls', '4.0', '7.5', '4.4'],
      ['Letters', '1.0', '1.5', '0.9'],
    ],
  });
  assert.deepEqual(checkPaper(periods).findings.filter((f) => f.kind === 'mean'), []);
  const trials = paper({
    table: [
      ['Pupil', 'Trial 1', 'Trial 2', 'Trial 3', 'Mean'],
      ['A', '4.0', '5.0', '6.0', '5.0'],
      ['B', '3.0', '3.0', '6.0', '4.0'],
      ['C', '2.0', '4.0', '9.0', '7.0'],
    ],
  });
  assert.ok(checkPaper(trials).findings.some((f) => f.kind === 'mean' && f.reported === '7.0'));
});

test('estimate | SE | [CI] under a panel label: the interval is judged against the estimate, not the SE', () => {
  const rows = (estimate: string) =>
    paper({
      table: [
        ['Model', 'Estimate', 'SE', '95% CI', 'N'],
        [['Panel A: main sample', 5]],
        ['Baseline', estimate, '0.011', '[0.021, 0.064]', '4,210'],
        ['With controls', '0.039', '0.010', '[0.019, 0.059]', '4,210'],
      ],
    });
  const right = checkPaper(rows('0.042'));
  assert.deepEqual(right.findings.filter((f) => f.kind === 'interval'), []);
  assert.ok(right.verified.filter((v) => v.kind === 'interval').length >= 2);
  const wrong = checkPaper(rows('0.072'));
  assert.ok(wrong.findings.some((f) => f.kind === 'interval' && /0\.072/.test(f.message)), JSON.stringify(wrong.findings));
});
