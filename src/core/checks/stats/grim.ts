// GRIM (Brown & Heathers 2017): a mean of n integer responses is a whole number divided by n,
// and a percentage of n people is k/n·100. Means are checked only when the sentence says the
// data are integers (counts, Likert items with a known number of items, 0/1 data); percentages
// only when the n they are of is stated with them ("65.4% of the 26 participants"), or the
// sentence states the sample and the percentages split it ("26 participants …: 63.4% women,
// 36.6% men").

import { parseReported } from '../../numbers.ts';
import type { ReportedNumber } from '../../numbers.ts';
import type { CheckOutput, PaperText, RawFinding, RawVerified, Severity, TextSpan } from '../../types.ts';
import { firstAtOrAfter, statsContext, sentenceWindow, windowBounds } from './context.ts';
import type { StatsContext } from './context.ts';
import { dataKind, isAge } from './descriptives.ts';
import type { Descriptive } from './descriptives.ts';
import type { SampleSize } from './sample-size.ts';
import { grimApplies, grimPossible, nearestMeans, nearestPercents, percentCounts, percentGrimApplies } from './granularity.ts';
import { collapse } from './text-util.ts';
import type { CheckModule } from '../module.ts';

export interface IntegerReading {
  items: number;
  severity: Severity;
  why: string;
}

/** Items per person for a mean, and how sure we are the data are integers; undefined = do not check. */
export function integerReading(c: StatsContext, meanStart: number, meanEnd: number): IntegerReading | undefined {
  if (isAge(c.text, meanStart)) return undefined;
  const w = sentenceWindow(c, meanStart, meanEnd);
  const before = c.text.slice(Math.max(w.start, meanStart - 200), meanStart);
  const k = dataKind(w.text, before);
  if (k.kind === 'count') return { items: 1, severity: 'error', why: 'counts' };
  if (k.kind === 'binary') return { items: 1, severity: 'error', why: '0/1 data' };
  if (k.kind === 'likert') {
    if (k.items) return { items: k.items, severity: 'error', why: k.items === 1 ? 'single-item ratings' : `${k.items}-item scale scores` };
    return { items: 1, severity: 'warning', why: 'ratings, if each person gave one rating' };
  }
  return undefined;
}

/** integerReading of a descriptive, read once per paper for GRIM and GRIMMER together. */
export function descriptiveReading(c: StatsContext, d: Descriptive): IntegerReading | undefined {
  if (c.memo.has(d)) return c.memo.get(d) as IntegerReading | undefined;
  const reading = integerReading(c, d.span.start, d.span.end);
  c.memo.set(d, reading);
  return reading;
}

function checkMeans(c: StatsContext, findings: RawFinding[], verified: RawVerified[]): void {
  for (const d of c.descriptives) {
    if (!d.n) continue;
    const n = d.n.value;
    const reading = descriptiveReading(c, d);
    if (!reading) continue;
    const { items } = reading;
    if (!grimApplies(d.mean, n, items)) continue;
    const claim = collapse(c.text.slice(d.span.start, d.span.end));
    const N = n * items;
    const unit = items === 1 ? `${n} integer values` : `${n} people × ${items} items`;
    if (grimPossible(d.mean, n, items)) {
      verified.push({ kind: 'grim', claim, span: d.mean, working: `GRIM: ${d.mean.text} × ${N} = ${(d.mean.value * N).toFixed(2)}, a whole-number total within rounding (${unit})` });
      continue;
    }
    const [below, above] = nearestMeans(d.mean, n, items);
    findings.push({
      kind: 'grim',
      severity: reading.severity,
      message: `A mean of ${d.mean.text} is impossible for ${unit} (${reading.why}): the nearest possible means are ${below} and ${above}.`,
      claim,
      reported: d.mean.text,
      working: `${d.mean.text} × ${N} = ${(d.mean.value * N).toFixed(3)}; no whole-number total T has T / ${N} rounding to ${d.mean.text} (${Math.floor(d.mean.value * N)} / ${N} = ${below}, ${Math.floor(d.mean.value * N) + 1} / ${N} = ${above})`,
      explanation: `GRIM test: the mean of ${unit} must be a whole-number total divided by ${N}, and no such total gives ${d.mean.text}, so the mean, the n or the description of the data is wrong.`,
      span: { start: d.mean.start, end: d.mean.end },
      claimSpan: d.span,
      related: [d.n.span],
    });
  }
}

