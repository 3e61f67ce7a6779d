// Reading an estimate and its interval out of a sentence: "1.8 (95% CI 0.1 to 3.5)",
// "OR = 1.5, 95% CI [1.2, 1.9]", "b = 31.2, 95% CrI [27.0, 35.9]", "5.7 units [95% CrI = 3.9 - 8.3]",
// "r = .26 had a bootstrap CI of [.17, .37]", "SMD = 0.08, SE = 0.11, 95% CI = [-0.22; 0.38]",
// decimal commas ("OR 1,61; 95% CI 1,17-2,20"), and a named estimate with its bounds in square
// brackets and no marker ("d = 1.27 [1.19, 1.35]"). The judge is in interval.ts.

import type { TextSpan } from '../../types.ts';
import type { Num } from './context.ts';
import { unitAt } from './unit-text.ts';

export interface IntervalClaim {
  estimate?: Num;
  lo: Num;
  hi: Num;
  /** The interval is named as one (CI, CrI, HDI, "confidence interval", a CI column); else a bare bracket. */
  marked: boolean;
  /** The estimate is named as a ratio (OR, HR, RR): not a log-scale coefficient. */
  ratio?: boolean;
  /** The level the marker states ("90% CI"). */
  level?: number;
  /** A standard error printed with the estimate and its interval ("2.3, SE = 0.6, 95% CI …", "…; SE 0.6)"). */
  se?: Num;
}

/** The name of a ratio estimate: its interval is on the ratio's own scale. */
export const RATIO_NAME = /\b(?:a?ORs?|a?HRs?|a?RRs?|IRRs?|odds\s+ratios?|hazard\s+ratios?|risk\s+ratios?|rate\s+ratios?)\b/i;
const RATIO_BEFORE = new RegExp(`${RATIO_NAME.source}\\s*(?:\\([^)]{0,20}\\))?\\s*(?:of|was|were|is|[=:])?\\s*$`, 'i');

/** Is the estimate written after a ratio's name ("OR = 1.6", "hazard ratio of 0.8")? */
export function namedRatio(text: string, e: Num, floor: number): boolean {
  return RATIO_BEFORE.test(text.slice(Math.max(floor, e.start - 32), e.start));
}

export const INTERVAL_MARKER = /(?:\d{2}(?:\.\d+)?\s*(?:%|percent|per\s?cent)\s*)?(?:CI|C\.I\.|CrI|HDI|HPD|UI|(?:confidence|credible|compatibility|uncertainty)\s+intervals?)\b/g;
/** Between the marker and the lower bound: "CI 1.2", "CI: 1.2", "CI = [1.2", "CI of [1.2", "CI ranging from 1.2". */
const AFTER_MARKER = /^\s*(?:for\s+\w+\s+)?[:=,]?\s*(?:(?:was|were|is|of|from|ranging|ranged|ranges|between|spanning)\s+){0,3}[[(]?\s*\+?$/;
/**
 * Between the estimate (and its unit) and the marker: punctuation or an opening bracket, optionally a
 * unit-like word and a short linking phrase ("5 points, with 95% CI", "r = .26 had a bootstrap CI").
 */
const GAP = /^\s*(?:[A-Za-zµ°]+\.?\s*)?(?:[,;]\s*)?(?:(?:with|had|has|have|and|a|an|the|its|their|bootstrap(?:ped)?|bayesian|posterior|corresponding|associated|exact|percentile|wald|profile)\s+){0,4}[([]?\s*$/i;
const SEPARATOR = /^\s*(?:,|;|to|–|—|-|−|and)\s*\+?$/;
// What stands before a number that is not the interval's estimate (a test statistic, a sample size, a spread).
const NOT_ESTIMATE = /(?:\b(?:SE|SEM|SD|s\.?e\.?|s\.?d\.?|std|standard\s+(?:error|deviation)|n|N|df|t|F|z|W|U|H|Q|chi2?|p)|χ2?|χ²)\s*(?:\([^)]{0,12}\))?\s*[=:]?\s*$/;
/** A spread or a size printed between an estimate and its interval: read past it to the estimate. */
const BESIDE_ESTIMATE = /(?:\b(?:SE|SEM|SD|s\.e\.|s\.d\.|standard\s+(?:error|deviation)|n|N)\s*[=:]?\s*)$/;
const SE_LABEL = /^(?:SE|SEM|s\.e\.|standard\s+error)\b/;
/** After the interval's upper bound, before a standard error: "…; SE 0.6", "…], SE = 0.6". */
const SE_AFTER = /^\s*%?\s*[)\]]?\s*[;,]\s*(?:SE|SEM|s\.e\.(?:m\.)?|standard\s+error)\s*(?:[=:]|of|was|is)?\s*$/;
/** A named estimate right before a bare bracket: "d = ", "OR: ", "β̂ = ". */
const NAMED = /[\p{L}\p{M}\p{N})\]'′]\s*[=:]\s*$/u;

