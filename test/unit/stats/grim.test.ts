import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkGrim } from '../../../src/core/checks/stats/grim.ts';
import { grimApplies, grimPossible, percentCounts } from '../../../src/core/checks/stats/granularity.ts';
import { parseReported } from '../../../src/core/numbers.ts';
import { run, underlined } from './helpers.ts';

const num = (s: string) => parseReported(s)!;

describe('GRIM arithmetic', () => {
  it('Brown & Heathers (2017): a mean of 5.19 from 28 integers is impossible', () => {
    // 145/28 = 5.1786 → 5.18 and 146/28 = 5.2143 → 5.21: nothing rounds to 5.19.
    assert.equal(grimPossible(num('5.19'), 28), false);
    assert.equal(grimPossible(num('5.18'), 28), true);
    assert.equal(grimPossible(num('5.21'), 28), true);
  });

  it('accepts either rounding of a value ending in 5', () => {
    // 1/8 = 0.125: written 0.12 or 0.13 depending on the rounding rule.
    assert.equal(grimPossible(num('0.12'), 8), true);
    assert.equal(grimPossible(num('0.13'), 8), true);
  });

  it('counts items of a multi-item scale', () => {
    // 3 items × 20 people: totals are multiples of 1/60. 209/60 = 3.483 and 210/60 = 3.500, so 3.49 is impossible.
    assert.equal(grimPossible(num('3.49'), 20, 3), false);
    assert.equal(grimPossible(num('3.48'), 20, 3), true);
    // Too many values for two decimals: GRIM cannot say anything.
    assert.equal(grimApplies(num('3.48'), 120), false);
  });

  it('finds the counts for a percentage', () => {
    assert.deepEqual(percentCounts(num('65.4%'), 26), [17]);
    assert.deepEqual(percentCounts(num('63.4%'), 26), []);
    assert.deepEqual(percentCounts(num('36.6%'), 26), []);
    assert.deepEqual(percentCounts(num('50%'), 26), [13]);
  });

  it('agrees with enumeration: every k/n rounds to a percentage GRIM accepts', () => {
    for (let n = 2; n <= 60; n++) {
      for (let k = 0; k <= n; k++) {
        const pct = num(((100 * k) / n).toFixed(1) + '%');
        assert.ok(percentCounts(pct, n).includes(k), `${k}/${n}`);
      }
    }
  });
});

describe('GRIM check on text', () => {
  it('flags a share of a sample stated in the same sentence', () => {
    const text = 'Four people dropped out. Our analysed group comprised 26 participants (ages 19 to 24; gender: 63.4% women, 36.6% men).';
    const r = run(checkGrim, text);
    assert.deepEqual(r.findings.map((f) => [underlined(text, f), f.severity]), [['63.4%', 'error'], ['36.6%', 'error']]);
    assert.match(r.findings[0].message, /16\/26 = 61\.5% and 17\/26 = 65\.4%/);
    assert.ok(r.findings[0].explanation);
  });

  it('accepts the consistent shares', () => {
    const r = run(checkGrim, 'Our analysed group comprised 26 participants (ages 19 to 24; gender: 65.4% women, 34.6% men).');
    assert.equal(r.findings.length, 0);
    assert.equal(r.verified, 2);
  });

  it('checks "x% of the n participants"', () => {
    const text = 'Overall, 63.4% of the 26 participants agreed, and 50% of 26 disagreed.';
    const r = run(checkGrim, text);
    assert.deepEqual(r.findings.map((f) => underlined(text, f)), ['63.4%']);
    assert.equal(r.verified, 1);
  });

  it('warns when the sample was stated in an earlier sentence of the paragraph', () => {
    const text = 'We recruited 26 participants. Of these, 63.4% were women and 36.6% were men.';
    const r = run(checkGrim, text);
    assert.deepEqual(r.findings.map((f) => f.severity), ['warning', 'warning']);
  });

  it('checks "17 (63.5%)" against the stated sample', () => {
    const text = 'Our study enrolled 26 participants, of whom 17 (63.5%) were women.';
    const r = run(checkGrim, text);
    assert.deepEqual(r.findings.map((f) => underlined(text, f)), ['63.5%']);
  });

  it('leaves percentages alone that need not split the sample', () => {
    assert.equal(run(checkGrim, 'The 26 participants answered 63.4% of the trials correctly.').findings.length, 0);
    assert.equal(run(checkGrim, 'The 26 participants had an accuracy of 63.4% and a miss rate of 12.3%.').findings.length, 0);
    assert.equal(run(checkGrim, 'Of 26 participants, 63.4% (95% CI [40.1, 80.2]) agreed.').findings.length, 0);
    assert.equal(run(checkGrim, 'For the 26 participants we report the 2.5% and 97.5% quantiles.').findings.length, 0);
  });

  it('downgrades when another sample size in the paragraph fits', () => {
    const text = 'We recruited 30 participants. The analysed sample had 26 participants: 56.7% women, 43.3% men.';
    const r = run(checkGrim, text);
    assert.ok(r.findings.every((f) => f.severity === 'warning'));
  });

  it('checks means of counts with n, and not of unknown data', () => {
    const text = 'The number of errors (M = 5.19, SD = 1.02, n = 28) was low.';
    const r = run(checkGrim, text);
    assert.deepEqual(r.findings.map((f) => [underlined(text, f), f.severity]), [['5.19', 'error']]);
    assert.match(r.findings[0].message, /5\.18 and 5\.21/);
    assert.equal(run(checkGrim, 'Reaction times (M = 5.19, SD = 1.02, n = 28) were fast.').findings.length, 0);
    assert.equal(run(checkGrim, 'The number of errors was low (M = 5.19 ms, n = 28).').findings.length, 0);
    assert.equal(run(checkGrim, 'The number of participants was 28 (mean age = 5.19, n = 28).').findings.length, 0);
  });

  it('warns for Likert ratings when the number of items is not stated, errs when it is', () => {
    const a = run(checkGrim, 'Liking was rated on a 7-point Likert scale (M = 5.19, SD = 1.02, n = 28).');
    assert.deepEqual(a.findings.map((f) => f.severity), ['warning']);
    const b = run(checkGrim, 'Liking was rated on a single-item 7-point scale (M = 5.19, SD = 1.02, n = 28).');
    assert.deepEqual(b.findings.map((f) => f.severity), ['error']);
    // Two items: totals over 56 responses; 5.19 × 56 = 290.6 → 291/56 = 5.196 → 5.20; 290/56 = 5.179 → 5.18. Still impossible.
    const c = run(checkGrim, 'Liking was measured with 2 items on a 7-point scale (M = 5.19, SD = 1.02, n = 28).');
    assert.deepEqual(c.findings.map((f) => f.severity), ['error']);
    // Four items: 5.19 × 112 = 581.28 → 581/112 = 5.1875 → 5.19. Possible.
    assert.equal(run(checkGrim, 'Liking was measured with four items on a 7-point scale (M = 5.19, SD = 1.02, n = 28).').findings.length, 0);
  });
});
