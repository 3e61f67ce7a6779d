// Counts that are products told in words. Read, then judged:
// - a count per group, the number of groups, and the total ("25 pupils from each of the 12 schools,
//   300 pupils in total"; "40 ratings for both forms (80 ratings overall)");
// - items laid out in a grid of rows × columns ("the 24 sensors were arranged in a 4 × 6 grid").
// The reader records the numbers as written and the words that bind them; the judge multiplies
// (counts are whole, so exactly) and compares with the stated count.

import type { CheckOutput, PaperText } from '../../types.ts';
import { wordValue } from '../../ledger/word-numbers.ts';
import { quantitiesIn, sentencesOf, type Num, type Sentence } from './context.ts';
import { ARITHMETIC_RULE } from './expressions.ts';
import { cover, makeFinding, makeVerified } from './report.ts';
import type { CheckModule } from '../module.ts';

export interface CountProduct {
  shape: 'per-group' | 'grid';
  /** The stated count (total, or the number of items in the grid). */
  total: Num;
  /** The factors as written; a multiplier in words ("both") is a synthetic number. */
  factors: [Num, Num];
  cue: string;
}

const TOTAL_AFTER = /^\s*(?:[A-Za-z-]+\s+){0,2}?(?:in\s+total|total|overall|altogether|combined|in\s+all)\b/i;
const TOTAL_BEFORE = /\b(?:a\s+total\s+of|in\s+total,?|total\s+of|altogether,?|overall,?)\s*$/i;
// "each of the 12 schools", "each of three sites": the number of groups.
const EACH_OF = /\beach\s+of\s+(?:the\s+|our\s+|these\s+)?(\d+|[a-z]+(?:-[a-z]+)?)\s+([a-z]+)/gi;
const BOTH = /\bboth\b/gi;
const RANGE_END_BEFORE = /\d\s*(?:-|–|to|and)\s*$/;
// Words that make "both" something other than a count of two groups.
const NOT_TWO_GROUPS = /\bboth\b\s+(?:of\s+)?(?:which|these|them|cases|approaches|methods|models|directions)\b/i;
const ARRANGED = /\b(?:arranged|laid\s+out|placed|organi[sz]ed|positioned|distributed|set\s+out|tiled|deployed|mounted)\s+(?:in|on|into|as|across)\s+(?:a|an|the)?\s*$/i;

function noun(text: string, n: Num): string {
  return /^\s*([a-z][a-z-]{2,})/i.exec(text.slice(n.end, n.end + 30))?.[1].toLowerCase() ?? '';
}

function synthetic(text: string, start: number, end: number, value: number): Num {
  return { text: text.slice(start, end), start, end, value, decimals: 0, exponent: 0, trailingZeros: 0, percent: false, noise: '' };
}

function isWhole(n: Num): boolean {
  return n.decimals === 0 && n.exponent === 0 && !n.percent && n.value > 0;
}

/** The number of groups the sentence names: "both" is two, "each of the k ..." is k. One reading only. */
function groupsOf(text: string, s: Sentence, exclude: readonly Num[]): Num | undefined {
  const found: Num[] = [];
  const slice = text.slice(s.start, s.end);
  for (const m of slice.matchAll(BOTH)) {
    if (NOT_TWO_GROUPS.test(slice.slice(m.index, m.index + 30))) continue;
    found.push(synthetic(text, s.start + m.index, s.start + m.index + m[0].length, 2));
  }
  for (const m of slice.matchAll(EACH_OF)) {
    const value = /^\d+$/.test(m[1]) ? Number(m[1]) : wordValue(m[1]);
    if (!value || value < 2) continue;
    const start = s.start + m.index + m[0].indexOf(m[1], 'each of'.length);
    if (exclude.some((n) => n.start === start)) continue;
    found.push(synthetic(text, start, start + m[1].length, value));
  }
  return found.length === 1 ? found[0] : undefined;
}

function perGroupClaims(text: string, s: Sentence, nums: Num[], out: CountProduct[]): void {
  for (let i = 0; i < nums.length; i++) {
    const total = nums[i];
    if (!isWhole(total) || !(TOTAL_AFTER.test(text.slice(total.end, total.end + 30)) || TOTAL_BEFORE.test(text.slice(Math.max(s.start, total.start - 20), total.start)))) continue;
    const what = noun(text, total);
    if (!what) continue;
    // The count per group: an earlier count of the same noun in the sentence.
    const each = nums.slice(0, i).reverse().find((n) => isWhole(n) && n.value < total.value && noun(text, n) === what);
    // "between 40 and 60 trials": the end of a range is no count per group.
    if (!each || RANGE_END_BEFORE.test(text.slice(Math.max(s.start, each.start - 12), each.start))) continue;
    const groups = groupsOf(text, s, [each, total]);
    if (!groups || groups.start < each.start - 120) continue;
    out.push({ shape: 'per-group', total, factors: [each, groups], cue: groups.value === 2 && /both/i.test(groups.text) ? 'for both' : 'for each of' });
  }
}

