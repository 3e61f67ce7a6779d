// statcheck-class check: the p-value a test statistic and its degrees of freedom give, against
// the p-value reported with them. Rounding of both the statistic and p is respected; "p = .000"
// means p < .0005; one-tailed readings are accepted when the sentence says so.

import { halfUnit } from '../../numbers.ts';
import type { CheckOutput, PaperText, RawFinding, RawUndecided, RawVerified, Severity } from '../../types.ts';
import { directedP, hasTails, pValue } from './distributions.ts';
import { findTests } from './parse-tests.ts';
import type { ReportedP, ReportedTest } from './parse-tests.ts';
import { describeP, formatP, sig3 } from './p-format.ts';
import { findTableTests } from './table-tests.ts';
import { statsContext } from './context.ts';
import { collapse } from './text-util.ts';
import { declaredOneTailedBefore, equivalenceContext, findTailDeclarations } from './tails.ts';
import type { CheckModule } from '../module.ts';

const ALPHA = 0.05;
const SLACK = 1e-9;
const ONE_TAILED = /one[- ]?(?:tailed|sided)|directional/i;
const TWO_TAILED = /two[- ]?(?:tailed|sided)/;
const CORRECTED = /bonferroni|holm|[šs]id[aá]k|tukey|scheff[eé]|benjamini|hochberg|false discovery|\bfdr\b|corrected|adjusted|correction/i;

type Interval = [number, number];

/** The p-values consistent with what was written. */
export function reportedInterval(p: ReportedP): Interval {
  if (!p.value) return [ALPHA, 1];
  const v = p.value.value;
  // "p = .000" and "p < .000" (and any p written as zero) mean p below half a unit of the last digit.
  if (v === 0 && p.relation !== '>') return [0, halfUnit(p.value)];
  if (p.relation === '<') return [0, v];
  if (p.relation === '>') return [v, 1];
  const h = halfUnit(p.value);
  return [Math.max(0, v - h), Math.min(1, v + h)];
}

/**
 * The p-values the statistic gives across its rounding interval, and at its reported value. A
 * statistic given as a bound ("F(1, 28) < 1") leaves every p on one side of the bound's p.
 */
export function computedInterval(test: ReportedTest, tails: 1 | 2): { lo: number; hi: number; mid: number } {
  const x = Math.abs(test.stat.value);
  const h = halfUnit(test.stat);
  const params = { type: test.type, df1: test.df1, df2: test.df2 };
  const small = Math.max(0, x - h);
  const large = test.type === 'r' ? Math.min(1, x + h) : x + h;
  const mid = pValue(params, x, tails);
  const below = magnitudeBound(test);
  if (below === 'below') return { lo: pValue(params, large, tails), hi: 1, mid };
  if (below === 'above') return { lo: 0, hi: pValue(params, small, tails), mid };
  return { lo: pValue(params, large, tails), hi: pValue(params, small, tails), mid };
}

/** Whether a bound on the statistic bounds its size from below or above ("t < −2.2" is |t| > 2.2). */
function magnitudeBound(test: ReportedTest): 'below' | 'above' | 'unknown' | undefined {
  if (test.statRelation === '=') return undefined;
  const negative = test.stat.value < 0;
  if (!negative) return test.statRelation === '<' ? 'below' : 'above';
  return test.statRelation === '<' ? 'above' : 'unknown';
}

function overlaps(a: Interval, lo: number, hi: number): boolean {
  return hi >= a[0] - SLACK && lo <= a[1] + SLACK;
}

/** Significant at .05 as reported (p = .05 counts as significant, as in statcheck); undefined if unclear. */
function reportedSignificant(p: ReportedP): boolean | undefined {
  if (!p.value) return false;
  const v = p.value.value;
  if (p.relation === '=') return v <= ALPHA + SLACK;
  if (p.relation === '<') return v <= ALPHA + SLACK ? true : undefined;
  return v >= ALPHA - SLACK ? false : undefined;
}

function computedSignificant(lo: number, hi: number): boolean | undefined {
  if (hi <= ALPHA) return true;
  if (lo > ALPHA) return false;
  return undefined;
}

