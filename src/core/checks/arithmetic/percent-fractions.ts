// Percentages whose count and total are both written in the sentence, in the looser forms the
// bracket readers of percentage.ts leave: "A of B things (x%)" with words before the bracket,
// "(A out of B, x%)", "x% of the things (A out of B things)", "A things out of a total of B (x%)",
// two counts that make the whole ("A (x%) ..., the remaining B (y%)"), and percentages of a list of
// groups named before them ("B1 X and B2 Y, of whom A1 (x%) and A2 (y%)").
// The reader only returns claims; percentage.ts judges them.

import type { TextSpan } from '../../types.ts';
import { isCount, type Num } from './context.ts';

export interface FractionClaim {
  pct: Num;
  count: Num;
  /** The whole, as the printed numbers that add up to it (one number, or the two parts of "the remaining"). */
  whole: Num[];
  cue: 'fraction' | 'remaining' | 'respectively';
}

const WORD = "[A-Za-z][\\w'\\u2019.-]*";
/** "of" right after the count, or "out of" after a few words ("A cases out of a total of B"). */
const OF_DIRECT = /^\s*(?:\/|of|out\s+of)\s+(?:(?:the|all|a\s+total\s+of|these|those)\s+)?$|^\s*\/\s*$/i;
const OUT_OF_WORDED = new RegExp(`^\\s*(?:${WORD}\\s+){1,5}(?:out\\s+of|of\\s+a\\s+total\\s+of)\\s+(?:(?:the|all|a\\s+total\\s+of)\\s+)?$`, 'i');
/** Between the whole and the percentage after it: a comma inside the bracket, or words and an opening bracket. */
const WHOLE_TO_PCT = new RegExp(`^\\s*(?:,|;|(?:${WORD}\\s+){0,7}?(?:${WORD})?\\s*[([])\\s*$`);
const PCT_CLOSES = /^\s*(?:[)\],;.]|$)/;
/** "x% of the things (" before "A out of B". */
const PCT_TO_BRACKET = new RegExp(`^\\s*(?:(?:${WORD}\\s+){0,7}?(?:${WORD})?\\s*)?[([]\\s*$`);
const BRACKET_CLOSES = new RegExp(`^\\s*(?:${WORD}\\s*){0,5}[)\\]]`);
const REMAINING_BEFORE = /\b(?:the\s+)?(?:remaining|other)\s+$|\bthe\s+rest\s+(?:of\s+(?:the\s+)?\w+\s+)?$/i;
const OF_WHOM = /\b(?:of|among|amongst)\s+(?:whom|which|these|those|them)\s*,?\s*$/i;
const LIST_GAP = new RegExp(`^\\s*(?:${WORD}\\s+){0,12}?(?:${WORD})?\\s*(?:,\\s*(?:and\\s+)?|and\\s+|&\\s*)$`);

function isShare(p: Num): boolean {
  return p.percent && p.value >= 0 && p.value <= 100;
}

/** A count, or a decimal "count" (a weighted or imputed number of items) when "out of" ties it to a whole. */
function countLike(n: Num | undefined, decimalOk: boolean): n is Num {
  return !!n && !n.percent && n.exponent === 0 && n.value >= 0 && (isCount(n) || decimalOk);
}

/** "A of B ... (x%)" and "(A out of B, x%)": the percentage after the fraction. */
function fractionBefore(text: string, nums: Num[], i: number): FractionClaim | undefined {
  const p = nums[i];
  const whole = nums[i - 1];
  const count = nums[i - 2];
  if (!whole || !isCount(whole) || !PCT_CLOSES.test(text.slice(p.end, p.end + 3))) return undefined;
  if (!WHOLE_TO_PCT.test(text.slice(whole.end, p.start))) return undefined;
  const between = count ? text.slice(count.end, whole.start) : '';
  const direct = OF_DIRECT.test(between);
  const worded = !direct && OUT_OF_WORDED.test(between);
  if (!(direct || worded) || !countLike(count, /out\s+of/i.test(between)) || count.value > whole.value) return undefined;
  return { pct: p, count, whole: [whole], cue: 'fraction' };
}

