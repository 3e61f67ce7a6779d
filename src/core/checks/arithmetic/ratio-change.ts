// A percent change told from a ratio estimate: "37% lower odds (OR 0.63)", "a 25% higher risk
// (RR = 1.25)", "hazard reduced by 40% (HR 0.60)". Epidemiology writes (1 − OR) × 100 for "lower" and
// (OR − 1) × 100 for "higher" next to the estimate; the two must agree at their printed precision.

import { formatLike, intervalMeets, roundingInterval, roundsTo } from '../../numbers.ts';
import type { CheckOutput, PaperText } from '../../types.ts';
import type { CheckModule } from '../module.ts';
import { quantitiesIn, sentencesOf, type Num } from './context.ts';
import { PERCENT_CHANGE_RULE } from './change.ts';
import { cover, makeFinding, makeVerified, plain } from './report.ts';

export interface RatioChangeClaim {
  pct: Num;
  ratio: Num;
  direction: 1 | -1;
}

// "x% lower odds of", "x% higher risk", "a x% reduction in the hazard", "odds were x% lower".
const PCT_THEN_MEASURE = /^\s*(?:(lower|reduced|decreased|smaller|less|reduction\s+in(?:\s+the)?)|(higher|increased|greater|larger|more|increase\s+in(?:\s+the)?))\s+(?:adjusted\s+)?(?:odds|risk|hazard|rate|likelihood|chance)\b/i;
// Between the claim and its estimate: a few words, then "(OR", "; aOR =", ", HR:".
const TO_ESTIMATE = /^[^.;()\d%]{0,60}?[(;,]\s*(?:a|adjusted\s+)?(?:OR|HR|RR|IRR|odds\s+ratio|hazard\s+ratio|risk\s+ratio|rate\s+ratio)\s*[=:]?\s*$/i;

/** Ratio-change claims of one sentence: the percentage, its direction, and the ratio printed after it. */
export function readRatioChanges(text: string, nums: readonly Num[]): RatioChangeClaim[] {
  const claims: RatioChangeClaim[] = [];
  for (let i = 0; i + 1 < nums.length; i++) {
    const [pct, ratio] = [nums[i], nums[i + 1]];
    if (!pct.percent || ratio.percent || ratio.value <= 0) continue;
    const m = PCT_THEN_MEASURE.exec(text.slice(pct.end, pct.end + 48));
    if (!m || !TO_ESTIMATE.test(text.slice(pct.end + m[0].length, ratio.start))) continue;
    claims.push({ pct, ratio, direction: m[1] ? -1 : 1 });
  }
  return claims;
}

function judge(paper: PaperText, c: RatioChangeClaim, out: CheckOutput): void {
  // The stated direction must match the side of 1 the ratio is on; otherwise which is wrong is unknowable.
  if ((c.direction < 0) !== (c.ratio.value < 1)) return;
  const [lo, hi] = roundingInterval(c.ratio);
  const change = (r: number) => Math.abs(r - 1) * 100;
  const exact = change(c.ratio.value);
  const [a, b] = [change(lo), change(hi)].sort((x, y) => x - y);
  const span = cover(c.pct, c.ratio);
  const working = c.direction < 0 ? `(1 − ${plain(c.ratio.value)}) × 100 = ${plain(exact)}%` : `(${plain(c.ratio.value)} − 1) × 100 = ${plain(exact)}%`;
  if (intervalMeets(c.pct, a, b, true)) {
    if (roundsTo(c.pct, exact, true)) out.verified.push(makeVerified(paper, PERCENT_CHANGE_RULE.id, span, working));
    return;
  }
  const recomputed = formatLike(c.pct, exact);
  out.findings.push(
    makeFinding(paper, {
      kind: PERCENT_CHANGE_RULE.id,
      severity: 'warning',
      message: `A ratio of ${c.ratio.text} means ${recomputed} ${c.direction < 0 ? 'lower' : 'higher'}, not ${c.pct.text}.`,
      claimSpan: span,
      span: c.pct,
      reported: c.pct.text,
      recomputed,
      working,
      related: [c.ratio],
      explanation: 'A percent difference in odds, risk or hazard is read off the ratio next to it: (1 − ratio) × 100 lower, or (ratio − 1) × 100 higher.',
    }),
  );
}

export function checkRatioChanges(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  for (const s of sentencesOf(paper).sentences) {
    if (!/\b(?:a?OR|HR|RR|IRR|ratio)\b/.test(paper.text.slice(s.start, s.end))) continue;
    const nums = quantitiesIn(paper.text, s);
    for (const claim of readRatioChanges(paper.text, nums)) judge(paper, claim, out);
  }
  return out;
}

export const ratioChangeCheck: CheckModule = {
  name: 'ratio-change',
  title: 'Percent change read off a ratio',
  description: 'Checks a percent lower or higher odds, risk or hazard against the odds, risk or hazard ratio printed with it.',
  kinds: [PERCENT_CHANGE_RULE],
  shapes: [
    { name: 'lower, with the ratio after', example: '28% lower odds of relapse (OR 0.72)' },
    { name: 'higher, with the ratio after', example: 'a 40% higher hazard (HR = 1.40)' },
  ],
  leavesAlone: [
    'A direction word on the other side of 1 from the ratio: which of the two is wrong is not knowable.',
    'Fold changes of odds ("twice the odds") and ratios printed before the percentage.',
  ],
  run: checkRatioChanges,
};
