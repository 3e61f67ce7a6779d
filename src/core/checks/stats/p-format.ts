// How computed p-values are written in messages, working and suggestions.

/** p at `decimals` places, in the leading-zero style of `like` (".045" vs "0.045"). */
export function formatP(p: number, decimals: number, like = '.05'): string {
  const s = p.toFixed(decimals);
  return /^\./.test(like) && s.startsWith('0.') ? s.slice(1) : s;
}

/** The p a statistic gives, for a message: 3 places, 4 below .01 (two significant digits), "< .0001" below that. */
export function describeP(p: number, reportedDecimals = 3, like = '.05'): string {
  let d = Math.max(3, Math.min(reportedDecimals, 4));
  if (p < 0.01) d = 4;
  if (p < 0.00005) return `p < ${formatP(0.0001, 4, like)}`;
  return `p = ${formatP(p, d, like)}`;
}

/** Three significant digits for working lines. */
export function sig3(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  if (Math.abs(x) < 1e-4) return x.toExponential(2);
  return Number(x.toPrecision(3)).toString();
}
