// A t test recomputed from the numbers printed with it. One sample (or one side of an equivalence
// test): t = (M − μ0) / (SD / √n), df = n − 1, when the mean, SD, n and the value tested against
// ("against the midpoint of 4", "μ0 = 100", "equivalence bounds of 0.8 and 1.2") are written in
// the sentence or just before it. Two groups: "(M = 5.1, SD = 1.2, n = 40) … (M = 4.3, SD = 1.4,
// n = 38), t(76) = 2.71": pooled or Welch, either is accepted. Every number counts across its
// rounding; a test value or a pairing that cannot be read unambiguously is left alone.

import { parseReported, roundingInterval } from '../../numbers.ts';
import type { ReportedNumber } from '../../numbers.ts';
import type { CheckOutput, PaperText, RawFinding, RawVerified, Severity, TextSpan } from '../../types.ts';
import type { CheckModule } from '../module.ts';
import { firstAtOrAfter, statsContext, type StatsContext } from './context.ts';
import type { Descriptive } from './descriptives.ts';
import { sig3 } from './p-format.ts';
import { collapse } from './text-util.ts';

type Interval = [number, number];

const NUM = String.raw`(?:\d+(?:\.\d+)?|\.\d+)`;
const SIGNED = String.raw`(?:[-\u2212\u2013]\s?)?${NUM}`;
const T_STAT = new RegExp(String.raw`(?<![\p{L}\p{N}_\\^])t\s?(?:\(\s*(\d+(?:\.\d+)?)\s*\)|_\s?\{?\s*(\d+(?:\.\d+)?)\s*\}?)\s*=\s*(${SIGNED})(?![\d.]\d)`, 'gu');

// The roles, each in symbols or in words ("the sample mean was 4.6", "a standard deviation of 1.1").
const LINK = String.raw`(?:\s+[a-z]+){0,2}?\s*(?:\s(?:is|was|of|equals|equal to)\s|[=:])\s*`;
const MEAN = new RegExp(String.raw`(?:(?<![\p{L}\p{N}_\\])(?:M|x̄)\s*=\s*|(?<!\b(?:population|hypothesi[sz]ed|null|theoretical|expected|reference|normative|test)\s)\b(?:[Mm]ean|[Aa]verage)(?!\s+(?:difference|age|change)\b)${LINK})(${SIGNED})(?![\d.]\d)(%?)`, 'gu');
const SD = new RegExp(String.raw`(?:(?<![\p{L}\p{N}_\\])(?:SD|S\.D\.|sd)(?:\s*[=:]\s*|\s+(?:of|was|is)\s+)|\b[Ss]tandard deviation${LINK})(${NUM})(?![\d.]\d)`, 'gu');
const SIZE = new RegExp(String.raw`(?:(?<![\p{L}\p{N}_\\])[nN]\s*=\s*|\b[Ss]ample size${LINK})(\d{1,6})(?![\d.,]\d)`, 'gu');
// The value a single mean is tested against: a symbol, or a cue naming what the value is.
const NULL_SYMBOL = new RegExp(String.raw`(?:μ|\\mu|mu)\s*_?\s*\{?\s*0\s*\}?\s*=\s*(${SIGNED})(?![\d.]\d)`, 'gu');
const TESTED_AGAINST = new RegExp(
  String.raw`\b(?:against|versus|vs\.?|compared (?:to|with)|differ(?:ed|s|ent)? from|above|below|exceed(?:ed|s)?|than)\s+(?:(?:a|an|the|its)\s+)?((?:(?:hypothesi[sz]ed|population|test|reference|chance|null|neutral|scale|theoretical|expected|benchmark|normative|norm|midpoint|mid-point|value|level|mean|point|criterion)\s+){1,3})(?:of\s+|=\s*|:\s*|\(\s*)?(${SIGNED})(?![\d.]\d)(%?)`,
  'giu',
);
const EQUIVALENCE_BOUNDS = new RegExp(
  String.raw`\bequivalence\s+(?:bounds?|margins?|range|region|interval|limits)\b[^.;\d]{0,24}?(${SIGNED})\s*(?:and|to|,|–|-)\s*(${SIGNED})(?![\d.]\d)`,
  'giu',
);
// Words that make a two-mean comparison a within-subject one (its SD is of the differences).
const PAIRED = /\b(?:paired|within[- ]subjects?|repeated[- ]measures?|pre-?(?:test)?\b.{0,40}\bpost|before and after|baseline)\b/i;

interface Role {
  value: ReportedNumber;
  percent?: boolean;
}

function signed(text: string, start: number): ReportedNumber | undefined {
  const m = /^([-\u2212\u2013])\s?/.exec(text);
  const n = parseReported(m ? text.slice(m[0].length) : text, start + (m ? m[0].length : 0));
  if (!n) return undefined;
  return m ? { ...n, value: -n.value, text, start } : n;
}

