import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkGrimmer } from '../../../src/core/checks/stats/grimmer.ts';
import { grimmerPossible } from '../../../src/core/checks/stats/granularity.ts';
import { parseReported } from '../../../src/core/numbers.ts';
import { run, underlined } from './helpers.ts';

const num = (s: string) => parseReported(s)!;

function sampleSd(xs: number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

describe('GRIMMER arithmetic', () => {
  it('n = 5, mean 3.00: SD 1.00 is possible ({2,2,3,4,4}), SD 1.10 is not', () => {
    // Q = 4·SD² + 45 must be a whole number: 4·1.00² + 45 = 49; for SD in [1.095, 1.105], Q in [49.80, 49.88].
    assert.equal(grimmerPossible(num('3.00'), num('1.00'), 5), true);
    assert.equal(grimmerPossible(num('3.00'), num('1.10'), 5), false);
  });

  it('n = 4, mean 2.50: SD 0.82 needs an odd sum of squares with an even sum (parity)', () => {
    // Q = 3·SD² + 25; SD 0.8165 needs Q = 27, but the sum 10 is even, so Q must be even.
    assert.equal(grimmerPossible(num('2.50'), num('0.82'), 4), false);
    assert.equal(grimmerPossible(num('2.50'), num('0.58'), 4), true); // {2,2,3,3}
    assert.equal(grimmerPossible(num('2.50'), num('1.00'), 4), true); // {2,2,2,4}
  });

  it('an SD below the smallest one the mean allows is impossible', () => {
    // Mean 2.50 of 4 integers: at best {2,2,3,3}, SD 0.577.
    assert.equal(grimmerPossible(num('2.50'), num('0.50'), 4), false);
  });

  it('accepts every SD that real integer data produce (enumeration, n = 5 and 6 on 1..5)', () => {
    for (const n of [5, 6]) {
      const rec = (xs: number[], from: number): void => {
        if (xs.length === n) {
          const m = (xs.reduce((a, b) => a + b, 0) / n).toFixed(2);
          const sd = sampleSd(xs).toFixed(2);
          assert.ok(grimmerPossible(num(m), num(sd), n), `${xs} mean ${m} sd ${sd}`);
          return;
        }
        for (let v = from; v <= 5; v++) rec([...xs, v], v);
      };
      rec([], 1);
    }
  });
});

describe('GRIMMER check on text', () => {
  it('flags an impossible SD of single-item ratings', () => {
    const text = 'Confidence was rated on a single-item 7-point scale (M = 3.00, SD = 1.10, n = 5).';
    const r = run(checkGrimmer, text);
    assert.deepEqual(r.findings.map((f) => [f.kind, underlined(text, f), f.severity]), [['grimmer', '1.10', 'error']]);
    assert.ok(r.findings[0].explanation?.includes('1.10'));
  });

  it('verifies a possible SD and leaves data of unknown kind alone', () => {
    assert.equal(run(checkGrimmer, 'Confidence was rated on a single-item 7-point scale (M = 2.50, SD = 0.58, n = 4).').verified, 1);
    assert.equal(run(checkGrimmer, 'Scores (M = 3.00, SD = 1.10, n = 5) were high.').findings.length, 0);
  });

  it('leaves GRIM failures to GRIM', () => {
    assert.equal(run(checkGrimmer, 'The number of errors (M = 5.19, SD = 1.02, n = 28) was low.').findings.length, 0);
  });
});