export function testLabel(t: ReportedTest): string {
  const name = t.type === 'chi2' ? 'χ²' : t.name;
  const rel = t.statRelation ?? '=';
  if (t.type === 'z') return `${name} ${rel} ${t.stat.text}`;
  const df = t.df2 !== undefined ? `${t.df1}, ${t.df2}` : `${t.df1}`;
  return `${name}(${df}) ${rel} ${t.stat.text}`;
}

function describeTest(t: ReportedTest): string {
  switch (t.type) {
    case 't':
      return `A t statistic of ${t.stat.text} with ${t.df1} degrees of freedom`;
    case 'F':
      return `An F statistic of ${t.stat.text} with ${t.df1} and ${t.df2} degrees of freedom`;
    case 'r':
      return `A correlation of ${t.stat.text} with ${t.df1} degrees of freedom (${t.df1! + 2} pairs)`;
    case 'z':
      return `A z statistic of ${t.stat.text}`;
    case 'chi2':
      return `A chi-square statistic of ${t.stat.text} with ${t.df1} degrees of freedom`;
    case 'Q':
      return `A heterogeneity Q statistic of ${t.stat.text} with ${t.df1} degrees of freedom`;
  }
}

function reportedText(p: ReportedP): string {
  if (!p.value) return 'not significant (ns)';
  return `p ${p.relation} ${p.value.text}`;
}

function working(t: ReportedTest, tails: 1 | 2, c: { lo: number; hi: number; mid: number }): string {
  const h = halfUnit(t.stat);
  const x = Math.abs(t.stat.value);
  const tail = hasTails(t.type) ? (tails === 2 ? 'two-tailed' : 'one-tailed') : 'upper tail';
  const via = t.type === 'r' ? ` (via t = r·√df / √(1 − r²))` : '';
  const d = t.stat.decimals + 1;
  const range = t.statRelation === '=' ? `the statistic rounds from [${Math.max(0, x - h).toFixed(d)}, ${(x + h).toFixed(d)}]` : `the statistic is only bounded (${t.statRelation} ${t.stat.text})`;
  return `${testLabel(t)} → p = ${sig3(c.mid)} (${tail})${via}; ${range}, giving p in [${sig3(c.lo)}, ${sig3(c.hi)}]`;
}

/** What the paper says around a test about how its p was computed. */
export interface TailContext {
  /** A window of the sentence: one-tailed and correction wording. */
  sentence: string;
  /** The paper mentions one-tailed tests somewhere (asked only for an inconsistent result). */
  paperMentionsOneTailed: boolean | (() => boolean);
  /** The latest declaration before the test says the tests are one-tailed. */
  declaredOneTailed?: boolean;
  /** The test belongs to an equivalence (TOST) passage; `bounds` when the bounds are stated. Asked only for an inconsistent result. */
  equivalence?: () => { bounds: boolean } | undefined;
}

export interface Judgement {
  finding?: RawFinding;
  verified?: RawVerified;
  undecided?: RawUndecided;
  /** A format note on a consistent result ("p = .000"). */
  note?: RawFinding;
}

/** p written outside [0, 1], or below 0: no test gives it. */
function impossibleP(p: ReportedP): string | undefined {
  const v = p.value;
  if (!v) return undefined;
  if (v.value < 0) return 'a p-value is a probability and cannot be negative';
  if (v.value > 1 || (p.relation === '>' && v.value >= 1)) return 'a p-value is a probability and cannot exceed 1';
  if (p.relation === '<' && v.value === 0 && v.decimals === 0) return 'no p-value is below 0';
  return undefined;
}

function rangeFinding(t: LocatedTest, claim: string, why: string): RawFinding {
  return {
    kind: 'p-range',
    severity: 'error',
    message: `p ${t.p.relation} ${t.p.value!.text} is impossible: ${why}.`,
    claim,
    reported: t.p.value!.text,
    working: `0 ≤ p ≤ 1, and p ${t.p.relation} ${t.p.value!.text} leaves no such value`,
    explanation: 'A p-value is the probability of a result at least this extreme if there were no effect, so it lies between 0 and 1; this one was mistyped.',
    span: t.p.span,
    claimSpan: t.span,
    related: [{ start: t.stat.start, end: t.stat.end }],
  };
}

