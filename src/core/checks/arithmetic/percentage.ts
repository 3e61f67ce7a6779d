// Percentages against their counts: "12 of 40 (30%)", "30% (12/40)", "12/40 (30%)", "n = 12, 30%",
// and "194 (18.42%)" whose total is stated earlier in the paragraph or section. A percentage whose
// total is not written next to it is only reported when the total is established: other
// percentages of the same passage agree with it, or it counts the same thing the claim does.

import { formatLike, roundsTo } from '../../numbers.ts';
import type { Block, CheckOutput, PaperText, TextSpan } from '../../types.ts';
import { isCount, quantitiesIn, sentencesOf, type Num, type Sentence } from './context.ts';
import { cover, formatValue, makeFinding, makeVerified } from './report.ts';
import type { CheckModule } from '../module.ts';
import { readFractionClaims } from './percent-fractions.ts';
import { wordNumbersIn } from '../../text/lexicon.ts';

interface PercentClaim {
  pct: Num;
  /** The counts the percentage is of; several when it covers "(n = 150) or (n = 20)". */
  counts: Num[];
  /** Total written with the count ("12 of 40", "12/40"). */
  total?: Num;
  /** A whole written as its two parts ("A (x%) ..., the remaining B (y%)"): the total is their sum. */
  wholeParts?: Num[];
  /** Readings that a third, unnamed group would also explain are warnings. */
  severity?: 'error' | 'warning';
  sentence: Sentence;
}

const NOT_A_SHARE = /^\s*(?:CI|C\.I\.|confidence|credib|HDI|HPD|PI\b|prediction|quantile|percentile|level|power|significance|interval|of (?:the )?(?:total |explained )?variance|(?:of )?(?:the )?variance)/i;

