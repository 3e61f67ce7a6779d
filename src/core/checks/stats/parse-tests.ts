// Finds null-hypothesis tests reported in running text, APA style and its common variants:
// "t(28) = 2.10, p = .045", "t_28 = 2.10", "F(2, 57) = 3.4, p < .05", "χ^2(1, N = 120) = 4.2,
// p = .04", "r(48) = .31, p = .03", "z = 1.96, p = .05", "Q(df = 3) = 8.1, p = .04", "ns"; the
// statistic may be given as a bound ("F(1, 28) < 1"), the chi-square spelled x2, X2, chi_2 or
// chi-square, Q with a within/between tag, and p in scientific notation ("6.97 × 10^-3", "7e-3").
// Each anchor is parsed with sticky patterns over a bounded window, so the scan is linear.

import { parseReported } from '../../numbers.ts';
import type { ReportedNumber } from '../../numbers.ts';
import type { TextSpan } from '../../types.ts';
import type { TestType } from './distributions.ts';

export type Relation = '=' | '<' | '>';

export interface ReportedP {
  relation: Relation;
  /** Undefined for "ns" / "n.s.". */
  value?: ReportedNumber;
  /** The p-value as written ("p = .045", "ns"). */
  text: string;
  /** What gets underlined: the number, or "ns". */
  span: TextSpan;
  /** A subscript on p that says how it was computed ("one-sided", "adj", "Holm"). */
  subscript: string;
}

