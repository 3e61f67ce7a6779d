// Ratios and rates in prose. Read, then judged:
// - a fraction and the percentage it is restated as ("1/8 or 12.5%", "12.5%, i.e., 1 out of 8");
// - a rate over a stated duration and the count it gives ("20 samples/minute for 15 minutes, which
//   gives 300 samples").
// The reader records the numbers as written and the cue that binds them; the judge recomputes with
// the whole numbers taken as exact and the result compared at its printed precision.

import { formatLike, roundsTo } from '../../numbers.ts';
import type { CheckOutput, PaperText } from '../../types.ts';
import { quantitiesIn, sentencesOf, type Num, type Sentence } from './context.ts';
import { unitFactor } from './evaluate.ts';
import { ARITHMETIC_RULE } from './expressions.ts';
import { cover, formatValue, makeFinding, makeVerified, plain } from './report.ts';
import { unitAt } from './unit-text.ts';
import type { CheckModule } from '../module.ts';

export interface RatioClaim {
  relation: 'fraction-percent' | 'rate-duration';
  result: Num;
  operands: [Num, Num];
  /** rate-duration: converts the duration into the rate's time unit. */
  factor?: number;
  cue: string;
}

// Between a fraction and its percentage: "or", "i.e.", "that is" (the bracket forms are the percentage check's).
const RESTATED = /^\s*(?:\(\s*)?,?\s*(?:or|i\.\s?e\.,?|that\s+is,?)\s*$/i;
const TIME_UNITS = new Set(['s', 'minute', 'hour', 'day', 'week']);
// "requests/second", "samples per minute": a count noun per unit of time.
const PER_TIME = /[ \t\u00a0]*[A-Za-z][A-Za-z-]{1,24}[ \t\u00a0]*(?:\/|per[ \t\u00a0]+)[ \t\u00a0]*/y;
const FOR_DURATION = /^\s*(?:for|over|during)\s+(?:a\s+(?:total\s+)?(?:duration\s+)?of\s+)?$/i;
const GIVES = /^[^.;]{0,40}?\b(?:leads?\s+to|leading\s+to|results?\s+in|resulting\s+in|gives?|giving|yields?|yielding|for\s+a\s+total\s+of|totall?ing|amounts?\s+to|produces?|producing)\s+(?:a\s+total\s+of\s+|about\s+|approximately\s+)?$/i;

function fraction(text: string, a: Num, b: Num): string | undefined {
  if (a.decimals || b.decimals || a.percent || b.percent || b.value === 0 || a.value > b.value) return undefined;
  const between = text.slice(a.end, b.start);
  if (/^\s*\/\s*$/.test(between)) return '/';
  if (/^\s+out\s+of\s+$/i.test(between)) return 'out of';
  return undefined;
}

function fractionClaims(text: string, nums: Num[], out: RatioClaim[]): void {
  for (let i = 0; i + 1 < nums.length; i++) {
    const [a, b] = [nums[i], nums[i + 1]];
    const form = fraction(text, a, b);
    if (!form) continue;
    const after = nums[i + 2];
    const before = nums[i - 1];
    if (after?.percent && RESTATED.test(text.slice(b.end, after.start))) out.push({ relation: 'fraction-percent', result: after, operands: [a, b], cue: `${form} … or` });
    else if (before?.percent && RESTATED.test(text.slice(before.end, a.start))) out.push({ relation: 'fraction-percent', result: before, operands: [a, b], cue: `i.e. … ${form}` });
  }
}

function rateClaims(text: string, s: Sentence, nums: Num[], out: RatioClaim[]): void {
  for (let i = 0; i + 2 < nums.length; i++) {
    const [rate, duration, result] = [nums[i], nums[i + 1], nums[i + 2]];
    PER_TIME.lastIndex = rate.end;
    if (!PER_TIME.exec(text) || PER_TIME.lastIndex > duration.start) continue;
    const rateUnit = unitAt(text, PER_TIME.lastIndex, duration.start);
    const durationUnit = unitAt(text, duration.end, result.start);
    if (!rateUnit || !durationUnit || !TIME_UNITS.has(rateUnit.mathjs) || !TIME_UNITS.has(durationUnit.mathjs)) continue;
    if (!FOR_DURATION.test(text.slice(rateUnit.end, duration.start))) continue;
    if (!GIVES.test(text.slice(durationUnit.end, Math.min(result.start, s.end)))) continue;
    const factor = unitFactor(durationUnit.mathjs, rateUnit.mathjs);
    if (factor === undefined || result.percent) continue;
    out.push({ relation: 'rate-duration', result, operands: [rate, duration], factor, cue: 'rate for a duration gives' });
  }
}

/** Reads the ratio and rate claims of one sentence. */
export function readRatioClaims(text: string, s: Sentence): RatioClaim[] {
  const nums = quantitiesIn(text, s);
  const claims: RatioClaim[] = [];
  fractionClaims(text, nums, claims);
  rateClaims(text, s, nums, claims);
  return claims;
}

export function judgeRatio(paper: PaperText, c: RatioClaim, out: CheckOutput): void {
  const [a, b] = c.operands;
  const value = c.relation === 'fraction-percent' ? (100 * a.value) / b.value : a.value * b.value * (c.factor ?? 1);
  const working = c.relation === 'fraction-percent' ? `${plain(a.value)} / ${plain(b.value)} * 100` : `${plain(a.value)} * ${plain(b.value)}${c.factor === 1 ? '' : ` * ${plain(c.factor ?? 1)}`}`;
  const claimSpan = cover(a, b, c.result);
  // Whole numbers are taken as exact; the result must agree at its own printed precision.
  if (roundsTo(c.result, value)) {
    out.verified.push(makeVerified(paper, ARITHMETIC_RULE.id, claimSpan, `${working} = ${formatValue(value, 4)}`));
    return;
  }
  // A rate or duration written with decimals may have been rounded: then say so, as a warning.
  const rounded = a.decimals > 0 || b.decimals > 0;
  const recomputed = formatLike(c.result, value);
  out.findings.push(
    makeFinding(paper, {
      kind: ARITHMETIC_RULE.id,
      severity: rounded ? 'warning' : 'error',
      message: c.relation === 'fraction-percent' ? `${a.text} of ${b.text} is ${recomputed}, not ${c.result.text}.` : `${a.text} per unit of time for ${b.text} gives ${recomputed}, not ${c.result.text}.`,
      claimSpan,
      span: c.result,
      reported: c.result.text,
      recomputed,
      working,
      suggestion: rounded ? undefined : recomputed,
      related: [a, b],
    }),
  );
}

export function checkRatios(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  for (const s of sentencesOf(paper).sentences) for (const c of readRatioClaims(paper.text, s)) judgeRatio(paper, c, out);
  return out;
}

export const ratioCheck: CheckModule = {
  name: 'ratio',
  title: 'Ratios and rates',
  description: 'Recomputes a fraction restated as a percentage, and the count a rate gives over a stated duration.',
  kinds: [ARITHMETIC_RULE],
  shapes: [
    { name: 'fraction restated', example: 'each of the 4 doors is equally likely (1/4 or 25%)' },
    { name: 'rate over a duration', example: '12 frames/second for 5 seconds, which gives 60 frames' },
  ],
  leavesAlone: [
    'A fraction with its percentage in brackets ("3/12 (25%)"): the percentage check reads those.',
    'Rates whose count noun is not followed by a unit of time, and durations in months or years (calendar units convert only roughly).',
    'Domain ratios the sentence does not define (connectance, densities, dose per body mass).',
  ],
  run: checkRatios,
};
