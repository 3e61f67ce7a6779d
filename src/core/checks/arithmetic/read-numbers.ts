// findNumbers from numbers.ts, with a fast path for the plain numbers that make up nearly all of
// a paper ("12", "3.25", "-0.4", "30%"): no regex replace or split per number. Anything with
// thousands separators or an exponent goes through parseReported, so the grammar and the
// parsing stay numbers.ts's own; a differential test keeps the two in step.

import { commaStyle, integerPart, isCommaBody, acceptComma, numberRegex, parseReported, type DecimalCommas, type ReportedNumber } from '../../numbers.ts';

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Plain decimal digits with at most one point: the fast path's whole domain. */
function plainBody(body: string): boolean {
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (!isDigit(c) && c !== 46) return false;
  }
  return true;
}

function fromPlain(m: RegExpMatchArray, start: number): ReportedNumber | undefined {
  const whole = m[0];
  const sign = m[1];
  const body = m[2];
  const dot = body.indexOf('.');
  const intEnd = dot < 0 ? body.length : dot;
  let value = Number(body);
  if (sign) value = -value;
  if (!Number.isFinite(value)) return undefined;
  const decimals = dot < 0 ? 0 : body.length - dot - 1;
  let trailingZeros = 0;
  if (decimals === 0) {
    let k = intEnd;
    while (k > 0 && body.charCodeAt(k - 1) === 48) k--;
    // All zeros ("0", "000") has no non-zero digit: no trailing zeros, as in fromMatch.
    trailingZeros = k > 0 ? intEnd - k : 0;
  }
  return { text: whole, start, end: start + whole.length, value, decimals, exponent: 0, trailingZeros, percent: Boolean(m[5]) };
}

/**
 * Every number in `text`, with spans offset by `offset`: the same as findNumbers(text, offset,
 * decimalCommas). A sign counts only when written ("−0.3", "= − 0.3"), never a range's dash.
 */
export function readNumbersFast(text: string, offset = 0, decimalCommas: DecimalCommas = undefined): ReportedNumber[] {
  const out: ReportedNumber[] = [];
  const commas = commaStyle(text, decimalCommas);
  for (const m of text.matchAll(numberRegex())) {
    const start = offset + m.index;
    const last = m[0].charCodeAt(m[0].length - 1);
    const plain = m[3] === undefined && m[4] === undefined && last !== 32 && last > 13 && plainBody(m[2]) && (m[1] === undefined || m[1].length === 1);
    let n: ReportedNumber | undefined;
    if (plain) n = fromPlain(m, start);
    else if (isCommaBody(m[2])) n = acceptComma(m, commas) ? parseReported(m[0], start, true) : integerPart(m, start);
    else n = parseReported(m[0], start);
    if (n) out.push(n);
  }
  return out;
}
