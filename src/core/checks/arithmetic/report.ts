// Builds the findings and verified claims the arithmetic checks return.

import { formatLike, formatValue as formatValueIntl, type ReportedNumber } from '../../numbers.ts';
import type { FindingKind } from '../../rules.ts';
import type { PaperText, RawFinding, RawVerified, Severity, TextSpan } from '../../types.ts';
import { clip, spanText } from './context.ts';

export interface FindingParts {
  kind: FindingKind;
  severity: Severity;
  message: string;
  claimSpan: TextSpan;
  /** The wrong number. */
  span: TextSpan;
  reported: string;
  recomputed?: string;
  working: string;
  suggestion?: string;
  related?: TextSpan[];
  explanation?: string;
}

export function makeFinding(paper: PaperText, p: FindingParts): RawFinding {
  return {
    kind: p.kind,
    severity: p.severity,
    message: p.message,
    claim: clip(spanText(paper, p.claimSpan)),
    reported: p.reported,
    recomputed: p.recomputed,
    working: p.working,
    suggestion: inWords(paper, p.span, p.suggestion),
    explanation: p.explanation,
    span: { start: p.span.start, end: p.span.end },
    claimSpan: { start: p.claimSpan.start, end: p.claimSpan.end },
    related: (p.related ?? []).map((s) => ({ start: s.start, end: s.end })),
    origin: 'deterministic',
  };
}

/** A suggestion for a percentage written in words ("30 percent") keeps the word. */
function inWords(paper: PaperText, span: TextSpan, suggestion: string | undefined): string | undefined {
  if (!suggestion?.endsWith('%')) return suggestion;
  const word = /[ \t\u00a0]?(?:percent|per[ \t\u00a0]?cent)$/i.exec(paper.text.slice(span.start, span.end))?.[0];
  return word ? suggestion.slice(0, -1) + word : suggestion;
}

export function makeVerified(paper: PaperText, kind: FindingKind, claimSpan: TextSpan, working: string): RawVerified {
  return { kind, claim: clip(spanText(paper, claimSpan)), working, span: { start: claimSpan.start, end: claimSpan.end } };
}

/** Smallest span covering all of `spans`. */
export function cover(...spans: TextSpan[]): TextSpan {
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  return { start, end };
}

/** The number's digits without the percent sign, for mathjs expressions. */
export function plain(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(12)));
}

/** formatLike, but a number written in scientific notation keeps a mantissa between 1 and 10. */
export function formatResult(n: ReportedNumber, value: number): string {
  if (n.exponent === 0 || value === 0) return formatLike(n, value);
  const exp = Math.floor(Math.log10(Math.abs(value)));
  const mantissa = (value / 10 ** exp).toFixed(n.decimals);
  const expText = /10\^\{?[-\u2212\u2013]?\d+\}?|[eE][-\u2212\u2013]?\d+/.exec(n.text)?.[0] ?? '';
  const sep = /[eE]/.test(expText[0] ?? '') ? 'e' : n.text.slice(n.text.search(/[\s×x·*]/), n.text.indexOf(expText)) + '10^';
  return `${mantissa}${sep}${exp}${n.percent ? '%' : ''}`;
}

/**
 * formatValue with the same output, without Intl: toLocaleString builds a number formatter per
 * call, which made formatting verified claims the slowest part of the checks.
 */
export function formatValue(value: number, maxDecimals = 4): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toFixed(maxDecimals));
  const s = String(rounded);
  if (Object.is(rounded, -0) || s.includes('e')) return formatValueIntl(value, maxDecimals);
  if (Math.abs(rounded) < 10000) return s;
  const sign = s[0] === '-' ? '-' : '';
  const body = sign ? s.slice(1) : s;
  const dot = body.indexOf('.');
  const int = dot < 0 ? body : body.slice(0, dot);
  return sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (dot < 0 ? '' : body.slice(dot));
}
