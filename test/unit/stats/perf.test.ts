import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STATS_CHECKS } from '../../../src/core/checks/stats/index.ts';
import { plainPaper } from '../../../src/core/text/plain-paper.ts';
import { syntheticPaper } from './synthetic.ts';

/** CPU milliseconds for all stats checks: steadier than wall time on a shared machine. */
function runAll(text: string): number {
  const paper = plainPaper(text);
  const t0 = process.cpuUsage();
  for (const check of STATS_CHECKS) check(paper);
  return process.cpuUsage(t0).user / 1000;
}

describe('stats checks stay linear', () => {
  it('on a 1 MB line of near-misses for every pattern', () => {
    const pieces = ['t(', 'F(1, ', 'p = .', '1'.repeat(50), ' = ', 'χ^2(', '(((', 'M = 3.4, SD = ', ', ', '% of 26 participants ', 'n = ', '_{', '63.4% women, '];
    let s = '';
    for (let i = 0; s.length < 1_000_000; i++) s += pieces[i % pieces.length];
    const ms = runAll(s);
    assert.ok(ms < 4000, `took ${ms} ms`);
  });

  it('on a 1 MB line with no spaces and no sentence ends', () => {
    const ms = runAll('t(28)=2.1,p=.04;M=3.4(SD=1.0),n=25;'.repeat(30_000));
    // 60,000 statistics and means on one line: slow only if something backtracks.
    assert.ok(ms < 20000, `took ${ms} ms`);
  });

  it('on a 1 MB statistics-heavy paper (APA results, samples, shares, descriptives), linearly', () => {
    // Four times the text may cost at most about eight times the CPU: a per-candidate rescan of the
    // text would cost sixteen times (and minutes in all). The absolute bound only guards against hangs.
    const quarter = Math.min(runAll(syntheticPaper(250_000)), runAll(syntheticPaper(250_000)));
    const whole = runAll(syntheticPaper(1_000_000));
    assert.ok(whole < Math.max(quarter, 50) * 8, `250 kB: ${quarter} ms, 1 MB: ${whole} ms`);
    assert.ok(whole < 20_000, `took ${whole} ms`);
  });

  it('on a 1 MB list of percentages with words between them (one long run of shares)', () => {
    // Each percentage used to rescan the rest of its run: quadratic, minutes for this text.
    const ms = runAll('5% a '.repeat(200_000));
    assert.ok(ms < 4000, `took ${ms} ms`);
  });

  it('on 1 MB of stated samples, each split into shares', () => {
    // Each run of shares used to scan every stated sample from the start of the paper.
    const ms = runAll('Of the 120 participants, 45.8% were women and 54.2% were men. '.repeat(16_000));
    assert.ok(ms < 4000, `took ${ms} ms`);
  });

  it('grows linearly with the number of tests', () => {
    const a = runAll('We found t(28) = 2.10, p = .045. '.repeat(2_000));
    const b = runAll('We found t(28) = 2.10, p = .045. '.repeat(8_000));
    assert.ok(b < a * 8 + 200, `2k: ${a} ms, 8k: ${b} ms`);
  });
});
