import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPValues } from '../../../src/core/checks/stats/p-value.ts';
import { pValue } from '../../../src/core/checks/stats/distributions.ts';
import { findTests } from '../../../src/core/checks/stats/parse-tests.ts';
import { normaliseForStats } from '../../../src/core/checks/stats/text-util.ts';
import { plainPaper } from '../../../src/core/text/plain-paper.ts';
import type { PaperText, TableCell } from '../../../src/core/types.ts';
import { run, underlined } from './helpers.ts';

function consistent(text: string): void {
  const r = run(checkPValues, text);
  assert.equal(r.findings.length, 0, `${text}: ${r.findings.map((f) => f.message).join('; ')}`);
  assert.equal(r.verified, 1, `${text}: expected one verified test`);
}

function flagged(text: string, kind: 'p-value' | 'p-decision' | 'p-range', span: string, severity = 'error'): string {
  const r = run(checkPValues, text);
  assert.equal(r.findings.length, 1, `${text}: ${r.findings.map((f) => f.message).join('; ')}`);
  const f = r.findings[0];
  assert.equal(f.kind, kind, f.message);
  assert.equal(f.severity, severity, f.message);
  assert.equal(underlined(text, f), span);
  assert.ok(f.explanation && f.working);
  return f.message;
}

describe('distributions', () => {
  it('matches textbook critical values', () => {
    assert.ok(Math.abs(pValue({ type: 'z' }, 1.959964) - 0.05) < 1e-6);
    assert.ok(Math.abs(pValue({ type: 'chi2', df1: 1 }, 3.841459) - 0.05) < 1e-6);
    assert.ok(Math.abs(pValue({ type: 't', df1: 10 }, 2.228139) - 0.05) < 1e-6);
    assert.ok(Math.abs(pValue({ type: 'F', df1: 1, df2: 20 }, 4.351244) - 0.05) < 1e-6);
    // r(48) = .31 is t = .31·√48/√(1 − .31²) = 2.259.
    assert.ok(Math.abs(pValue({ type: 'r', df1: 48 }, 0.31) - pValue({ type: 't', df1: 48 }, 2.2591)) < 1e-4);
  });
});

describe('recognises test statistics', () => {
  it('reads the APA forms and their variants', () => {
    const text = [
      't(28) = 2.10, p = .045',
      't_28 = 2.10, p = .045',
      't_{28} = 2.10, p = .045',
      'F(2, 57) = 3.4, p < .05',
      'F_{1,20} = 5.2, p = .03',
      'F_1,20 = 5.2, p = .03',
      'χ^2(1, N = 120) = 4.2, p = .04',
      'χ2(1, N = 120) = 4.2, p = .04',
      'χ²(1) = 4.2, p = .04',
      'r(48) = .31, p = .03',
      'z = 1.96, p = .05',
      'Q(df = 3) = 8.1, p = .04',
      't = 2.10, df = 28, p = .045',
      '𝑡(28) = 2.10, 𝑝 = .045',
    ].join('; ');
    const tests = findTests(normaliseForStats(text));
    assert.deepEqual(tests.map((t) => t.type), ['t', 't', 't', 'F', 'F', 'F', 'chi2', 'chi2', 'chi2', 'r', 'z', 'Q', 't', 't']);
    assert.deepEqual([tests[3].df1, tests[3].df2], [2, 57]);
    assert.deepEqual([tests[4].df1, tests[4].df2], [1, 20]);
    assert.equal(tests[6].df1, 1);
  });

  it('reads thousands separators in a t df and decimal (Welch) df', () => {
    const [a, b, c] = findTests('t(1,200) = 4.37, p < .001 and t(4,663.172) = 8.62, p < .001 and t(30.20) = 2.62, p = 0.013');
    assert.equal(a.df1, 1200);
    assert.equal(b.df1, 4663.172);
    assert.equal(c.df1, 30.2);
  });

  it('reads F(1,200) as two dfs', () => {
    const [t] = findTests('F(1,200) = 4.1, p = .04');
    assert.deepEqual([t.df1, t.df2], [1, 200]);
  });

  it('skips effect sizes and CIs between the statistic and p', () => {
    assert.equal(findTests('F(1, 20) = 5.2, η^2 = .21, p = .03').length, 1);
    assert.equal(findTests('t(110) = 2.90, 95% CI [8.61, 44.46], p = .004').length, 1);
  });

  it('ignores incomplete results and things that are not tests', () => {
    assert.equal(findTests('t(28) = 2.10').length, 0);
    assert.equal(findTests('F(x) = 0.5, p = .04').length, 0);
    assert.equal(findTests('r = .31, p = .03').length, 0);
    assert.equal(findTests('at(28) = 2.10, p = .045').length, 0);
    assert.equal(findTests('r(48) = 1.31, p = .03').length, 0);
    assert.equal(findTests('t(28) = 2.10, pd = 98%').length, 0);
    assert.equal(findTests('F < 1, p = .50').length, 0);
  });
});

