// Interval arithmetic for recomputing with rounded inputs: each reported number stands for every
// value that rounds to it, so a result is an interval too.

export type Interval = [number, number];

export function add(a: Interval, b: Interval): Interval {
  return [a[0] + b[0], a[1] + b[1]];
}

export function sub(a: Interval, b: Interval): Interval {
  return [a[0] - b[1], a[1] - b[0]];
}

export function mul(a: Interval, b: Interval): Interval {
  const p = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]];
  return [Math.min(...p), Math.max(...p)];
}

/** undefined when the divisor's interval contains zero. */
export function div(a: Interval, b: Interval): Interval | undefined {
  if (b[0] <= 0 && b[1] >= 0) return undefined;
  return mul(a, [1 / b[1], 1 / b[0]]);
}

export function scale(a: Interval, k: number): Interval {
  return k >= 0 ? [a[0] * k, a[1] * k] : [a[1] * k, a[0] * k];
}

export function sum(list: Interval[]): Interval {
  return list.reduce(add, [0, 0]);
}