const PERCENT = /(?<![\w.,\u2009\u202f\u00a0^])(?:\d+(?:\.\d+)?|\.\d+)\s?%/g;

/** Percentages between 0 and 100, as written (only these are parsed, so long texts stay fast). */
function findPercentages(text: string): ReportedNumber[] {
  const out: ReportedNumber[] = [];
  for (const m of text.matchAll(PERCENT)) {
    // Confidence levels and quantiles are not shares of people.
    if (NOT_A_SHARE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) continue;
    const n = parseReported(m[0], m.index);
    if (n && n.percent && n.value <= 100) out.push(n);
  }
  return out;
}

const NOT_A_SHARE = /^[\s~-]*(?:CI|CrI|HDI|PI|confidence|credib|quantile|percentile|interval|prediction|level|significance)/i;

const PEOPLE_AFTER = /^\s*of\s+(?:the\s+|all\s+|our\s+|these\s+|those\s+)?(\d{1,3}(?:,\d{3})+|\d+)\s+(?!%|percent)[\p{L}]/u;
const COUNT_BEFORE = /(?<![\d.,])(\d+)\s*\(\s*$/;

interface PctCandidate {
  pct: ReportedNumber;
  n: number;
  nSpan: TextSpan;
  severity: Severity;
  count?: number;
  how: string;
}

function pctFinding(c: StatsContext, cand: PctCandidate, claimSpan: TextSpan): RawFinding {
  const { pct, n } = cand;
  const [below, above] = nearestPercents(pct, n);
  const kBelow = Math.floor((pct.value * n) / 100);
  return {
    kind: 'grim',
    severity: cand.severity,
    message: `${pct.text} of ${n} is not a whole number of ${cand.how}: ${kBelow}/${n} = ${below}% and ${kBelow + 1}/${n} = ${above}%.`,
    claim: collapse(c.text.slice(claimSpan.start, claimSpan.end)),
    reported: pct.text,
    working: `${pct.text} × ${n} / 100 = ${((pct.value * n) / 100).toFixed(3)}, not a whole number within rounding; ${kBelow}/${n} = ${below}%, ${kBelow + 1}/${n} = ${above}%`,
    explanation: `GRIM test for percentages: each of ${n} ${cand.how} is ${(100 / n).toFixed(2)}% of the group, so a share of them must be a multiple of that, and ${pct.text} is not.`,
    span: { start: pct.start, end: pct.end },
    claimSpan,
    related: [cand.nSpan],
  };
}

// c.samples is in text order (starts and ends both increase), so the samples in a range are
// found by binary search and summarised from prefix counts, not by a scan per percentage.
interface SampleIndex {
  samples: readonly SampleSize[];
  /** changes[k]: how many of samples[1..k-1] state another n than the sample before them. */
  changes: Int32Array;
  /** strong[k]: how many of samples[0..k-1] are "26 participants" or "N = 26". */
  strong: Int32Array;
}

function indexSamples(samples: readonly SampleSize[]): SampleIndex {
  const changes = new Int32Array(samples.length + 1);
  const strong = new Int32Array(samples.length + 1);
  for (let k = 0; k < samples.length; k++) {
    changes[k + 1] = changes[k] + (k > 0 && samples[k].n !== samples[k - 1].n ? 1 : 0);
    strong[k + 1] = strong[k] + (samples[k].strong ? 1 : 0);
  }
  return { samples, changes, strong };
}

/** [a, b): the samples that start at or after `from` and end by `before`. */
function sampleRange(ix: SampleIndex, from: number, before: number): [number, number] {
  const a = firstAtOrAfter(ix.samples, from);
  let lo = a;
  let hi = ix.samples.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ix.samples[mid].end <= before) lo = mid + 1;
    else hi = mid;
  }
  return [a, lo];
}

