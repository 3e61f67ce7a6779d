// Shares of one whole listed in a sentence: "a% X, b% Y and c% Z", which add up to 100% when the
// categories split the whole. The reader takes the sentence's free-standing percentages (not those in
// brackets after a count, which are percentages of that count); the judge adds their rounding
// intervals. A list that makes 100% is verified; one that misses is flagged only when the sentence
// says it is a split (composition, distribution, "respectively", "the rest", an "or" list) and the
// sum is near 100%, so two unrelated rates are never added.

import { roundingInterval } from '../../numbers.ts';
import type { CheckOutput, PaperText, RawFinding, RawVerified, TextSpan } from '../../types.ts';
import type { CheckModule } from '../module.ts';
import { numbersIn, sentencesOf, type Num } from './context.ts';
import { sum } from './interval-math.ts';
import { cover, formatValue, makeFinding, makeVerified } from './report.ts';
import { PARTS_TOTAL_RULE } from './parts-total.ts';

const MAX_SHARES = 8;
/** How far from 100% a cued list may add up to and still be read as a split rather than unrelated rates. */
const NEAR_WHOLE = 25;
const SPLIT_CUE = /\b(?:composition|distribution|distributed|breakdown|broken down|split|divided|respectively|remaining|the rest|the others)\b|\band other\b/i;
// Percentages that are not shares of a whole: changes, points, intervals, rates "of" a group.
const NOT_SHARE_AFTER = /^\s*(?:CI\b|confidence|credib|points?\b|pp\b|increase|decrease|reduction|higher|lower|more|less|change|chance of|probability)/i;
const COUNT_THEN_BRACKET = /\d[\d,]*\s*\(\s*$/;

export interface ShareList {
  shares: Num[];
  sentence: TextSpan;
  cued: boolean;
}

export function readShareList(text: string, sentence: TextSpan): ShareList | undefined {
  const shares = numbersIn(text, sentence).filter((n) => {
    if (n.noise || !n.percent || n.value < 0 || n.value > 100) return false;
    if (NOT_SHARE_AFTER.test(text.slice(n.end, n.end + 24))) return false;
    return !COUNT_THEN_BRACKET.test(text.slice(Math.max(sentence.start, n.start - 16), n.start));
  });
  if (shares.length < 2 || shares.length > MAX_SHARES) return undefined;
  const within = text.slice(sentence.start, sentence.end);
  const lastGap = text.slice(shares.at(-2)!.end, shares.at(-1)!.start);
  const orList = shares.length >= 3 && /\bor\b/.test(lastGap);
  return { shares, sentence, cued: SPLIT_CUE.test(within) || orList };
}

export function checkShareLists(paper: PaperText): CheckOutput {
  const findings: RawFinding[] = [];
  const verified: RawVerified[] = [];
  for (const s of sentencesOf(paper).sentences) {
    const list = readShareList(paper.text, s);
    if (!list) continue;
    const [lo, hi] = sum(list.shares.map((p) => roundingInterval(p)));
    const working = `${list.shares.map((p) => p.text.replace(/\s*(?:percent|per cent)$/i, '%')).join(' + ')} = ${formatValue((lo + hi) / 2)}%`;
    const claimSpan = cover(...list.shares);
    if (lo <= 100 + 1e-9 && hi >= 100 - 1e-9) {
      verified.push(makeVerified(paper, PARTS_TOTAL_RULE.id, claimSpan, working));
      continue;
    }
    const total = (lo + hi) / 2;
    if (!list.cued || Math.abs(total - 100) > NEAR_WHOLE) continue;
    findings.push(makeFinding(paper, {
      kind: PARTS_TOTAL_RULE.id,
      severity: 'warning',
      message: `These shares add up to ${formatValue(total)}%, not 100%.`,
      claimSpan,
      span: claimSpan,
      reported: '100%',
      recomputed: `${formatValue(total)}%`,
      working,
      related: list.shares,
      explanation: 'Shares of categories that split one whole add up to 100% within rounding; a category left unsaid, or categories that overlap, would also explain the gap.',
    }));
  }
  return { findings, verified };
}

export const shareListsCheck: CheckModule = {
  name: 'share-lists',
  title: 'Listed shares of one whole',
  description: 'Adds up the percentages a sentence splits a whole into, which must make 100% within rounding.',
  kinds: [PARTS_TOTAL_RULE],
  shapes: [
    { name: 'composition', example: 'the fleet was 55% diesel, 30% petrol and 15% electric' },
    { name: 'respectively', example: 'shares of 60%, 25% and 15% for rent, food and travel, respectively' },
    { name: 'either-or list', example: 'answered never 10%, sometimes 50%, or often 40%' },
  ],
  leavesAlone: [
    'Percentages in brackets after a count: they are percentages of that count (the percentage check reads them).',
    'Lists without a word saying they split a whole, or far from 100%: they are verified when they make 100%, never flagged.',
  ],
  run: checkShareLists,
};
