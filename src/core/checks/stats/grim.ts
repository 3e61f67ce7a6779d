// GRIM (Brown & Heathers 2017): a mean of n integer responses is a whole number divided by n,
// and a percentage of n people is k/n·100. Means are checked only when the sentence says the
// data are integers (counts, Likert items with a known number of items, 0/1 data); percentages
// only when the n they are of is stated with them ("65.4% of the 26 participants"), or the
// sentence states the sample and the percentages split it ("26 participants …: 63.4% women,
// 36.6% men").

import { parseReported } from '../../numbers.ts';
import type { ReportedNumber } from '../../numbers.ts';
import type { CheckOutput, PaperText, RawFinding, RawVerified, Severity, TableCell, TextSpan } from '../../types.ts';
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
export function integerReading(c: StatsContext, d: Descriptive): IntegerReading | undefined {
  // Ages are usually recorded in whole years (or months for children), but may be exact: a warning.
  if (d.age) return { items: 1, severity: 'warning', why: `ages in whole ${d.age.unit}, if recorded so` };
  if (d.counted) return { items: 1, severity: 'error', why: `counts of ${d.counted}` };
  const meanStart = d.span.start;
  if (isAge(c.text, meanStart)) return undefined;
  const w = sentenceWindow(c, meanStart, d.span.end);
  const before = c.text.slice(Math.max(w.start, meanStart - 200), meanStart);
  const k = dataKind(w.text, before);
  if (k.kind === 'count') return { items: 1, severity: 'error', why: 'counts' };
  if (k.kind === 'binary') return { items: 1, severity: 'error', why: '0/1 data' };
  if (k.kind === 'likert') {
    if (k.items) return { items: k.items, severity: 'error', why: k.items === 1 ? 'single-item ratings' : `${k.items}-item scale scores` };
    return { items: 1, severity: 'warning', why: 'ratings, if each person gave one rating' };
  }
  return definedEarlier(c, d);
}

interface ScaleDefinition {
  start: number;
  words: Set<string>;
  items?: number;
  binary: boolean;
}

const DEFINITION_CUE = /likert|\b\d{1,2}-point\b|rating scale|\d{1,2}[- ]items?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)[- ]items?\b|\bitems?\b[^.]{0,40}\brated\b|\bbinary\b|dichotomous|coded (?:as )?0 (?:and|or|\/) 1/i;
const MEASURE_WORD = /[\p{L}][\p{L}-]{3,}/gu;
// Words that name no measure: a mean of "scores" says nothing about which scale it is.
const GENERIC = new Set(['score', 'scores', 'rating', 'ratings', 'mean', 'means', 'total', 'scale', 'scales', 'level', 'levels', 'participants', 'group', 'groups', 'condition', 'conditions', 'reported', 'average', 'overall', 'higher', 'lower', 'with', 'were', 'than', 'that', 'this', 'from', 'items', 'item', 'measured', 'using']);

/** Sentences that define a scale (its items, its points, binary coding), read once per paper. */
function scaleDefinitions(c: StatsContext): ScaleDefinition[] {
  const key = c.layout;
  const memo = c.memo.get(key) as ScaleDefinition[] | undefined;
  if (memo) return memo;
  const out: ScaleDefinition[] = [];
  for (const sp of c.layout.sentences) {
    if (sp.end - sp.start > 800) continue;
    const text = c.text.slice(sp.start, sp.end);
    if (!DEFINITION_CUE.test(text)) continue;
    const k = dataKind(text);
    if (k.kind !== 'likert' && k.kind !== 'binary') continue;
    const words = new Set<string>();
    for (const m of text.matchAll(MEASURE_WORD)) if (!GENERIC.has(m[0].toLowerCase())) words.add(m[0].toLowerCase());
    out.push({ start: sp.start, words, items: k.kind === 'likert' ? k.items : 1, binary: k.kind === 'binary' });
  }
  c.memo.set(key, out);
  return out;
}

