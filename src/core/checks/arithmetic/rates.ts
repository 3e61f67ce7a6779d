// Rates and ratios told in words. Read, then judged:
// - an amount over a stated period restated as a rate: "1,200 events in 10 minutes, or 2 per second",
//   "3,650 visits over the year, about 10 a day", "12 GB in 4 s, i.e. 3 GB/s";
// - a count among a population as a rate per 1,000 / 100,000: "45 deaths among 150,000 residents, a
//   rate of 30 per 100,000";
// - a ratio written "3:1" or "3-to-1" right after the two amounts it compares ("from 9 GB to 3 GB, 3:1");
// - a rate kept up over a period, with the total after it: "3 doses a day for 10 days, 30 doses in total".
// The reader records the numbers as written and the words that bind them; the judge recomputes with
// mathjs units and compares at the printed precision (a hedged rate, "about 10", at its loose precision).

import { intervalMeets, roundingInterval, roundsTo, type ReportedNumber } from '../../numbers.ts';
import type { CheckOutput, PaperText } from '../../types.ts';
import { sentencesOf, type Sentence } from './context.ts';
import { evaluateCached, unitFactor } from './evaluate.ts';
import { ARITHMETIC_RULE } from './expressions.ts';
import { cover, formatValue, makeFinding, makeVerified, plain } from './report.ts';
import { readRatioClaims } from './ratio.ts';
import { amountsIn, LEAD_WORDS, RESULT_BEFORE, sameNoun, TIME_WORDS, TOTAL_AFTER, type Amount } from './worded-read.ts';
import type { CheckModule } from '../module.ts';

export interface RateClaim {
  shape: 'period-rate' | 'population-rate' | 'ratio' | 'rate-for-period';
  /** The amounts the result is computed from, in order: amount and period, count and population, or the two compared. */
  from: [Amount, Amount];
  result: ReportedNumber;
  /** The printed result is hedged ("about"): compared at its loose precision. */
  hedged: boolean;
  /** The recomputed values (several when the calendar allows more than one conversion: 365 or 365.25 days). */
  values: number[];
  working: string;
  cue: string;
  /** Bound only by punctuation: a mismatch is a warning. */
  loose?: boolean;
}

const TIME_UNITS = new Set(['s', 'ms', 'minute', 'hour', 'day', 'week', 'month', 'year']);
// Conventional calendar conversions a paper may have used instead of mathjs's (365.25 days a year).
const CALENDAR: Record<string, number[]> = {
  'year>day': [365, 366], 'year>week': [52], 'year>month': [12], 'month>day': [30, 31], 'month>week': [4, 52 / 12], 'week>day': [7],
};

