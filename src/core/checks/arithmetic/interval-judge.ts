// The judge of an estimate against its interval, for prose and tables: verified when the estimate
// lies inside at the printed precision, a finding when it cannot, nothing when the scale is unclear.

import { roundingInterval } from '../../numbers.ts';
import type { CheckOutput, PaperText } from '../../types.ts';
import type { Num } from './context.ts';
import type { IntervalClaim } from './interval-read.ts';
import { cover, formatValue, makeFinding, makeVerified, plain } from './report.ts';

/** The values the estimate may stand for on the bounds' scale: a percentage also as a proportion. */
function estimateValues(e: Num, lo: Num, hi: Num): [number, number][] {
  const own = roundingInterval(e);
  if (e.percent && !lo.percent && !hi.percent && Math.max(Math.abs(lo.value), Math.abs(hi.value)) <= 1) {
    return [own, [own[0] / 100, own[1] / 100]];
  }
  return [own];
}

/** Verified when the estimate lies inside its interval at the printed precision; a finding when it cannot. */
export function judgeInterval(paper: PaperText, claim: IntervalClaim, out: CheckOutput): void {
  const { estimate, lo, hi } = claim;
  const claimSpan = cover(...(estimate ? [estimate, lo, hi] : [lo, hi]));
  const [loLo, loHi] = roundingInterval(lo);
  const [hiLo, hiHi] = roundingInterval(hi);
  if (loLo > hiHi) {
    if (!claim.marked) return;
    // Bounds in the wrong order: a slip of order if the estimate lies between them, else wrong.
    const between = estimate ? roundingInterval(estimate)[1] >= hiLo && roundingInterval(estimate)[0] <= loHi : false;
    out.findings.push(
      makeFinding(paper, {
        kind: 'interval',
        severity: estimate && !between ? 'error' : 'warning',
        message: `The interval's lower bound ${lo.text} is above its upper bound ${hi.text}${estimate && !between ? `, and the estimate ${estimate.text} lies outside it either way` : ''}.`,
        claimSpan,
        span: { start: lo.start, end: hi.end },
        reported: `${lo.text}, ${hi.text}`,
        working: `${plain(lo.value)} <= ${plain(hi.value)}`,
        related: estimate ? [estimate] : [],
      }),
    );
    return;
  }
  if (!estimate) return;
  const working = `${plain(lo.value)} <= ${plain(estimate.value)} <= ${plain(hi.value)}`;
  if (estimateValues(estimate, lo, hi).some(([eLo, eHi]) => eHi >= loLo && eLo <= hiHi)) {
    out.verified.push(makeVerified(paper, 'interval', claimSpan, working));
    return;
  }
  // A coefficient on the log scale next to an interval for its exponent (odds ratios).
  const exp = Math.exp(estimate.value);
  if (!claim.ratio && exp >= loLo && exp <= hiHi) return;
  out.findings.push(
    makeFinding(paper, {
      kind: 'interval',
      severity: claim.marked ? 'error' : 'warning',
      message: `The estimate ${estimate.text} lies outside its own interval [${lo.text}, ${hi.text}]${claim.marked ? '' : ' (read as the bracket printed after it)'}.`,
      claimSpan,
      span: estimate,
      reported: estimate.text,
      recomputed: `${formatValue(lo.value)} to ${formatValue(hi.value)}`,
      working,
      related: [lo, hi],
    }),
  );
}
