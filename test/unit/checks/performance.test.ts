import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ARITHMETIC_CHECKS } from '../../../src/core/checks/arithmetic/index.ts';
import { plainPaper } from '../../../src/core/text/plain-paper.ts';

function cpuMs(fn: () => void): number {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

const PATHOLOGICAL = [
  '1, '.repeat(330_000),
  '('.repeat(500_000) + '1 + 2 = 3' + ')'.repeat(500_000),
  '1 × 2 = 3 = '.repeat(90_000),
  '12 (30%) '.repeat(110_000),
  'from 1 to 2, a 3% increase '.repeat(38_000),
  '50% of the variance (1%, '.repeat(40_000),
  'the remaining 1% '.repeat(60_000),
  '1.8 (95% CI 0.1 to '.repeat(50_000),
  '7000 ng/kg bw/day per kg/'.repeat(40_000),
  'a total of 5 (1, '.repeat(60_000),
  'Fig. 1. e.g. '.repeat(80_000),
];

for (const line of PATHOLOGICAL) {
  test(`no catastrophic backtracking on a 1 MB line: ${JSON.stringify(line.slice(0, 24))}`, () => {
    const p = plainPaper(line);
    for (const check of ARITHMETIC_CHECKS) {
      const ms = cpuMs(() => check(p));
      assert.ok(ms < 8000, `${check.name} took ${ms} ms`);
    }
  });
}

// The speed target (a 30-page paper in well under 100 ms) is measured by bench/checks.mjs, not here.

test('table shares stay linear on a table of 20,000 rows of zeros', async () => {
  const { paper } = await import('./helpers.ts');
  const { checkTableShares } = await import('../../../src/core/checks/arithmetic/table-shares.ts');
  const rows = [['Type', '%'], ...Array.from({ length: 20_000 }, (_, i) => [`r${i}`, '0.0']), ['Total', '100%']];
  const p = paper({ table: rows });
  const ms = cpuMs(() => checkTableShares(p));
  assert.ok(ms < 2000, `checkTableShares took ${ms} ms`);
});
