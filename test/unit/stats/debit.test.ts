import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDebit } from '../../../src/core/checks/stats/debit.ts';
import { debitCheck } from '../../../src/core/checks/stats/granularity.ts';
import { parseReported } from '../../../src/core/numbers.ts';
import { run, underlined } from './helpers.ts';

const num = (s: string) => parseReported(s)!;

describe('DEBIT arithmetic', () => {
  it('SD = √(p(1 − p)·n/(n − 1))', () => {
    // 20 of 50: √(.4 × .6 × 50/49) = 0.4949.
    assert.equal(debitCheck(num('0.40'), num('0.49'), 50), 'ok');
    assert.equal(debitCheck(num('0.40'), num('0.50'), 50), 'sd');
    assert.equal(debitCheck(num('0.40'), num('0.45'), 50), 'sd');
    // Half of 10: √(.25 × 10/9) = 0.527.
    assert.equal(debitCheck(num('0.50'), num('0.53'), 10), 'ok');
    // No count out of 10 gives 0.45.
    assert.equal(debitCheck(num('0.45'), num('0.50'), 10), 'mean');
  });
});

describe('DEBIT check on text', () => {
  it('flags the SD of a binary variable', () => {
    const text = 'Smoking was coded 0 = no, 1 = yes (M = 0.40, SD = 0.45, n = 50).';
    const r = run(checkDebit, text);
    assert.deepEqual(r.findings.map((f) => [f.kind, underlined(text, f), f.recomputed]), [['debit', '0.45', '0.49']]);
  });

  it('verifies a consistent one and ignores variables not said to be binary', () => {
    assert.equal(run(checkDebit, 'Smoking was a binary variable (M = 0.40, SD = 0.49, n = 50).').verified, 1);
    assert.equal(run(checkDebit, 'Scores (M = 0.40, SD = 0.45, n = 50) were low.').findings.length, 0);
  });
});
