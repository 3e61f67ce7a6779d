// The arithmetic of GRIM, GRIMMER and DEBIT (Brown & Heathers 2017; Anaya 2016; Heathers &
// Brown 2019): which means, percentages and SDs n integer (or 0/1) values can produce, across the
// rounding interval of the reported number (values ending in 5 may have been rounded up or down).

import { roundingInterval } from '../../numbers.ts';
import type { ReportedNumber } from '../../numbers.ts';

const EPS = 1e-9;

/** The integer sums S (of n·items integer responses) whose mean rounds to `mean`. */
export function grimSums(mean: ReportedNumber, n: number, items = 1): number[] {
  const N = n * items;
  const [lo, hi] = roundingInterval(mean);
  const a = Math.ceil(Math.min(lo, hi) * N - EPS * Math.max(1, Math.abs(lo * N)));
  const b = Math.floor(Math.max(lo, hi) * N + EPS * Math.max(1, Math.abs(hi * N)));
  const out: number[] = [];
  for (let s = a; s <= b && out.length < 1000; s++) out.push(s);
  return out;
}

/** GRIM: some integer total out of n·items gives the reported mean. */
export function grimPossible(mean: ReportedNumber, n: number, items = 1): boolean {
  return grimSums(mean, n, items).length > 0;
}

/** Whether GRIM can detect anything: the mean's precision is finer than 1/(n·items). */
export function grimApplies(mean: ReportedNumber, n: number, items = 1): boolean {
  return 10 ** -mean.decimals < 1 / (n * items) - EPS;
}

/** The counts k out of n whose percentage rounds to `pct` (a number written with %). */
export function percentCounts(pct: ReportedNumber, n: number): number[] {
  const [lo, hi] = roundingInterval(pct);
  const out: number[] = [];
  const a = Math.max(0, Math.ceil((lo * n) / 100 - EPS));
  const b = Math.min(n, Math.floor((hi * n) / 100 + EPS));
  for (let k = a; k <= b; k++) out.push(k);
  return out;
}

export function percentGrimApplies(pct: ReportedNumber, n: number): boolean {
  return 10 ** -pct.decimals < 100 / n - EPS;
}

/** The closest percentages that k/n does give, at the reported precision, for messages. */
export function nearestPercents(pct: ReportedNumber, n: number): [string, string] {
  const k = Math.floor((pct.value * n) / 100);
  const f = (x: number): string => ((100 * x) / n).toFixed(pct.decimals);
  return [f(Math.max(0, k)), f(Math.min(n, k + 1))];
}

/** The nearest means an integer total gives, at the reported precision. */
export function nearestMeans(mean: ReportedNumber, n: number, items = 1): [string, string] {
  const N = n * items;
  const s = Math.floor(mean.value * N);
  return [(s / N).toFixed(mean.decimals), ((s + 1) / N).toFixed(mean.decimals)];
}

/**
 * GRIMMER: whether an SD (sample SD, n − 1) is possible for n integer values whose mean rounds to
 * `mean`. For each admissible sum S, the sum of squares Q must be an integer with Q ≡ S (mod 2)
 * (x² and x have the same parity), at least the smallest Q for that S, and give an SD inside the
 * SD's rounding interval. With multi-item scales the per-person totals are the integers.
 */
export function grimmerPossible(mean: ReportedNumber, sd: ReportedNumber, n: number, items = 1): boolean {
  if (n < 2) return true;
  const [sdLo, sdHi] = roundingInterval(sd).map((x) => Math.max(0, x * items));
  for (const S of grimSums(mean, n, items)) {
    const base = (S * S) / n;
    const qLo = Math.ceil((n - 1) * sdLo * sdLo + base - 1e-7);
    const qHi = Math.floor((n - 1) * sdHi * sdHi + base + 1e-7);
    const q0 = Math.floor(S / n);
    const r = S - q0 * n;
    const qMin = (n - r) * q0 * q0 + r * (q0 + 1) * (q0 + 1);
    const from = Math.max(qLo, qMin);
    for (let q = from; q <= qHi && q <= from + 2; q++) if (((q - S) % 2 + 2) % 2 === 0) return true;
  }
  return false;
}

/** The SD range binary (0/1) data of n can have when its mean (a proportion) rounds to `mean`. */
export function debitSdRange(mean: ReportedNumber, n: number): [number, number] | undefined {
  if (n < 2) return undefined;
  let [lo, hi] = roundingInterval(mean);
  lo = Math.max(0, lo);
  hi = Math.min(1, hi);
  if (lo > hi) return undefined;
  const sd = (p: number): number => Math.sqrt((p * (1 - p) * n) / (n - 1));
  const candidates = [sd(lo), sd(hi)];
  if (lo <= 0.5 && hi >= 0.5) candidates.push(sd(0.5));
  return [Math.min(...candidates), Math.max(...candidates)];
}

/**
 * DEBIT: whether the SD is one binary data of that mean and n can produce. 'mean' when no count k
 * out of n gives the mean at all (a GRIM failure, reported by GRIM).
 */
export function debitCheck(mean: ReportedNumber, sd: ReportedNumber, n: number): 'ok' | 'sd' | 'mean' {
  if (n < 2) return 'ok';
  const [sLo, sHi] = roundingInterval(sd);
  const counts = grimSums(mean, n, 1).filter((k) => k >= 0 && k <= n);
  if (counts.length === 0) return 'mean';
  const fits = counts.some((k) => {
    const s = Math.sqrt(((k / n) * (1 - k / n) * n) / (n - 1));
    return s >= sLo - 1e-9 && s <= sHi + 1e-9;
  });
  return fits ? 'ok' : 'sd';
}

/** The SD binary data with this count gives, for messages. */
export function binarySd(k: number, n: number): number {
  return Math.sqrt(((k / n) * (1 - k / n) * n) / (n - 1));
}
