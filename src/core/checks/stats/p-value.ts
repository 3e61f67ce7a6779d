// statcheck-class check: the p-value a test statistic and its degrees of freedom give, against
// the p-value reported with them. Rounding of both the statistic and p is respected; "p = .000"
// means p < .0005; one-tailed readings are accepted when the sentence says so.

import { halfUnit } from '../../numbers.ts';
import type { CheckOutput, PaperText, RawFinding, RawVerified, Severity } from '../../types.ts';
import { hasTails, pValue } from './distributions.ts';
import { findTests } from './parse-tests.ts';
import type { ReportedP, ReportedTest } from './parse-tests.ts';
import { describeP, formatP, sig3 } from './p-format.ts';
import { findTableTests } from './table-tests.ts';
import { statsContext } from './context.ts';
import { collapse } from './text-util.ts';
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
  if (p.relation === '<') return [0, v];
  if (p.relation === '>') return [v, 1];
  // "p = .000" (and any p written as zero) means p below half a unit of the last digit.
  if (v === 0) return [0, halfUnit(p.value)];
  const h = halfUnit(p.value);
  return [Math.max(0, v - h), Math.min(1, v + h)];
}

/** The p-values the statistic gives across its rounding interval, and at its reported value. */
export function computedInterval(test: ReportedTest, tails: 1 | 2): { lo: number; hi: number; mid: number } {
  const x = Math.abs(test.stat.value);
  const h = halfUnit(test.stat);
  const params = { type: test.type, df1: test.df1, df2: test.df2 };
  const small = Math.max(0, x - h);
  const large = test.type === 'r' ? Math.min(1, x + h) : x + h;
  return { lo: pValue(params, large, tails), hi: pValue(params, small, tails), mid: pValue(params, x, tails) };
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
  if (t.type === 'z') return `${name} = ${t.stat.text}`;
  const df = t.df2 !== undefined ? `${t.df1}, ${t.df2}` : `${t.df1}`;
  return `${name}(${df}) = ${t.stat.text}`;
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
  return `${testLabel(t)} → p = ${sig3(c.mid)} (${tail})${via}; the statistic rounds from [${Math.max(0, x - h).toFixed(d)}, ${(x + h).toFixed(d)}], giving p in [${sig3(c.lo)}, ${sig3(c.hi)}]`;
}

/**
 * One check of a reported test. Exported for the table path and tests. Whether the paper mentions
 * one-tailed tests matters only for an inconsistent result, so it may be given as a function that
 * is called then (scanning the whole paper for every consistent test would be wasted).
 */