// Between the counted amount and its period: "events in", "visits over", "GB within".
const PERIOD_BEFORE = /^(?:\s*\b[A-Za-z-]+\b){0,4}\s*,?\s*(?:in|over|during|within|across|throughout)\s+(?:a\s+(?:period|span|window)\s+of\s+|the\s+(?:first|last|past|next)\s+)?$/i;
// A period of one written in words: "over the year", "in a single day", "during one week".
const ONE_PERIOD = /(?:\s*\b[A-Za-z-]+\b){0,4}\s*,?\s*(?:in|over|during|within|across|throughout)\s+(?:a|an|one|the|each|a\s+single)\s+(second|minute|hour|day|week|month|year)\b(?![-\w])/iy;
// Between the period and the rate: "or", "i.e.", "that is", "a rate of", "about", "on average".
// A bare comma or bracket ("84 failures in 7 days (12 per day)") binds too, but only to a warning.
const BARE_CUE = /^\s*[,;(]\s*$/;
const RATE_CUE = /^\s*[,;(]?\s*(?:(?:or|i\.\s?e\.|that\s+is|which\s+is|giving|so|thus|roughly|about|around|approximately|nearly|almost|some|on\s+average|an?\s+(?:average|mean|rate|throughput)\s+of|a\s+rate\s+of|averaging|at|[~≈])[\s,]*)+$/i;
// After a rate: it is a requirement or a target, not the restated amount ("a rate of 500 per second is needed").
const NOT_RESTATED_AFTER = /^[^.;]{0,40}?\b(?:(?:is|are|was|were|would\s+be|will\s+be)\s+(?:needed|required|expected|targeted|planned|necessary|recommended)|would|must|should)\b/i;
const HEDGED_CUE = /\b(?:roughly|about|around|approximately|nearly|almost|some|on\s+average|average|mean)\b|[~≈]/i;
// After a rate: "[events] per second", "a day", "/s", "each week".
const RATE_TAIL = /(?:\s*\b[A-Za-z-]+\b){0,2}?\s*(?:per|\/|an?|every|each)\s*(second|sec|minute|min|hour|hr|day|week|month|year|ms|s|h)\b(?![-\w])/iy;

function timeUnitOf(a: Amount): string | undefined {
  return a.unit && TIME_UNITS.has(a.unit.mathjs) ? a.unit.mathjs : undefined;
}

/** The ways `from` converts to `to`: mathjs's factor and the calendar's conventional ones. */
function conversions(from: string, to: string): number[] {
  const exact = unitFactor(from, to);
  if (exact === undefined) return [];
  const conventional = CALENDAR[`${from}>${to}`] ?? (CALENDAR[`${to}>${from}`] ?? []).map((f) => 1 / f);
  return [exact, ...conventional];
}

interface Period { value: number; unit: string; end: number; amount?: Amount }

function periodAfter(text: string, count: Amount, next: Amount | undefined): Period | undefined {
  ONE_PERIOD.lastIndex = count.end;
  const one = ONE_PERIOD.exec(text);
  if (one && (!next || ONE_PERIOD.lastIndex <= next.n.start)) return { value: 1, unit: TIME_WORDS[one[1].toLowerCase()], end: ONE_PERIOD.lastIndex };
  if (!next || next.bound || next.hedged) return undefined;
  const unit = timeUnitOf(next);
  if (!unit || !PERIOD_BEFORE.test(text.slice(count.end, next.n.start)) || next.n.value <= 0) return undefined;
  return { value: next.n.value, unit, end: next.end, amount: next };
}

function periodRates(text: string, s: Sentence, amounts: Amount[], out: RateClaim[]): void {
  for (let i = 0; i < amounts.length; i++) {
    const count = amounts[i];
    if (count.bound || count.hedged || count.over || timeUnitOf(count) || count.n.value <= 0) continue;
    const period = periodAfter(text, count, amounts[i + 1]);
    if (!period) continue;
    const rate = amounts[period.amount ? i + 2 : i + 1];
    if (!rate || rate.bound) continue;
    const cue = text.slice(period.end, rate.n.start);
    const bare = BARE_CUE.test(cue);
    if ((!bare && !RATE_CUE.test(cue)) || NOT_RESTATED_AFTER.test(text.slice(rate.end, s.end))) continue;
    const hedged = rate.hedged || HEDGED_CUE.test(cue);
    let values: number[] = [];
    let per = '';
    if (count.unit && rate.unit && rate.unit.mathjs.includes('/')) {
      // "12 GB in 4 s, i.e. 3 GB/s": mathjs divides the units.
      const v = evaluateCached(`(${plain(count.n.value)} ${count.unit.mathjs}) / (${plain(period.value)} ${period.unit})`, rate.unit.mathjs);
      if (v) values = [v.value];
      per = rate.unit.text;
    } else if (!count.unit && !rate.unit) {
      RATE_TAIL.lastIndex = rate.end;
      const tail = RATE_TAIL.exec(text);
      if (!tail || RATE_TAIL.lastIndex > s.end) continue;
      // The rate's noun, if written, must be the count's ("10 visits a day" after "3,650 visits").
      if (rate.nouns.length && count.nouns.length && !sameNoun(rate.nouns, count.nouns)) continue;
      const to = TIME_WORDS[tail[1].toLowerCase()];
      values = conversions(period.unit, to).map((f) => count.n.value / (period.value * f));
      per = `per ${to}`;
    }
    if (!values.length) continue;
    const working = `${plain(count.n.value)} / ${plain(period.value)} ${period.unit}, ${per}`;
    out.push({ shape: 'period-rate', from: [count, period.amount ?? count], result: rate.n, hedged, values, working, cue: `in ${plain(period.value)} ${period.unit}`, loose: bare });
  }
}

const AMONG = /^(?:\s*\b[A-Za-z-]+\b){0,3}\s*,?\s*(?:among|in|of|out\s+of|from|across)\s+(?:the\s+|a\s+population\s+of\s+|a\s+cohort\s+of\s+)?$/i;
const OF_FIRST = /(?:^|[.;:]\s*|\b)(?:of|among|in)\s+(?:the\s+|all\s+)?$/i;
// "..., the mortality rate was 200 per 100,000": the rate named with a copula; a qualified rate
// ("the national rate was") is another population's and does not match.
const POPULATION_RATE_CUE = /^(?:\s*\b[A-Za-z-]+\b){0,2}\s*[,;(]?\s*(?:(?:or|i\.\s?e\.|that\s+is|which\s+is|giving|so|a|an|the|rate|incidence|prevalence|mortality|risk|of|was|(?:injury|infection|death|case|crime|accident|error|failure|fault|defect|incident|fatality|admission|readmission|complication|event|attack|birth|relapse|recurrence|detection|dropout|attrition)(?=\s+rate)|is|about|roughly|approximately|around|nearly|crude|overall)[\s,]*)*$/i;
const PER_BASE = /(?:\s*\b[A-Za-z-]+\b){0,2}?\s*(?:per|\/|for\s+every|in\s+every|every)\s*(1,000,000|1000000|100,000|100000|100\s000|10,000|10000|1,000|1000|100|(?:a|one)\s+(?:hundred|thousand|million)|thousand|million)\b/iy;
// A rate per year or per person-time needs a period the reader would have to find: left alone.
const PER_TIME_AFTER = /^(?:\s*\b[A-Za-z-]+\b){0,2}\s*(?:per\s+(?:year|annum|month|week|day)|a\s+year|annually|each\s+year|person[-\s]?(?:years?|months?|days?)|py\b|patient[-\s]years?)/i;

function baseValue(b: string): number {
  const w = b.toLowerCase().replace(/^(?:a|one)\s+/, '');
  if (w === 'hundred') return 100;
  if (w === 'thousand') return 1e3;
  if (w === 'million') return 1e6;
  return Number(w.replace(/[,\s]/g, ''));
}

/** "Of 250,000 adults, 500 had it, ...": the population named first, the count after it. */
function populationFirst(text: string, s: Sentence, first: Amount, second: Amount): boolean {
  return OF_FIRST.test(text.slice(Math.max(s.start, first.n.start - 12), first.n.start)) && /^(?:\s*\b[A-Za-z-]+\b){1,3}\s*,\s*$/.test(text.slice(first.end, second.n.start));
}

function populationRates(text: string, s: Sentence, amounts: Amount[], out: RateClaim[]): void {
  for (let i = 0; i + 2 < amounts.length; i++) {
    const [first, second, rate] = [amounts[i], amounts[i + 1], amounts[i + 2]];
    const reversed = populationFirst(text, s, first, second);
    const [count, population] = reversed ? [second, first] : [first, second];
    if (count.bound || count.hedged || population.bound || population.hedged || rate.bound || count.unit || population.unit || rate.unit) continue;
    if (population.n.value <= count.n.value || !(reversed || AMONG.test(text.slice(count.end, population.n.start)))) continue;
    const lead = reversed ? text.slice(count.end, rate.n.start).replace(/^(?:\s*\b[A-Za-z-]+\b){0,4}(?=\s*,)/, '') : text.slice(population.end, rate.n.start);
    if (!POPULATION_RATE_CUE.test(lead)) continue;
    PER_BASE.lastIndex = rate.end;
    const base = PER_BASE.exec(text);
    if (!base || PER_BASE.lastIndex > s.end) continue;
    if (PER_TIME_AFTER.test(text.slice(PER_BASE.lastIndex, PER_BASE.lastIndex + 40))) continue;
    const scale = baseValue(base[1]);
    // The base number itself was read as an amount: the rate is the one before it.
    const hedged = rate.hedged || HEDGED_CUE.test(lead);
    out.push({
      shape: 'population-rate', from: [count, population], result: rate.n, hedged,
      values: [(count.n.value / population.n.value) * scale],
      working: `${plain(count.n.value)} / ${plain(population.n.value)} × ${plain(scale)}`,
      cue: `per ${base[1]}`,
    });
  }
}

// "3:1", "3-to-1", "3 to 1": the ratio as written, with its two sides.
const RATIO = /(\d+(?:\.\d+)?)\s*(?::|-to-|\s+to\s+)\s*(\d+(?:\.\d+)?)(?![\d:]|\.\d)/y;
const RATIO_CUE = /^\s*[,;(]?\s*(?:(?:i\.\s?e\.|that\s+is|or|so|a|an|ratio|of|about|roughly|approximately|around|nearly|reduction|compression|speed-?up)[\s,]*)*$/i;
const COMPARED = /^(?:\s*\b(?!and\b|or\b)[A-Za-z-]+\b){0,2}\s*,?\s*(?:to|versus|vs\.?|against|and|compared\s+(?:with|to))\s+(?:the\s+|only\s+|just\s+)?$/i;
// "a ratio of 3", "a 2.5-fold ratio": one number for the larger over the smaller.
const RATIO_OF = /^(?:\s*\b[A-Za-z-]+\b){0,2}\s*[,;(]\s*(?:i\.\s?e\.,?\s*|that\s+is,?\s*|or\s+)?an?\s+ratio\s+of\s+(?:about\s+|roughly\s+|approximately\s+)?$/i;

function ratioAt(text: string, pos: number): { a: number; b: number; text: string; start: number; end: number; lead: ReportedNumber } | undefined {
  RATIO.lastIndex = pos;
  const m = RATIO.exec(text);
  if (!m) return undefined;
  const decimals = /\.(\d+)/.exec(m[1])?.[1].length ?? 0;
  const lead: ReportedNumber = { text: m[1], start: pos, end: pos + m[1].length, value: Number(m[1]), decimals, exponent: 0, trailingZeros: 0, percent: false };
  return { a: Number(m[1]), b: Number(m[2]), text: m[0], start: pos, end: RATIO.lastIndex, lead };
}

function ratios(text: string, s: Sentence, amounts: Amount[], out: RateClaim[]): void {
  for (let i = 0; i + 2 < amounts.length; i++) {
    const [x, y, r] = [amounts[i], amounts[i + 1], amounts[i + 2]];
    // "from 9 GB to 3 GB" reads as a range to the amount reader; "between 9 and 3" is one.
    if (x.hedged || y.hedged || x.n.value <= 0 || y.n.value <= 0 || /\bbetween\s*$/i.test(text.slice(Math.max(s.start, x.n.start - 10), x.n.start))) continue;
    const between = text.slice(x.end, y.n.start);
    const fromTo = /\bfrom\s*$/i.test(text.slice(Math.max(s.start, x.n.start - 8), x.n.start)) && /^(?:\s*\b[A-Za-z-]+\b){0,2}\s*to\s+$/i.test(between);
    if (!fromTo && !COMPARED.test(between)) continue;
    // Both sides in the same unit (or the second one's unit left out), or counts of the same thing.
    const sameUnit = x.unit ? !y.unit || unitFactor(y.unit.mathjs, x.unit.mathjs) !== undefined : !y.unit;
    if (!sameUnit || (x.unit && !y.unit && y.nouns.length)) continue;
    // The second side in the first side's unit, and the larger side over the smaller.
    const yValue = y.unit && x.unit ? y.n.value * (unitFactor(y.unit.mathjs, x.unit.mathjs) ?? 1) : y.n.value;
    const larger = Math.max(x.n.value, yValue) / Math.min(x.n.value, yValue);
    if (RATIO_OF.test(text.slice(y.end, r.n.start)) && !r.unit && !r.n.percent && !/^\s*(?::|-to-|\s+to\s+)\s*\d/.test(text.slice(r.n.end, r.n.end + 6))) {
      const actual = r.n.value >= 1 ? larger : 1 / larger;
      out.push({ shape: 'ratio', from: [x, y], result: r.n, hedged: r.hedged, values: [actual], working: `${plain(x.n.value)} / ${plain(yValue)}`, cue: `a ratio of ${r.n.text}` });
      continue;
    }
    const ratio = ratioAt(text, r.n.start);
    if (!ratio || ratio.b <= 0 || !RATIO_CUE.test(text.slice(y.end, r.n.start).replace(/^(?:\s*\b[A-Za-z-]+\b){0,4}(?=\s*[,;(])/, ''))) continue;
    if (/^\s*ratio\b/i.test(text.slice(ratio.end, ratio.end + 8)) === false && !/\bratio\b|[,;(]\s*$/i.test(text.slice(y.end, r.n.start))) continue;
    // Written either way round ("from 9 to 3, 3:1" or "1:3"): compare the larger share.
    const stated = Math.max(ratio.a, ratio.b) / Math.min(ratio.a, ratio.b);
    const lead: ReportedNumber = ratio.a >= ratio.b ? ratio.lead : { ...ratio.lead, value: stated };
    out.push({ shape: 'ratio', from: [x, y], result: { ...lead, value: stated, end: ratio.end }, hedged: r.hedged, values: [larger * Math.min(ratio.a, ratio.b)], working: `${plain(x.n.value)} / ${plain(yValue)}`, cue: ratio.text });
  }
}

// "3 doses a day for 10 days, 30 doses in total": a rate kept up over a period gives the total.
const FOR_PERIOD = /^\s*,?\s*(?:for|over|during|across|throughout)\s+(?:a\s+(?:period|total)\s+of\s+|the\s+(?:first|last|next)\s+)?$/i;

function rateForPeriod(text: string, s: Sentence, amounts: Amount[], out: RateClaim[]): void {
  const readByRatio = new Set(readRatioClaims(text, s).map((c) => c.result.start));
  for (let i = 0; i + 2 < amounts.length; i++) {
    const [rate, period, total] = [amounts[i], amounts[i + 1], amounts[i + 2]];
    if (rate.bound || rate.hedged || period.bound || period.hedged || total.bound || rate.unit?.mathjs.includes('/') || timeUnitOf(rate)) continue;
    const periodUnit = timeUnitOf(period);
    if (!periodUnit || readByRatio.has(total.n.start)) continue;
    RATE_TAIL.lastIndex = rate.end;
    const tail = RATE_TAIL.exec(text);
    if (!tail || RATE_TAIL.lastIndex > period.n.start || !FOR_PERIOD.test(text.slice(RATE_TAIL.lastIndex, period.n.start))) continue;
    const gap = text.slice(period.end, total.n.start);
    if (/\d/.test(gap) || !(RESULT_BEFORE.test(gap) || (LEAD_WORDS.test(gap) && TOTAL_AFTER.test(text.slice(total.end, total.end + 30))))) continue;
    const factor = !rate.unit && !total.unit ? 1 : rate.unit && total.unit ? unitFactor(rate.unit.mathjs, total.unit.mathjs) : undefined;
    if (factor === undefined || (!rate.unit && total.nouns.length > 0 && rate.nouns.length > 0 && !sameNoun(rate.nouns, total.nouns))) continue;
    const per = TIME_WORDS[tail[1].toLowerCase()];
    const values = conversions(periodUnit, per).map((f) => rate.n.value * period.n.value * f * factor);
    if (!values.length) continue;
    out.push({
      shape: 'rate-for-period', from: [rate, period], result: total.n, hedged: total.hedged, values,
      working: `${plain(rate.n.value)} per ${per} × ${plain(period.n.value)} ${periodUnit}`, cue: `per ${per} for ${plain(period.n.value)} ${periodUnit}`,
    });
  }
}

/** Reads the rates and ratios of one sentence. */
export function readRates(text: string, s: Sentence): RateClaim[] {
  const amounts = amountsIn(text, s);
  const out: RateClaim[] = [];
  periodRates(text, s, amounts, out);
  populationRates(text, s, amounts, out);
  ratios(text, s, amounts, out);
  rateForPeriod(text, s, amounts, out);
  return out;
}

/**
 * How far rounded inputs can move a product or quotient of them: the recomputed value lies within
 * [v·k, v/k] for the returned k (1 when no input was rounded). Whole numbers are taken as exact counts.
 */
function roundedInputsFactor(from: readonly Amount[]): number {
  let keep = 1;
  for (const a of new Set(from)) {
    if (a.n.decimals === 0 && a.n.exponent <= 0) continue;
    const [lo, hi] = roundingInterval(a.n);
    const v = Math.abs(a.n.value);
    if (v > 0) keep *= Math.max(0, 1 - (hi - lo) / (2 * v));
  }
  return keep;
}

export function judgeRate(paper: PaperText, c: RateClaim, out: CheckOutput): void {
  const claimSpan = cover(c.from[0].n, c.from[1].n, c.result);
  const verifiedAt = c.values.find((v) => roundsTo(c.result, v, c.hedged));
  if (verifiedAt !== undefined) {
    out.verified.push(makeVerified(paper, ARITHMETIC_RULE.id, claimSpan, `${c.working} = ${formatValue(verifiedAt, 4)}`));
    return;
  }
  // Inputs written with decimals or a scale word may have been rounded: a rate some of their values give is not flagged.
  const keep = roundedInputsFactor(c.from);
  if (keep < 1 && c.values.some((v) => intervalMeets(c.result, v * keep, v / keep, c.hedged))) return;
  const value = c.values[0];
  const severity = c.hedged || c.loose || c.values.length > 1 || c.shape === 'ratio' ? 'warning' : 'error';
  out.findings.push(
    makeFinding(paper, {
      kind: ARITHMETIC_RULE.id,
      severity,
      message:
        c.shape === 'ratio' && c.cue.startsWith('a ratio of') ? `${c.from[0].n.text} against ${c.from[1].n.text} is a ratio of ${formatValue(value, 2)}, not ${c.result.text}.`
        : c.shape === 'ratio' ? `${c.from[0].n.text} against ${c.from[1].n.text} is a ratio of ${formatValue(value / Math.min(...c.cue.split(/:|-to-|\s+to\s+/).map(Number)), 2)}, not ${c.cue}.`
        : c.shape === 'rate-for-period' ? `${c.from[0].n.text} ${c.cue} makes ${formatValue(value, 2)}, not ${c.result.text}.`
        : c.shape === 'population-rate' ? `${c.from[0].n.text} among ${c.from[1].n.text} is ${formatValue(value, 2)} ${c.cue}, not ${c.result.text}.`
        : `${c.from[0].n.text}${c.from[0].unit ? ` ${c.from[0].unit.text}` : ''} ${c.cue} is ${formatValue(value, 2)} ${c.working.split(', ')[1]}, not ${c.result.text}.`,
      claimSpan,
      span: c.result,
      reported: c.result.text,
      recomputed: formatValue(value, 2),
      working: c.working,
      related: [c.from[0].n, c.from[1].n],
    }),
  );
}

export function checkRates(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  for (const s of sentencesOf(paper).sentences) for (const c of readRates(paper.text, s)) judgeRate(paper, c, out);
  return out;
}

export const ratesCheck: CheckModule = {
  name: 'rates',
  title: 'Rates and ratios told in words',
  description: 'Divides an amount by the period it was counted over and compares it with the rate stated after it (units by mathjs); recomputes a rate per 1,000 or 100,000 from a count and its population, and a ratio written 3:1 or 3-to-1 from the two amounts it compares.',
  kinds: [ARITHMETIC_RULE],
  shapes: [
    { name: 'count over a period, as a rate', example: '720 messages in 2 hours, or 6 per minute' },
    { name: 'count over the year, per day', example: 'about 1,460 calls over the year, roughly 4 a day' },
    { name: 'throughput', example: 'copied 18 GB in 6 s, i.e. 3 GB/s' },
    { name: 'rate in brackets', example: '90 alarms in 6 days (15 per day)' },
    { name: 'rate per 100,000', example: '24 cases among 80,000 workers, a rate of 30 per 100,000' },
    { name: 'ratio of two amounts', example: 'memory fell from 12 GB to 4 GB, a 3:1 ratio' },
    { name: 'a rate kept up over a period', example: 'two pills a day for 14 days, 28 pills in total' },
    { name: 'a ratio of one number', example: 'the build went from 90 s to 30 s, a ratio of 3' },
    { name: 'population named first', example: 'of 9,000 drivers, 27 crashed, i.e. 3 per 1,000' },
  ],
  leavesAlone: [
    'Rates whose period is not stated, and rates per year or per person-time over a population (the period is elsewhere).',
    'Counts or periods given as bounds or ranges ("over 3,000", "2–3 hours").',
    'Ratios not written right after the two amounts they compare, and allocation ratios of a design ("randomised 2:1").',
  ],
  run: checkRates,
};
