// Numbers as reported: the string is kept so its precision survives, and every comparison is
// made across the rounding interval of what was written (as statcheck and scrutiny do).

import type { TextSpan } from './types.ts';

export interface ReportedNumber extends TextSpan {
  /** Exactly as written, e.g. "42,000", ".045", "−3.2", "1.5 × 10^6". */
  text: string;
  value: number;
  /** Digits after the decimal point ("65.40" → 2; "42,000" → 0). */
  decimals: number;
  /** Power of ten the mantissa was multiplied by ("1.5 × 10^6" → 6), 0 for plain numbers. */
  exponent: number;
  /** Trailing zeros of an integer part with no decimals ("42,000" → 3): they may not be significant. */
  trailingZeros: number;
  /** Followed by a percent sign. */
  percent: boolean;
}

// Thousands separators: comma, thin space, narrow no-break space, no-break space.
const GROUP = '[,\\u2009\\u202f\\u00a0]';
const MINUS = '[-\\u2212\\u2013]';
// Exponent forms the extractors produce: "× 10^6", "x 10^{-3}", "·10^6", "e-3", "E6".
const EXP = `(?:\\s*[×x·*]\\s*10\\^\\{?(${MINUS}?\\d+)\\}?|[eE](${MINUS}?\\d+)(?![\\w.]))`;
const NUMBER_SOURCE =
  // Not inside a word or another number; not a label like "BDE-209" or "COVID-19".
  `(?<![\\w.,\\u2009\\u202f\\u00a0^]|[A-Za-z][-\\u2013])(${MINUS})?` +
  `((?:\\d{1,3}(?:${GROUP}\\d{3})+|\\d+)(?:\\.\\d+)?|\\.\\d+)` +
  `(?![\\d])(?:${EXP})?(\\s*%)?`;

/** A fresh global regex over numbers (fresh each call so lastIndex is never shared). */
export function numberRegex(): RegExp {
  return new RegExp(NUMBER_SOURCE, 'g');
}

function normaliseMinus(s: string): string {
  return s.replace(/[\u2212\u2013]/g, '-');
}

/** Parses one number as written. Returns undefined if `text` is not a single number. */
const WHOLE_NUMBER = new RegExp(`^\\s*${NUMBER_SOURCE}\\s*$`);
const GROUP_GLOBAL = new RegExp(GROUP, 'g');

export function parseReported(text: string, offset = 0): ReportedNumber | undefined {
  const m = WHOLE_NUMBER.exec(text);
  if (!m) return undefined;
  return fromMatch(m, text.trim(), offset + (text.length - text.trimStart().length));
}

/** Every number in `text`, with spans offset by `offset`. */
export function findNumbers(text: string, offset = 0): ReportedNumber[] {
  const out: ReportedNumber[] = [];
  for (const m of text.matchAll(numberRegex())) {
    const n = fromMatch(m, m[0], offset + m.index);
    if (n) out.push(n);
  }
  return out;
}

function fromMatch(m: RegExpMatchArray, whole: string, start: number): ReportedNumber | undefined {
  const [, sign, body, expA, expB, pct] = m;
  const digits = body.replace(GROUP_GLOBAL, '');
  const [intPart, fracPart = ''] = digits.split('.');
  const exponent = Number(normaliseMinus(expA ?? expB ?? '0'));
  let value = Number(`${digits}e${exponent}`);
  if (sign) value = -value;
  if (!Number.isFinite(value)) return undefined;
  const trimmed = whole.replace(/\s+$/, '');
  return {
    text: trimmed,
    start,
    end: start + trimmed.length,
    value,
    decimals: fracPart.length,
    exponent,
    trailingZeros: fracPart.length === 0 && /[1-9]/.test(intPart) ? intPart.length - intPart.replace(/0+$/, '').length : 0,
    percent: Boolean(pct),
  };
}

/** Half a unit in the last reported digit, in the number's own scale. */
export function halfUnit(n: Pick<ReportedNumber, 'decimals' | 'exponent'>): number {
  return 0.5 * 10 ** (n.exponent - n.decimals);
}

/**
 * The values that round to what was written. `loose` also treats an integer's trailing zeros as
 * possibly not significant ("42,000" may be 41,500..42,500), which keeps ambiguous cases out of errors.
 */
export function roundingInterval(n: ReportedNumber, loose = false): [number, number] {
  let h = halfUnit(n);
  if (loose && n.trailingZeros > 0) h = 0.5 * 10 ** (n.exponent + n.trailingZeros);
  const abs = Math.abs(n.value);
  const lo = abs - h;
  const hi = abs + h;
  return n.value < 0 ? [-hi, -lo] : [lo, hi];
}

/** Relative slack for binary floating point so 0.1 + 0.2 "rounds to" 0.3. */
const EPS = 1e-9;

/** True when `exact` rounds to the reported number at the precision it was written with. */
export function roundsTo(n: ReportedNumber, exact: number, loose = false): boolean {
  const [lo, hi] = roundingInterval(n, loose);
  const slack = EPS * Math.max(1, Math.abs(exact));
  return exact >= lo - slack && exact <= hi + slack;
}

/**
 * Whether some value in [lo, hi] rounds to the reported number: used when the inputs were rounded
 * too, so the recomputed result is itself an interval.
 */
export function intervalMeets(n: ReportedNumber, lo: number, hi: number, loose = false): boolean {
  const [rlo, rhi] = roundingInterval(n, loose);
  const slack = EPS * Math.max(1, Math.abs(lo), Math.abs(hi));
  return hi >= rlo - slack && lo <= rhi + slack;
}

/** Formats `value` at the precision and in the style the reported number was written in. */
export function formatLike(n: ReportedNumber, value: number): string {
  const scaled = value / 10 ** n.exponent;
  let s = Math.abs(scaled).toFixed(n.decimals);
  const sep = /\d([,\u2009\u202f\u00a0])\d{3}/.exec(n.text)?.[1];
  if (sep) {
    const [i, f] = s.split('.');
    s = i.replace(/\B(?=(\d{3})+(?!\d))/g, sep) + (f !== undefined ? '.' + f : '');
  }
  // Keep a leading-dot style (".045") when that is how the paper writes p-values and correlations.
  if (/^[-\u2212\u2013]?\./.test(n.text) && s.startsWith('0.')) s = s.slice(1);
  const minus = /^([-\u2212\u2013])/.exec(n.text)?.[1] ?? '-';
  if (scaled < 0 && Number(s.replace(/[^\d.]/g, '')) !== 0) s = minus + s;
  if (n.exponent !== 0) {
    const expText = /10\^\{?[-\u2212\u2013]?\d+\}?|[eE][-\u2212\u2013]?\d+/.exec(n.text)?.[0] ?? `e${n.exponent}`;
    const mantissaEnd = n.text.indexOf(expText);
    const between = mantissaEnd > 0 ? n.text.slice(n.text.search(/[\s×x·*eE]/), mantissaEnd) : '';
    s = s + between + expText;
  }
  return n.percent ? s + '%' : s;
}

/** Formats a plain recomputed value for messages: up to `digits` significant decimals, no noise. */
export function formatValue(value: number, maxDecimals = 4): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toFixed(maxDecimals));
  return rounded.toLocaleString('en-US', { maximumFractionDigits: maxDecimals, useGrouping: Math.abs(rounded) >= 10000 });
}
