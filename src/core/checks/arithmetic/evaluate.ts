// mathjs parses every expression it evaluates, which costs far more than the arithmetic. The
// checks ask the same few unit questions over and over ("does ng/kg/day × kg make ng/day?"), so
// results are kept by expression text. Pure functions of their arguments: safe to share.

import { convertUnit, tryEvaluate, type Evaluated } from '../../math.ts';

const MAX_ENTRIES = 4096;
const evaluated = new Map<string, Evaluated | undefined>();
const converted = new Map<string, number | undefined>();

function remember<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, value);
  return value;
}

/** tryEvaluate, remembered by expression and target unit. */
export function evaluateCached(expression: string, targetUnit?: string): Evaluated | undefined {
  return remember(evaluated, `${expression}\u0000${targetUnit ?? ''}`, () => tryEvaluate(expression, targetUnit));
}

/** The factor that converts unit `from` to unit `to`, or undefined when they do not convert. */
export function unitFactor(from: string, to: string): number | undefined {
  return remember(converted, `${from}\u0000${to}`, () => convertUnit(1, from, to));
}
