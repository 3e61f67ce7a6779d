import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEstimates, criticalValue } from '../../../src/core/checks/stats/estimates.ts';
import { plainPaper } from '../../../src/core/text/plain-paper.ts';
import type { PaperText, TableCell } from '../../../src/core/types.ts';
import { run, underlined } from './helpers.ts';

function found(text: string): string[] {
  return run(checkEstimates, text).findings.map((f) => `${f.kind}:${f.severity}:${underlined(text, f)}`);
}

describe('critical values', () => {
  it('are the textbook ones', () => {
    assert.ok(Math.abs(criticalValue(95) - 1.959964) < 1e-5);
    assert.ok(Math.abs(criticalValue(90) - 1.644854) < 1e-5);
    assert.ok(Math.abs(criticalValue(95, 10) - 2.228139) < 1e-5);
  });
});

describe('coefficient, SE and t or z', () => {
  it('accepts t = b / SE within rounding and flags a t that is not', () => {
    const ok = run(checkEstimates, 'Income predicted trust, b = 0.45, SE = 0.12, t(80) = 3.75, p < .001.');
    assert.deepEqual(ok.findings, []);
    assert.ok(ok.verified >= 1);
    assert.deepEqual(found('Income predicted trust, b = 0.45, SE = 0.12, t(80) = 2.75, p < .001.'), ['coef-t:error:2.75']);
    // 0.45 / 0.12 spans 0.445/0.125 = 3.56 to 0.455/0.115 = 3.96 across rounding: 3.6 is fine.
    assert.deepEqual(found('Income predicted trust, b = 0.45, SE = 0.12, z = 3.6.'), []);
  });

  it('only warns for β, which may be standardised while the SE is not', () => {
    assert.deepEqual(found('Age mattered, β = 0.45, SE = 0.12, t(80) = 2.75.'), ['coef-t:warning:2.75']);
  });
});

describe('confidence interval against p', () => {
  it('flags an interval that excludes 0 with p above .05, and one that includes 0 with p below', () => {
    assert.deepEqual(found('The slope was positive, b = 0.50, 95% CI [0.10, 0.90], p = .21.'), ['ci-p:warning:.21']);
    assert.deepEqual(found('The slope was flat, b = 0.10, 95% CI [−0.20, 0.40], p = .01.'), ['ci-p:warning:.01']);
    assert.deepEqual(found('The slope was positive, b = 0.50, 95% CI [0.10, 0.90], p = .014.'), []);
  });

  it('uses 1 as the null value of a ratio and the level of the interval', () => {
    assert.deepEqual(found('Smokers had higher odds, OR = 1.80, 95% CI [1.20, 2.70], p = .004.'), []);
    assert.deepEqual(found('Smokers had higher odds, OR = 1.80, 95% CI [0.90, 2.70], p = .004.'), ['ci-p:warning:.004']);
    // A 90% interval that excludes 0 says p < .10, which p = .07 is.
    assert.deepEqual(found('The effect was small, d = 0.30, 90% CI [0.02, 0.58], p = .07.'), []);
  });

  it('reads a normal-approximation interval next to a t with few df as the software prints it, not as a contradiction', () => {
    // 0.80 / 2.70 gives SE 0.296: 1.96 × SE = 0.58 either side; the t with 3.4 df gives p above .05.
    assert.deepEqual(found('In the multilevel model, b = 0.80, t(3.4) = 2.70, p = .065, 95% CI [0.22, 1.38].'), []);
  });

  it('leaves a bound on the null value alone', () => {
    assert.deepEqual(found('The effect was small, d = 0.30, 95% CI [0.00, 0.60], p = .20.'), []);
  });
});

describe('confidence interval width against the SE', () => {
  it('accepts half-width ≈ 1.96 SE and flags an SE that does not fit', () => {
    assert.deepEqual(found('Accuracy rose, b = 0.58, SE = 0.097, 95% CI [0.39, 0.77].'), []);
    assert.deepEqual(found('Accuracy rose, b = 0.58, SE = 0.05, 95% CI [0.39, 0.77].'), ['ci-se:warning:0.05']);
  });

  it('derives the SE from b and z when no SE is given', () => {
    assert.deepEqual(found('Accuracy rose, b = 0.58, 95% CI [0.39, 0.77], z = 6.03, p < .001.'), []);
    assert.deepEqual(found('Accuracy rose, b = 0.58, 95% CI [0.39, 0.77], z = 3.03, p < .001.'), ['ci-se:warning:3.03']);
  });

  it('leaves ratio intervals (symmetric only on the log scale) alone', () => {
    assert.deepEqual(found('Odds rose, OR = 2.00, SE = 0.05, 95% CI [1.20, 3.30], p < .001.'), []);
  });
});

describe('regression tables', () => {
  function tablePaper(rows: string[][], note: string): PaperText {
    let text = '';
    const grid: TableCell[][] = rows.map((r) =>
      r.map((cell, column) => {
        const start = text.length;
        text += cell + (column === r.length - 1 ? '\n' : ' | ');
        return { text: cell, start, end: start + cell.length, column, colspan: 1 };
      }),
    );
    const end = text.length;
    text += note;
    return { ...plainPaper(text), tables: [{ caption: 'Predictors of trust', section: '', rows: grid, start: 0, end }] };
  }

  it('checks t = B / SE in each row', () => {
    const paper = tablePaper([
      ['Predictor', 'B', 'SE', 't'],
      ['Income', '0.45', '0.12', '3.75'],
      ['Age', '-0.20', '0.08', '-4.10'],
    ], '');
    const out = checkEstimates(paper);
    assert.deepEqual(out.findings.map((f) => [f.kind, paper.text.slice(f.span.start, f.span.end)]), [['coef-t', '-4.10']]);
    assert.equal(out.verified.length, 1);
  });

  it('checks stars against the legend in the note', () => {
    const rows = [
      ['Predictor', 'B', 'SE'],
      ['Income', '0.45***', '(0.12)'],
      ['Age', '0.20***', '(0.08)'],
    ];
    const paper = tablePaper(rows, 'Note. * p < .05, ** p < .01, *** p < .001.');
    // 0.20 / 0.08 = 2.5 at most 0.205 / 0.075 = 2.73: p ≥ .006, not below .001.
    const out = checkEstimates(paper);
    assert.deepEqual(out.findings.map((f) => paper.text.slice(f.span.start, f.span.end)), ['0.20']);
    // Without a legend the stars could mean p < .10, .05, .01 (economics): left alone.
    assert.equal(checkEstimates(tablePaper(rows, '')).findings.length, 0);
  });
});
