// The reporting formats statcheck's documentation describes, written as our own examples, and the
// places where Tally reads the context as a reader does (one-tailed declarations, equivalence tests).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPValues } from '../../../src/core/checks/stats/p-value.ts';
import { findTests } from '../../../src/core/checks/stats/parse-tests.ts';
import { findTailDeclarations } from '../../../src/core/checks/stats/tails.ts';
import { plainPaper } from '../../../src/core/text/plain-paper.ts';
import type { PaperText, TableCell } from '../../../src/core/types.ts';
import { run, underlined } from './helpers.ts';

function kinds(text: string): string[] {
  return run(checkPValues, text).findings.map((f) => `${f.kind}:${f.severity}:${underlined(text, f)}`);
}

function verifiedOnly(text: string): void {
  const r = run(checkPValues, text);
  assert.deepEqual(r.findings.map((f) => f.message), [], text);
  assert.equal(r.verified, 1, `${text}: expected one verified test`);
}

describe('statcheck formats', () => {
  it('reads every chi-square spelling', () => {
    const spellings = ['χ2', 'χ^2', 'χ²', 'Χ2', 'X2', 'x2', 'X^2', 'chi2', 'chi_2', 'chi^2', 'Chi-square', 'chi-squared', 'chi square'];
    for (const name of spellings) {
      const [t] = findTests(`${name}(2, N = 88) = 7.9, p = .019`);
      assert.equal(t?.type, 'chi2', name);
      assert.equal(t.df1, 2, name);
    }
    verifiedOnly('The groups differed, x2(3) = 9.12, p = .028.');
    assert.deepEqual(kinds('The groups differed, chi_2(3) = 9.12, p = .28.'), ['p-decision:error:.28']);
  });

  it('reads Q with its within and between tags', () => {
    for (const name of ['Q', 'Qw', 'Qb', 'Qwithin', 'Qbetween', 'Q-within', 'Q-between', 'Q_w', 'Q_{between}']) {
      const [t] = findTests(`${name}(5) = 14.3, p = .014`);
      assert.equal(t?.type, 'Q', name);
      assert.equal(t.df1, 5, name);
    }
    verifiedOnly('Heterogeneity between the subgroups was present, Qbetween(2) = 7.40, p = .025.');
  });

  it('reads a letter l typed for the numerator df 1', () => {
    const [t] = findTests('F(l, 76) = 5.01, p = .028');
    assert.deepEqual([t.df1, t.df2], [1, 76]);
    verifiedOnly('The interaction held, F(l, 76) = 5.01, p = .028.');
  });

  it('checks a statistic given as a bound: the reported relation must be possible', () => {
    verifiedOnly('The effect was absent, F(1, 28) < 1, ns.');
    verifiedOnly('The effect was absent, t(28) < 1.2, p = .38.');
    verifiedOnly('The effect was clear, t(28) > 3.5, p < .01.');
    // t below 2.2 means p above .036: p = .01 is impossible (whether the result is significant stays open).
    assert.deepEqual(kinds('Participants differed, t(28) < 2.2, p = .01.'), ['p-value:error:.01']);
    // F above 10 with (1, 40) means p below .003: "p = .20" cannot be.
    assert.deepEqual(kinds('Groups differed, F(1, 40) > 10, p = .20.'), ['p-decision:error:.20']);
    // A negative t below −3.1 is a t larger than 3.1 in size.
    verifiedOnly('Scores fell, t(40) < −3.1, p < .01.');
  });

  it('reads p in scientific notation in text', () => {
    for (const p of ['4.1 × 10^-4', '4.1 x 10^{-4}', '4.1e-4', '4.1E-04', '4.1 · 10^-4']) verifiedOnly(`Accuracy rose, t(40) = 3.86, p = ${p}.`);
    assert.deepEqual(kinds('Accuracy rose, t(40) = 3.08, p = 4.1 × 10^-4.'), ['p-value:error:4.1 × 10^-4']);
  });

  it('reads ns and n.s.', () => {
    verifiedOnly('No difference, t(50) = 1.01, ns.');
    assert.deepEqual(kinds('No difference, t(50) = 3.01, n.s.'), ['p-decision:error:n.s.']);
  });

  it('reads p in scientific notation in a table cell', () => {
    const rows = [
      ['Contrast', 't', 'df', 'p'],
      ['A vs B', '3.41', '17.2', '3.3 × 10^-3'],
      ['A vs C', '2.41', '17.2', '3.3 × 10^-3'],
    ];
    let text = '';
    const grid: TableCell[][] = rows.map((r) =>
      r.map((cell, column) => {
        const start = text.length;
        text += cell + (column === r.length - 1 ? '\n' : ' | ');
        return { text: cell, start, end: start + cell.length, column, colspan: 1 };
      }),
    );
    const paper: PaperText = { ...plainPaper(text), tables: [{ caption: 'Pairwise contrasts', section: '', rows: grid, start: 0, end: text.length }] };
    const out = checkPValues(paper);
    assert.equal(out.verified.length, 1);
    assert.deepEqual(out.findings.map((f) => text.slice(f.span.start, f.span.end)), ['3.3 × 10^-3']);
  });
});

describe('one-tailed declarations', () => {
  it('finds declarations and their negations', () => {
    const decl = (s: string): boolean[] => findTailDeclarations(s).map((d) => d.oneTailed);
    assert.deepEqual(decl('Hypotheses were tested with one-tailed t-tests.'), [true]);
    assert.deepEqual(decl('All p-values are two-sided.'), [false]);
    assert.deepEqual(decl('We report directional tests.'), [true]);
    assert.deepEqual(decl('We did not use one-sided tests.'), []);
    // One-sided intervals or a one-sided fence are no declaration about the tests.
    assert.deepEqual(decl('The fence was one-sided, so the plots had a gap.'), []);
  });
});

describe('equivalence tests', () => {
  it('accepts the one-sided p of a TOST against its bound in either direction', () => {
    verifiedOnly('We tested against equivalence bounds of −0.5 and 0.5 with the TOST procedure; the lower test was significant, t(49) = 3.10, p = .002.');
    verifiedOnly('The equivalence test against bounds of 10 and 14 was not significant, t(29) = −6.40, p = 1.');
  });

  it('flags a TOST p that matches neither direction when the bounds are stated, at warning level', () => {
    assert.deepEqual(kinds('We tested against equivalence bounds of −0.5 and 0.5 with the TOST procedure, t(49) = 3.10, p = .30.'), ['p-value:warning:.30']);
  });

  it('leaves a TOST p undecided when the bounds are not stated', () => {
    const out = checkPValues(plainPaper('Two one-sided tests showed the effect was within the range, t(49) = 3.10, p = .30.'));
    assert.equal(out.findings.length, 0);
    assert.equal(out.undecided?.length, 1);
  });
});