export interface ReportedTest {
  type: TestType;
  /** How the statistic was given: "F(1, 28) < 1" is a bound, not a value. */
  statRelation: Relation;
  /** The statistic's name as written ("t", "F", "χ^2"). */
  name: string;
  df1?: number;
  df2?: number;
  /** Degrees of freedom as written ("28", "2, 57", "1, N = 120"), '' for z. */
  dfText: string;
  stat: ReportedNumber;
  p: ReportedP;
  /** From the statistic's name to the end of the p-value. */
  span: TextSpan;
}

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)`;
const MINUS = '[-\u2212\u2013]';

// The statistic's name, not preceded by a letter, digit, underscore, backslash or caret.
// Q may carry a within/between tag (Qw, Q-within, Q_b, Qbetween); chi-square is also written
// x2, X2, Χ2 (Greek capital), chi2, chi_2 and chi-square(d).
const Q_TAG = String.raw`(?:\s?-?\s?(?:within|between|w|b)|_\{?(?:within|between|w|b)\}?)?`;
const CHI = String.raw`(?:χ|Χ|X|x)\s?(?:\^\s?\{?2\}?|²|2|_\{?2\}?)|[Cc]hi[- _]?(?:[Ss]quare[d]?|\^?\{?2\}?|_\{?2\}?)`;
const ANCHOR = new RegExp(
  String.raw`(?<![\p{L}\p{N}_\\^'’.])(?:(t|F|r|z|Z|Q${Q_TAG})|(${CHI}))(?=[\s({_=<>≤≥\u200b]|$)`,
  'gu',
);

const DF_PAREN = /\s?\(\s*([^()]{1,60}?)\s*\)/y;
const DF_SUB_BRACED = /\s?_\s?\{\s*([^{}\n]{1,40}?)\s*\}/y;
const DF_SUB_PLAIN = /\s?_\s?(\d+(?:\.\d+)?(?:\s?,\s?\d+(?:\.\d+)?)?)(?![\d.])/y;
const STAT_VALUE = new RegExp(String.raw`\s*(=|<|>|≤|≥|<=|>=)\s*(${MINUS}\s?)?(${NUM})(?![\d\p{L}])`, 'uy');
const DF_AFTER = new RegExp(String.raw`\s*[,;]\s*d\.?f\.?\s*=\s*(\d+(?:\.\d+)?(?:\s*,\s*\d+(?:\.\d+)?)?)(?![\d.])`, 'y');
const SEPARATOR = /\s*\)?\s*[,;:]?\s*(?:\(\s*)?/y;
// A negative p is captured too, so that it can be reported as impossible.
const P_VALUE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])p(?:\s?_\s?(?:\{([^{}\n]{1,30})\}|([\p{L}][\p{L}\-]{0,19})))?\s*(=|<|>|≤|≥|<=|>=|⩽|⩾)\s*(${MINUS}\s?)?((?:\d+(?:\.\d+)?|\.\d+)(?:\s*[×x·]\s*10\s?\^\s?\{?${MINUS}?\d+\}?|[eE]${MINUS}?\d+)?)(?![\d])`,
  'uy',
);
const NS = /(?:n\.\s?s\.|ns)(?![\p{L}\p{N}])/uy;
// An item reported between the statistic and p: an effect size, an SE, a CI.
const BETWEEN = new RegExp(
  String.raw`(?:(?![pP]\s*[=<>≤≥])[^\s=,;()\[\]]{1,15}\s*=\s*${MINUS}?\s?${NUM}%?|(?:\d{2}(?:\.\d)?\s?%\s?)?CI\s*[=:]?\s*[\[(][^\[\]()\n]{1,40}[\])])\s*[,;]\s*`,
  'uy',
);

function stickyAt(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

function typeOf(simple: string | undefined): TestType {
  if (simple === undefined) return 'chi2';
  if (simple === 'Z') return 'z';
  if (simple.startsWith('Q')) return 'Q';
  return simple as TestType;
}

function relationOf(rel: string): Relation {
  if (rel === '=') return '=';
  return rel === '<' || rel === '≤' || rel === '<=' || rel === '⩽' ? '<' : '>';
}

const DF_NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const ONE_DF = new RegExp(String.raw`^(?:d\.?f\.?\s*=\s*)?${DF_NUMBER}(?:\s*[,;]\s*[Nn]\s*=\s*[\d,]+)?$`);
const TWO_DF = new RegExp(String.raw`^(?:d\.?f\.?\s*=\s*)?(\d+(?:\.\d+)?)\s*[,;]\s*(?:d\.?f\.?\s*=\s*)?${DF_NUMBER}$`);

function num(s: string): number {
  return Number(s.replace(/,/g, ''));
}

/** Degrees of freedom from what stood in the brackets or subscript; undefined if unreadable. */
export function parseDf(type: TestType, content: string): { df1: number; df2?: number } | undefined {
  // A letter l where the digit 1 belongs is a common typesetting or OCR slip ("F(l, 76)").
  const c = content.replace(/[\s\u200b]+/g, ' ').trim().replace(/(^|[,;=] ?)l(?= ?[,;]|$)/, '$11');
  if (type === 'F') {
    const m = TWO_DF.exec(c);
    if (!m) return undefined;
    const df1 = num(m[1]);
    const df2 = num(m[2]);
    return df1 > 0 && df2 > 0 ? { df1, df2 } : undefined;
  }
  const m = ONE_DF.exec(c);
  if (!m) return undefined;
  const df1 = num(m[1]);
  return df1 > 0 ? { df1 } : undefined;
}

/** The p-value that follows a statistic at `pos`, allowing up to two items in between. */
export function parsePAfter(s: string, pos: number): { p: ReportedP; end: number } | undefined {
  const sep = stickyAt(SEPARATOR, s, pos);
  let at = sep ? sep.index + sep[0].length : pos;
  for (let skipped = 0; skipped <= 2; skipped++) {
    const pm = stickyAt(P_VALUE, s, at);
    if (pm) {
      const numText = pm[5];
      const numStart = pm.index + pm[0].length - numText.length;
      const parsed = parseReported(numText, numStart);
      if (!parsed) return undefined;
      const signStart = numStart - (pm[4]?.length ?? 0);
      const value: ReportedNumber = pm[4] ? { ...parsed, value: -parsed.value, text: s.slice(signStart, parsed.end), start: signStart } : parsed;
      const relation = relationOf(pm[3]);
      return {
        p: { relation, value, text: pm[0], span: { start: value.start, end: value.end }, subscript: pm[1] ?? pm[2] ?? '' },
        end: pm.index + pm[0].length,
      };
    }
    const ns = stickyAt(NS, s, at);
    if (ns) {
      return { p: { relation: '>', text: ns[0], span: { start: ns.index, end: ns.index + ns[0].length }, subscript: '' }, end: ns.index + ns[0].length };
    }
    const between = stickyAt(BETWEEN, s, at);
    if (!between) return undefined;
    at = between.index + between[0].length;
  }
  return undefined;
}

/** Every complete test (statistic, df where the test has them, p) in `s`. */
export function findTests(s: string): ReportedTest[] {
  const out: ReportedTest[] = [];
  for (const a of s.matchAll(ANCHOR)) {
    const test = parseTestAt(s, a.index, a[0], typeOf(a[1]));
    if (test) out.push(test);
  }
  return out;
}

function parseTestAt(s: string, start: number, name: string, type: TestType): ReportedTest | undefined {
  let pos = start + name.length;
  let dfText = '';
  const dfm = stickyAt(DF_PAREN, s, pos) ?? stickyAt(DF_SUB_BRACED, s, pos) ?? stickyAt(DF_SUB_PLAIN, s, pos);
  if (dfm) {
    dfText = dfm[1];
    pos = dfm.index + dfm[0].length;
  }
  const vm = stickyAt(STAT_VALUE, s, pos);
  if (!vm) return undefined;
  const statRelation = relationOf(vm[1]);
  const numStart = vm.index + vm[0].length - vm[3].length;
  const parsed = parseReported(vm[3], numStart);
  if (!parsed) return undefined;
  const negative = Boolean(vm[2]);
  const signStart = numStart - (vm[2]?.length ?? 0);
  const stat: ReportedNumber = negative ? { ...parsed, value: -parsed.value, text: s.slice(signStart, parsed.end), start: signStart } : parsed;
  pos = vm.index + vm[0].length;
  if (!dfText && type !== 'z') {
    const after = stickyAt(DF_AFTER, s, pos);
    if (!after) return undefined;
    dfText = after[1];
    pos = after.index + after[0].length;
  }
  let df: { df1: number; df2?: number } | undefined;
  if (type !== 'z' || dfText) {
    if (type === 'z') return undefined;
    df = parseDf(type, dfText);
    if (!df) return undefined;
  }
  if (type === 'r' && Math.abs(stat.value) > 1) return undefined;
  if ((type === 'F' || type === 'chi2' || type === 'Q') && stat.value < 0) return undefined;
  const pm = parsePAfter(s, pos);
  if (!pm) return undefined;
  return { type, statRelation, name: name.replace(/\s+/g, ''), df1: df?.df1, df2: df?.df2, dfText, stat, p: pm.p, span: { start, end: pm.end } };
}