/** "p = .000" or "p < .000": the software's rounding, written as APA style does not. */
function zeroNote(t: LocatedTest, claim: string): RawFinding | undefined {
  const v = t.p.value;
  if (!v || v.value !== 0 || v.decimals === 0 || t.p.relation === '>') return undefined;
  const lead = v.text.startsWith('.') ? '' : '0';
  return {
    kind: 'p-zero',
    severity: 'info',
    message: `p ${t.p.relation} ${v.text} reads as a p of zero; the statistic is consistent with it, but APA style writes p < ${lead}.001.`,
    claim,
    reported: v.text,
    explanation: 'Statistics software prints p = .000 when p is below .0005; a p-value is never zero, so it is reported as p < .001.',
    span: t.p.span,
    claimSpan: t.span,
  };
}

/** A test in an equivalence passage: its p is one of two one-sided tests against a bound. */
function judgeEquivalence(t: LocatedTest, claim: string, rep: Interval, bounds: boolean): Judgement {
  if (hasTails(t.type) && t.statRelation === '=') {
    const params = { type: t.type, df1: t.df1, df2: t.df2 };
    const h = halfUnit(t.stat);
    for (const upper of [true, false]) {
      const a = directedP(params, t.stat.value - h, upper);
      const b = directedP(params, t.stat.value + h, upper);
      if (overlaps(rep, Math.min(a, b), Math.max(a, b))) {
        const mid = directedP(params, t.stat.value, upper);
        const side = upper ? `P(${t.name} ≥ ${t.stat.text})` : `P(${t.name} ≤ ${t.stat.text})`;
        return { verified: { kind: 'p-value', claim, span: t.p.span, working: `${testLabel(t)} → one-sided ${side} = ${sig3(mid)}: one of the two one-sided tests of an equivalence procedure` } };
      }
    }
  }
  const reason = bounds
    ? 'an equivalence test whose p matches neither one-sided test of the statistic as printed'
    : 'an equivalence test (TOST): its p is tested against equivalence bounds the text does not state';
  if (!bounds || !hasTails(t.type)) return { undecided: { kind: 'p-value', claim, reason, span: t.p.span } };
  return {
    finding: {
      kind: 'p-value',
      severity: 'warning',
      message: `${testLabel(t)} gives neither one-sided p of an equivalence test near ${t.p.value ? `${t.p.relation} ${t.p.value.text}` : 'ns'}.`,
      claim,
      reported: t.p.value?.text ?? t.p.text,
      working: `one-sided p: ${sig3(directedP({ type: t.type, df1: t.df1, df2: t.df2 }, t.stat.value, true))} (upper), ${sig3(directedP({ type: t.type, df1: t.df1, df2: t.df2 }, t.stat.value, false))} (lower)`,
      explanation: 'In an equivalence test (TOST) each p is one-sided, for the statistic against one of the equivalence bounds; the reported p matches neither direction, so the statistic, its df or the p is likely mistyped.',
      span: t.p.span,
      claimSpan: t.span,
      related: [{ start: t.stat.start, end: t.stat.end }],
    },
  };
}

/**
 * One check of a reported test. Exported for the table path and tests. Whether the paper mentions
 * one-tailed tests matters only for an inconsistent result, so it may be given as a function that
 * is called then (scanning the whole paper for every consistent test would be wasted).
 */
