// A whole split into parts told by share and count together, with the whole left unsaid: a held-out
// part and the rest ("a 20% test set (n = 200); the remaining 800 ..."), or every part with both its
// share and its count ("training (80%, 4,000 pairs) and test (20%, 1,000 pairs)"). The whole is the
// sum of the counts; each printed share must be its count's share of it, at the share's printed
// precision. A share off by more than rounding is a warning: a split may be nominal ("a 20% split"
// stratified by class), and the counts may leave a part unsaid.

import { formatLike, roundingInterval } from '../../numbers.ts';
import type { CheckOutput, PaperText, RawFinding, RawVerified, TextSpan } from '../../types.ts';
import type { CheckModule } from '../module.ts';
import { isCount, numbersIn, sentencesOf, type Num } from './context.ts';
import { cover, makeFinding, makeVerified, plain } from './report.ts';
import { PARTS_TOTAL_RULE } from './parts-total.ts';

export interface SubsetShareClaim {
  /** Each part's printed share and its count; the whole is the sum of the counts. */
  parts: { share?: Num; count: Num }[];
  sentence: TextSpan;
}

// "(n = 200)", "(200 images)", "(N=200)" right after the share and up to a few words.
const COUNT_BRACKET = /^[^().;\d]{0,60}?\(\s*(?:[nN]\s*=\s*)?$/;
const PART_LEAD = /(?:\b(?:a|an|the|random|first|last)\s+|\bof\s+(?:the|all|our)\s+[\w-]+(?:\s+[\w-]+)?\s*,\s*)$/i;
const REST_BEFORE = /\b(?:the\s+)?(?:remaining|other|rest(?:\s+of\s+the)?)\s*(?:\(\s*(?:[nN]\s*=\s*)?)?$/i;
// "(80%, 4,000 pairs)", "(n = 800, 80%)": one share and one count in a bracket of their own.
const SHARE_COUNT_GAP = /^\s*[,;]\s*(?:[nN]\s*=\s*)?$/;
const SPLIT_WORDS = /\b(?:split|divided|partitioned|allocated|randomi[sz]ed)\s+(?:in(?:to)?|between|across|among|to)\b/i;
const UNIT_AFTER = /^\s*(?:%|percent|ms|s|min|h|kg|g|mg|ml|km|m|cm|mm|x)(?![A-Za-z])/i;

function plainCount(text: string, n: Num): boolean {
  return isCount(n) && !n.percent && !UNIT_AFTER.test(text.slice(n.end, n.end + 8));
}

/** "a P% part (n = a) ... the remaining b": the held-out part's share of a + b. */
function heldOut(text: string, nums: Num[], s: TextSpan): SubsetShareClaim[] {
  for (let i = 0; i + 2 < nums.length; i++) {
    const [share, count] = [nums[i], nums[i + 1]];
    if (!share.percent || share.value <= 0 || share.value >= 100 || !plainCount(text, count)) continue;
    if (!COUNT_BRACKET.test(text.slice(share.end, count.start)) || !/^\s*(?:[A-Za-z][\w-]*\s*){0,2}\)/.test(text.slice(count.end, count.end + 30))) continue;
    // A share of a set ("a 20% test set", "a random 10% of the ...", "Of the cases, 12% ..."), not a rate ("recall was 62%").
    const lead = text.slice(Math.max(s.start, share.start - 40), share.start);
    if (!PART_LEAD.test(lead) && !/^[^(]*?\bof\b/.test(text.slice(share.end, count.start))) continue;
    const rest = nums[i + 2];
    if (!plainCount(text, rest) || !REST_BEFORE.test(text.slice(Math.max(count.end, rest.start - 30), rest.start))) continue;
    return [{ parts: [{ share, count }, { count: rest }], sentence: s }];
  }
  return [];
}

/** Brackets each holding one share and one count, listed together: the parts of the counts' sum. */
function sharesWithCounts(text: string, nums: Num[], s: TextSpan): SubsetShareClaim[] {
  const parts: { share: Num; count: Num }[] = [];
  for (let i = 0; i + 1 < nums.length; i++) {
    const [a, b] = [nums[i], nums[i + 1]];
    if (a.percent === b.percent || !SHARE_COUNT_GAP.test(text.slice(a.end, b.start))) continue;
    const [share, count] = a.percent ? [a, b] : [b, a];
    if (!plainCount(text, count) || !/\(\s*(?:[nN]\s*=\s*)?$/.test(text.slice(Math.max(s.start, a.start - 8), a.start))) continue;
    if (!/^\s*(?:[A-Za-z][\w-]*\s*){0,2}\)/.test(text.slice(b.end, b.end + 30))) continue;
    parts.push({ share, count });
    i++;
  }
  if (parts.length < 2 || parts.length > 8) return [];
  const [lo, hi] = parts.reduce(([l, h], p) => {
    const [pl, ph] = roundingInterval(p.share);
    return [l + pl, h + ph];
  }, [0, 0]);
  const whole = lo <= 100 + 1e-9 && hi >= 100 - 1e-9;
  return whole || SPLIT_WORDS.test(text.slice(s.start, s.end)) ? [{ parts, sentence: s }] : [];
}

export function readSubsetShares(text: string, s: TextSpan): SubsetShareClaim[] {
  const nums = numbersIn(text, s).filter((n) => !n.noise);
  return [...heldOut(text, nums, s), ...sharesWithCounts(text, nums, s)];
}

function judge(paper: PaperText, c: SubsetShareClaim, findings: RawFinding[], verified: RawVerified[]): void {
  const whole = c.parts.reduce((a, p) => a + p.count.value, 0);
  const claimSpan = cover(...c.parts.flatMap((p) => (p.share ? [p.share, p.count] : [p.count])));
  const wrong = c.parts.filter((p) => {
    if (!p.share) return false;
    const [lo, hi] = roundingInterval(p.share);
    const exact = (100 * p.count.value) / whole;
    return exact < lo - 1e-9 || exact > hi + 1e-9;
  });
  const sumText = c.parts.map((p) => p.count.text).join(' + ');
  if (!wrong.length) {
    verified.push(makeVerified(paper, PARTS_TOTAL_RULE.id, claimSpan, c.parts.filter((p) => p.share).map((p) => `${plain(p.count.value)} / ${plain(whole)} = ${p.share!.text}`).join('; ')));
    return;
  }
  // One finding per split: which count or share is wrong is not for the checker to guess.
  const p = wrong[0];
  {
    const exact = (100 * p.count.value) / whole;
    const recomputed = formatLike(p.share!, exact);
    const wholeText = c.parts.some((q) => q.count.text.includes(',')) ? whole.toLocaleString('en-US') : plain(whole);
    findings.push(makeFinding(paper, {
      kind: PARTS_TOTAL_RULE.id,
      severity: 'warning',
      message: `${p.count.text} of the ${wholeText} (${sumText}) is ${recomputed}, not ${p.share!.text}.`,
      claimSpan,
      span: p.share!,
      reported: p.share!.text,
      recomputed,
      working: `${plain(p.count.value)} / (${sumText}) × 100 = ${plain(Math.round(exact * 100) / 100)}`,
      related: c.parts.map((q) => q.count),
      explanation: 'The parts\' counts add up to the whole they split; each part\'s share is its count over that sum. A nominal split ("a 20% test set") or a part left unsaid would also explain a gap.',
    }));
  }
}

export function checkSubsetShares(paper: PaperText): CheckOutput {
  const findings: RawFinding[] = [];
  const verified: RawVerified[] = [];
  for (const s of sentencesOf(paper).sentences) {
    if (!/%|percent/i.test(paper.text.slice(s.start, s.end))) continue;
    for (const c of readSubsetShares(paper.text, s)) judge(paper, c, findings, verified);
  }
  return { findings, verified };
}

export const subsetSharesCheck: CheckModule = {
  name: 'subset-shares',
  title: 'Shares of parts given with their counts',
  description: 'Recomputes the share of each part of a split from the parts\' counts, when the whole is their sum.',
  kinds: [PARTS_TOTAL_RULE],
  shapes: [
    { name: 'held-out part and the rest', example: 'a 25% test set (n = 300); the remaining 900 items trained the model' },
    { name: 'each part with share and count', example: 'train (70%, 1,400 clips), dev (15%, 300 clips) and test (15%, 300 clips)' },
  ],
  leavesAlone: [
    'Shares whose whole is stated elsewhere than as the parts\' sum (the percentage check reads "a of N (P%)").',
    'Brackets of shares and counts that neither add to 100% nor describe a split: they may be rates of different groups.',
  ],
  run: checkSubsetShares,
};
