// Recomputes a model's arithmetic claim with the locked mathjs instance. The model proposes; only
// evaluateExpression decides. Inputs with decimals are treated as rounded (as the paper printed them),
// so a result counts as consistent when any value the inputs could have had rounds to the reported one.

import { evaluateExpression, type Evaluated } from '../math.ts';
import { findNumbers, formatLike, formatValue, intervalMeets, type ReportedNumber } from '../numbers.ts';

export type Verdict =
  /** mathjs agrees the reported number is wrong. */
  | { status: 'confirmed'; value: number; recomputed: string; working: string }
  /** mathjs says the reported number is right: the model was wrong. */
  | { status: 'consistent'; value: number; working: string }
  /** Nothing to recompute, or mathjs would not evaluate it. */
  | { status: 'unverifiable'; reason: string };

const MAX_ROUNDED_INPUTS = 8;
// Decimal literals, not exponents ("10^6") and not parts of names.
const DECIMAL_LITERAL = /(?<![\w.^])(\d+\.\d+|\.\d+)(?![\d.])/g;

function normaliseUnit(unit: string): string {
  return unit.replace(/[\u00b5\u03bc]/g, 'u').replace(/\s+/g, ' ').trim();
}

function evaluate(expression: string, unit: string): Evaluated {
  const first = evaluateExpression(expression);
  if (!first.unit) {
    if (unit) throw new Error(`the expression has no unit but the reported value is in ${unit}`);
    return first;
  }
  if (!unit) throw new Error(`the expression gives ${first.unit} but the reported value has no unit`);
  return evaluateExpression(expression, unit);
}

/** [min, max] of the expression over the corners of its rounded decimal inputs. */
function roundedRange(expression: string, unit: string, central: number): [number, number] {
  const literals = [...expression.matchAll(DECIMAL_LITERAL)];
  if (literals.length === 0 || literals.length > MAX_ROUNDED_INPUTS) return [central, central];
  let lo = central;
  let hi = central;
  for (let mask = 0; mask < 1 << literals.length; mask++) {
    let out = '';
    let last = 0;
    literals.forEach((m, i) => {
      const text = m[1];
      const decimals = text.length - text.indexOf('.') - 1;
      const half = 0.5 * 10 ** -decimals;
      const v = Number(text) + (mask & (1 << i) ? half : -half);
      out += expression.slice(last, m.index) + String(v);
      last = m.index + text.length;
    });
    out += expression.slice(last);
    try {
      const v = evaluate(out, unit).value;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    } catch {
      // A corner that does not evaluate (e.g. sqrt of a negative) widens nothing.
    }
  }
  return [lo, hi];
}

/**
 * Checks `reported` (the paper's number, as printed) against `expression`. `unit` is the unit the
 * reported number is written in, if any ("ug/day").
 */
export function verifyClaim(expression: string | null, reported: ReportedNumber | undefined, unit = ''): Verdict {
  if (!expression) return { status: 'unverifiable', reason: 'no expression to recompute' };
  if (!reported) return { status: 'unverifiable', reason: 'the reported number is not in the quote' };
  const target = normaliseUnit(unit);
  let central: Evaluated;
  try {
    central = evaluate(expression, target);
  } catch (e) {
    return { status: 'unverifiable', reason: `mathjs could not evaluate it (${(e as Error).message})` };
  }
  const [lo, hi] = roundedRange(expression, target, central.value);
  const working = `${expression} = ${formatValue(central.value)}${central.unit ? ` ${central.unit}` : ''}`;
  // A percentage may be recomputed as a fraction or as a percentage.
  const scales = reported.percent && !target ? [1, 100] : [1];
  for (const s of scales) {
    if (intervalMeets(reported, Math.min(lo * s, hi * s), Math.max(lo * s, hi * s), true)) {
      return { status: 'consistent', value: central.value * s, working };
    }
  }
  const value = scales.map((s) => central.value * s).reduce((best, v) => (Math.abs(v - reported.value) < Math.abs(best - reported.value) ? v : best));
  return { status: 'confirmed', value, recomputed: formatLike(reported, value), working };
}

// Conversion factors and small counts a recomputation may use without the paper printing them.
const FREE_CONSTANTS = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 24, 52, 60, 100, 365, 1000, 3600, 1e6, 1e9]);
// Numeric literals of an expression, exponents ("^2") excluded.
const LITERAL = /(?<![\w.^])(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?(?![\w.])/g;

const valueKey = (v: number) => Math.abs(v).toPrecision(10);

/** Every value printed in `text` (and its mantissa, and percent/fraction forms), for checking a model's inputs. */
export function printedValues(text: string): Set<string> {
  const out = new Set<string>();
  for (const n of findNumbers(text)) {
    for (const v of [n.value, n.value / 10 ** n.exponent]) {
      out.add(valueKey(v));
      out.add(valueKey(v / 100));
      out.add(valueKey(v * 100));
    }
  }
  return out;
}

/**
 * Inputs of the expression that are not among `known` (the numbers printed where the model pointed).
 * A recomputation from numbers printed elsewhere, or made up, confirms nothing.
 */
export function foreignInputs(expression: string, known: Set<string>): string[] {
  const out: string[] = [];
  for (const m of expression.matchAll(LITERAL)) {
    const v = Number(m[0]);
    if (!Number.isFinite(v) || FREE_CONSTANTS.has(v) || known.has(valueKey(v))) continue;
    out.push(m[0]);
  }
  return out;
}

/** The expression as a reader writes it: "(150 + 20) / 196 × 100". */
export function prettyExpression(expression: string): string {
  return expression.replace(/\s+/g, ' ').replace(/\s*\*\s*/g, ' × ').trim();
}
