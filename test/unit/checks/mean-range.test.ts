// A mean or median against the range written next to it. Our own sentences, in several notations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkMeanRanges, readCentresInRange } from '../../../src/core/checks/arithmetic/mean-range.ts';
import { quantitiesIn, sentencesOf } from '../../../src/core/checks/arithmetic/context.ts';
import { checkPaper } from '../../../src/core/engine.ts';
import { extractLatex } from '../../../src/core/latex/extract.ts';
import { paper, underlined } from './helpers.ts';

function read(text: string) {
  const p = paper(text);
  return sentencesOf(p).sentences.flatMap((s) => readCentresInRange(p.text, quantitiesIn(p.text, s), s.start)).map((c) => [c.centreKind, c.centre.text, c.lo.text, c.hi.text, c.boundKind]);
}

function verdicts(text: string) {
  const p = paper(text);
  const out = checkMeanRanges(p);
  return { errors: out.findings.map((f) => [underlined(p, f), f.severity]), verified: out.verified.length };
}

test('the centre first, then its range, with or without an SD on the way', () => {
  assert.deepEqual(read('The mean length of stay was 5.2 days (range 1–14).'), [['mean', '5.2', '1', '14', 'range']]);
  assert.deepEqual(read('Respondents had a median income of 41 (IQR 30–58) thousand.'), [['median', '41', '30', '58', 'interquartile range']]);
  assert.deepEqual(read('Scores averaged M = 12.4 (SD 3.0; range 6 to 20) across schools.'), [['mean', '12.4', '6', '20', 'range']]);
  assert.deepEqual(verdicts('The mean length of stay was 5.2 days (range 1–14).'), { errors: [], verified: 1 });
  assert.deepEqual(verdicts('The mean length of stay was 15.2 days (range 1–14).'), { errors: [['15.2', 'error']], verified: 0 });
  assert.deepEqual(verdicts('Scores averaged M = 12.4 (SD 3.0; range 16 to 20) across schools.'), { errors: [['12.4', 'error']], verified: 0 });
  assert.deepEqual(verdicts('Respondents had a median income of 61 (IQR 30–58) thousand.'), { errors: [['61', 'error']], verified: 0 });
});

test('the range first, then its centre in a parenthesis', () => {
  assert.deepEqual(read('Volunteers were aged 19 to 72 years (mean 38).'), [['mean', '38', '19', '72', 'range']]);
  assert.deepEqual(verdicts('Volunteers were aged 19 to 72 years (mean 38).'), { errors: [], verified: 1 });
  assert.deepEqual(verdicts('Volunteers were aged 49 to 72 years (mean 38).'), { errors: [['38', 'error']], verified: 0 });
  assert.deepEqual(verdicts('Plot sizes ranged from 0.5 to 4.0 ha (median 1.2).'), { errors: [], verified: 1 });
  assert.deepEqual(verdicts('Plot sizes ranged from 0.5 to 4.0 ha (median 5.5).'), { errors: [['5.5', 'error']], verified: 0 });
});

test('the rounding of the centre and the ends is allowed for', () => {
  // 14.04 rounds to 14.0 and to 14: a centre at the printed edge is inside.
  assert.deepEqual(verdicts('The mean delay was 14.0 days (range 2–14).'), { errors: [], verified: 1 });
});

test('a minus sign from math mode belongs to the number; a spaced dash between two numbers does not', () => {
  assert.deepEqual(verdicts('The mean score was 40 (range 21 - 67).'), { errors: [], verified: 1 });
  const source = '\\documentclass{article}\\begin{document}\nDaily changes had a mean of $-1.5$ (range $-4.0$ to $2.0$) percentage points.\n\\end{document}\n';
  const result = checkPaper(extractLatex(source, 'file:///neg.tex'));
  assert.deepEqual(result.findings.filter((f) => f.kind === 'mean-range'), []);
  assert.ok(result.verified.some((v) => v.kind === 'mean-range'));
});

test('left alone: a range and a centre of different things, or in other units, or not next to each other', () => {
  // A change from one value to another is not a range.
  assert.deepEqual(read('Prices rose from 20 to 40 (mean 55 across the region).'), []);
  // The range is of one measure, the mean of another further on.
  assert.deepEqual(read('Ages ranged from 18 to 30; the mean score was 55.'), []);
  // Months against years.
  assert.deepEqual(verdicts('Children were aged 2 to 5 years (mean 41 months).'), { errors: [], verified: 0 });
  // A confidence interval is the interval check's, not a range.
  assert.deepEqual(read('The mean difference was 2.1 (95% CI 1.2 to 3.0).'), []);
});