/** The measure a mean is of: the words just before it in its sentence ("anxiety (M = …"). */
function measureWords(c: StatsContext, d: Descriptive): string[] {
  const w = windowBounds(c, d.span.start, d.span.end);
  const before = c.text.slice(Math.max(w.start, d.span.start - 60), d.span.start);
  const words = [...before.matchAll(MEASURE_WORD)].map((m) => m[0].toLowerCase()).filter((x) => !GENERIC.has(x));
  return words.slice(-2);
}

/**
 * A scale defined in an earlier sentence (the Methods): "anxiety was measured with five items
 * rated from 1 to 7" makes a later mean of anxiety a 5-item scale score. Always a warning: the
 * link is by the measure's name.
 */
function definedEarlier(c: StatsContext, d: Descriptive): IntegerReading | undefined {
  const names = measureWords(c, d);
  if (names.length === 0) return undefined;
  const defs = scaleDefinitions(c);
  const sentence = c.layout.sentenceAt(d.span.start);
  for (let k = firstAtOrAfter(defs, sentence.start) - 1, looked = 0; k >= 0 && looked < 50; k--, looked++) {
    const def = defs[k];
    if (!names.some((n) => def.words.has(n))) continue;
    if (def.binary) return { items: 1, severity: 'warning', why: '0/1 data, as defined earlier' };
    if (!def.items) return undefined;
    return { items: def.items, severity: 'warning', why: def.items === 1 ? 'single-item ratings, as defined earlier' : `${def.items}-item scale scores, as defined earlier` };
  }
  return undefined;
}

/** integerReading of a descriptive, read once per paper for GRIM and GRIMMER together. */
export function descriptiveReading(c: StatsContext, d: Descriptive): IntegerReading | undefined {
  if (c.memo.has(d)) return c.memo.get(d) as IntegerReading | undefined;
  const reading = integerReading(c, d);
  c.memo.set(d, reading);
  return reading;
}

export interface GroupSize {
  value: number;
  span: TextSpan;
  /** Where the n was read: with the mean, in its sentence, or the study's sample stated earlier. */
  where: 'stated' | 'sentence' | 'earlier';
}

/** The n a mean is of: stated with it, else the sample of its sentence, else the study's sample stated before it. */
export function meanGroupSize(c: StatsContext, d: Descriptive): GroupSize | undefined {
  if (d.n) return { ...d.n, where: 'stated' };
  const ix = sampleIndex(c);
  const w = windowBounds(c, d.span.start, d.span.end);
  const here = lastStrongSample(ix, w.start, d.span.start);
  if (here) return { value: here.n, span: here.span, where: 'sentence' };
  const earlier = studySample(c, ix, d.span.start);
  return earlier ? { value: earlier.n, span: earlier.span, where: 'earlier' } : undefined;
}

const WHERE: Record<GroupSize['where'], string> = { stated: '', sentence: ', the sample named in this sentence', earlier: ', the sample stated earlier' };