function sampleAt(ix: SampleIndex, k: number): { n: number; span: TextSpan } {
  const s = ix.samples[k];
  return { n: s.n, span: { start: s.start, end: s.end } };
}

/** Other sample sizes stated earlier in the paragraph (within 3000 characters), for downgrading ambiguous cases. */
function otherSamples(c: StatsContext, ix: SampleIndex, at: number, n: number): number[] {
  const para = c.layout.paragraphAt(at);
  const out: number[] = [];
  for (let k = firstAtOrAfter(ix.samples, Math.max(para.start, at - 2999)); k < ix.samples.length && ix.samples[k].start < at; k++) {
    const s = ix.samples[k];
    if (s.start >= para.start && s.n !== n && at - s.start < 3000) out.push(s.n);
  }
  return out;
}

/** The last sample stated in [from, before). */
function nearestSample(ix: SampleIndex, from: number, before: number): { n: number; span: TextSpan } | undefined {
  const [a, b] = sampleRange(ix, from, before);
  return b > a ? sampleAt(ix, b - 1) : undefined;
}

/** The sample of a paragraph: only when everything earlier in it names one size, as people or N. */
function paragraphSample(ix: SampleIndex, from: number, before: number): { n: number; span: TextSpan } | undefined {
  const [a, b] = sampleRange(ix, from, before);
  if (b === a) return undefined;
  const oneSize = ix.changes[b] - ix.changes[a + 1] === 0;
  const anyStrong = ix.strong[b] - ix.strong[a] > 0;
  return oneSize && anyStrong ? sampleAt(ix, b - 1) : undefined;
}

const DIGIT = /\d/;
/** Runs longer than this are summed from prefix sums; shorter ones exactly as written, left to right. */
const DIRECT_SUM_LIMIT = 64;

/**
 * Runs of shares: runs.end[i] is the last percentage of the run that starts at i (consecutive
 * percentages at most 40 characters apart with no digit between them). Computed in one pass from
 * the right, so a long list of percentages costs linear time, not a rescan per percentage.
 */
function shareRuns(text: string, pcts: readonly ReportedNumber[]): { end: number[]; sumsTo100: (i: number, j: number) => boolean } {
  const end = new Array<number>(pcts.length);
  for (let k = pcts.length - 1; k >= 0; k--) {
    const joined = k + 1 < pcts.length && pcts[k + 1].start - pcts[k].end <= 40 && !DIGIT.test(text.slice(pcts[k].end, pcts[k + 1].start));
    end[k] = joined ? end[k + 1] : k;
  }
  // Prefix sums of values and rounding slack, restarting at each maximal run (small magnitudes).
  const sums = new Float64Array(pcts.length + 1);
  const slacks = new Float64Array(pcts.length + 1);
  for (let k = 0; k < pcts.length; k++) {
    const restart = k === 0 || end[k - 1] !== end[k];
    sums[k + 1] = (restart ? 0 : sums[k]) + pcts[k].value;
    slacks[k + 1] = (restart ? 0 : slacks[k]) + 0.5 * 10 ** -pcts[k].decimals;
  }
  const sumsTo100 = (i: number, j: number): boolean => {
    let sum = 0;
    let slack = 0;
    if (j - i < DIRECT_SUM_LIMIT) {
      for (let k = i; k <= j; k++) sum += pcts[k].value;
      for (let k = i; k <= j; k++) slack += 0.5 * 10 ** -pcts[k].decimals;
    } else {
      const restartsAtI = i === 0 || end[i - 1] !== end[i];
      sum = sums[j + 1] - (restartsAtI ? 0 : sums[i]);
      slack = slacks[j + 1] - (restartsAtI ? 0 : slacks[i]);
    }
    return Math.abs(sum - 100) <= slack + 1e-9;
  };
  return { end, sumsTo100 };
}