export function judgeTest(t: LocatedTest, ctx: TailContext): Judgement | undefined {
  const { sentence } = ctx;
  const claim = collapse(t.claimText);
  const impossible = impossibleP(t.p);
  if (impossible) return { finding: rangeFinding(t, claim, impossible) };
  if (magnitudeBound(t) === 'unknown') return undefined;
  const sub = t.p.subscript.toLowerCase();
  const subOneTailed = ONE_TAILED.test(sub);
  // A p with another subscript (adjusted, permutation, bootstrap) does not come from the statistic alone.
  if (sub && !subOneTailed && !TWO_TAILED.test(sub)) return undefined;
  const rep = reportedInterval(t.p);
  const two = computedInterval(t, 2);
  if (!Number.isFinite(two.lo) || !Number.isFinite(two.hi)) return undefined;
  const base = { claim, span: t.p.span };
  if (overlaps(rep, two.lo, two.hi)) {
    return { verified: { kind: 'p-value', claim, working: working(t, 2, two), span: t.p.span }, note: zeroNote(t, claim) };
  }
  const canOneTail = hasTails(t.type);
  const one = canOneTail ? computedInterval(t, 1) : undefined;
  const oneFits = one !== undefined && overlaps(rep, one.lo, one.hi);
  const statedHere = subOneTailed || ONE_TAILED.test(sentence);
  if (oneFits && (statedHere || ctx.declaredOneTailed)) {
    const how = statedHere ? 'as the text states' : 'as the paper declares before this test';
    return { verified: { kind: 'p-value', claim, working: working(t, 1, one) + ` (one-tailed, ${how})`, span: t.p.span }, note: zeroNote(t, claim) };
  }
  const equivalence = ctx.equivalence?.();
  if (equivalence) return judgeEquivalence(t, claim, rep, equivalence.bounds);
  // Corrected p-values are larger than the raw p the statistic gives.
  if (CORRECTED.test(sentence) && rep[0] > two.hi) return undefined;

  const paperMentionsOneTailed = ctx.paperMentionsOneTailed;
  const mentionsOneTailed = oneFits && (typeof paperMentionsOneTailed === 'function' ? paperMentionsOneTailed() : paperMentionsOneTailed);
  const repSig = reportedSignificant(t.p);
  const compSig = computedSignificant(two.lo, two.hi);
  const decision = repSig !== undefined && compSig !== undefined && repSig !== compSig;
  const like = t.p.value?.text ?? '.05';
  const gives = describeP(two.mid, t.p.value?.decimals ?? 3, like);
  const label = testLabel(t);
  const tailWord = canOneTail ? ' (two-tailed)' : '';
  const givesText = t.statRelation === '=' ? gives : `${t.statRelation === '<' ? 'p above' : 'p below'} ${formatP(two.mid, Math.max(3, t.p.value?.decimals ?? 3), like)}`;
  let message = `${label} gives ${givesText}${tailWord}, not ${t.p.value ? (t.p.relation === '=' ? t.p.value.text : reportedText(t.p)) : 'ns'}`;
  if (decision) message += compSig ? ': the result is significant at .05, not non-significant as reported' : ': the result is not significant at .05, though reported as significant';
  if (oneFits) message += `; the reported p matches a one-tailed test, which ${mentionsOneTailed ? 'this sentence does not state' : 'the paper does not state'}`;
  message += '.';
  let severity: Severity = 'error';
  if (mentionsOneTailed) severity = 'warning';
  const explanation =
    `${describeTest(t)} corresponds to a ${canOneTail ? 'two-tailed ' : ''}${givesText}, ` +
    `so the reported ${reportedText(t.p)} cannot come from the statistic and its degrees of freedom as printed; one of the three is likely mistyped (the statcheck check).`;
  let suggestion: string | undefined;
  // Only when every value the rounded statistic could stand for gives the same p at the reported precision.
  if (t.p.value && t.p.relation === '=' && t.statRelation === '=' && !oneFits) {
    const at = (p: number): string => formatP(p, t.p.value!.decimals, t.p.value!.text);
    const s = at(two.mid);
    if (Number(s) > 0 && at(two.lo) === s && at(two.hi) === s) suggestion = s;
  }
  return {
    finding: {
      kind: decision ? 'p-decision' : 'p-value',
      severity,
      message,
      ...base,
      reported: t.p.value?.text ?? t.p.text,
      recomputed: gives.replace(/^p [=<] ?/, (m) => (m.startsWith('p <') ? '< ' : '')),
      working: working(t, 2, two) + (one ? `; one-tailed p = ${sig3(one.mid)}` : ''),
      suggestion,
      explanation,
      claimSpan: t.span,
      related: [{ start: t.stat.start, end: t.stat.end }],
    },
  };
}

export interface LocatedTest extends ReportedTest {
  /** The claim as written (the sentence part, or the table row). */
  claimText: string;
  /** Context for one-tailed and correction wording when it is not the sentence (a table caption). */
  sentence?: string;
}