function checkMeans(c: StatsContext, findings: RawFinding[], verified: RawVerified[]): void {
  for (const d of c.descriptives) {
    const reading = descriptiveReading(c, d);
    if (!reading) continue;
    const group = meanGroupSize(c, d);
    if (!group) continue;
    const n = group.value;
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
      // An n not stated with the mean may be another group's: never more than a warning.
      severity: group.where === 'stated' ? reading.severity : 'warning',
      message: `A mean of ${d.mean.text} is impossible for ${unit} (${reading.why}${WHERE[group.where]}): the nearest possible means are ${below} and ${above}.`,
      claim,
      reported: d.mean.text,
      working: `${d.mean.text} × ${N} = ${(d.mean.value * N).toFixed(3)}; no whole-number total T has T / ${N} rounding to ${d.mean.text} (${Math.floor(d.mean.value * N)} / ${N} = ${below}, ${Math.floor(d.mean.value * N) + 1} / ${N} = ${above})`,
      explanation: `GRIM test: the mean of ${unit} must be a whole-number total divided by ${N}, and no such total gives ${d.mean.text}, so the mean, the n or the description of the data is wrong.`,
      span: { start: d.mean.start, end: d.mean.end },
      claimSpan: d.span,
      related: [group.span],
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

function sampleIndex(c: StatsContext): SampleIndex {
  const key = c.samples;
  let ix = c.memo.get(key) as SampleIndex | undefined;
  if (!ix) {
    ix = indexSamples(c.samples);
    c.memo.set(key, ix);
  }
  return ix;
}

/** The last "26 participants" or "N = 26" stated in [from, before). */
function lastStrongSample(ix: SampleIndex, from: number, before: number): { n: number; span: TextSpan } | undefined {
  const [a, b] = sampleRange(ix, from, before);
  for (let k = b - 1; k >= a && k >= b - 20; k--) if (ix.samples[k].strong) return sampleAt(ix, k);
  return undefined;
}

/** How far back (characters, and stated samples) the study's sample is looked for. */
const STUDY_SAMPLE_REACH = 4000;
const STUDY_SAMPLE_LOOKS = 40;

/**
 * The study's sample as a reader carries it forward: the latest sample said to be the final or
 * analysed one ("a sample of 496", "44 in the final sample") before `at`, else the one size the
 * paragraph names.
 */
function studySample(c: StatsContext, ix: SampleIndex, at: number): { n: number; span: TextSpan } | undefined {
  const [a, b] = sampleRange(ix, Math.max(0, at - STUDY_SAMPLE_REACH), at);
  for (let k = b - 1; k >= a && k >= b - STUDY_SAMPLE_LOOKS; k--) if (ix.samples[k].principal) return sampleAt(ix, k);
  const paras = c.layout.paragraphs;
  // The paragraph `at` is in, else the one just before it (a table after the sentence that names its sample).
  let k = firstAtOrAfter(paras, at + 1) - 1;
  if (k >= 0 && paras[k].end > at) {
    const own = paragraphSample(ix, paras[k].start, at);
    if (own) return own;
    k--;
  }
  return k >= 0 ? paragraphSample(ix, paras[k].start, paras[k].end) : undefined;
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

// A share of the sample by who they are: "49.8% female", "participants were 95% white".
const DEMOGRAPHIC_AFTER =
  /^\s*(?:were\s+|was\s+|are\s+)?(?:female|male|women|men|girls|boys|white|black|asian|hispanic|latin[oax]|caucasian|married|single|right-handed|left-handed|non-?binary|employed|unemployed|students|undergraduates|native (?:english )?speakers)\b/i;
const DEMOGRAPHIC_BEFORE = /\b(?:participants|respondents|the sample|subjects|patients|children|students)\s+(?:were|was)\s+(?:(?:about|approximately|roughly)\s+)?$/i;

function checkPercentages(c: StatsContext, findings: RawFinding[], verified: RawVerified[]): void {
  const pcts = findPercentages(c.text);
  const ix = sampleIndex(c);
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
    const demographic = DEMOGRAPHIC_AFTER.test(c.text.slice(p.end, p.end + 40)) || DEMOGRAPHIC_BEFORE.test(c.text.slice(Math.max(w.start, p.start - 60), p.start));
    if (!countMatch && !isSplit && !demographic) continue;
    // The sample: stated earlier in the sentence (error), or earlier in the paragraph or the study (warning).
    let sample = nearestSample(ix, w.start, p.start);
    let severity: Severity = 'error';
    if (!sample) {
      sample = studySample(c, ix, w.start);
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
    if (!isSplit) {
      judge({ pct: p, n: sample.n, nSpan: sample.span, severity, how: 'people' }, { start: p.start, end: p.end });
      continue;
    }
    const run = pcts.slice(i, j + 1);
    for (const x of run) judge({ pct: x, n: sample.n, nSpan: sample.span, severity, how: 'people' }, { start: run[0].start, end: run[run.length - 1].end });
    i = j;
  }
  checkTableShares(c, judge);
}

const N_CELL = /^\(?\s*[nN]\s*=\s*(\d{1,6})\s*\)?$/;
const PERCENT_LABEL = /%|\bper ?cent/i;
const NOT_SHARE_ROW = /\b(?:total|sum|mean|average|median|SD|range)\b/i;
const SHARE_CELL = /^\s*(\d{1,3}(?:\.\d+)?)\s*%?\s*$/;

function columnsOf(cell: TableCell): number[] {
  return Array.from({ length: cell.colspan }, (_, k) => cell.column + k);
}

/**
 * Shares in tables: cells of a column headed with % (two or more such columns: a breakdown), or of
 * a row labelled with %, against the column's n ("(n = 116)" in a header row) or the study's sample
 * stated before the table. Always warnings: a table's percentages may be of the answers given.
 */
function checkTableShares(c: StatsContext, judge: (cand: PctCandidate, claimSpan: TextSpan) => void): void {
  for (const table of c.paper.tables) {
    const colN = new Map<number, { n: number; span: TextSpan }>();
    const pctCols = new Set<number>();
    let studyN: { n: number; span: TextSpan } | undefined | null = null;
    for (const row of table.rows) {
      const isHeader = row.every((cell, k) => k === 0 || !SHARE_CELL.test(cell.text));
      if (isHeader) {
        const pctHere: number[] = [];
        for (const cell of row.slice(1)) {
          const m = N_CELL.exec(cell.text.trim());
          if (m) for (const col of columnsOf(cell)) colN.set(col, { n: Number(m[1]), span: { start: cell.start + cell.text.indexOf(m[1]), end: cell.start + cell.text.indexOf(m[1]) + m[1].length } });
          if (PERCENT_LABEL.test(cell.text)) pctHere.push(...columnsOf(cell));
        }
        if (pctHere.length >= 2) for (const col of pctHere) pctCols.add(col);
        continue;
      }
      const label = row[0]?.column === 0 ? row[0].text : '';
      if (NOT_SHARE_ROW.test(label)) continue;
      const rowIsShares = PERCENT_LABEL.test(label);
      for (const cell of row) {
        if (cell.column === 0 || !(rowIsShares || pctCols.has(cell.column))) continue;
        const m = SHARE_CELL.exec(cell.text);
        if (!m) continue;
        const pct = parseReported(m[1], cell.start + cell.text.indexOf(m[1]));
        if (!pct || pct.value > 100) continue;
        let whole = colN.get(cell.column);
        if (!whole) {
          if (studyN === null) studyN = studySample(c, sampleIndex(c), table.start);
          whole = studyN;
        }
        if (!whole) continue;
        judge({ pct, n: whole.n, nSpan: whole.span, severity: 'warning', how: 'people' }, { start: cell.start, end: cell.end });
      }
    }
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
  description:
    'Checks that a mean or percentage of n whole-number responses is a whole number divided by n (by n × items for a multi-item scale), reading n from the mean, its group, its sentence, a table column or the study sample stated before it.',
  kinds: [GRIM_RULE],
  shapes: [
    { name: 'mean of integer data', example: 'a mean rating of 3.45 from 12 people on one item' },
    { name: 'percentage of n', example: '7.5% of 20 patients' },
    { name: 'mean age of a sample', example: '41 adults (mean age 33.27 years), as a warning' },
    { name: 'group count before its mean', example: '18 toddlers (mean = 27.40 months)' },
    { name: 'mean count in words', example: 'on average, each pupil solved 6.35 problems' },
    { name: 'share of the sample', example: 'a final sample of 119 people … 45.9% women' },
    { name: 'table shares', example: 'columns headed (n = 24) or several % columns, n from the text before the table' },
  ],
  leavesAlone: [
    'Means of data not said to be integers (measurements, durations, reaction times).',
    'Means and shares whose n is not stated with them are warnings, never errors: the n may be another group\'s.',
    'A pool that people were excluded from is not taken as the sample the shares are of.',
  ],
  run: checkGrim,
};