function rolesIn(re: RegExp, s: string, span: TextSpan, group = 1): Role[] {
  const out: Role[] = [];
  const slice = s.slice(span.start, span.end);
  for (const m of slice.matchAll(re)) {
    const text = m[group];
    const start = span.start + m.index + m[0].lastIndexOf(text, m[0].length - (m[group + 1]?.length ?? 0));
    const value = signed(text, start);
    if (value) out.push({ value, percent: Boolean(m[group + 1]) });
  }
  return out;
}

/** The sentence of the statistic and up to two before it in the same paragraph. */
function windowOf(c: StatsContext, at: number): { here: TextSpan; before: TextSpan } {
  const here = c.layout.sentenceAt(at);
  const paragraph = c.layout.paragraphAt(at);
  let start = here.start;
  for (let k = 0; k < 2; k++) {
    const prev = c.layout.sentenceAt(start - 1);
    if (prev.start < paragraph.start || prev.end > start || prev.start === start) break;
    start = prev.start;
  }
  return { here: { start: Math.max(here.start, at - 400), end: at }, before: { start: Math.max(start, here.start - 600), end: here.start } };
}

/** Equivalence bounds written once, or repeated with the same numbers: the last writing. */
function distinctPairs(found: RegExpExecArray[]): RegExpExecArray[] {
  if (!found.length) return [];
  const last = found[found.length - 1];
  return found.every((b) => b[1] === last[1] && b[2] === last[2]) ? [last] : [...found];
}

/** The single distinct value of a role: undefined when absent or when several differ. */
function single(roles: Role[]): Role | undefined {
  if (!roles.length) return undefined;
  return roles.every((r) => r.value.value === roles[0].value.value) ? roles[roles.length - 1] : undefined;
}

const meets = (a: Interval, b: Interval): boolean => a[1] >= b[0] - 1e-9 && a[0] <= b[1] + 1e-9;

/** (M − μ0) / (SD / √n) across the rounding of M, SD and μ0; n is exact. */
function oneSampleT(mean: ReportedNumber, sd: ReportedNumber, n: number, mu: ReportedNumber): Interval | undefined {
  const [m0, m1] = roundingInterval(mean);
  const [u0, u1] = mu.decimals > 0 ? roundingInterval(mu) : [mu.value, mu.value];
  const [s0, s1] = roundingInterval(sd);
  if (!(s0 > 0) || n < 2) return undefined;
  const d: Interval = [m0 - u1, m1 - u0];
  const root = Math.sqrt(n);
  const over = (x: number, s: number): number => (x * root) / s;
  const ends = [over(d[0], s0), over(d[0], s1), over(d[1], s0), over(d[1], s1)];
  return [Math.min(...ends), Math.max(...ends)];
}

interface Reading {
  working: string;
  /** What a correct t would be, for the message. */
  expected: number;
  range: Interval[];
  /** t at the printed values, one per reading (each bound, pooled and Welch). */
  points: number[];
  severity: Severity;
  related: ReportedNumber[];
}

/** A single mean against the value or the equivalence bounds it is tested against. */
function readOneSample(c: StatsContext, at: number, df: number): Reading | undefined {
  const s = c.text;
  const { here, before } = windowOf(c, at);
  const meansHere = rolesIn(MEAN, s, here);
  const means = meansHere.length ? meansHere : rolesIn(MEAN, s, before);
  if (means.length !== 1) return undefined;
  const whole: TextSpan = { start: before.start, end: here.end };
  const sd = single(rolesIn(SD, s, whole));
  const size = single(rolesIn(SIZE, s, whole));
  const boundsHere = [...s.slice(here.start, here.end).matchAll(EQUIVALENCE_BOUNDS)] as RegExpExecArray[];
  const bounds = distinctPairs(boundsHere.length ? boundsHere : [...s.slice(before.start, before.end).matchAll(EQUIVALENCE_BOUNDS)] as RegExpExecArray[]);
  const boundsAt = boundsHere.length ? here.start : before.start;
  const nullValues = [...rolesIn(NULL_SYMBOL, s, whole), ...rolesIn(TESTED_AGAINST, s, whole, 2)];
  if (!sd || bounds.length > 1) return undefined;
  const n = size ? size.value.value : df + 1;
  if (n !== df + 1) return undefined;
  let tested: ReportedNumber[];
  if (bounds.length === 1) {
    const b = bounds[0];
    const loAt = boundsAt + b.index + b[0].indexOf(b[1], b[0].search(/\d|[-\u2212\u2013]\s?\d/));
    const lo = signed(b[1], loAt);
    const hi = signed(b[2], boundsAt + b.index + b[0].lastIndexOf(b[2]));
    if (!lo || !hi) return undefined;
    tested = [lo, hi];
  } else {
    const mu = single(nullValues);
    if (!mu || Boolean(mu.percent) !== Boolean(means[0].percent)) return undefined;
    tested = [mu.value];
  }
  const mean = means[0].value;
  const ranges = tested.map((mu) => oneSampleT(mean, sd.value, n, mu));
  if (ranges.some((r) => !r)) return undefined;
  const seText = `${sd.value.text} / √${n}`;
  const forms = tested.map((mu) => `(${mean.text} − ${mu.text}) / (${seText}) = ${sig3(((mean.value - mu.value) * Math.sqrt(n)) / sd.value.value)}`);
  const expected = ((mean.value - tested[0].value) * Math.sqrt(n)) / sd.value.value;
  // Numbers read from an earlier sentence may belong to another analysis: a warning at most.
  const fromHere = (x: ReportedNumber): boolean => x.start >= here.start;
  const severity: Severity = [mean, sd.value, ...tested].every(fromHere) ? 'error' : 'warning';
  const points = tested.map((mu) => ((mean.value - mu.value) * Math.sqrt(n)) / sd.value.value);
  return { working: `${forms.join('; ')}${size ? '' : ` (n = df + 1 = ${n})`}`, expected, range: ranges as Interval[], points, severity, related: [mean, sd.value, ...tested] };
}

