import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ARITHMETIC_CHECKS } from '../../../src/core/checks/arithmetic/index.ts';
import { plainPaper } from '../../../src/core/text/plain-paper.ts';
import { paper } from './helpers.ts';

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

test('a 30-page paper checks in well under 100 ms', () => {
  const para = 'We bought 40 utensils. Of these, 12 of 40 products (30%) contained BDE-209, and 7000 × 60 = 420,000 ng/day. It rose from 2.1 to 8.4, a 300% increase; values 3.2, 4.1 and 5.0 had a mean of 4.1. The difference was 1.8 (95% CI 0.1 to 3.5). The remaining 70% did not.';
  // About the density of a real paper: one paragraph of claims among several of prose with numbers.
  const prose = 'Participants (N = 120) completed the task in 2019 and 2020, as described in Section 2.3 and Fig. 4 [12, 13]. Ages ranged from 18 to 65 years (M = 34.2, SD = 11.3), and sessions lasted 45 minutes on average across three sites.';
  const parts = Array.from({ length: 300 }, (_, i) => (i % 4 === 0 ? para : prose));
  const table = { table: [['Type', 'A', 'B', 'Total'], ['x', '7 (58%)', '11', '18'], ['y', '5 (42%)', '17', '22'], ['Total', '12', '28', '40']] };
  // A fresh paper each time: the checks share per-paper caches, which must be paid for in the timing.
  const build = () => paper(...parts, ...Array.from({ length: 20 }, () => table));
  assert.ok(build().text.length > 70_000, `only ${build().text.length} characters`);
  const warm = build();
  for (const check of ARITHMETIC_CHECKS) check(warm); // warm up mathjs and the JIT
  let best = Infinity;
  for (let k = 0; k < 6; k++) {
    const p = build();
    best = Math.min(best, cpuMs(() => ARITHMETIC_CHECKS.forEach((c) => c(p))));
  }
  assert.ok(best < 100, `took ${best} ms`);
});
