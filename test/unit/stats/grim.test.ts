import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkGrim } from '../../../src/core/checks/stats/grim.ts';
import { grimApplies, grimPossible, percentCounts } from '../../../src/core/checks/stats/granularity.ts';
import { parseReported } from '../../../src/core/numbers.ts';
import { plainPaper } from '../../../src/core/text/plain-paper.ts';
import type { PaperText, TableCell } from '../../../src/core/types.ts';
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
  it('reads a mean told in words, at the end of a sentence, on a scale given by its ends', () => {
    const ok = 'Each of the 40 students rated the lecture on a 1-5 scale, giving a mean of 3.85.';
    assert.deepEqual([run(checkGrim, ok).findings, run(checkGrim, ok).verified], [[], 1]);
    const bad = 'Each of the 40 students rated the lecture on a 1-5 scale, giving a mean of 3.86.';
    // The n is the sentence's, not stated with the mean: a warning.
    assert.deepEqual(run(checkGrim, bad).findings.map((f) => [underlined(bad, f), f.severity]), [['3.86', 'warning']]);
    const seven = 'On a seven-point scale the 12 raters gave the design an average rating of 5.33.';
    assert.equal(run(checkGrim, seven).verified, 1);
    assert.deepEqual(run(checkGrim, seven.replace('5.33', '5.30')).findings.map((f) => f.kind), ['grim']);
  });

  it('leaves a mean told in words alone when nothing says the data are whole numbers', () => {
    const times = 'The 25 participants answered within a mean of 4.37 seconds.';
    assert.deepEqual([run(checkGrim, times).findings, run(checkGrim, times).verified], [[], 0]);
    const weights = 'For the 25 mice the average was 4.37 on the balance.';
    assert.deepEqual(run(checkGrim, weights).findings, []);
  });

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
    // An age is checked as whole years, but only ever as a warning: ages may be exact.
    assert.deepEqual(run(checkGrim, 'The number of participants was 28 (mean age = 5.19, n = 28).').findings.map((f) => f.severity), ['warning']);
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

function paperWithTable(before: string, rows: string[][]): PaperText {
  let text = before + '\n\n';
  const tableStart = text.length;
  const grid: TableCell[][] = rows.map((r) =>
    r.map((cell, column) => {
      const start = text.length;
      text += cell + (column === r.length - 1 ? '\n' : ' | ');
      return { text: cell, start, end: start + cell.length, column, colspan: 1 };
    }),
  );
  const base = plainPaper(text);
  return { ...base, blocks: [{ start: 0, end: before.length, kind: 'paragraph', section: '' }, { start: tableStart, end: text.length, kind: 'table', section: '' }], tables: [{ caption: '', section: '', rows: grid, start: tableStart, end: text.length }] };
}

