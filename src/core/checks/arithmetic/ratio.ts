// Ratios and rates in prose. Read, then judged:
// - a fraction and the percentage it is restated as ("1/8 or 12.5%", "12.5%, i.e., 1 out of 8");
// - a rate over a stated duration and the count it gives ("20 samples/minute for 15 minutes, which
//   gives 300 samples").
// The reader records the numbers as written and the cue that binds them; the judge recomputes with
// the whole numbers taken as exact and the result compared at its printed precision.

import { formatLike, intervalMeets, roundingInterval, roundsTo } from '../../numbers.ts';
import type { CheckOutput, PaperText, TextSpan } from '../../types.ts';
import { quantitiesIn, sentencesOf, type Num, type Sentence } from './context.ts';
import { unitFactor } from './evaluate.ts';
import { ARITHMETIC_RULE } from './expressions.ts';
import { cover, formatValue, makeFinding, makeVerified, plain } from './report.ts';
import { unitAt } from './unit-text.ts';
import type { CheckModule } from '../module.ts';

export interface RatioClaim {
  relation: 'fraction-percent' | 'rate-duration' | 'size-per-item' | 'rate-restated';
  result: Num;
  operands: [Num, Num];
  /** rate-duration: converts the duration into the rate's time unit. */
  factor?: number;
  cue: string;
  /** The result is hedged ("about one million"): agreement within its leading figure is enough. */
  approx?: boolean;
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

const DATA_UNITS = new Set(['kB', 'MB', 'GB', 'TB', 'PB']);
const PER_ITEM = /^\s*per\s+([A-Za-z]{3,})/;
// What binds a size per item to the count it makes: "results in", "gives", "this requires ... about".
const SIZE_RESULT = /^[^;]{0,80}?\b(?:leads?\s+to|results?\s+in|resulting\s+in|gives?|giving|yields?|amounts?\s+to|requires?|needs?|means|makes?|fits?|holds?|instantiat\w*|stores?)\b[^.;\d]{0,60}?$/i;
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const SMALL_WORDS: Record<string, number> = { 'half a': 0.5, a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, hundred: 100 };
// "one million", "2.5 billion", "a thousand": a count written with a scale word.
const SCALED = /(?:^|\s)(\d+(?:\.\d+)?|half\s+a|a|an|one|two|three|four|five|six|seven|eight|nine|ten|hundred)\s+(thousand|million|billion|trillion)\b/iy;
/** "100 000": digits grouped by a space (LaTeX ~ or \,), read only where a count is expected. */
const SPACE_GROUPED = /(\d{1,3})(?:[ \u00a0\u2009\u202f]\d{3})+(?!\d)/y;

/** The count at `pos` (skipping a hedge), written with digits, a scale word or space-grouped digits. */
function countAt(text: string, pos: number, nums: Num[]): { n: Num; approx: boolean } | undefined {
  const hedge = /\s*(?:about|approximately|around|roughly|some|nearly|~|≈)?\s*/y;
  hedge.lastIndex = pos;
  const approx = /\S/.test(hedge.exec(text)?.[0] ?? '');
  const at = hedge.lastIndex;
  SCALED.lastIndex = at > 0 && /\s/.test(text[at - 1]) ? at - 1 : at;
  const scaled = SCALED.exec(text);
  if (scaled) {
    const lead = Number(scaled[1]) || SMALL_WORDS[scaled[1].toLowerCase().replace(/\s+/g, ' ')];
    const start = scaled.index + scaled[0].length - scaled[0].trimStart().length;
    const scale = SCALE[scaled[2].toLowerCase()];
    const decimals = /\.(\d+)/.exec(scaled[1])?.[1].length ?? 0;
    // As precise as its leading figure: "one million" stands for 0.5 to 1.5 million, "2.5 billion" for 2.45 to 2.55.
    return { n: { text: text.slice(start, SCALED.lastIndex), start, end: SCALED.lastIndex, value: lead * scale, decimals, exponent: Math.round(Math.log10(scale)), trailingZeros: 0, percent: false, noise: '' }, approx: true };
  }
  SPACE_GROUPED.lastIndex = at;
  const grouped = SPACE_GROUPED.exec(text);
  if (grouped && /\s\d{3}/.test(grouped[0])) {
    const digits = grouped[0].replace(/\D/g, '');
    const trailingZeros = /0*$/.exec(digits)?.[0].length ?? 0;
    return { n: { text: grouped[0], start: at, end: SPACE_GROUPED.lastIndex, value: Number(digits), decimals: 0, exponent: 0, trailingZeros, percent: false, noise: '' }, approx };
  }
  const n = nums.find((x) => x.start === at);
  return n ? { n, approx } : undefined;
}

/** "a 1 TB store ... 10 MB per item, which results in about 100,000 items": the whole over the size of one. */
function sizeClaims(text: string, block: TextSpan, s: Sentence, nums: Num[], out: RatioClaim[]): void {
  const blockNums = quantitiesIn(text, block);
  for (let i = 0; i < nums.length; i++) {
    const size = nums[i];
    const unit = unitAt(text, size.end, nums[i + 1]?.start ?? s.end);
    if (!unit || !DATA_UNITS.has(unit.mathjs)) continue;
    const item = PER_ITEM.exec(text.slice(unit.end, unit.end + 40))?.[1];
    if (!item) continue;
    // The count it makes: in this sentence or the next of the paragraph, after a word that binds them.
    const window = text.slice(unit.end, Math.min(block.end, unit.end + 200));
    const cue = SIZE_RESULT.exec(cutAfterSecondSentence(window.slice(0, firstDigitOrScale(window))));
    if (!cue) continue;
    const found = countAt(text, unit.end + cue[0].length - (/\s*(?:about|approximately|around|roughly|some|nearly|~|≈)\s*$/i.exec(cue[0])?.[0].length ?? 0), blockNums);
    if (!found || !text.slice(found.n.end, found.n.end + 40).toLowerCase().includes(item.slice(0, 4).toLowerCase())) continue;
    // The whole: the last amount of data before it in the paragraph that is not itself per item.
    const earlier = blockNums.filter((n) => n.end <= size.start && n.end >= size.start - 2000);
    for (let k = earlier.length - 1; k >= 0; k--) {
      const u = unitAt(text, earlier[k].end, earlier[k].end + 12);
      if (!u || !DATA_UNITS.has(u.mathjs)) continue;
      if (PER_ITEM.test(text.slice(u.end, u.end + 20))) continue;
      const factor = unitFactor(u.mathjs, unit.mathjs);
      if (factor !== undefined) out.push({ relation: 'size-per-item', result: found.n, operands: [earlier[k], size], factor, cue: `per ${item}`, approx: found.approx });
      break;
    }
  }
}

/** Offset of the first digit or scale word: the count comes there. */
function firstDigitOrScale(window: string): number {
  const m = /\d|\b(?:half\s+a|a|an|one|two|three|four|five|six|seven|eight|nine|ten|hundred)\s+(?:thousand|million|billion|trillion)\b/i.exec(window);
  return m ? m.index : window.length;
}

/** At most into the next sentence. */
function cutAfterSecondSentence(t: string): string {
  const ends = [...t.matchAll(/[.!?]\s+(?=[A-Z])/g)];
  return ends.length > 1 ? t.slice(0, ends[1].index) : t;
}

const RATE_UNIT: Record<string, string> = { second: 's', sec: 's', s: 's', minute: 'minute', min: 'minute', hour: 'hour', hr: 'hour', h: 'hour', day: 'day', week: 'week' };
// "<count> [noun] per|/|a|every <time unit>": a count rate. The noun may be left out in the restatement.
const RATE_TAIL = /^[ \t\u00a0]*(?:[A-Za-z][A-Za-z-]{1,24}[ \t\u00a0]*)?(?:\/|per\s+|an?\s+|every\s+|each\s+)(second|sec|minute|min|hour|hr|day|week|s|h)\b/i;
const BOUND_BEFORE = /\b(?:over|more\s+than|at\s+least|above|exceed\w*|under|less\s+than|fewer\s+than|up\s+to|at\s+most|about|around|approximately|roughly|nearly|almost|some)\s*$|[~≈><]\s*$/i;
const RESTATED_JOIN = /^[\s,]*(?:\(\s*)?(?:and|or|i\.\s?e\.,?|that\s+is,?|which\s+is|equivalent\s+to|corresponding\s+to|or\s+about)?[\s,]*(?:(?:over|more\s+than|at\s+least|about|around|approximately|roughly|nearly|some|~|≈)\s*)?$/i;

interface Rate { n: Num; unit: string; end: number; hedged: boolean }

function rateAt(text: string, s: Sentence, n: Num): Rate | undefined {
  const m = RATE_TAIL.exec(text.slice(n.end, Math.min(s.end, n.end + 50)));
  if (!m) return undefined;
  const unit = RATE_UNIT[m[1].toLowerCase()];
  return unit ? { n, unit, end: n.end + m[0].length, hedged: BOUND_BEFORE.test(text.slice(Math.max(s.start, n.start - 14), n.start)) } : undefined;
}

/** "about 7,200 messages an hour, i.e. 2 per second": one rate told in two units of time. */
function restatedRates(text: string, s: Sentence, nums: Num[], out: RatioClaim[]): void {
  const counts: Num[] = [...nums];
  // Counts with a scale word ("two billion") are read here too.
  for (const m of text.slice(s.start, s.end).matchAll(/\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|hundred|\d+(?:\.\d+)?)\s+(?:thousand|million|billion|trillion)\b/gi)) {
    const found = countAt(text, s.start + m.index, []);
    if (found) counts.push(found.n);
  }
  counts.sort((a, b) => a.start - b.start);
  const rates = counts.map((n) => rateAt(text, s, n)).filter((r): r is Rate => r !== undefined && !r.n.percent);
  for (let i = 0; i + 1 < rates.length; i++) {
    const [a, b] = [rates[i], rates[i + 1]];
    if (a.unit === b.unit || !RESTATED_JOIN.test(text.slice(a.end, b.n.start).replace(/[~≈]\s*$/, ''))) continue;
    const factor = unitFactor(b.unit, a.unit);
    if (factor === undefined) continue;
    out.push({ relation: 'rate-restated', result: b.n, operands: [a.n, b.n], factor, cue: `per ${a.unit} restated per ${b.unit}`, approx: a.hedged || b.hedged || /[a-z]/i.test(a.n.text) });
  }
}

/** Reads the ratio and rate claims of one sentence (`block`: its paragraph, where a whole may be stated). */
export function readRatioClaims(text: string, s: Sentence, block: TextSpan = s): RatioClaim[] {
  const nums = quantitiesIn(text, s);
  const claims: RatioClaim[] = [];
  fractionClaims(text, nums, claims);
  rateClaims(text, s, nums, claims);
  sizeClaims(text, block, s, nums, claims);
  restatedRates(text, s, nums, claims);
  return claims;
}

/** One rate told in two units of time: the first, converted, must give the second at its precision. */
function judgeRestatedRate(paper: PaperText, c: RatioClaim, out: CheckOutput): void {
  const [a, b] = c.operands;
  const value = a.value * (c.factor ?? 1);
  const [alo, ahi] = roundingInterval(a, true).map((x) => x * (c.factor ?? 1));
  const claimSpan = cover(a, b);
  const working = `${plain(a.value)} * ${plain(c.factor ?? 1)}`;
  if (!c.approx && roundsTo(b, value)) {
    out.verified.push(makeVerified(paper, ARITHMETIC_RULE.id, claimSpan, `${working} = ${formatValue(value, 4)}`));
    return;
  }
  // Hedged or bounded rates ("over", "about") agree loosely; only a clear gap is worth a warning.
  const ratio = b.value / value;
  if (intervalMeets(b, alo, ahi, true) || (c.approx && ratio < 1.25 && ratio > 0.8)) return;
  out.findings.push(
    makeFinding(paper, {
      kind: ARITHMETIC_RULE.id,
      severity: 'warning',
      message: `${a.text} ${c.cue.split(' restated ')[0]} is about ${formatValue(value, 1)} ${c.cue.split(' restated ')[1]}, not ${b.text}.`,
      claimSpan,
      span: b,
      reported: b.text,
      recomputed: formatValue(value, 1),
      working,
      related: [a],
    }),
  );
}

export function judgeRatio(paper: PaperText, c: RatioClaim, out: CheckOutput): void {
  if (c.relation === 'rate-restated') return judgeRestatedRate(paper, c, out);
  const [a, b] = c.operands;
  const value = c.relation === 'fraction-percent' ? (100 * a.value) / b.value : c.relation === 'size-per-item' ? (a.value * (c.factor ?? 1)) / b.value : a.value * b.value * (c.factor ?? 1);
  const working =
    c.relation === 'fraction-percent' ? `${plain(a.value)} / ${plain(b.value)} * 100`
    : c.relation === 'size-per-item' ? `${plain(a.value)} * ${plain(c.factor ?? 1)} / ${plain(b.value)}`
    : `${plain(a.value)} * ${plain(b.value)}${c.factor === 1 ? '' : ` * ${plain(c.factor ?? 1)}`}`;
  const claimSpan = cover(a, b, c.result);
  // Whole numbers are taken as exact; the result must agree at its own printed precision (a hedged
  // result's trailing zeros need not be significant).
  // A count in words ("one million") is not met by half or one and a half of it.
  const words = /[a-z]/i.test(c.result.text);
  if (roundsTo(c.result, value, c.approx) && (!words || Math.abs(value / c.result.value - 1) < 0.25)) {
    out.verified.push(makeVerified(paper, ARITHMETIC_RULE.id, claimSpan, `${working} = ${formatValue(value, 4)}`));
    return;
  }
  // A rate or duration written with decimals may have been rounded: then say so, as a warning.
  const rounded = a.decimals > 0 || b.decimals > 0 || Boolean(c.approx);
  const recomputed = words ? formatValue(value) : formatLike(c.result, value);
  out.findings.push(
    makeFinding(paper, {
      kind: ARITHMETIC_RULE.id,
      severity: rounded ? 'warning' : 'error',
      message:
        c.relation === 'fraction-percent' ? `${a.text} of ${b.text} is ${recomputed}, not ${c.result.text}.`
        : c.relation === 'size-per-item' ? `${a.text} at ${b.text} ${c.cue} makes ${recomputed}, not ${c.result.text}.`
        : `${a.text} per unit of time for ${b.text} gives ${recomputed}, not ${c.result.text}.`,
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
  const { blocks, sentences } = sentencesOf(paper);
  for (const s of sentences) for (const c of readRatioClaims(paper.text, s, blocks[s.block])) judgeRatio(paper, c, out);
  return out;
}

export const ratioCheck: CheckModule = {
  name: 'ratio',
  title: 'Ratios and rates',
  description: 'Recomputes a fraction restated as a percentage, the count a rate gives over a stated duration, the count a whole makes at a size per item, and a rate restated in another unit of time.',
  kinds: [ARITHMETIC_RULE],
  shapes: [
    { name: 'fraction restated', example: 'each of the 4 doors is equally likely (1/4 or 25%)' },
    { name: 'rate over a duration', example: '12 frames/second for 5 seconds, which gives 60 frames' },
    { name: 'whole over size per item', example: 'a 2 GB disk holding 4 MB per image results in 500 images' },
    { name: 'the count in the next sentence, in words', example: 'a 2 TB archive at 2 MB per scan. This means about one million scans' },
    { name: 'one rate in two units of time', example: '7,200 messages per hour, i.e. 2 per second' },
  ],
  leavesAlone: [
    'A fraction with its percentage in brackets ("3/12 (25%)"): the percentage check reads those.',
    'Rates whose count noun is not followed by a unit of time, and durations in months or years (calendar units convert only roughly).',
    'Domain ratios the sentence does not define (connectance, densities, dose per body mass).',
    'Rates told twice with bounds or hedges ("over", "about") that agree within a quarter: not verified, not flagged.',
  ],
  run: checkRatios,
};
