// GRIM (Brown & Heathers 2017): a mean of n integer responses is a whole number divided by n,
// and a percentage of n people is k/n·100. Means are checked only when the sentence says the
// data are integers (counts, Likert items with a known number of items, 0/1 data); percentages
// only when the n they are of is stated with them ("65.4% of the 26 participants"), or the
// sentence states the sample and the percentages split it ("26 participants …: 63.4% women,
// 36.6% men").

import { parseReported } from '../../numbers.ts';
import type { ReportedNumber } from '../../numbers.ts';
import type { CheckOutput, PaperText, RawFinding, RawVerified, Severity, TextSpan } from '../../types.ts';
import { statsContext, sentenceWindow } from './context.ts';
import type { StatsContext } from './context.ts';
import { dataKind, isAge } from './descriptives.ts';
import { grimApplies, grimPossible, nearestMeans, nearestPercents, percentCounts, percentGrimApplies } from './granularity.ts';
import { collapse } from './text-util.ts';

/** Items per person for a mean, and how sure we are the data are integers; undefined = do not check. */
export function integerReading(c: StatsContext, meanStart: number, meanEnd: number): { items: number; severity: Severity; why: string } | undefined {
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

function checkMeans(c: StatsContext, findings: RawFinding[], verified: RawVerified[]): void {
  for (const d of c.descriptives) {
    if (!d.n) continue;
    const n = d.n.value;
    const reading = integerReading(c, d.span.start, d.span.end);
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

/** Other sample sizes stated earlier in the paragraph, for downgrading ambiguous cases. */
function otherSamples(c: StatsContext, at: number, n: number): number[] {
  const para = c.layout.paragraphAt(at);
  return c.samples.filter((s) => s.start >= para.start && s.start < at && s.n !== n && at - s.start < 3000).map((s) => s.n);
}

function nearestSample(c: StatsContext, from: number, before: number): { n: number; span: TextSpan } | undefined {
  let best: { n: number; span: TextSpan } | undefined;
  for (const s of c.samples) {
    if (s.start < from) continue;
    if (s.end > before) break;
    best = { n: s.n, span: { start: s.start, end: s.end } };
  }
  return best;
}

/** The sample of a paragraph: only when everything earlier in it names one size, as people or N. */
function paragraphSample(c: StatsContext, from: number, before: number): { n: number; span: TextSpan } | undefined {
  const found = c.samples.filter((s) => s.start >= from && s.end <= before);
  if (found.length === 0 || found.some((s) => s.n !== found[0].n) || !found.some((s) => s.strong)) return undefined;
  const last = found[found.length - 1];
  return { n: last.n, span: { start: last.start, end: last.end } };
}

function checkPercentages(c: StatsContext, findings: RawFinding[], verified: RawVerified[]): void {
  const pcts = findPercentages(c.text);
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
    if (cand.severity === 'error' && otherSamples(c, cand.nSpan.start, cand.n).some((m) => percentCounts(cand.pct, m).length > 0)) cand.severity = 'warning';
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
  for (let i = 0; i < pcts.length; i++) {
    const p = pcts[i];
    if (done.has(p.start)) continue;
    const w = sentenceWindow(c, p.start, p.end, 600);
    const beforeText = c.text.slice(Math.max(w.start, p.start - 12), p.start);
    const countMatch = COUNT_BEFORE.exec(beforeText);
    // A run of shares: consecutive percentages with only words between them, summing to 100.
    let j = i;
    while (j + 1 < pcts.length && pcts[j + 1].start - pcts[j].end <= 40 && !/\d/.test(c.text.slice(pcts[j].end, pcts[j + 1].start))) j++;
    const run = pcts.slice(i, j + 1);
    const sum = run.reduce((a, x) => a + x.value, 0);
    const slack = run.reduce((a, x) => a + 0.5 * 10 ** -x.decimals, 0) + 1e-9;
    const isSplit = run.length >= 2 && Math.abs(sum - 100) <= slack;
    if (!countMatch && !isSplit) continue;
    // The sample: stated earlier in the sentence (error), or earlier in the paragraph (warning).
    let sample = nearestSample(c, w.start, p.start);
    let severity: Severity = 'error';
    if (!sample) {
      const para = c.layout.paragraphAt(p.start);
      sample = paragraphSample(c, para.start, w.start);
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
