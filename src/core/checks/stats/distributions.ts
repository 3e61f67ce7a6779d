// p-values from test statistics. The distribution functions come from @stdlib (CommonJS
// packages with `export =` typings, so a default import is the whole function).

import tCdf from '@stdlib/stats-base-dists-t-cdf';
import fCdf from '@stdlib/stats-base-dists-f-cdf';
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

export type TestType = 't' | 'F' | 'r' | 'chi2' | 'z' | 'Q';

export interface TestParams {
  type: TestType;
  df1?: number;
  df2?: number;
}

/** t statistic equivalent to a correlation r with df = n − 2. */
export function rToT(r: number, df: number): number {
  const rr = Math.min(Math.abs(r), 1 - 1e-15);
  return (rr * Math.sqrt(df)) / Math.sqrt(1 - rr * rr);
}

/**
 * The p-value of |stat| for the test. `tails` is 2 (default) or 1; F, χ² and Q are upper-tail
 * tests whatever `tails` says. Returns NaN when the parameters make no sense.
 */
export function pValue(params: TestParams, stat: number, tails: 1 | 2 = 2): number {
  const x = Math.abs(stat);
  const { df1 = NaN, df2 = NaN } = params;
  switch (params.type) {
    case 't':
      if (!(df1 > 0)) return NaN;
      // The lower tail keeps full precision for small p, where 1 − cdf would cancel.
      return tails * tCdf(-x, df1);
    case 'r':
      if (!(df1 > 0) || x > 1) return NaN;
      return tails * tCdf(-rToT(x, df1), df1);
    case 'z':
      return tails * normalCdf(-x, 0, 1);
    case 'F':
      if (!(df1 > 0) || !(df2 > 0) || stat < 0) return NaN;
      return 1 - fCdf(x, df1, df2);
    case 'chi2':
    case 'Q':
      if (!(df1 > 0) || stat < 0) return NaN;
      return 1 - chisquareCdf(x, df1);
  }
}

/** Whether the test has a one-tailed reading (F, χ² and Q do not). */
export function hasTails(type: TestType): boolean {
  return type === 't' || type === 'r' || type === 'z';
}

/**
 * One-sided p of a signed statistic in a stated direction: P(T ≥ stat) when `upper`, else
 * P(T ≤ stat). The two one-sided tests of an equivalence procedure report these.
 */
export function directedP(params: TestParams, stat: number, upper: boolean): number {
  const beyond = pValue(params, Math.abs(stat), 1);
  return (stat >= 0) === upper ? beyond : 1 - beyond;
}