describe('p-value consistency (statcheck rules)', () => {
  it('accepts consistent results', () => {
    consistent('b = 26.55, t(110) = 2.90, p = 0.004, 95%CI [8.61, 44.46].');
    consistent('t(641) = 0.71, p = 0.478.');
    consistent('F(9, 189) = 2.82, p = 0.004.');
    consistent('χ^2(1, N = 120) = 4.2, p = .04.');
    consistent('r(48) = .31, p = .03.');
    consistent('z = 1.96, p = .05.');
    consistent('t(28) = −0.32, p = .75.');
  });

  it('respects the rounding of the statistic: t(28) = 2.2 may be 2.15..2.25, p .0325..0.0403', () => {
    consistent('t(28) = 2.2, p = .036.');
    consistent('t(28) = 2.2, p = .03.');
    consistent('t(28) = 2.2, p = .04.');
    flagged('t(28) = 2.2, p = .045.', 'p-value', '.045');
    flagged('t(28) = 2.2, p = .031.', 'p-value', '.031');
    // With two decimals the interval is narrow: 2.20 gives .0358..0.0370.
    flagged('t(28) = 2.20, p = .031.', 'p-value', '.031');
  });

  it('flags the typical typo and says what p the statistic gives', () => {
    const m = flagged('b = 26.55, t(110) = 2.90, p = 0.04, 95%CI [8.61, 44.46].', 'p-value', '0.04');
    assert.match(m, /t\(110\) = 2\.90 gives p = 0\.0045 \(two-tailed\), not 0\.04/);
    const m2 = flagged('Δb = 0.02, 95% CI [-0.04, 0.08], t(641) = 0.71, p = 0.048.', 'p-decision', '0.048');
    assert.match(m2, /gives p = 0\.478/);
  });

  it('suggests the p only when the rounded statistic leaves no doubt', () => {
    const r = run(checkPValues, 'F(2, 57) = 3.412, p = .09.');
    assert.equal(r.findings[0].kind, 'p-decision');
    assert.equal(r.findings[0].suggestion, '.04');
    assert.equal(run(checkPValues, 't(110) = 2.90, p = 0.04.').findings[0].suggestion, undefined);
  });

  it('treats p < x and p > x as inequalities', () => {
    consistent('t(28) = 2.10, p < .05.');
    consistent('t(28) = 1.20, p > .05.');
    consistent('t(1,200) = 4.37, p < .001.');
    flagged('t(28) = 2.10, p < .01.', 'p-value', '.01');
    flagged('t(28) = 1.20, p < .05.', 'p-decision', '.05');
    flagged('t(28) = 3.20, p > .05.', 'p-decision', '.05');
  });

  it('reads p = .000 as p < .0005, with a note that APA style writes p < .001', () => {
    for (const text of ['t(28) = 5.10, p = .000.', 't(28) = 5.10, p < .000.']) {
      const r = run(checkPValues, text);
      assert.equal(r.verified, 1);
      assert.deepEqual(r.findings.map((f) => [f.kind, f.severity, underlined(text, f)]), [['p-zero', 'info', '.000']]);
    }
    flagged('t(28) = 3.60, p = .000.', 'p-value', '.000');
  });

  it('calls a p below 0 or above 1 impossible', () => {
    flagged('t(28) = 2.10, p = 1.45.', 'p-range', '1.45');
    flagged('t(28) = 2.10, p = -.04.', 'p-range', '-.04');
    flagged('t(28) = 0.10, p > 1.', 'p-range', '1');
    flagged('t(28) = 5.10, p < 0.', 'p-range', '0');
  });

  it('reads ns as p > .05', () => {
    consistent('t(28) = 1.2, ns.');
    consistent('F(1, 30) = 0.8, n.s.');
    flagged('t(28) = 3.2, ns.', 'p-decision', 'ns');
  });

  it('classifies a flip of significance at .05 as a decision error, p = .05 counting as significant', () => {
    flagged('t(28) = 1.50, p = .04.', 'p-decision', '.04');
    flagged('t(28) = 2.50, p = .09.', 'p-decision', '.09');
    consistent('t(28) = 2.05, p = .05.');
    // The statistic's interval straddles .05: an inconsistency, but the decision is unclear.
    const r = run(checkPValues, 't(28) = 2.0, p = .01.');
    assert.equal(r.findings[0].kind, 'p-value');
  });

  it('accepts a one-tailed p when the sentence says so', () => {
    consistent('A one-tailed test showed the effect, t(28) = 1.80, p = .041.');
    consistent('The directional hypothesis was supported, t(28) = 1.80, p = .041.');
    consistent('t(28) = 1.80, p_one-sided = .041.');
    const m = flagged('The effect was significant, t(28) = 1.80, p = .041.', 'p-decision', '.041');
    assert.match(m, /one-tailed/);
  });

  it('applies a one-tailed declaration earlier in the paper to the tests after it', () => {
    consistent('All tests were one-sided.\n\nThe effect was significant, t(28) = 1.80, p = .041.');
    consistent('Because the hypotheses predicted a direction, we used directional tests throughout.\n\nScores rose, t(28) = 1.80, p = .041.');
    // A later two-tailed declaration ends it; a negated one is none.
    flagged('Pilot tests were one-tailed. All main tests were two-tailed.\n\nScores rose, t(28) = 1.80, p = .041.', 'p-decision', '.041', 'warning');
    flagged('We did not use one-tailed tests.\n\nScores rose, t(28) = 1.80, p = .041.', 'p-decision', '.041', 'warning');
  });

  it('downgrades a one-tailed reading to a warning when the paper mentions one-sided tests only after the test', () => {
    flagged('The effect was significant, t(28) = 1.80, p = .041.\n\nAll tests were one-sided.', 'p-decision', '.041', 'warning');
  });

  it('skips p-values that say they were corrected for multiple comparisons', () => {
    assert.equal(run(checkPValues, 'After Bonferroni correction, t(28) = 2.50, p = .056.').findings.length, 0);
    assert.equal(run(checkPValues, 't(28) = 2.50, p_adj = .056.').findings.length, 0);
    // A corrected p is never smaller than the raw one.
    assert.equal(run(checkPValues, 'After Bonferroni correction, t(28) = 2.50, p = .001.').findings.length, 1);
  });

  it('checks F, χ², r, z and Q', () => {
    flagged('F(2, 57) = 3.4, p = .01.', 'p-value', '.01');
    flagged('χ^2(1, N = 120) = 4.2, p = .4.', 'p-decision', '.4');
    flagged('r(48) = .31, p = .3.', 'p-decision', '.3');
    flagged('z = 2.58, p = .05.', 'p-value', '.05');
    flagged('Q(df = 3) = 8.1, p = .4.', 'p-decision', '.4');
  });

  it('handles Unicode minus, math-italic letters and split math', () => {
    consistent('t(517) = −0.44, p = 0.660.');
    consistent('𝑡(28) = 2.10, 𝑝 = .045.');
    consistent('F(2,\n57) = 3.4,\np < .05.');
  });

  it('reads tests from a table with t, df and p columns', () => {
    const rows = [
      ['Predictor', 't', 'df', 'p'],
      ['Contact', '2.90', '110', '.04'],
      ['Quality', '2.24', '189', '.026'],
    ];
    let text = '';
    const grid: TableCell[][] = rows.map((r) =>
      r.map((cell, column) => {
        const start = text.length;
        text += cell + (column === r.length - 1 ? '\n' : ' & ');
        return { text: cell, start, end: start + cell.length, column, colspan: 1 };
      }),
    );
    const paper: PaperText = { ...plainPaper(text), tables: [{ caption: 'Regression', section: '', rows: grid, start: 0, end: text.length }] };
    const out = checkPValues(paper);
    assert.equal(out.findings.length, 1);
    assert.equal(text.slice(out.findings[0].span.start, out.findings[0].span.end), '.04');
    assert.equal(out.verified.length, 1);
  });
});
