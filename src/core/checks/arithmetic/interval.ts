// Confidence intervals against their own point estimate: "1.8 (95% CI 0.1 to 3.5)",
// "OR = 1.5, 95% CI [1.2, 1.9]". An estimate outside its interval, or a lower bound above the
// upper one, cannot be right.


import { roundingInterval } from '../../numbers.ts';
import type { CheckOutput, PaperText } from '../../types.ts';
import { quantitiesIn, sentencesOf, type Num } from './context.ts';
import { cover, formatValue, makeFinding, makeVerified, plain } from './report.ts';
import { unitAt } from './unit-text.ts';
import type { CheckModule } from '../module.ts';

const MARKER = /(?:\d{2}(?:\.\d+)?\s*(?:%|percent|per\s?cent)\s*)?(?:CI|C\.I\.|CrI|HDI|HPD|UI|(?:confidence|credible|compatibility|uncertainty)\s+intervals?)\b/g;
const BEFORE_MARKER = /^\s*[,;([]?\s*$/;
const AFTER_MARKER = /^\s*(?:for\s+\w+\s+)?[:=,]?\s*[[(]?\s*$/;
// What stands before a number that is not the interval's estimate (a test statistic, a sample size, a spread).
const NOT_ESTIMATE = /(?:\b(?:SE|SEM|SD|s\.?e\.?|s\.?d\.?|std|standard\s+(?:error|deviation)|n|N|df|t|F|z|W|U|H|Q|chi2?|p)|χ2?|χ²)\s*(?:\([^)]{0,12}\))?\s*[=:]?\s*$/;
const SEPARATOR = /^\s*(?:,|;|to|–|—|-|−|and)\s*$/;

export function checkIntervals(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  const text = paper.text;
  const { sentences } = sentencesOf(paper);
  for (const s of sentences) {
    const slice = text.slice(s.start, s.end);
    if (!/CI|CrI|HDI|HPD|UI|interval/.test(slice)) continue;
    const nums = quantitiesIn(text, s);
    // Markers come in text order, so one pointer into the numbers keeps this linear.
    let iLo = 0;
    for (const m of slice.matchAll(MARKER)) {
      const mStart = s.start + m.index;
      const mEnd = mStart + m[0].length;
      while (iLo < nums.length && nums[iLo].start < mEnd) iLo++;
      let iE = iLo - 1;
      while (iE >= 0 && nums[iE].end > mStart) iE--;
      if (iLo + 1 >= nums.length) continue;
      const lo = nums[iLo];
      const hi = nums[iLo + 1];
      if (!AFTER_MARKER.test(text.slice(mEnd, lo.start))) continue;
      const loUnit = unitAt(text, lo.end, hi.start);
      if (!SEPARATOR.test(text.slice(loUnit ? loUnit.end : lo.end, hi.start))) continue;
      if (lo.percent !== hi.percent && lo.percent) continue;
      const claimNums: Num[] = [lo, hi];
      let estimate: Num | undefined;
      if (iE >= 0) {
        const e = nums[iE];
        const eUnit = unitAt(text, e.end, mStart);
        const gap = text.slice(eUnit ? eUnit.end : e.end, mStart);
        const beforeE = text.slice(Math.max(s.start, e.start - 12), e.start);
        const isP = /\bp\s*[=<>≤≥]\s*$/i.test(beforeE) || NOT_ESTIMATE.test(text.slice(Math.max(s.start, e.start - 24), e.start));
        const isLevel = /^\s*%/.test(text.slice(e.end, e.end + 2)) && e.end === mStart;
        if (BEFORE_MARKER.test(gap) && !isP && !isLevel && e.percent === hi.percent && e !== lo) estimate = e;
      }
      if (estimate) claimNums.unshift(estimate);
      const claimSpan = cover(...claimNums);
      const [loLo, loHi] = roundingInterval(lo);
      const [hiLo, hiHi] = roundingInterval(hi);
      if (loLo > hiHi) {
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
        continue;
      }
      if (!estimate) continue;
      const [eLo, eHi] = roundingInterval(estimate);
      const working = `${plain(lo.value)} <= ${plain(estimate.value)} <= ${plain(hi.value)}`;
      if (eHi >= loLo && eLo <= hiHi) {
        out.verified.push(makeVerified(paper, 'interval', claimSpan, working));
        continue;
      }
      // A coefficient on the log scale next to an interval for its exponent (odds ratios).
      const exp = Math.exp(estimate.value);
      if (exp >= loLo && exp <= hiHi) continue;
      out.findings.push(
        makeFinding(paper, {
          kind: 'interval',
          severity: 'error',
          message: `The estimate ${estimate.text} lies outside its own interval [${lo.text}, ${hi.text}].`,
          claimSpan,
          span: estimate,
          reported: estimate.text,
          recomputed: `${formatValue(lo.value)} to ${formatValue(hi.value)}`,
          working,
          related: [lo, hi],
        }),
      );
    }
  }
  return out;
}

export const INTERVAL_RULE = { id: 'interval', title: 'Confidence interval', description: 'A point estimate lies outside its own interval, or the lower bound is above the upper.', defaultSeverity: 'error' } as const;

export const intervalCheck: CheckModule = {
  name: 'interval',
  title: 'Estimate and its interval',
  description: 'Checks that an estimate lies inside its own interval and that the bounds are in order.',
  kinds: [INTERVAL_RULE],
  shapes: [
    { name: 'estimate with CI', example: '2.4 (95% CI 1.1 to 3.9)' },
    { name: 'bracketed bounds', example: 'OR = 0.8, 95% CI [0.6, 1.1]' },
  ],
  leavesAlone: [
    'An interval printed for another quantity than the estimate beside it (a CI of a difference next to a group mean).',
  ],
  run: checkIntervals,
};
