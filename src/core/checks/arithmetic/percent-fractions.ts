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
/**
 * The same share told after a restating phrase instead of a bracket: "A of B things, that is x%",
 * "…, i.e. x%", "…, or x%", "…, an error rate of x%", "…, which is x% of them".
 */
const WHOLE_RESTATED_AS_PCT = new RegExp(`^\\s*(?:${WORD}\\s+){0,4}?(?:${WORD})?\\s*[,;:(–—-]?\\s*(?:that\\s+is|i\\.\\s?e\\.,?|or|which\\s+(?:is|was|makes|made)|(?:an?|the)\\s+(?:${WORD}\\s+){0,2}(?:rate|share|proportion|percentage|fraction)\\s+of)\\s*(?:about\\s+|approximately\\s+|roughly\\s+|nearly\\s+|only\\s+|just\\s+)?$`, 'i');
/** "A of them (x%)", "A of these, x%": the whole is the count the pronoun points back to, earlier in the sentence. */
const OF_THEM_TO_PCT = /^\s*(?:of|out\s+of)\s+(?:them|these|those|which|whom)\s*(?:[,([]|,?\s*(?:that\s+is|i\.\s?e\.,?|or))\s*$/i;
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
  const bridge = text.slice(whole.end, p.start);
  if (!WHOLE_TO_PCT.test(bridge) && !WHOLE_RESTATED_AS_PCT.test(bridge)) return undefined;
  const between = count ? text.slice(count.end, whole.start) : '';
  const direct = OF_DIRECT.test(between);
  const worded = !direct && OUT_OF_WORDED.test(between);
  if (!(direct || worded) || !countLike(count, /out\s+of/i.test(between)) || count.value > whole.value) return undefined;
  return { pct: p, count, whole: [whole], cue: 'fraction' };
}

/** "A total of B things …; A of them (x%) …": the whole is the nearest count before, bound by a pronoun. */
function fractionOfThem(text: string, nums: Num[], i: number): FractionClaim | undefined {
  const p = nums[i];
  const count = nums[i - 1];
  const whole = nums[i - 2];
  if (!count || !whole || !isCount(count) || !isCount(whole) || count.value > whole.value) return undefined;
  if (!OF_THEM_TO_PCT.test(text.slice(count.end, p.start)) || !PCT_CLOSES.test(text.slice(p.end, p.end + 3))) return undefined;
  // The pronoun is only sure to point to the whole when it is the sentence's one earlier number.
  if (i !== 2 || /\d|%/.test(text.slice(whole.end, count.start))) return undefined;
  return { pct: p, count, whole: [whole], cue: 'fraction' };
}

/** "x% of the B things (A things)", "x% of all B (n = A)": the share of a whole, its count in a bracket after. */
function pctOfWholeThenCount(text: string, nums: Num[], i: number): FractionClaim | undefined {
  const [p, whole, count] = [nums[i], nums[i + 1], nums[i + 2]];
  if (!whole || !count || !isCount(whole) || !isCount(count) || count.value > whole.value) return undefined;
  if (!/^\s*of\s+(?:(?:the|all|all\s+the|a\s+total\s+of)\s+)?$/i.test(text.slice(p.end, whole.start))) return undefined;
  if (!new RegExp(`^\\s*(?:${WORD}\\s+){0,3}?(?:${WORD})?\\s*[([]\\s*(?:[nN]\\s*=\\s*)?$`).test(text.slice(whole.end, count.start))) return undefined;
  return BRACKET_CLOSES.test(text.slice(count.end, count.end + 60)) ? { pct: p, count, whole: [whole], cue: 'fraction' } : undefined;
}

/** "A things … (n = B; x%)": the count, then its whole and share in one bracket. */
function countThenWholeAndPct(text: string, nums: Num[], i: number): FractionClaim | undefined {
  const [count, whole, p] = [nums[i - 2], nums[i - 1], nums[i]];
  if (!count || !whole || !isCount(count) || !isCount(whole) || count.value > whole.value) return undefined;
  if (!new RegExp(`^\\s*(?:${WORD}\\s+){0,6}?(?:${WORD})?\\s*[([]\\s*(?:[nN]|total)\\s*=\\s*$`).test(text.slice(count.end, whole.start))) return undefined;
  return /^\s*[;,]\s*$/.test(text.slice(whole.end, p.start)) && PCT_CLOSES.test(text.slice(p.end, p.end + 3)) ? { pct: p, count, whole: [whole], cue: 'fraction' } : undefined;
}

/** "Among the B things, x% (n = A) …": a whole that opens the sentence, and a share with its count. */
function wholeLedPctWithCount(text: string, sentence: TextSpan, nums: Num[], i: number): FractionClaim | undefined {
  const [whole, p, count] = [nums[0], nums[i], nums[i + 1]];
  if (i < 1 || !count || !isCount(whole) || !isCount(count) || count.value > whole.value) return undefined;
  if (!/^\s*(?:Among|Amongst|Of|From|Across)\s+(?:(?:the|all|all\s+the|these|those)\s+)?$/i.test(text.slice(sentence.start, whole.start))) return undefined;
  if (!/^\s*\(\s*[nN]\s*=\s*$/.test(text.slice(p.end, count.start)) || !/^\s*\)/.test(text.slice(count.end, count.end + 3))) return undefined;
  // Nothing else counted between the whole and the share: it is the share of that whole.
  return nums.slice(1, i).every((n) => n.percent) ? { pct: p, count, whole: [whole], cue: 'fraction' } : undefined;
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
    const fraction =
      fractionBefore(text, nums, i) ??
      fractionAfter(text, nums, i) ??
      fractionOfThem(text, nums, i) ??
      pctOfWholeThenCount(text, nums, i) ??
      countThenWholeAndPct(text, nums, i) ??
      wholeLedPctWithCount(text, sentence, nums, i);
    if (fraction) {
      claims.push(fraction);
      continue;
    }
    const count = countWithShare(text, nums, i);
    if (count) pairs.push({ count, pct: p, index: i });
  }
  // "A (x%) ..., the remaining B (y%)": the remainder of the whole the sentence already named ("C of the N
  // things (z%), A (x%) and the remaining B (y%)"), else of every count listed with a share before it.
  for (let k = 1; k < pairs.length; k++) {
    const [a, b] = [pairs[k - 1], pairs[k]];
    if (!REMAINING_BEFORE.test(text.slice(Math.max(a.pct.end, b.count.start - 24), b.count.start))) continue;
    const named = claims.find((c) => c.cue === 'fraction' && c.whole.length === 1 && c.pct.end <= a.count.start)?.whole;
    const whole = named ?? pairs.slice(0, k + 1).map((p) => p.count);
    const listed = named ? pairs.slice(0, k + 1) : [a, b];
    for (const p of listed) if (!claims.some((c) => c.pct === p.pct)) claims.push({ pct: p.pct, count: p.count, whole, cue: 'remaining' });
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