function twoSampleRanges(m: ReportedNumber[], sd: ReportedNumber[], n: number[]): { pooled: Interval; welch: Interval } | undefined {
  const [a0, a1] = roundingInterval(m[0]);
  const [b0, b1] = roundingInterval(m[1]);
  const d: Interval = [a0 - b1, a1 - b0];
  const [s0, s1] = sd.map((x) => roundingInterval(x));
  if (!(s0[0] > 0 && s1[0] > 0) || n[0] < 2 || n[1] < 2) return undefined;
  const pooledSe = (x: number, y: number): number => Math.sqrt((((n[0] - 1) * x * x + (n[1] - 1) * y * y) / (n[0] + n[1] - 2)) * (1 / n[0] + 1 / n[1]));
  const welchSe = (x: number, y: number): number => Math.sqrt((x * x) / n[0] + (y * y) / n[1]);
  const range = (se: (x: number, y: number) => number): Interval => {
    const lo = se(s0[0], s1[0]);
    const hi = se(s0[1], s1[1]);
    const ends = [d[0] / lo, d[0] / hi, d[1] / lo, d[1] / hi];
    return [Math.min(...ends), Math.max(...ends)];
  };
  return { pooled: range(pooledSe), welch: range(welchSe) };
}

const starts = new WeakMap<StatsContext, { start: number }[]>();

/** The descriptives inside [from, to), found by bisection so that many tests stay linear. */
function descriptivesBetween(c: StatsContext, from: number, to: number): Descriptive[] {
  let keys = starts.get(c);
  if (!keys) starts.set(c, (keys = c.descriptives.map((d) => ({ start: d.span.start }))));
  const out: Descriptive[] = [];
  for (let i = firstAtOrAfter(keys, from); i < keys.length && keys[i].start < to && out.length < 3; i++) {
    if (c.descriptives[i].span.end <= to) out.push(c.descriptives[i]);
  }
  return out;
}

/** Two groups' means, SDs and sizes, printed before the t in its sentence. */
function readTwoSamples(c: StatsContext, at: number, df: number): Reading | undefined {
  const here = windowOf(c, at).here;
  const groups = descriptivesBetween(c, here.start, at);
  if (groups.length !== 2 || groups.some((g) => !g.sd || !g.n)) return undefined;
  if (PAIRED.test(c.text.slice(here.start, at))) return undefined;
  const n = groups.map((g) => g.n!.value);
  // df = n1 + n2 − 2 (pooled), or a Welch df between the smaller group's n − 1 and that.
  const pooledDf = n[0] + n[1] - 2;
  if (n[0] === n[1] && df === n[0] - 1) return undefined;
  if (!(df === pooledDf || (!Number.isInteger(df) && df >= Math.min(...n) - 1 && df <= pooledDf))) return undefined;
  const m = groups.map((g) => g.mean);
  const sd = groups.map((g) => g.sd!);
  const r = twoSampleRanges(m, sd, n);
  if (!r) return undefined;
  const d = m[0].value - m[1].value;
  const expected = d / Math.sqrt((((n[0] - 1) * sd[0].value ** 2 + (n[1] - 1) * sd[1].value ** 2) / pooledDf) * (1 / n[0] + 1 / n[1]));
  const welch = d / Math.sqrt(sd[0].value ** 2 / n[0] + sd[1].value ** 2 / n[1]);
  const working = `(${m[0].text} − ${m[1].text}) / SE, pooled SE from SD ${sd[0].text} (n = ${n[0]}) and ${sd[1].text} (n = ${n[1]}): t from ${sig3(r.pooled[0])} to ${sig3(r.pooled[1])}; Welch: ${sig3(r.welch[0])} to ${sig3(r.welch[1])}`;
  return { working, expected, range: [r.pooled, r.welch], points: [expected, welch], severity: 'error', related: [...m, ...sd] };
}

