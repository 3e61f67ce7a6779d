// A mean or median must lie inside the range stated with it, and a median inside its interquartile
// range: "mean 34 (range 41–67)" or "aged 41 to 67 years (mean 34)" is impossible however the
// numbers were rounded. The reader only binds a centre to a range written right next to it (in
// the same parenthesis, or a range with the centre in a parenthesis right after it), so a range of
// one quantity is never held against the mean of another.

import { roundingInterval } from '../../numbers.ts';
import type { CheckOutput, PaperText } from '../../types.ts';
import type { CheckModule } from '../module.ts';
import { quantitiesIn, sentencesOf, type Num } from './context.ts';
import { cover, makeFinding, makeVerified, plain } from './report.ts';
import { unitAt } from './unit-text.ts';

/** A centre bound to the range it must lie in, as read. */
export interface CentreInRange {
  centre: Num;
  centreKind: 'mean' | 'median';
  lo: Num;
  hi: Num;
  boundKind: 'range' | 'interquartile range';
}

// What names the centre, right before its number: "mean", "M =", "average of", "median age was".
// Up to three words may name what is averaged ("mean length of stay was"), but not a comparison.
const CENTRE_BEFORE = /\b(?:(mean|average|M)|(median|Mdn))(?:\s+(?!(?:than|was|were|is|in|for|at|by|and|or|to|from|with|lower|higher|larger|smaller|more|less)\b)[A-Za-z-]+){0,3}\s*(?:of|was|is|were|=|:)?\s*(?:about\s+|approximately\s+|≈\s*)?(?:[-−]\s?)?$/;
// Between the centre and its range: a unit, a bracket, an SD given on the way ("SD 8.1;"), then the cue.
const RANGE_AFTER_CENTRE = /^[^.;:()]{0,12}?[,;(]\s*(?:(?:SD|s\.d\.|standard deviation)\s*[=:]?\s*[\d.]+\s*[a-z%]{0,5}\s*[,;]\s*)?(?:(range|min(?:imum)?)|(IQR|interquartile range))\s*(?:[=:]\s*|of\s+|from\s+)?(?:[-−]\s?)?$/i;
// A range told first ("aged 41 to 67", "ranged from 2 to 9"), its centre in a parenthesis right after.
const RANGE_BEFORE = /\b(?:range[ds]?|ranging|varied|varying|aged|range\s+of|ranges\s+from)\s+(?:from\s+|between\s+)?(?:[-−]\s?)?$/i;
const CENTRE_AFTER_RANGE = /^[^.;:()]{0,12}?[,;]?\s*\(\s*(?:(mean|average|M)|(median|Mdn))(?:\s+(?:age|value))?\s*(?:[=:]\s*|of\s+)?$/;
// The two ends of a range: "21–67", "21 to 67", "21 and 67", "min 21, max 67".
const RANGE_SEPARATOR = /^\s*(?:[-–—]|to|and|,\s*max(?:imum)?\s*[=:]?)\s*(?:[-−]\s?)?$/i;

function unitOf(text: string, n: Num, limit: number): string {
  return (n.percent ? '%' : '') + (unitAt(text, n.end, limit)?.mathjs ?? '');
}

/** Centres with their ranges in one sentence, in both orders of mention. */
export function readCentresInRange(text: string, nums: readonly Num[], sentenceStart: number): CentreInRange[] {
  const claims: CentreInRange[] = [];
  const kindOf = (m: RegExpExecArray): 'mean' | 'median' => (m[1] ? 'mean' : 'median');
  for (let i = 0; i + 2 < nums.length; i++) {
    const [a, b, c] = [nums[i], nums[i + 1], nums[i + 2]];
    const centreCue = CENTRE_BEFORE.exec(text.slice(Math.max(sentenceStart, a.start - 30), a.start));
    // The centre first: "mean 34 (range 21–67)", "median 6 (IQR 3–9)", "mean 34 (SD 8; range 21–67)".
    if (centreCue) {
      const withSd = RANGE_AFTER_CENTRE.exec(text.slice(a.end, b.start)) ? [b, c] : i + 3 < nums.length && RANGE_AFTER_CENTRE.exec(text.slice(a.end, c.start)) ? [c, nums[i + 3]] : undefined;
      const cue = withSd && RANGE_AFTER_CENTRE.exec(text.slice(a.end, withSd[0].start));
      if (withSd && cue && RANGE_SEPARATOR.test(text.slice(withSd[0].end, withSd[1].start))) {
        claims.push({ centre: a, centreKind: kindOf(centreCue), lo: withSd[0], hi: withSd[1], boundKind: cue[2] ? 'interquartile range' : 'range' });
        continue;
      }
    }
    // The range first: "aged 41 to 67 years (mean 34)".
    if (!RANGE_BEFORE.test(text.slice(Math.max(sentenceStart, a.start - 30), a.start))) continue;
    if (!RANGE_SEPARATOR.test(text.slice(a.end, b.start)) || /\band\b/.test(text.slice(a.end, b.start)) && !/between\s+$/i.test(text.slice(Math.max(sentenceStart, a.start - 10), a.start))) continue;
    const after = CENTRE_AFTER_RANGE.exec(text.slice(b.end, c.start));
    if (after) claims.push({ centre: c, centreKind: after[1] ? 'mean' : 'median', lo: a, hi: b, boundKind: 'range' });
  }
  return claims;
}

/** Judges one claim: outside (beyond every rounding) is an error; a range written upside down is left alone. */
function judge(paper: PaperText, claim: CentreInRange, out: CheckOutput): void {
  const text = paper.text;
  const { centre, lo, hi } = claim;
  if (lo.value > hi.value) return; // an upside-down range is the interval check's
  // "34 months" against "3–6 years" is not read; a % written once ("12–40%") is the same quantity.
  const units = [centre, lo, hi].map((n) => unitOf(text, n, n.end + 12).replace('%', '')).filter((u) => u !== '');
  if (new Set(units).size > 1) return;
  const [cLo, cHi] = roundingInterval(centre);
  const [low] = roundingInterval(lo);
  const [, high] = roundingInterval(hi);
  const span = cover(claim.centre, claim.lo, claim.hi);
  const working = `${plain(lo.value)} ≤ ${plain(centre.value)} ≤ ${plain(hi.value)}`;
  // At the very edge (18 against a lower end of 19) both would have to be 18.5, printed two ways: outside.
  if (cHi > low && cLo < high) {
    out.verified.push(makeVerified(paper, 'mean-range', span, `the ${claim.centreKind} lies within its ${claim.boundKind}: ${working}`));
    return;
  }
  const side = cHi < low ? 'below' : 'above';
  out.findings.push(
    makeFinding(paper, {
      kind: 'mean-range',
      severity: 'error',
      message: `A ${claim.centreKind} of ${claim.centre.text} lies ${side} its own ${claim.boundKind}, ${claim.lo.text} to ${claim.hi.text}: one of the three numbers is wrong.`,
      claimSpan: span,
      span: claim.centre,
      reported: claim.centre.text,
      working: `${plain(lo.value)} ≤ ${plain(centre.value)} ≤ ${plain(hi.value)} fails`,
      related: [claim.lo, claim.hi],
      explanation: `A ${claim.centreKind} cannot be smaller than the smallest value or larger than the largest value it summarises${claim.boundKind === 'interquartile range' ? ', and a median always lies between the first and third quartiles' : ''}.`,
    }),
  );
}

export function checkMeanRanges(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  for (const s of sentencesOf(paper).sentences) {
    const nums = quantitiesIn(paper.text, s);
    if (nums.length < 3) continue;
    for (const claim of readCentresInRange(paper.text, nums, s.start)) judge(paper, claim, out);
  }
  return out;
}

export const MEAN_RANGE_RULE = { id: 'mean-range', title: 'Mean outside its range', description: 'A mean or median lies outside the range (or a median outside the interquartile range) stated with it.', defaultSeverity: 'error' } as const;

export const meanRangeCheck: CheckModule = {
  name: 'mean-range',
  title: 'Mean outside its range',
  description: 'Checks that a mean or median lies between the lowest and highest values stated with it, and a median between its quartiles.',
  kinds: [MEAN_RANGE_RULE],
  shapes: [
    { name: 'centre, then its range', example: 'mean stay 5.2 days (range 1–14); median 3 (IQR 2–6)' },
    { name: 'centre, SD, then range', example: 'M = 12.4 (SD 3.0; range 6–20)' },
    { name: 'range, then its centre', example: 'patients aged 18 to 90 years (mean 52)' },
  ],
  leavesAlone: [
    'A range and a centre that are not next to each other: they may describe different quantities.',
    'A range and a centre in different units (months against years).',
    'A range written upside down: the interval check reads bounds in the wrong order.',
  ],
  run: checkMeanRanges,
};
