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
// A sign: attached ("-0.3", "−0.3"), or a true minus sign (U+2212) set apart by a space where
// nothing before it could be subtracted from ("= − 0.3", "(− 0.3").
const SIGN = `${MINUS}|(?<=(?:^|[=(\\[:<>≈≤≥])\\s*)\u2212\\s`;
// A decimal comma ("68,7", "0,45") is tried first; whether it is one is decided from its context
// (see decimalCommaAt): otherwise only its integer part is read, as in a list "3,4".
const COMMA_DECIMAL = '\\d+,\\d{1,2}(?![\\d,])';
const NUMBER_SOURCE =
  // Not inside a word or another number; not a label like "BDE-209" or "COVID-19".
  `(?<![\\w.,\\u2009\\u202f\\u00a0^]|[A-Za-z][-\\u2013])(${SIGN})?` +
  `(${COMMA_DECIMAL}|(?:\\d{1,3}(?:${GROUP}\\d{3})+|\\d+)(?:\\.\\d+)?|\\.\\d+)` +
  `(?![\\d])(?:${EXP})?(\\s*%)?`;

/** A fresh global regex over numbers (fresh each call so lastIndex is never shared). */
export function numberRegex(): RegExp {
  return new RegExp(NUMBER_SOURCE, 'g');
}

function normaliseMinus(s: string): string {
  return s.replace(/[\u2212\u2013]/g, '-');
}

// Decimal commas. A comma with one or two digits after it cannot be a thousands separator, but it
// may separate a list or a pair ("3,4", "(0,1)", "[3,12]"). It is read as a decimal comma when a
// percent sign follows ("68,7%") or when the text around it writes decimals that way: at least two
// such numbers outside bracketed pairs, and more of them than numbers with a decimal point.
const COMMA_CANDIDATE = /(?<![\w.,\u2009\u202f\u00a0^])\d+,\d{1,2}(?![\d,])(\s*%)?/g;
const POINT_DECIMAL = /(?<![\w.])\d*\.\d+(?![\d.])/g;
const COMMA_BODY = /^\d+,\d{1,2}$/;

function bracketedPair(text: string, start: number, end: number): boolean {
  return /[([{]/.test(text[start - 1] ?? '') && /[)\]}]/.test(text[end] ?? '');
}

/** Whether `text` writes its decimals with a comma ("1,61; 95% CI 1,17-2,20"). */
export function usesDecimalCommas(text: string): boolean {
  let commas = 0;
  for (const m of text.matchAll(COMMA_CANDIDATE)) {
    if (m[1] || !bracketedPair(text, m.index, m.index + m[0].length)) commas++;
  }
  if (commas < 2) return false;
  let points = 0;
  POINT_DECIMAL.lastIndex = 0;
  while (POINT_DECIMAL.exec(text)) if (++points >= commas) return false;
  return true;
}

/**
 * How a reader decides decimal-comma candidates: `true` reads every one as a decimal (the paper
 * writes decimals so), `undefined` decides from the text being read.
 */
export type DecimalCommas = boolean | undefined;

/** The body of a match is a decimal-comma candidate ("68,7", not "1,500"). */
export function isCommaBody(body: string): boolean {
  return body.length <= 24 && COMMA_BODY.test(body);
}

/** Whether a candidate match is read as one decimal number; `commas` is the text's style, computed on demand. */
export function acceptComma(m: RegExpMatchArray, commas: () => boolean): boolean {
  return Boolean(m[5]) || commas();
}

/** Parses one number as written. Returns undefined if `text` is not a single number. */
const WHOLE_NUMBER = new RegExp(`^\\s*${NUMBER_SOURCE}\\s*$`);
const GROUP_GLOBAL = new RegExp(GROUP, 'g');
// A hyphen or dash and a space before a lone number ("- 0.3", as a pattern captured it) is a sign.
const SPACED_HYPHEN = /^\s*[-\u2013]\s(?=\.?\d)/;

export function parseReported(text: string, offset = 0, decimalCommas: DecimalCommas = undefined): ReportedNumber | undefined {
  const spaced = SPACED_HYPHEN.exec(text);
  if (spaced) {
    const n = parseReported(text.slice(spaced[0].length), offset + spaced[0].length, decimalCommas);
    if (!n || n.value < 0 || /^[-\u2212\u2013]/.test(n.text)) return undefined;
    const lead = text.length - text.trimStart().length;
    return { ...n, value: -n.value, text: text.trim(), start: offset + lead };
  }
  const m = WHOLE_NUMBER.exec(text);
  if (!m) return undefined;
  if (isCommaBody(m[2]) && !acceptComma(m, () => decimalCommas ?? false)) return undefined;
  return fromMatch(m, text.trim(), offset + (text.length - text.trimStart().length));
}

/** The text's decimal-comma style, computed at most once and only when a candidate is met. */
export function commaStyle(text: string, decimalCommas: DecimalCommas): () => boolean {
  let known = decimalCommas;
  return () => (known ??= usesDecimalCommas(text));
}

/** Every number in `text`, with spans offset by `offset`. */
export function findNumbers(text: string, offset = 0, decimalCommas: DecimalCommas = undefined): ReportedNumber[] {
  const out: ReportedNumber[] = [];
  const commas = commaStyle(text, decimalCommas);
  for (const m of text.matchAll(numberRegex())) {
    const n = isCommaBody(m[2]) && !acceptComma(m, commas) ? integerPart(m, offset + m.index) : fromMatch(m, m[0], offset + m.index);
    if (n) out.push(n);
  }
  return out;
}

/** A rejected decimal-comma candidate is read as what stands before its comma, as in a list "3,4". */
export function integerPart(m: RegExpMatchArray, start: number): ReportedNumber | undefined {
  const comma = m[0].indexOf(',', (m[1] ?? '').length);
  const head = m[0].slice(0, comma);
  const h = WHOLE_NUMBER.exec(head);
  return h ? fromMatch(h, head, start) : undefined;
}

function fromMatch(m: RegExpMatchArray, whole: string, start: number): ReportedNumber | undefined {
  const [, sign, rawBody, expA, expB, pct] = m;
  const body = isCommaBody(rawBody) ? rawBody.replace(',', '.') : rawBody;
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
  // A decimal comma stays a comma ("68,7%" → "68,5%").
  if (n.decimals > 0 && /^\D*\d+,\d{1,2}(?!\d)/.test(n.text)) s = s.replace('.', ',');
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