function checkPercentages(c: StatsContext, findings: RawFinding[], verified: RawVerified[]): void {
  const pcts = findPercentages(c.text);
  const ix = indexSamples(c.samples);
  const done = new Set<number>();
  const judge = (cand: PctCandidate, claimSpan: TextSpan): void => {
    if (done.has(cand.pct.start)) return;
    if (!percentGrimApplies(cand.pct, cand.n)) return;
    done.add(cand.pct.start);
    const counts = percentCounts(cand.pct, cand.n);
    if (counts.length > 0) {
      verified.push({ kind: 'grim', claim: collapse(c.text.slice(claimSpan.start, claimSpan.end)), span: cand.pct, working: `GRIM: ${counts[0]}/${cand.n} = ${((100 * counts[0]) / cand.n).toFixed(cand.pct.decimals + 1)}% rounds to ${cand.pct.text}` });
      return;
    }
    // Consistent with another sample size stated in the paragraph: which n is meant is unclear.
    if (cand.severity === 'error' && otherSamples(c, ix, cand.nSpan.start, cand.n).some((m) => percentCounts(cand.pct, m).length > 0)) cand.severity = 'warning';
    findings.push(pctFinding(c, cand, claimSpan));
  };

  // "65.4% of the 26 participants": the n is stated with the percentage.
  for (const p of pcts) {
    const after = c.text.slice(p.end, p.end + 60);
    const m = PEOPLE_AFTER.exec(after);
    if (!m) continue;
    const n = Number(m[1].replace(/,/g, ''));
    const at = p.end + m[0].indexOf(m[1], m[0].indexOf('of') + 2);
    if (n >= 2) judge({ pct: p, n, nSpan: { start: at, end: at + m[1].length }, severity: 'error', how: 'them' }, { start: p.start, end: at + m[1].length });
  }

  // "17 (65.4%)" and lists of shares that split a sample stated earlier in the sentence.
  const runs = shareRuns(c.text, pcts);
  for (let i = 0; i < pcts.length; i++) {
    const p = pcts[i];
    if (done.has(p.start)) continue;
    const w = windowBounds(c, p.start, p.end, 600);
    const beforeText = c.text.slice(Math.max(w.start, p.start - 12), p.start);
    const countMatch = COUNT_BEFORE.exec(beforeText);
    // A run of shares: consecutive percentages with only words between them, summing to 100.
    const j = runs.end[i];
    const isSplit = j > i && runs.sumsTo100(i, j);
    if (!countMatch && !isSplit) continue;
    // The sample: stated earlier in the sentence (error), or earlier in the paragraph (warning).
    let sample = nearestSample(ix, w.start, p.start);
    let severity: Severity = 'error';
    if (!sample) {
      const para = c.layout.paragraphAt(p.start);
      sample = paragraphSample(ix, para.start, w.start);
      severity = 'warning';
    }
    if (!sample) continue;
    if (countMatch) {
      const count = Number(countMatch[1]);
      // The count must agree roughly with this n, or the percentage is of some other group.
      if (count > sample.n || Math.abs((100 * count) / sample.n - p.value) > 3) continue;
      judge({ pct: p, n: sample.n, nSpan: sample.span, severity, count, how: 'people' }, { start: p.start - countMatch[0].length, end: p.end });
      continue;
    }
    const run = pcts.slice(i, j + 1);
    for (const x of run) judge({ pct: x, n: sample.n, nSpan: sample.span, severity, how: 'people' }, { start: run[0].start, end: run[run.length - 1].end });
    i = j;
  }
}

export function checkGrim(paper: PaperText): CheckOutput {
  const c = statsContext(paper);
  const findings: RawFinding[] = [];
  const verified: RawVerified[] = [];
  checkMeans(c, findings, verified);
  checkPercentages(c, findings, verified);
  return { findings, verified };
}

export const GRIM_RULE = { id: 'grim', title: 'GRIM', description: 'A mean or percentage that no whole number of responses out of n can produce.', defaultSeverity: 'error' } as const;

export const grimCheck: CheckModule = {
  name: 'grim',
  title: 'GRIM',
  description: 'Checks that a mean or percentage of n whole-number responses is a whole number divided by n.',
  kinds: [GRIM_RULE],
  shapes: [
    { name: 'mean of integer data', example: 'a mean rating of 3.45 from 12 people on one item' },
    { name: 'percentage of n', example: '7.5% of 20 patients' },
  ],
  leavesAlone: [
    'Means of data not said to be integers.',
  ],
  run: checkGrim,
};