export function checkTFromMeans(paper: PaperText): CheckOutput {
  const c = statsContext(paper);
  const s = c.text;
  const findings: RawFinding[] = [];
  const verified: RawVerified[] = [];
  for (const m of s.matchAll(T_STAT)) {
    const df = Number(m[1] ?? m[2]);
    const t = signed(m[3], m.index + m[0].length - m[3].length);
    if (!t || !(df > 0)) continue;
    const reading = readTwoSamples(c, m.index, df) ?? readOneSample(c, m.index, df);
    if (!reading) continue;
    // The sign depends on which way round the difference is taken: sizes are compared.
    const reported = roundingInterval(t).map(Math.abs).sort((a, b) => a - b) as Interval;
    const sizes = reading.range.map(([a, b]): Interval => (a >= 0 ? [a, b] : b <= 0 ? [-b, -a] : [0, Math.max(-a, b)]));
    const claimSpan = { start: Math.min(m.index, ...reading.related.map((x) => x.start)), end: m.index + m[0].length };
    const claim = collapse(s.slice(claimSpan.start, claimSpan.end));
    const working = `${reading.working}; reported t(${m[1] ?? m[2]}) = ${t.text}`;
    const atPrinted = reading.points.some((x) => meets([Math.abs(x), Math.abs(x)], reported));
    // Whole-number inputs are often exact (a worked example): agreeing only through their rounding is a warning.
    const wholeInputs = reading.related.every((x) => x.decimals === 0);
    if (sizes.some((r) => meets(r, reported)) && (atPrinted || !wholeInputs)) {
      verified.push({ kind: 't-means', claim, working, span: t });
      continue;
    }
    const onlyRounded = sizes.some((r) => meets(r, reported));
    if (onlyRounded) reading.severity = 'warning';
    findings.push({
      kind: 't-means',
      severity: reading.severity,
      message: `The means, SD and n printed with it give t = ${sig3(reading.expected)}, not ${t.text}${onlyRounded ? ' (taking the whole numbers as exact; only their rounding reaches it)' : ''}.`,
      claim,
      reported: t.text,
      recomputed: sig3(reading.expected),
      working,
      explanation: 'A t statistic is the difference of means divided by its standard error (SD / √n for one sample; the pooled or Welch standard error for two groups), so it can be recomputed from the printed descriptives; here it does not agree with them.',
      span: { start: t.start, end: t.end },
      claimSpan,
      related: reading.related.map((x) => ({ start: x.start, end: x.end })),
    });
  }
  return { findings, verified };
}

export const T_MEANS_RULE = { id: 't-means', title: 't from means and SDs', description: 'A t statistic does not follow from the mean(s), SD(s) and n printed with it, or from the value it is tested against.', defaultSeverity: 'error' } as const;

export const tFromMeansCheck: CheckModule = {
  name: 't-from-means',
  title: 't from means and SDs',
  description: 'Recomputes a one-sample (or equivalence) t from the mean, SD, n and test value printed with it, and a two-sample t from both groups\' means, SDs and sizes (pooled or Welch).',
  kinds: [T_MEANS_RULE],
  shapes: [
    { name: 'one sample against a stated value', example: 'ratings (M = 5.6, SD = 1.3, n = 40) were above the scale midpoint of 5, t(39) = 2.92' },
    { name: 'one sample in words', example: 'a sample mean of 102.5 and a standard deviation of 9.8 (n = 64), tested against μ0 = 100: t(63) = 2.04' },
    { name: 'equivalence bounds', example: 'mean 0.31, SD 0.9, n = 50, equivalence bounds of −0.25 and 0.25, t(49) = 0.47' },
    { name: 'two groups', example: 'treated (M = 5.1, SD = 1.2, n = 40) and controls (M = 4.3, SD = 1.4, n = 38), t(76) = 2.71' },
  ],
  leavesAlone: [
    'A paired or repeated-measures comparison: its SD is of the differences, which the group SDs do not give.',
    'A test value that is not written, or several candidate means, SDs or test values in the passage.',
    'Two groups whose df is neither n1 + n2 − 2 nor a Welch df between them.',
  ],
  run: checkTFromMeans,
};
