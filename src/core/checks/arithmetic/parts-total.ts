// Parts against their total: variance explained by a set of factors against the parts listed with
// it, shares that must add to 100% ("85% ... the remaining 15%"), and a stated total of counts
// against the counts it is broken into ("a total of 196 evaluations (150 ..., 20 ... and 26 ...)").

import { formatLike, intervalMeets, roundingInterval } from '../../numbers.ts';
import type { CheckOutput, PaperText } from '../../types.ts';
import { isCount, quantitiesIn, sentencesOf, type Num, type Sentence } from './context.ts';
import { sum, type Interval } from './interval-math.ts';
import { cover, formatValue, makeFinding, makeVerified, plain } from './report.ts';
import type { CheckModule } from '../module.ts';

const REMAINING_BEFORE = /(?:\b(?:the\s+)?(?:remaining|remainder)|\bthe\s+(?:rest|others?))\b(?:\s+(?:of\s+(?:the\s+)?)?[A-Za-z][\w-]*){0,2}\s*(?:\(?\s*\d[\d,]*\s*\(?)?\s*[(:,]?\s*$/i;
// "remaining above 22%", "remained at 5%": the verb, a level one quantity stays at, not a remainder.
const REMAINS_AT_LEVEL = /\bremain(?:ing|s|ed)?\s+(?:(?:well|still|roughly|about|just|stable|steady|constant|flat)\s+)?(?:above|below|at|near|around|over|under|within|between|close\s+to|in\s+excess\s+of)\s+(?:(?:about|around|roughly|nearly|almost|some)\s+)?$/i;
const NOT_SHARE_AFTER = /^\s*(?:CI|C\.I\.|confidence|credib|of\s+(?:the\s+)?(?:total\s+)?(?:variance|variability))/i;
const VARIANCE_AFTER = /^\s*(?:of\s+(?:the\s+)?(?:total\s+|common\s+|explained\s+)?(?:variance|variability|variation))/i;
const EXPLAIN_BEFORE = /\b(?:explain\w*|account\w*\s+for)\s+(?:a\s+total\s+of\s+|together\s+|jointly\s+|cumulatively\s+|about\s+|approximately\s+)?$/i;
const TOGETHER = /\b(?:together|in\s+total|combined|cumulatively|jointly|altogether|total(?:ling)?)\b/i;
const WORD_NUMBERS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const COMPONENT_COUNT = /\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)[\s-]+(?:(?:latent|distinct|separate|main|principal|underlying)\s+)?(?:factors?|components?|dimensions?|clusters?)\b/gi;

function isShare(text: string, n: Num): boolean {
  return n.percent && !NOT_SHARE_AFTER.test(text.slice(n.end, n.end + 40));
}

/** The shares right after the rest's first one, in the same clause and list ("..., B (17%)", "or B (17%)"). */
function restSplit(text: string, nums: Num[], shares: boolean[], at: number): Num[] {
  const tail: Num[] = [];
  for (let k = at + 1; k < nums.length && shares[k]; k++) {
    const gap = text.slice(nums[k - 1].end, nums[k].start);
    if (gap.length > 50 || /[;.]/.test(gap) || !/,|\b(?:or|and)\b/.test(gap)) break;
    tail.push(nums[k]);
  }
  return tail;
}

function partsInterval(parts: Num[]): Interval {
  return sum(parts.map((p) => roundingInterval(p)));
}

export function checkPartsTotals(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  const text = paper.text;
  const { sentences } = sentencesOf(paper);
  const numsOf = sentences.map((s) => quantitiesIn(text, s));

  const report = (kind: 'parts-total', total: Num, parts: Num[], claimSpan: { start: number; end: number }, expected: number, what: string, severity: 'error' | 'warning') => {
    const recomputed = formatLike(total, expected);
    out.findings.push(
      makeFinding(paper, {
        kind,
        severity,
        message: `${what}: ${parts.map((p) => p.text).join(' + ')} is ${recomputed}, not ${total.text}.`,
        claimSpan,
        span: total,
        reported: total.text,
        recomputed,
        working: parts.map((p) => plain(p.value)).join(' + '),
        suggestion: severity === 'error' ? recomputed : undefined,
        related: parts,
      }),
    );
  };

  sentences.forEach((s: Sentence, si: number) => {
    const nums = numsOf[si];
    // 1. "the remaining 15%": the shares before it in the sentence and it make 100%.
    const shares = nums.map((n) => isShare(text, n));
    nums.forEach((r, i) => {
      if (!shares[i]) return;
      const window = text.slice(Math.max(s.start, r.start - 48), r.start);
      // A cheap necessary condition first: the full pattern scans every position of the window.
      if (!/remain|rest|other/i.test(window) || !REMAINING_BEFORE.test(window) || REMAINS_AT_LEVEL.test(window)) return;
      const before = nums.slice(Math.max(0, i - 12), i).filter((_, k) => shares[Math.max(0, i - 12) + k]);
      if (!before.length) return;
      // "the rest on A (31%) or B (17%)": the rest is split further, and is the list's sum.
      const tail = restSplit(text, nums, shares, i);
      for (let j = before.length - 1; j >= 0; j--) {
        const parts = [...before.slice(j), r, ...tail];
        const [lo, hi] = partsInterval(parts);
        if (lo <= 100 + 1e-9 && hi >= 100 - 1e-9) {
          out.verified.push(makeVerified(paper, 'parts-total', cover(...parts), `${parts.map((p) => plain(p.value)).join(' + ')} = 100`));
          return;
        }
      }
      // A split rest is read by the share lists, which know more of the list.
      if (tail.length) return;
      // Only the nearest share is certainly the complement's partner; with more, several readings exist.
      const parts = before.slice(-1);
      const expected = 100 - parts[0].value;
      const recomputed = formatLike(r, expected);
      const severity = before.length === 1 ? 'error' : 'warning';
      out.findings.push(
        makeFinding(paper, {
          kind: 'parts-total',
          severity,
          message: before.length === 1 ? `The remainder of ${parts[0].text} is ${recomputed}, not ${r.text}.` : `The shares ${[...before, r].map((p) => p.text).join(', ')} do not add up to 100%.`,
          claimSpan: cover(...before, r),
          span: r,
          reported: r.text,
          recomputed: before.length === 1 ? recomputed : undefined,
          working: `100 - ${plain(parts[0].value)}`,
          suggestion: severity === 'error' ? recomputed : undefined,
          related: before,
        }),
      );
    });

    // 2. Variance explained: a total and the factors' shares listed with it.
    const aboutVariance = /varian|variab/i.test(text.slice(s.start, s.end));
    nums.forEach((t, i) => {
      if (!t.percent) return;
      const after = text.slice(t.end, t.end + 40);
      const before = text.slice(Math.max(s.start, t.start - 40), t.start);
      const isTotal = VARIANCE_AFTER.test(after) || (EXPLAIN_BEFORE.test(before) && aboutVariance);
      if (!isTotal) return;
      const sentenceText = text.slice(Math.max(s.start, t.start - 300), t.start);
      // "together/cumulatively explained 65%": the parts come before, in the same sentence.
      if (TOGETHER.test(before)) {
        const parts = nums.slice(Math.max(0, i - 12), i).filter((_, k) => shares[Math.max(0, i - 12) + k]);
        if (parts.length >= 2) check(t, parts, 'the parts listed', 'error');
        return;
      }
      // Parts in parentheses right after: "(factor 1: 30.1%, factor 2: 20.0%)".
      const paren = /^\s*[^()]{0,40}?\(/.exec(after);
      if (paren) {
        const open = t.end + paren[0].length;
        const close = text.slice(open, Math.min(s.end, open + 300)).indexOf(')') + open;
        if (close > open && close <= s.end) {
          const inside = nums.slice(i + 1, i + 13).filter((n) => n.start > open && n.end <= close);
          if (inside.length >= 2 && inside.every((n) => n.percent)) {
            check(t, inside, 'the parts listed', 'error');
            return;
          }
        }
      }
      // "reduced to 4 factors (explaining 65.17% of variance). The first factor (23.59%) ...":
      // the stated number of factors says how many shares follow.
      let k: number | undefined;
      for (const m of sentenceText.matchAll(COMPONENT_COUNT)) k = WORD_NUMBERS[m[1].toLowerCase()] ?? Number(m[1]);
      if (!k || k < 2 || k > 20) return;
      const following: Num[] = [];
      for (let sj = si; sj < sentences.length && sentences[sj].block === s.block && following.length < k; sj++) {
        for (const n of sj === si ? numsOf[sj].slice(i + 1) : numsOf[sj]) {
          if (following.length >= k) break;
          if (isShare(text, n)) following.push(n);
          else if (n.percent) break;
        }
      }
      if (following.length === k) check(t, following, `the ${k} factors' shares`, 'error');
    });

    // 3. "a total of 196 evaluations (150 ..., 20 ... and 26 ...)": counts that make up a total.
    nums.forEach((t, at) => {
      if (!isCount(t)) return;
      const before = text.slice(Math.max(s.start, t.start - 16), t.start);
      if (!/\b(?:total\s+of|totall?ing|in\s+total|altogether)\s+$/i.test(before) && !/^\s*(?:[A-Za-z]+\s+){0,2}in\s+total\b/i.test(text.slice(t.end, t.end + 30))) return;
      const lead = /^\s*(?:[A-Za-z][\w-]*\s+){0,3}(?:in\s+total\s*)?[(:]\s*/.exec(text.slice(t.end, Math.min(s.end, t.end + 60)));
      if (!lead) return;
      const start = t.end + lead[0].length;
      const window = Math.min(s.end, start + 300);
      const closeAt = lead[0].trimEnd().endsWith('(') ? text.slice(start, window).indexOf(')') : window - start;
      if (closeAt < 0) return;
      const end = start + closeAt;
      const inside = text.slice(start, end);
      if (/\b(?:rest|remaining|remainder|others?|including|includ\w+|e\.g|such\s+as|among|of\s+whom|of\s+which)\b/i.test(inside)) return;
      const parts = nums.slice(at + 1, at + 25).filter((n) => n.start >= start && n.end <= end);
      if (parts.length < 2 || !parts.every(isCount) || parts.some((p) => p.value > t.value)) return;
      // Every part must be its own list item: a count followed by words, separated by commas or "and".
      check(t, parts, 'the parts listed', 'error');
    });
  });

  function check(total: Num, parts: Num[], what: string, severity: 'error' | 'warning'): void {
    const iv = partsInterval(parts);
    const exact = parts.reduce((a, p) => a + p.value, 0);
    const claimSpan = cover(total, ...parts);
    const working = parts.map((p) => plain(p.value)).join(' + ');
    if (intervalMeets(total, iv[0], iv[1], true)) {
      out.verified.push(makeVerified(paper, 'parts-total', claimSpan, `${working} = ${formatValue(exact, 4)}`));
      return;
    }
    // Cumulative shares (30.1%, 48.6%, 65.2%) end at the total.
    const last = parts[parts.length - 1];
    const increasing = parts.every((p, i) => i === 0 || p.value > parts[i - 1].value);
    if (increasing && intervalMeets(total, ...roundingInterval(last), true)) {
      out.verified.push(makeVerified(paper, 'parts-total', claimSpan, `cumulative ${plain(last.value)}`));
      return;
    }
    report('parts-total', total, parts, claimSpan, exact, `The total does not match ${what}`, severity);
  }
  return out;
}

export const PARTS_TOTAL_RULE = { id: 'parts-total', title: 'Parts and total', description: 'A stated total does not match the sum of the parts listed with it, or shares do not add up to 100%.', defaultSeverity: 'error' } as const;

export const partsTotalCheck: CheckModule = {
  name: 'parts-total',
  title: 'Parts and total',
  description: 'Adds up parts listed with a stated total, and shares that must leave the rest.',
  kinds: [PARTS_TOTAL_RULE],
  shapes: [
    { name: 'total then parts', example: 'a total of 30 sites (12 urban and 18 rural)' },
    { name: 'remaining share', example: '70% ... the remaining 30%' },
  ],
  leavesAlone: [
    'Lists whose parts may overlap.',
    'A share that remains above, below or at a level (the verb remain, not the remainder).',
  ],
  run: checkPartsTotals,
};
