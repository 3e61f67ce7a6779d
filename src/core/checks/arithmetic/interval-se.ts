// An interval against the standard error printed with it: a 95% CI reaches about 1.96 SE either
// side of its estimate (t with df for a small sample, 1.645 for a 90% CI). Verified when the
// half-width agrees at the printed precision, a warning when it cannot (beyond the rounding and a
// small leeway), nothing when the interval is not symmetric about its estimate (a ratio, a
// bootstrap or Wilson interval) or the critical value is unclear.

import { roundingInterval } from '../../numbers.ts';
import type { CheckOutput, PaperText, TextSpan } from '../../types.ts';
import type { Num } from './context.ts';
import type { IntervalClaim } from './interval-read.ts';
import { cover, makeFinding, makeVerified, plain } from './report.ts';
import { criticalValue, readsSeAndInterval } from '../stats/estimates.ts';
import { sig3 } from '../stats/p-format.ts';

type Interval = [number, number];

/**
 * The df an interval of this sentence may use: a t(df) printed in it, k − 1 for a pooled estimate
 * of k studies (a Knapp–Hartung interval), or n − 2 to n − 1 from an n.
 */
function dfOf(sentence: string): Interval | undefined {
  const t = /(?<![\p{L}\p{N}_\\])t\s?\(\s*(\d+(?:\.\d+)?)\s*\)/u.exec(sentence);
  if (t) return [Number(t[1]), Number(t[1])];
  const k = /(?<![\p{L}\p{N}_\\])(?:k|studies|trials)\s*=\s*(\d{1,4})(?![\d.,]\d)/u.exec(sentence);
  if (k && Number(k[1]) > 1) return [Number(k[1]) - 1, Number(k[1]) - 1];
  const n = /(?<![\p{L}\p{N}_\\])[nN]\s*=\s*(\d{1,6})(?![\d.,]\d)/u.exec(sentence);
  if (n && Number(n[1]) > 2) return [Number(n[1]) - 2, Number(n[1]) - 1];
  return undefined;
}

// Without a df the interval may still be a t interval of a small sample or of a few pooled
// studies: a mismatch is only reported beyond t with 3 df, and "± 2 SE" is taken as a 95% interval too.
const WIDEST_UNKNOWN_DF = 3;
const LEEWAY = 0.02;

/** The half-width against crit × SE. */
export function judgeIntervalSe(paper: PaperText, claim: IntervalClaim, se: Num, sentence: TextSpan, out: CheckOutput): void {
  const { estimate, lo, hi } = claim;
  if (!estimate || claim.ratio || !(se.value > 0) || se.percent !== lo.percent) return;
  // "d = 0.45, SE = 0.12, 95% CI […]" is judged by the estimates check.
  if (readsSeAndInterval(paper.text, estimate.end)) return;
  const [lo0, lo1] = roundingInterval(lo);
  const [hi0, hi1] = roundingInterval(hi);
  const half: Interval = [(hi0 - lo1) / 2, (hi1 - lo0) / 2];
  if (!(half[0] > 0)) return;
  // Not symmetric about its estimate beyond rounding: a log-scale, bootstrap or score interval.
  const [e0, e1] = roundingInterval(estimate);
  const centre: Interval = [(lo0 + hi0) / 2, (lo1 + hi1) / 2];
  const offCentre = Math.max(0, centre[0] - e1, e0 - centre[1]);
  if (offCentre > 0.1 * half[1]) return;
  const level = claim.level ?? 95;
  const z = criticalValue(level);
  const df = dfOf(paper.text.slice(sentence.start, sentence.end));
  const widest = df ? criticalValue(level, Math.max(1, df[0])) : Math.max(level === 95 ? 2 : z, z);
  const loosest = df ? widest : criticalValue(level, WIDEST_UNKNOWN_DF);
  const [s0, s1] = roundingInterval(se);
  const expected: Interval = [z * s0, widest * s1];
  const span = cover(estimate, lo, hi, se);
  const critText = widest > z + 1e-6 ? `${sig3(z)} to ${sig3(widest)}` : sig3(z);
  const working = `half-width (${plain(hi.value)} − ${plain(lo.value)}) / 2 = ${sig3((hi.value - lo.value) / 2)}; ${critText} × SE ${se.text} = ${sig3(expected[0])} to ${sig3(expected[1])}`;
  if (half[1] >= expected[0] - 1e-9 && half[0] <= expected[1] + 1e-9) {
    out.verified.push(makeVerified(paper, 'ci-se', span, working));
    return;
  }
  const allowed: Interval = [z * s0 * (1 - LEEWAY), loosest * s1 * (1 + LEEWAY)];
  if (half[1] >= allowed[0] && half[0] <= allowed[1]) return;
  const implied = (hi.value - lo.value) / 2 / z;
  out.findings.push(
    makeFinding(paper, {
      kind: 'ci-se',
      severity: 'warning',
      message: `The ${level}% interval [${lo.text}, ${hi.text}] reaches ${sig3((hi.value - lo.value) / 2)} either side, which implies an SE of about ${sig3(implied)} (at ${sig3(z)} SE), but the SE printed with it is ${se.text}.`,
      claimSpan: span,
      span: se,
      reported: se.text,
      recomputed: sig3(implied),
      working,
      related: [lo, hi],
    }),
  );
}