describe('GRIM with the n read from where the paper gives it', () => {
  it('checks a mean age against the sample named in its sentence, as a warning', () => {
    const text = 'We tested 38 volunteers from the town (ages 20 to 61; mean age was 35.43).';
    const r = run(checkGrim, text);
    assert.deepEqual(r.findings.map((f) => [underlined(text, f), f.severity]), [['35.43', 'warning']]);
    assert.match(r.findings[0].message, /whole years/);
    // 1346/38 = 35.421 and 1347/38 = 35.447.
    assert.equal(run(checkGrim, 'We tested 38 volunteers from the town (ages 20 to 61; mean age was 35.43 years).').findings[0].severity, 'warning');
    assert.equal(run(checkGrim, 'We tested 38 volunteers from the town (ages 20 to 61; mean age was 35.45 years).').verified, 1);
  });

  it('reads the count of the group a parenthesis describes, and ages in months', () => {
    const text = 'The sample held 25 infants (mean = 14.30 months, SD = 2.1) and 21 toddlers (mean = 29.50 months, SD = 3.0).';
    const r = run(checkGrim, text);
    // 14.30 × 25 = 357.5: impossible; 29.50 × 21 = 619.5: impossible too.
    assert.deepEqual(r.findings.map((f) => underlined(text, f)), ['14.30', '29.50']);
    assert.ok(r.findings.every((f) => f.severity === 'warning'));
    // Durations are not whole numbers.
    assert.equal(run(checkGrim, 'The sample held 25 infants who slept longer (mean = 14.30 hours).').findings.length, 0);
  });

  it('reads a mean count written in words, with the study sample stated earlier', () => {
    const text = 'We enrolled a sample of 40 adults to take a 12-item quiz. Each of them, on average, solved 7.31 problems.';
    const r = run(checkGrim, text);
    assert.deepEqual(r.findings.map((f) => [underlined(text, f), f.severity]), [['7.31', 'warning']]);
    assert.equal(run(checkGrim, 'We enrolled a sample of 40 adults to take a 12-item quiz. Each of them, on average, solved 7.35 problems.').verified, 1);
  });

  it('checks a demographic share against the sample of its sentence', () => {
    const text = 'We recruited 212 participants online (42.10% female).';
    const r = run(checkGrim, text);
    assert.deepEqual(r.findings.map((f) => [underlined(text, f), f.severity]), [['42.10%', 'error']]);
    assert.equal(run(checkGrim, 'We recruited 212 participants online (41.98% female).').verified, 1);
    assert.equal(run(checkGrim, 'We recruited 212 participants online; 42.10% of trials were fast.').findings.length, 0);
  });

  it('carries the final sample forward, not the pool people were excluded from', () => {
    const text = 'From a pool of 130 applicants, 11 were excluded, which left a final sample of 119 people.\n\nParticipants were 45.9% women.';
    const r = run(checkGrim, text);
    // 45.9% of 130 is 59.7 (60/130 = 46.2%); of 119 it is 54.6 (55/119 = 46.2%, 54/119 = 45.4%): impossible.
    assert.deepEqual(r.findings.map((f) => [underlined(text, f), f.severity]), [['45.9%', 'warning']]);
    assert.equal(run(checkGrim, 'From a pool of 130 applicants, 11 were excluded, which left a final sample of 119 people.\n\nParticipants were 46.2% women.').verified, 1);
  });

  it('checks shares in a table against a column n or the sample stated before it', () => {
    const byColumn = paperWithTable('Answers by group.', [
      ['', 'Group A', 'Group B'],
      ['', '(n = 24)', '(n = 30)'],
      ['% agreeing', '37.5', '41.0'],
    ]);
    const a = checkGrim(byColumn);
    assert.deepEqual(a.findings.map((f) => [byColumn.text.slice(f.span.start, f.span.end), f.severity]), [['41.0', 'warning']]);
    assert.equal(a.verified.length, 1);
    const byStudy = paperWithTable('The survey was answered by 12 teachers.', [
      ['Statement', 'Agree (%)', 'Disagree (%)'],
      ['The course was useful', '58.3', '40.7'],
    ]);
    const b = checkGrim(byStudy);
    assert.deepEqual(b.findings.map((f) => byStudy.text.slice(f.span.start, f.span.end)), ['40.7']);
    // One percent column alone (an accuracy, a rate) is not a breakdown of people.
    const single = paperWithTable('The survey was answered by 12 teachers.', [
      ['Condition', 'Accuracy (%)'],
      ['Easy', '40.7'],
    ]);
    assert.equal(checkGrim(single).findings.length, 0);
  });

  it('takes a scale defined earlier in the paper, with its number of items, for a later mean of that measure', () => {
    const methods = 'Anxiety was measured with five items rated from 1 (never) to 5 (always).\n\n';
    // 5 items × 12 people: totals over 60 responses; 128/60 = 2.133 and 129/60 = 2.150, so 2.14 is impossible.
    const text = methods + 'The treated group reported lower anxiety (M = 2.14, SD = 0.50, n = 12).';
    const r = run(checkGrim, text);
    assert.deepEqual(r.findings.map((f) => [underlined(text, f), f.severity]), [['2.14', 'warning']]);
    assert.match(r.findings[0].message, /5-item scale scores, as defined earlier/);
    assert.equal(run(checkGrim, methods + 'The treated group reported lower anxiety (M = 2.15, SD = 0.50, n = 12).').verified, 1);
    // Another measure is not the defined one.
    assert.equal(run(checkGrim, methods + 'The treated group slept longer (M = 2.14, SD = 0.50, n = 12).').findings.length, 0);
  });
});