/** The p-value check over running text and tables. */
export function checkPValues(paper: PaperText): CheckOutput {
  const findings: RawFinding[] = [];
  const verified: RawVerified[] = [];
  const undecided: RawUndecided[] = [];
  const c = statsContext(paper);
  const text = c.text;
  const layout = c.layout;
  let mentionsOneTailed: boolean | undefined;
  const paperMentionsOneTailed = (): boolean => (mentionsOneTailed ??= ONE_TAILED.test(text));
  const tests: LocatedTest[] = [];
  for (const t of findTests(text)) tests.push({ ...t, claimText: paper.text.slice(t.span.start, t.span.end) });
  for (const t of findTableTests(paper)) tests.push(t);
  if (tests.length === 0) return { findings, verified };
  const declarations = findTailDeclarations(text);
  for (const t of tests) {
    const sentenceSpan = layout.sentenceAt(t.span.start);
    // A window of the sentence: enough for "one-tailed" or "Bonferroni", bounded so long lines stay linear.
    const from = Math.max(Math.min(sentenceSpan.start, t.span.start), t.span.start - 600);
    const to = Math.min(Math.max(sentenceSpan.end, t.span.end), t.span.end + 600);
    const sentence = t.sentence ?? text.slice(from, to);
    const equivalence = (): { bounds: boolean } | undefined => {
      const para = layout.paragraphAt(t.span.start);
      return equivalenceContext((t.sentence ?? '') + ' ' + text.slice(Math.max(para.start, t.span.start - 1500), Math.min(Math.max(para.end, t.span.end), t.span.end + 600)));
    };
    const r = judgeTest(t, { sentence, paperMentionsOneTailed, declaredOneTailed: declaredOneTailedBefore(declarations, t.span.start), equivalence });
    if (r?.finding) findings.push(r.finding);
    if (r?.note) findings.push(r.note);
    if (r?.verified) verified.push(r.verified);
    if (r?.undecided) undecided.push(r.undecided);
  }
  return { findings, verified, undecided };
}

export const P_VALUE_RULE = { id: 'p-value', title: 'p-value vs test statistic', description: 'The reported p-value does not match the test statistic and its degrees of freedom (statcheck).', defaultSeverity: 'error' } as const;

export const P_DECISION_RULE = { id: 'p-decision', title: 'Significance flips', description: 'The p-value the test statistic gives is on the other side of .05 from the reported one (statcheck decision error).', defaultSeverity: 'error' } as const;

export const P_RANGE_RULE = { id: 'p-range', title: 'Impossible p-value', description: 'A p-value written as negative, above 1 or below 0: a p-value is a probability between 0 and 1.', defaultSeverity: 'error' } as const;

export const P_ZERO_RULE = { id: 'p-zero', title: 'p-value written as zero', description: 'A p-value written as p = .000 or p < .000, which APA style writes as p < .001 because no p-value is zero.', defaultSeverity: 'info' } as const;

export const pValueCheck: CheckModule = {
  name: 'p-value',
  title: 'p-value vs test statistic',
  description:
    'Recomputes the p-value of a t, F, chi-square, z, r or Q statistic from its degrees of freedom, across the rounding of both, as statcheck does; reads one-tailed declarations made earlier in the paper and the one-sided p-values of equivalence tests (TOST).',
  kinds: [P_VALUE_RULE, P_DECISION_RULE, P_RANGE_RULE, P_ZERO_RULE],
  shapes: [
    { name: 't test', example: 't(18) = 2.9, p = .010' },
    { name: 'F test', example: 'F(2, 40) = 5.1, p < .05' },
    { name: 'statistic given as a bound', example: 'F(1, 36) < 1, ns' },
    { name: 'chi-square in its spellings', example: 'x2(2, N = 61) = 6.3, p = .043 (also χ², X2, chi_2, chi-square)' },
    { name: 'heterogeneity Q with a tag', example: 'Qbetween(3) = 9.0, p = .029 (also Qw, Q-within)' },
    { name: 'p in scientific notation', example: 't(9) = 6.1, p = 1.8 × 10^-4 (also 1.8e-4, in table cells too)' },
    { name: 'table of tests', example: 'columns t, df, p (or F, df1, df2, p)' },
    { name: 'one-tailed declared earlier', example: '"All tests were one-sided." … t(30) = 1.9, p = .034' },
    { name: 'equivalence test (TOST)', example: 'equivalence bounds of −0.4 and 0.4 … t(60) = 2.5, p = .008 (one-sided)' },
  ],
  leavesAlone: [
    'Tests without degrees of freedom (except z).',
    'p-values with a subscript saying they were adjusted, permuted or bootstrapped, and corrected p-values above the raw one (Bonferroni, Holm, FDR).',
    'A one-tailed reading mentioned only after the test is a warning, not accepted.',
    'Equivalence-test p-values that match neither one-sided test are left undecided unless the bounds are stated.',
  ],
  run: checkPValues,
};