// Up to two words that name the kind of interval ("95% robust CI", "90% bootstrap confidence
// interval"); a linking word instead means the percentage is an estimate ("92% with CI ...").
const LEVEL_WORDS = /^\s*(?:[\p{L}-]+\s+){1,2}$/u;
const LINKING_WORD = /(?:^|\s)(?:with|and|or|had|has|have|a|an|the|its|their|of|in|on|for|at|is|was|are|were|by|to)(?=\s)/i;

function isLevel(text: string, n: Num, markerStart: number): boolean {
  if (!n.percent) return false;
  if (n.end === markerStart) return true;
  const gap = text.slice(n.end, markerStart);
  return n.value >= 50 && n.value < 100 && LEVEL_WORDS.test(gap) && !LINKING_WORD.test(gap);
}

/** Bounds in one scale: both percentages, or both bare. An estimate may be a percentage with bare bounds. */
function sameScale(lo: Num, hi: Num): boolean {
  return lo.percent === hi.percent || (!lo.percent && hi.percent);
}

/** The estimate before position `end`, reading back over a spread or a size ("SE = 0.11,"), and the SE read past. */
function estimateBefore(text: string, nums: readonly Num[], i: number, end: number, floor: number): { estimate: Num; se?: Num } | undefined {
  let limit = end;
  let se: Num | undefined;
  for (let hops = 0; i >= 0 && hops < 3; hops++, i--) {
    const e = nums[i];
    const unit = unitAt(text, e.end, limit);
    const gap = text.slice(unit ? unit.end : e.end, limit);
    if (!GAP.test(gap)) return undefined;
    const before = text.slice(Math.max(floor, e.start - 24), e.start);
    const beside = BESIDE_ESTIMATE.exec(before);
    if (beside) {
      if (SE_LABEL.test(beside[0])) se = e;
      limit = e.start - beside[0].length;
      continue;
    }
    if (NOT_ESTIMATE.test(before) || /\bp\s*[=<>≤≥]\s*$/i.test(before.slice(-12))) return undefined;
    return { estimate: e, se };
  }
  return undefined;
}

/** Claims with a marker: the bounds after it, the estimate before it. */
function markedClaims(text: string, span: TextSpan, nums: readonly Num[]): IntervalClaim[] {
  const claims: IntervalClaim[] = [];
  const slice = text.slice(span.start, span.end);
  let iLo = 0;
  for (const m of slice.matchAll(INTERVAL_MARKER)) {
    const mStart = span.start + m.index;
    const mEnd = mStart + m[0].length;
    while (iLo < nums.length && nums[iLo].start < mEnd) iLo++;
    if (iLo + 1 >= nums.length) continue;
    const lo = nums[iLo];
    const hi = nums[iLo + 1];
    if (!AFTER_MARKER.test(text.slice(mEnd, lo.start))) continue;
    const loUnit = unitAt(text, lo.end, hi.start);
    if (!SEPARATOR.test(text.slice(loUnit ? loUnit.end : lo.end, hi.start))) continue;
    if (!sameScale(lo, hi)) continue;
    let iE = iLo - 1;
    while (iE >= 0 && nums[iE].end > mStart) iE--;
    const found = iE >= 0 ? estimateBefore(text, nums, iE, mStart, span.start) : undefined;
    let estimate = found?.estimate;
    if (estimate && (estimate === lo || isLevel(text, estimate, mStart))) estimate = undefined;
    const level = /^(\d{2}(?:\.\d+)?)/.exec(m[0]);
    const next = nums[iLo + 2];
    const seAfter = next && SE_AFTER.test(text.slice(hi.end, next.start)) ? next : undefined;
    claims.push({ estimate, lo, hi, marked: true, ratio: estimate ? namedRatio(text, estimate, span.start) : false, level: level ? Number(level[1]) : undefined, se: found?.se ?? seAfter });
  }
  return claims;
}

/** "d = 1.27 [1.19, 1.35]": a named estimate with its bounds in square brackets, no marker. */
function bracketClaims(text: string, span: TextSpan, nums: readonly Num[]): IntervalClaim[] {
  const claims: IntervalClaim[] = [];
  for (let i = 0; i + 2 < nums.length; i++) {
    const [e, lo, hi] = [nums[i], nums[i + 1], nums[i + 2]];
    if (!/^\s*\[\s*$/.test(text.slice(e.end, lo.start))) continue;
    if (!/^\s*(?:,|;|–|—|to)\s*$/.test(text.slice(lo.end, hi.start))) continue;
    if (!/^\s*\]/.test(text.slice(hi.end, hi.end + 3))) continue;
    if (!NAMED.test(text.slice(Math.max(span.start, e.start - 16), e.start))) continue;
    // Reference brackets hold whole numbers: ask for a decimal or a sign somewhere.
    if (![e, lo, hi].some((n) => n.decimals > 0 || n.value < 0)) continue;
    if (e.percent !== lo.percent || lo.percent !== hi.percent) continue;
    claims.push({ estimate: e, lo, hi, marked: false, ratio: namedRatio(text, e, span.start) });
  }
  return claims;
}