const GRID_AT = /(?<![\d.])(\d{1,4})\s*(?:×|x|-?\s*by\s*-?)\s*(\d{1,4})(?![\d.])\s*-?\s*(?:grid|array|lattice|layout|arrangement|configuration|mesh|matrix)\b/gi;

function gridClaims(text: string, s: Sentence, nums: Num[], out: CountProduct[]): void {
  const slice = text.slice(s.start, s.end);
  if (/\bgrid\s+search\b/i.test(slice)) return;
  for (const m of slice.matchAll(GRID_AT)) {
    const aStart = s.start + m.index;
    if (!ARRANGED.test(text.slice(Math.max(s.start, aStart - 40), aStart))) continue;
    const bStart = s.start + m.index + m[0].indexOf(m[2], m[1].length);
    const a = synthetic(text, aStart, aStart + m[1].length, Number(m[1]));
    const b = synthetic(text, bStart, bStart + m[2].length, Number(m[2]));
    // The items: the nearest whole count before the arrangement, written with a noun after it.
    const items = nums.filter((n) => n.end <= aStart).reverse().find((n) => isWhole(n) && noun(text, n) !== '' && n.value > 1);
    if (!items) continue;
    out.push({ shape: 'grid', total: items, factors: [a, b], cue: 'arranged in a grid' });
  }
}

/** Reads the count products of one sentence. */
export function readCountProducts(text: string, s: Sentence): CountProduct[] {
  const nums = quantitiesIn(text, s);
  const out: CountProduct[] = [];
  perGroupClaims(text, s, nums, out);
  gridClaims(text, s, nums, out);
  return out;
}

export function judgeCountProduct(paper: PaperText, c: CountProduct, out: CheckOutput): void {
  const [a, b] = c.factors;
  const product = a.value * b.value;
  const working = `${a.value} × ${b.value} = ${product}`;
  const claimSpan = cover(a, b, c.total);
  if (product === c.total.value) {
    out.verified.push(makeVerified(paper, ARITHMETIC_RULE.id, claimSpan, working));
    return;
  }
  // Read from words, so a warning: the groups may not all be the same size.
  out.findings.push(
    makeFinding(paper, {
      kind: ARITHMETIC_RULE.id,
      severity: 'warning',
      message: c.shape === 'grid' ? `A ${a.text} × ${b.text} grid holds ${product}, not ${c.total.text}.` : `${a.text} ${c.cue === 'for both' ? 'for both groups' : `for each of ${b.text}`} makes ${product}, not ${c.total.text}.`,
      claimSpan,
      span: c.shape === 'grid' ? cover(a, b) : c.total,
      reported: c.total.text,
      recomputed: String(product),
      working,
      related: c.shape === 'grid' ? [c.total] : [a],
    }),
  );
}

export function checkCountProducts(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  for (const s of sentencesOf(paper).sentences) for (const c of readCountProducts(paper.text, s)) judgeCountProduct(paper, c, out);
  return out;
}

export const countProductsCheck: CheckModule = {
  name: 'count-products',
  title: 'Counts that are products',
  description: 'Multiplies a count per group by the number of groups (both, each of the k) and compares it with the total stated with it; and the rows by the columns of a grid the items are arranged in.',
  kinds: [ARITHMETIC_RULE],
  shapes: [
    { name: 'per group, for each group, total', example: '25 pupils from each of the 12 schools, 300 pupils in total' },
    { name: 'for both groups', example: '40 ratings for both forms of the test (80 ratings overall)' },
    { name: 'items in a grid', example: 'the 24 sensors were arranged in a 4 × 6 grid' },
  ],
  leavesAlone: [
    'Sentences naming more than one number of groups, or "both" of methods or directions rather than groups.',
    'Grids the items are converted or padded into, and grid searches.',
    'A multiplier the text implies but does not write (six per leg, without saying two legs).',
  ],
  run: checkCountProducts,
};