/** "x% of the things (A out of B things)": the fraction in a bracket after the percentage. */
function fractionAfter(text: string, nums: Num[], i: number): FractionClaim | undefined {
  const p = nums[i];
  const count = nums[i + 1];
  const whole = nums[i + 2];
  if (!count || !whole || !isCount(count) || !isCount(whole) || count.value > whole.value) return undefined;
  if (!PCT_TO_BRACKET.test(text.slice(p.end, count.start))) return undefined;
  if (!/^\s*(?:out\s+of|of)\s+(?:(?:the|all)\s+)?$/i.test(text.slice(count.end, whole.start))) return undefined;
  if (!BRACKET_CLOSES.test(text.slice(whole.end, whole.end + 60))) return undefined;
  return { pct: p, count, whole: [whole], cue: 'fraction' };
}

/** A count followed by its share in brackets: "A (x%)", "A things (x%)". */
function countWithShare(text: string, nums: Num[], i: number): Num | undefined {
  const q = nums[i - 1];
  if (!q || !isCount(q) || !PCT_CLOSES.test(text.slice(nums[i].end, nums[i].end + 3))) return undefined;
  return new RegExp(`^\\s*(?:${WORD}\\s+){0,3}[([]\\s*$`).test(text.slice(q.end, nums[i].start)) ? q : undefined;
}

/** Readings of one sentence's quantities (in order). */
export function readFractionClaims(text: string, sentence: TextSpan, nums: Num[]): FractionClaim[] {
  const claims: FractionClaim[] = [];
  const pairs: { count: Num; pct: Num; index: number }[] = [];
  for (let i = 0; i < nums.length; i++) {
    const p = nums[i];
    if (!isShare(p) || nums[i].end > sentence.end) continue;
    const fraction = fractionBefore(text, nums, i) ?? fractionAfter(text, nums, i);
    if (fraction) {
      claims.push(fraction);
      continue;
    }
    const count = countWithShare(text, nums, i);
    if (count) pairs.push({ count, pct: p, index: i });
  }
  // "A (x%) ..., the remaining B (y%)": the two counts are the whole.
  for (let k = 1; k < pairs.length; k++) {
    const [a, b] = [pairs[k - 1], pairs[k]];
    if (!REMAINING_BEFORE.test(text.slice(Math.max(a.pct.end, b.count.start - 24), b.count.start))) continue;
    const whole = [a.count, b.count];
    claims.push({ pct: a.pct, count: a.count, whole, cue: 'remaining' }, { pct: b.pct, count: b.count, whole, cue: 'remaining' });
  }
  claims.push(...respectively(text, nums, pairs));
  return claims;
}

/** "B1 X and B2 Y, of whom A1 (x%) and A2 (y%)": each share is of the group named in the same place. */
function respectively(text: string, nums: Num[], pairs: { count: Num; pct: Num; index: number }[]): FractionClaim[] {
  const out: FractionClaim[] = [];
  const indexOf = new Map(nums.map((n, i) => [n, i]));
  for (let k = 0; k < pairs.length; k++) {
    const first = pairs[k];
    if (!OF_WHOM.test(text.slice(Math.max(0, first.count.start - 24), first.count.start))) continue;
    const run = [first];
    while (k + run.length < pairs.length && /^\s*\)?\s*(?:,\s*(?:and\s+)?|and\s+)$/.test(text.slice(run.at(-1)!.pct.end, pairs[k + run.length].count.start).replace(/^\s*\)/, ''))) run.push(pairs[k + run.length]);
    const at = indexOf.get(first.count)!;
    const groups = nums.slice(Math.max(0, at - run.length), at);
    if (run.length < 2 || groups.length !== run.length || !groups.every(isCount)) continue;
    const joined = groups.every((g, j) => j === 0 || LIST_GAP.test(text.slice(groups[j - 1].end, g.start)));
    if (!joined || groups.some((g, j) => g.value < run[j].count.value)) continue;
    run.forEach((r, j) => out.push({ pct: r.pct, count: r.count, whole: [groups[j]], cue: 'respectively' }));
    k += run.length - 1;
  }
  return out;
}