// Estimates whose bracket after them is, by convention, their interval even without "CI": ratios,
// areas under a curve and a classifier's rates ("HR 0.71 (0.55-0.92)", "AUC of 0.91 [0.87-0.94]",
// "sensitivity 84.2% (79.1-88.4%)"). Ranges and quartiles carry their own word, which is not one of these.
const INTERVAL_NAME = new RegExp(
  String.raw`(?:${RATIO_NAME.source}|\b(?:AUR?O?C|AUPRC|c-?statistics?|C-?index|concordance|area\s+under\s+the\s+(?:ROC\s+)?curve|sensitivit(?:y|ies)|specificit(?:y|ies)|PPV|NPV|(?:positive|negative)\s+predictive\s+values?|accuracy|(?:balanced\s+)?accuracy|kappa|ICC)\b|κ)`,
  'i',
);
/** Between the name and its estimate: a qualifier in brackets, a few words ("between raters was"), "=", ":". */
const NAME_TO_ESTIMATE = /^\s*(?:\([^)]{0,20}\))?\s*(?:[A-Za-z][\w-]*\s+){0,4}(?:[=:]\s*)?$/;
/** Between the estimate and its lower bound: an opening bracket, or a semicolon or comma (inside an outer bracket). */
const ESTIMATE_TO_BOUND = /^\s*(?:[([]|[;,]\s*[([]?)\s*$/;
const BOUND_TO_BOUND = /^\s*(?:–|—|-|−|to|,|;)\s*$/;
/** A second estimate in a list, after the first claim's closing bracket: "and 91.0% (88.2-93.3%)". */
const NEXT_IN_LIST = /^\s*[)\]]\s*(?:,\s*)?(?:and\s+|;\s*)?(?:(?:the\s+)?[A-Za-z]+\s+(?:of\s+|was\s+|were\s+|=\s*)?)?$/i;

function closesAfter(text: string, hi: Num, opened: string): boolean {
  const after = text.slice(hi.end, hi.end + 3);
  if (opened === '(') return /^\s*%?\s*\)/.test(after);
  if (opened === '[') return /^\s*%?\s*\]/.test(after);
  return /^\s*%?\s*(?:[);,.]|$)/.test(after);
}

/** "HR 0.71 (0.55-0.92)", "AUC of 0.91 [0.87-0.94]": a named estimate and its interval, no marker. */
function unmarkedClaims(text: string, span: TextSpan, nums: readonly Num[]): IntervalClaim[] {
  const claims: IntervalClaim[] = [];
  let previous: IntervalClaim | undefined;
  for (let i = 0; i + 2 < nums.length; i++) {
    const [e, lo, hi] = [nums[i], nums[i + 1], nums[i + 2]];
    const gap = text.slice(e.end, lo.start);
    if (!ESTIMATE_TO_BOUND.test(gap) || !BOUND_TO_BOUND.test(text.slice(lo.end, hi.start))) continue;
    const opened = /[([]/.exec(gap)?.[0] ?? '';
    if (!closesAfter(text, hi, opened) || lo.noise || hi.noise) continue;
    // Without a bracket only a range-like pair is an interval: "0.81, 0.74, 0.87" is a list.
    if (!opened && !/^\s*(?:–|—|-|−|to)\s*$/.test(text.slice(lo.end, hi.start))) continue;
    if (!(e.percent ? hi.percent || !lo.percent : !lo.percent && !hi.percent)) continue;
    const before = text.slice(Math.max(span.start, e.start - 48), e.start);
    const named = lastName(before);
    const listed = previous !== undefined && NEXT_IN_LIST.test(text.slice(previous.hi.end, e.start));
    if (!named && !listed) continue;
    const claim: IntervalClaim = { estimate: e, lo, hi, marked: true, ratio: named ? RATIO_NAME.test(named) : previous!.ratio };
    claims.push(claim);
    previous = claim;
    i += 2;
  }
  return claims;
}

/** The interval-bearing name that ends `before` (only linking words after it), or undefined. */
function lastName(before: string): string | undefined {
  let found: string | undefined;
  for (const m of before.matchAll(new RegExp(INTERVAL_NAME.source, 'gi'))) {
    if (NAME_TO_ESTIMATE.test(before.slice(m.index + m[0].length))) found = m[0];
  }
  return found;
}

/** Every estimate-and-interval claim of one sentence, in text order. */
export function readIntervalClaims(text: string, span: TextSpan, nums: readonly Num[]): IntervalClaim[] {
  const slice = text.slice(span.start, span.end);
  const marked = /CI|CrI|HDI|HPD|UI|interval/.test(slice) ? markedClaims(text, span, nums) : [];
  const bare = slice.includes('[') ? bracketClaims(text, span, nums) : [];
  const taken = new Set([...marked, ...bare].flatMap((c) => [c.lo.start, c.estimate?.start]));
  const unmarked = unmarkedClaims(text, span, nums).filter((c) => !taken.has(c.lo.start) && !taken.has(c.estimate?.start));
  return [...marked, ...bare, ...unmarked].sort((a, b) => a.lo.start - b.lo.start);
}