export function judgeTest(t: LocatedTest, sentence: string, paperMentionsOneTailed: boolean | (() => boolean)): { finding?: RawFinding; verified?: RawVerified } | undefined {
  const sub = t.p.subscript.toLowerCase();
  const subOneTailed = ONE_TAILED.test(sub);
  // A p with another subscript (adjusted, permutation, bootstrap) does not come from the statistic alone.
  if (sub && !subOneTailed && !TWO_TAILED.test(sub)) return undefined;
  const rep = reportedInterval(t.p);
  const two = computedInterval(t, 2);
  if (!Number.isFinite(two.lo) || !Number.isFinite(two.hi)) return undefined;
  const claim = collapse(t.claimText);
  const base = { claim, span: t.p.span };
  if (overlaps(rep, two.lo, two.hi)) {
    return { verified: { kind: 'p-value', claim, working: working(t, 2, two), span: t.p.span } };
  }
  const canOneTail = hasTails(t.type);
  const one = canOneTail ? computedInterval(t, 1) : undefined;
  const oneFits = one !== undefined && overlaps(rep, one.lo, one.hi);
  const stated = subOneTailed || ONE_TAILED.test(sentence);
  if (oneFits && stated) {
    return { verified: { kind: 'p-value', claim, working: working(t, 1, one) + ' (one-tailed, as the text states)', span: t.p.span } };
  }
  // Corrected p-values are larger than the raw p the statistic gives.
  if (CORRECTED.test(sentence) && rep[0] > two.hi) return undefined;

  const mentionsOneTailed = oneFits && (typeof paperMentionsOneTailed === 'function' ? paperMentionsOneTailed() : paperMentionsOneTailed);
  const repSig = reportedSignificant(t.p);
  const compSig = computedSignificant(two.lo, two.hi);
  const decision = repSig !== undefined && compSig !== undefined && repSig !== compSig;
  const like = t.p.value?.text ?? '.05';
  const gives = describeP(two.mid, t.p.value?.decimals ?? 3, like);
  const label = testLabel(t);
  const tailWord = canOneTail ? ' (two-tailed)' : '';
  let message = `${label} gives ${gives}${tailWord}, not ${t.p.value ? (t.p.relation === '=' ? t.p.value.text : reportedText(t.p)) : 'ns'}`;
  if (decision) message += compSig ? ': the result is significant at .05, not non-significant as reported' : ': the result is not significant at .05, though reported as significant';
  if (oneFits) message += `; the reported p matches a one-tailed test, which ${mentionsOneTailed ? 'this sentence does not state' : 'the paper does not state'}`;
  message += '.';
  let severity: Severity = 'error';
  if (mentionsOneTailed) severity = 'warning';
  const explanation =
    `${describeTest(t)} corresponds to a ${canOneTail ? 'two-tailed ' : ''}${gives}, ` +
    `so the reported ${reportedText(t.p)} cannot come from the statistic and its degrees of freedom as printed; one of the three is likely mistyped (the statcheck check).`;
  let suggestion: string | undefined;
  // Only when every value the rounded statistic could stand for gives the same p at the reported precision.
  if (t.p.value && t.p.relation === '=' && !oneFits) {
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
  const c = statsContext(paper);
  const text = c.text;
  const layout = c.layout;
  let mentionsOneTailed: boolean | undefined;
  const paperMentionsOneTailed = (): boolean => (mentionsOneTailed ??= ONE_TAILED.test(text));
  const tests: LocatedTest[] = [];
  for (const t of findTests(text)) tests.push({ ...t, claimText: paper.text.slice(t.span.start, t.span.end) });
  for (const t of findTableTests(paper)) tests.push(t);
  for (const t of tests) {
    const sentenceSpan = layout.sentenceAt(t.span.start);
    // A window of the sentence: enough for "one-tailed" or "Bonferroni", bounded so long lines stay linear.
    const from = Math.max(Math.min(sentenceSpan.start, t.span.start), t.span.start - 600);
    const to = Math.min(Math.max(sentenceSpan.end, t.span.end), t.span.end + 600);
    const sentence = t.sentence ?? text.slice(from, to);
    const r = judgeTest(t, sentence, paperMentionsOneTailed);
    if (r?.finding) findings.push(r.finding);
    if (r?.verified) verified.push(r.verified);
  }
  return { findings, verified };
}

export const P_VALUE_RULE = { id: 'p-value', title: 'p-value vs test statistic', description: 'The reported p-value does not match the test statistic and its degrees of freedom (statcheck).', defaultSeverity: 'error' } as const;

export const P_DECISION_RULE = { id: 'p-decision', title: 'Significance flips', description: 'The p-value the test statistic gives is on the other side of .05 from the reported one (statcheck decision error).', defaultSeverity: 'error' } as const;

export const pValueCheck: CheckModule = {
  name: 'p-value',
  title: 'p-value vs test statistic',
  description: 'Recomputes the p-value of a t, F, chi-square, z or r statistic from its degrees of freedom.',
  kinds: [P_VALUE_RULE, P_DECISION_RULE],
  shapes: [
    { name: 't test', example: 't(18) = 2.9, p = .010' },
    { name: 'F test', example: 'F(2, 40) = 5.1, p < .05' },
  ],
  leavesAlone: [
    'Tests without degrees of freedom.',
  ],
  run: checkPValues,
};