// "Of the 40 products, 12 (30%) ...", "Among all 120 participants, 45 (37.5%) ...": the whole is
// named first, at the start of the sentence or of a clause, and the count follows its noun.
const TOTAL_FIRST_LEAD = /(?:^|[;:(,]\s*|\b(?:and|but|while|whereas)\s+)(?:of|out\s+of|among|amongst)\s+(?:(?:the|these|those|all|our|a\s+total\s+of)\s+){0,2}$/i;
const TOTAL_FIRST_GAP = /^\s*(?:[A-Za-z][\w'\u2019-]*\s+){0,8}?(?:[A-Za-z][\w'\u2019-]*)?\s*,\s*$/;

function totalFirst(text: string, sentence: Sentence, total: Num, count: Num): boolean {
  if (!isCount(total) || total.start < sentence.start || total.value < count.value) return false;
  const from = Math.max(sentence.start, total.start - 40);
  // A NUL in front when the window does not reach the sentence start, so that ^ cannot match.
  const lead = (from === sentence.start ? '' : '\u0000') + text.slice(from, total.start);
  return TOTAL_FIRST_GAP.test(text.slice(total.end, count.start)) && TOTAL_FIRST_LEAD.test(lead);
}

/** Finds the claims of one sentence. */
function claimsOf(text: string, sentence: Sentence, nums: Num[]): PercentClaim[] {
  const claims: PercentClaim[] = [];
  // The whole named first ("Of the 40 products, ..."), and where its last claim ended.
  let base: { total: Num; end: number; index: number } | undefined;
  for (let i = 0; i < nums.length; i++) {
    const p = nums[i];
    if (!p.percent || p.value > 100 || p.value < 0) continue;
    const after = text.slice(p.end, Math.min(sentence.end, p.end + 40));
    if (NOT_A_SHARE.test(after)) continue;
    const q = nums[i - 1];
    const claim = (counts: Num[], total?: Num): PercentClaim => ({ pct: p, counts, total, sentence });
    // Count (or fraction) before: "12 (30%)", "12 participants (30%)", "12 of 40 (30%)", "12/40 (30%)", "(n = 12, 30%)".
    if (q && isCount(q) && q.start >= sentence.start) {
      const gap = text.slice(q.end, p.start);
      const beforeQ = text.slice(Math.max(sentence.start, q.start - 20), q.start);
      const parenAfterWords = /^\s*(?:[A-Za-z][\w'\u2019-]*\s+){0,3}[([]\s*$/.test(gap) && /^\s*[),;\]]/.test(after);
      const listed = /^\s*[,;]\s*$/.test(gap) && /(?:[([]|\bn\s*=)\s*$/i.test(beforeQ);
      if (parenAfterWords || listed) {
        const k = nums[i - 2];
        const between = k ? text.slice(k.end, q.start) : '';
        if (k && isCount(k) && k.start >= sentence.start && /^\s*(?:of|out of)\s+(?:the\s+|all\s+)?$|^\s*\/\s*$/.test(between) && k.value <= q.value) {
          claims.push(claim([k], q));
        } else if (nums[i + 1] && isCount(nums[i + 1]) && nums[i + 1].value >= q.value && nums[i + 1].end <= sentence.end && /^\s*[)\]]\s*(?:of|out\s+of)\s+(?:(?:the|all|these|those)\s+)?$/i.test(text.slice(p.end, nums[i + 1].start))) {
          // "12 (30%) of the 40 products": the whole right after the claim.
          claims.push(claim([q], nums[i + 1]));
        } else if (k && totalFirst(text, sentence, k, q)) {
          claims.push(claim([q], k));
          base = { total: k, end: p.end, index: i };
        } else if (base && base.index === i - 2 && base.total.value >= q.value && !/\b(?:of|among|amongst|within|whom|which|them|these|those)\b/i.test(text.slice(base.end, q.start))) {
          // "Of the 40 products, 12 (30%) contained A and 8 (20%) contained B": the same whole.
          claims.push(claim([q], base.total));
          base = { total: base.total, end: p.end, index: i };
        } else if (!/\/\s*$/.test(beforeQ) && !/(?:of|out of)\s+(?:the\s+)?$/.test(beforeQ)) {
          claims.push(claim([q]));
        }
        continue;
      }
    }
    // Count after: "30% (12/40)", "30% (12 of 40)", "30% (n = 12)", "30% of participants (n = 12)".
    const k = nums[i + 1];
    if (k && isCount(k) && k.end <= sentence.end) {
      const gap = text.slice(p.end, k.start);
      const direct = /^\s*[([]\s*(?:n\s*=\s*)?$/i.test(gap);
      const worded = /^\s*(?:of\s+)?(?:[A-Za-z][\w'\u2019-]*\s+){0,3}[([]\s*n\s*=\s*$/i.test(gap);
      if (direct || worded) {
        const n = nums[i + 2];
        const between = n ? text.slice(k.end, n.start) : '';
        if (n && isCount(n) && n.end <= sentence.end && /^\s*(?:\/|of|out of)\s*(?:the\s+)?$/.test(between) && k.value <= n.value) {
          claims.push(claim([k], n));
          continue;
        }
        if (/^\s*[)\],;]/.test(text.slice(k.end, k.end + 3))) {
          claims.push(claim([k]));
          continue;
        }
      }
    }
    // A share in brackets followed by the counts it covers: "most plots (60%) were grazed (n = 40) or mown (n = 20)".
    if (/[([]\s*$/.test(text.slice(p.start - 2, p.start)) && /^\s*[)\]]/.test(after) && !(q && q.start >= sentence.start && /^\s*(?:[A-Za-z][\w'\u2019-]*\s+){0,3}[([]\s*$/.test(text.slice(q.end, p.start)))) {
      const counts: Num[] = [];
      for (let j = i + 1; j < nums.length && nums[j].end <= sentence.end; j++) {
        const c = nums[j];
        if (c.percent) break;
        if (isCount(c) && /[([]\s*n\s*=\s*$/i.test(text.slice(c.start - 8, c.start)) && /^\s*[)\]]/.test(text.slice(c.end, c.end + 3))) counts.push(c);
      }
      if (counts.length) claims.push(claim(counts));
    }
  }
  return claims;
}

// A number word that is not a count of its own: part of a larger number or a fraction ("two hundred",
// "two-thirds"), a percentage in words, or glued to a hyphen.
const NOT_A_WORD_COUNT = /^(?:\s*(?:hundred|thousand|million|billion|dozen|percent|per\s?cent|%)\b|-)/i;
/** What follows a worded count in a percentage claim: "of" / "out of", or its share in a bracket after a few words. */
const WORD_COUNT_USE = /^\s*(?:(?:out\s+)?of\b|(?:[A-Za-z][\w'\u2019-]*\s+){0,3}[([]\s*\d[\d.]*\s*%)/;

/**
 * The sentence's numbers with counts written as words ("Nineteen of the 76 nests (25%)", "three
 * out of twelve (25%)"). "One" is left out: "one of the two arms" names a thing more often than it counts.
 */
export function withWordCounts(text: string, sentence: TextSpan, nums: Num[]): Num[] {
  const words = wordNumbersIn(text, sentence).filter((w) => {
    const after = text.slice(w.end, Math.min(sentence.end, w.end + 60));
    return w.value >= 2 && !NOT_A_WORD_COUNT.test(after) && WORD_COUNT_USE.test(after) && !nums.some((n) => n.start < w.end && w.start < n.end);
  });
  if (!words.length) return nums;
  return [...nums, ...words.map((w): Num => ({ ...w, noise: '' }))].sort((a, b) => a.start - b.start);
}

/** claimsOf with counts written as words; a worded count is only taken with its total written beside it. */
function wordedClaimsOf(text: string, sentence: Sentence, nums: Num[]): PercentClaim[] {
  const all = nums.some((n) => n.percent) ? withWordCounts(text, sentence, nums) : nums;
  const claims = claimsOf(text, sentence, all);
  if (all === nums) return claims;
  return claims.filter((c) => c.total || !c.counts.some((k) => /^[A-Za-z]/.test(k.text)));
}

/** The looser fraction readings fill in a total where the bracket readers found none. */
function withFractions(text: string, sentence: Sentence, nums: Num[], claims: PercentClaim[]): PercentClaim[] {
  const byPct = new Map(claims.map((c) => [c.pct, c]));
  const all = nums.some((n) => n.percent) ? withWordCounts(text, sentence, nums) : nums;
  for (const f of readFractionClaims(text, sentence, all)) {
    const old = byPct.get(f.pct);
    if (old?.total || old?.wholeParts) continue;
    const claim: PercentClaim = f.whole.length === 1
      ? { pct: f.pct, counts: [f.count], total: f.whole[0], sentence, severity: f.cue === 'fraction' ? 'error' : 'warning' }
      : { pct: f.pct, counts: [f.count], wholeParts: f.whole, sentence, severity: 'warning' };
    byPct.set(f.pct, claim);
  }
  return [...byPct.values()].sort((a, b) => a.pct.start - b.pct.start);
}

/** Consistent when some count interpretation gives a percentage that rounds to the reported one. */
function consistent(pct: Num, count: number, total: number): boolean {
  return total > 0 && roundsTo(pct, (100 * count) / total);
}

/** Truncated rather than rounded: not an error, the convention is unclear. */
function truncates(pct: Num, count: number, total: number): boolean {
  const exact = (100 * count) / total;
  const unit = 10 ** -pct.decimals;
  return exact >= pct.value - 1e-9 && exact < pct.value + unit;
}

const STOP = new Set(['were', 'was', 'with', 'from', 'that', 'this', 'have', 'had', 'been', 'their', 'there', 'which', 'total', 'each', 'unique', 'initial', 'final', 'other', 'more', 'than', 'about', 'over', 'under', 'into', 'also', 'only', 'those', 'these', 'they', 'them', 'whom', 'after', 'before', 'during', 'between', 'among', 'within', 'across', 'including', 'included']);

function stem(word: string): string {
  return word.toLowerCase().replace(/(?:ies)$/, 'y').replace(/(?:es|s)$/, '');
}

/** The words that say what a number counts: up to three words after it. */
function nounsAfter(text: string, n: Num, limit: number): string[] {
  const m = /^\s*((?:[A-Za-z][\w'\u2019-]*\s*){1,3})/.exec(text.slice(n.end, Math.min(limit, n.end + 48)));
  if (!m) return [];
  return m[1]
    .split(/\s+/)
    .filter((w) => w.length >= 4 && !STOP.has(w.toLowerCase()))
    .map(stem);
}

/** Extends a claim over the bracket that closes it ("12 (30%" → "12 (30%)"). */
export function closeParen(text: string, span: TextSpan): TextSpan {
  const m = /^\s*[)\]]/.exec(text.slice(span.end, span.end + 4));
  return m ? { start: span.start, end: span.end + m[0].length } : span;
}

interface Candidate {
  n: Num;
  nouns: string[];
  sameBlock: boolean;
  sameSentence: boolean;
}

const MAX_BLOCKS_BACK = 3;

export function checkPercentages(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  const text = paper.text;
  const { blocks, sentences } = sentencesOf(paper);
  const numsBySentence = sentences.map((s) => quantitiesIn(text, s));
  const claimsBySentence = sentences.map((s, i) => withFractions(text, s, numsBySentence[i], wordedClaimsOf(text, s, numsBySentence[i])));
  const sentencesByBlock = new Map<number, number[]>();
  sentences.forEach((s, i) => {
    const list = sentencesByBlock.get(s.block) ?? [];
    list.push(i);
    sentencesByBlock.set(s.block, list);
  });

  // The blocks a claim may take its total from: its own and up to three earlier ones in the same section.
  const blockIndex = new Map<Block, number>(paper.blocks.map((x, i) => [x, i]));
  const scopeCache = new Map<number, number[]>();
  const scopeBlocks = (b: number): number[] => {
    const cached = scopeCache.get(b);
    if (cached) return cached;
    const idx = blockIndex.get(blocks[b]) ?? 0;
    const out: number[] = [b];
    for (let back = 1, j = b - 1; back <= MAX_BLOCKS_BACK && j >= 0; back++, j--) {
      const prev = blocks[j];
      const between = paper.blocks.slice((blockIndex.get(prev) ?? 0) + 1, idx);
      if (prev.section !== blocks[b].section || between.some((x: Block) => x.kind === 'heading')) break;
      out.push(j);
    }
    scopeCache.set(b, out);
    return out;
  };

  // Bounded so that a paragraph of thousands of numbers stays linear: the nearest ones only.
  const MAX_CANDIDATES = 80;
  const MAX_SIBLINGS = 40;
  const candidatesFor = (si: number, claimNums: Set<Num>): Candidate[] => {
    const s = sentences[si];
    const cands: Candidate[] = [];
    for (const b of scopeBlocks(s.block)) {
      const inBlock = (sentencesByBlock.get(b) ?? []).filter((sj) => !(b === s.block && sj > si));
      for (const sj of inBlock.reverse()) {
        if (cands.length >= MAX_CANDIDATES) break;
        const nums = numsBySentence[sj];
        for (const n of nums.length > MAX_CANDIDATES ? nums.slice(-MAX_CANDIDATES) : nums) {
          if (!isCount(n) || claimNums.has(n) || n.value < 2) continue;
          // A number used as a count inside a "k (p%)" claim is a part, not a total.
          cands.push({ n, nouns: nounsAfter(text, n, sentences[sj].end), sameBlock: b === s.block, sameSentence: sj === si });
        }
      }
    }
    return cands;
  };

  const partNums = new Set<Num>();
  for (const claims of claimsBySentence) for (const c of claims) for (const k of c.counts) partNums.add(k);

  for (let si = 0; si < sentences.length; si++) {
    for (const claim of claimsBySentence[si]) {
      const { pct, counts, total } = claim;
      const sum = counts.reduce((a, c) => a + c.value, 0);
      const countText = counts.length === 1 ? counts[0].text : counts.map((c) => c.text).join(' + ');
      const wholeNums = total ? [total] : claim.wholeParts ?? [];
      const claimSpan = closeParen(text, cover(pct, ...counts, ...wholeNums));
      if (wholeNums.length) {
        const totalValue = wholeNums.reduce((a, w) => a + w.value, 0);
        const totalText = wholeNums.map((w) => w.text).join(' + ');
        const working = `${sum} / ${wholeNums.map((w) => w.value).join(' + ')} * 100`;
        if (consistent(pct, sum, totalValue)) {
          out.verified.push(makeVerified(paper, 'percentage', claimSpan, `${working} = ${formatValue((100 * sum) / totalValue, 3)}%`));
        } else if (!truncates(pct, sum, totalValue)) {
          const recomputed = formatLike(pct, (100 * sum) / totalValue);
          const severity = claim.severity ?? 'error';
          out.findings.push(
            makeFinding(paper, {
              kind: 'percentage',
              severity,
              message: `${countText} of ${totalText} is ${recomputed}, not ${pct.text}.`,
              claimSpan,
              span: pct,
              reported: pct.text,
              recomputed,
              working,
              suggestion: severity === 'error' ? recomputed : undefined,
              related: [...counts, ...wholeNums],
            }),
          );
        }
        continue;
      }
      const interpretations = counts.length > 1 ? [sum, ...counts.map((c) => c.value)] : [sum];
      const claimSet = new Set<Num>(counts);
      // A count with its own share in an earlier sentence may be the subgroup later shares are of ("281 (5.7%) had X. ... 61 (22%) ...").
      const cands = candidatesFor(si, claimSet).filter((c) => c.n.value >= sum && (!partNums.has(c.n) || !c.sameSentence));
      const match = cands.find((c) => interpretations.some((k) => consistent(pct, k, c.n.value)));
      if (match) {
        const k = interpretations.find((x) => consistent(pct, x, match.n.value)) as number;
        out.verified.push(makeVerified(paper, 'percentage', claimSpan, `${k} / ${match.n.value} * 100 = ${formatValue((100 * k) / match.n.value, 3)}%`));
        continue;
      }
      if (cands.some((c) => interpretations.some((k) => truncates(pct, k, c.n.value)))) continue;
      // Which total is established? Score each candidate by the other claims of the passage it fits
      // and by whether it counts the same thing.
      const claimWords = new Set(
        text
          .slice(Math.max(sentences[si].start, claimSpan.start - 200), Math.min(sentences[si].end, claimSpan.end + 200))
          .split(/[^A-Za-z'\u2019-]+/)
          .filter((w) => w.length >= 4)
          .map(stem),
      );
      let best: { c: Candidate; score: number; sameSentenceSibling: boolean } | undefined;
      const seenValues = new Set<number>();
      for (const c of cands) {
        if (seenValues.has(c.n.value)) continue;
        seenValues.add(c.n.value);
        let score = 0;
        let sameSentenceSibling = false;
        let integerSiblings = 0;
        let siblingsSeen = 0;
        for (const b of scopeBlocks(sentences[si].block)) {
          for (const sj of sentencesByBlock.get(b) ?? []) {
            if (Math.abs(sj - si) > MAX_SIBLINGS) continue;
            for (const other of claimsBySentence[sj]) {
              if (++siblingsSeen > MAX_SIBLINGS) break;
              if (other === claim || other.total || other.wholeParts) continue;
              const otherSum = other.counts.reduce((a, x) => a + x.value, 0);
              if (otherSum > c.n.value || !consistent(other.pct, otherSum, c.n.value)) continue;
              if (other.pct.decimals >= 1) score += 2;
              else integerSiblings++;
              if (sj === si) sameSentenceSibling = true;
            }
          }
        }
        score += Math.min(integerSiblings, 2);
        if (c.nouns.some((w) => claimWords.has(w))) score += 1;
        if (!best || score > best.score) best = { c, score, sameSentenceSibling };
      }
      if (!best || best.score < 2) continue;
      const N = best.c.n;
      const severity = best.c.sameBlock || best.sameSentenceSibling ? 'error' : 'warning';
      const k = sum;
      const recomputed = formatLike(pct, (100 * k) / N.value);
      const alternatives = counts.length > 1 ? ` (nor does any one of ${counts.map((c) => c.text).join(', ')})` : '';
      out.findings.push(
        makeFinding(paper, {
          kind: 'percentage',
          severity,
          message: `${countText} of the ${N.text} stated earlier is ${recomputed}, not ${pct.text}${alternatives}.`,
          claimSpan,
          span: pct,
          reported: pct.text,
          recomputed,
          working: `${k} / ${N.value} * 100`,
          suggestion: severity === 'error' ? recomputed : undefined,
          related: [...counts, N],
        }),
      );
    }
  }
  return out;
}

export const PERCENTAGE_RULE = { id: 'percentage', title: 'Percentage of a count', description: 'A percentage does not match the count and total it is said to be of.', defaultSeverity: 'error' } as const;

export const percentageCheck: CheckModule = {
  name: 'percentage',
  title: 'Percentage of a count',
  description: 'Recomputes a percentage from its count and the total it is of, when both are printed in the passage.',
  kinds: [PERCENTAGE_RULE],
  shapes: [
    { name: 'count of total', example: '9 of 36 birds (25%)' },
    { name: 'fraction with share', example: '25% (9/36)' },
    { name: 'total stated earlier', example: 'of 36 birds ... 9 (25%) were ringed' },
    { name: 'fraction with words before the share', example: '9 of 36 birds caught at dawn (25%)' },
    { name: 'share then fraction in words', example: 'about 25% of the birds (9 out of 36 caught)' },
    { name: 'the rest makes the whole', example: '9 birds (25%) were ringed, the remaining 27 (75%) were not' },
    { name: 'shares of groups named before', example: '36 birds and 20 bats, of which 9 (25%) and 5 (25%) were tagged' },
    { name: 'counts written as words', example: 'Nine of the 36 birds (25%); three out of twelve (25%); of the 36 birds, nine (25%)' },
  ],
  leavesAlone: [
    'A percentage whose total is not established in the passage.',
    'A count written as the word "one" ("one of the two arms" names a thing), or a worded count with no whole beside it.',
  ],
  run: checkPercentages,
};
