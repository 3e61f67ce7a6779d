// Means of values listed in the same sentence: "3.2, 4.1 and 5.0, a mean of 4.1", "the average
// of 12, 15 and 18 was 15".

import { exactSum } from '../../math.ts';
import { formatLike, intervalMeets, roundingInterval } from '../../numbers.ts';
import type { CheckOutput, PaperText } from '../../types.ts';
import { quantitiesIn, sentencesOf, type Num } from './context.ts';
import { cover, formatValue, makeFinding, makeVerified, plain } from './report.ts';
import { unitAt } from './unit-text.ts';
import type { CheckModule } from '../module.ts';

const LIST_GAP = /^\s*(?:,\s*and|,\s*or|,|and|;)\s*$/;
const MEAN_AFTER_LIST = /^\s*[,;(]?\s*(?:(?:with|giving|gave|for|yielding|had|has|have|showing|i\.e\.,?|which\s+had|and)\s+)?(?:an?\s+|the\s+)?(?:overall\s+|arithmetic\s+)?(?:mean|average)\s*(?:value\s+)?(?:of|was|is|=|:)?\s*(?:about\s+|approximately\s+|≈\s*)?$/i;
// "12, 15 and 18, averaging 15", "…, which average out to 15": the verb form of the same claim.
const AVERAGING_AFTER_LIST = /^\s*(?:[a-z][a-z-]*\s*){0,2}?[,;(]?\s*(?:(?:which|that)\s+)?averag(?:ing|ed?|es)\s+(?:out\s+)?(?:at\s+|to\s+)?(?:about\s+|approximately\s+|≈\s*)?$/i;
const MEAN_BEFORE_LIST = /\b(?:mean|average)\s+of\s+(?:the\s+(?:values\s+)?)?$/i;
const RESULT_AFTER_LIST = /^\s*(?:is|was|=|equals|gives|gave)\s*(?:about\s+|approximately\s+)?$/i;

function unitOf(text: string, n: Num, limit: number): string {
  return (n.percent ? '%' : '') + (unitAt(text, n.end, limit)?.mathjs ?? '');
}

/**
 * The exact sum of numbers as written: decimals are scaled to whole numbers, added and divided
 * once, which gives what exactSum's fractions give without building fractions.
 */
function decimalSum(list: Num[]): number {
  const d = Math.max(...list.map((n) => n.decimals));
  if (d > 6 || list.some((n) => n.exponent !== 0)) return exactSum(list.map((n) => n.value));
  const scale = 10 ** d;
  let total = 0;
  for (const n of list) total += Math.round(n.value * scale);
  return Number.isSafeInteger(total) ? total / scale : exactSum(list.map((n) => n.value));
}

export function checkMeans(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  const text = paper.text;
  const { sentences } = sentencesOf(paper);
  for (const s of sentences) {
    const nums = quantitiesIn(text, s);
    if (nums.length < 3) continue;
    // Maximal runs of listed values.
    let i = 0;
    while (i < nums.length) {
      let j = i;
      while (j + 1 < nums.length) {
        const u = unitAt(text, nums[j].end, nums[j + 1].start);
        const gap = text.slice(u ? u.end : nums[j].end, nums[j + 1].start);
        if (!LIST_GAP.test(gap)) break;
        j++;
      }
      const list = nums.slice(i, j + 1);
      const next = nums[j + 1];
      i = j + 1;
      if (list.length < 2) continue;
      const last = list[list.length - 1];
      const lastUnit = unitAt(text, last.end, next ? next.start : s.end);
      const afterList = lastUnit ? lastUnit.end : last.end;
      let mean: Num | undefined;
      if (next && (MEAN_AFTER_LIST.test(text.slice(afterList, next.start)) || AVERAGING_AFTER_LIST.test(text.slice(afterList, next.start)))) mean = next;
      else if (next && MEAN_BEFORE_LIST.test(text.slice(Math.max(s.start, list[0].start - 40), list[0].start)) && RESULT_AFTER_LIST.test(text.slice(afterList, next.start))) mean = next;
      if (!mean) continue;
      if (list.length === 2 && /\b(?:between|from|range[ds]?|ranging)\s+(?:\S+\s+){0,2}$/i.test(text.slice(Math.max(s.start, list[0].start - 30), list[0].start))) continue;
      const units = new Set(list.map((n, k) => unitOf(text, n, k + 1 < list.length ? list[k + 1].start : next ? next.start : s.end)));
      // A unit is often written only once, after the last value.
      const written = [...units].filter((u) => u.replace('%', '') !== '');
      if (new Set(written).size > 1) continue;
      const meanUnit = unitOf(text, mean, s.end).replace('%', '');
      const listUnit = (written[0] ?? '').replace('%', '');
      if (meanUnit && listUnit && meanUnit !== listUnit) continue;
      if (mean.percent !== list[0].percent || list.some((n) => n.percent !== mean.percent)) continue;
      const exact = decimalSum(list) / list.length;
      // Whole numbers listed are taken as exact; decimals were rounded.
      const b = (n: Num) => (n.decimals === 0 && n.exponent === 0 ? [n.value, n.value] : roundingInterval(n));
      const lo = list.reduce((a, n) => a + b(n)[0], 0) / list.length;
      const hi = list.reduce((a, n) => a + b(n)[1], 0) / list.length;
      const working = `mean(${list.map((n) => plain(n.value)).join(', ')})`;
      const claimSpan = cover(...list, mean);
      if (intervalMeets(mean, lo, hi, true)) {
        out.verified.push(makeVerified(paper, 'mean', claimSpan, `${working} = ${formatValue(exact, 4)}`));
        continue;
      }
      const recomputed = formatLike(mean, exact);
      out.findings.push(
        makeFinding(paper, {
          kind: 'mean',
          severity: 'error',
          message: `The mean of ${list.map((n) => n.text).join(', ')} is ${recomputed}, not ${mean.text}.`,
          claimSpan,
          span: mean,
          reported: mean.text,
          recomputed,
          working,
          suggestion: recomputed,
          related: list,
        }),
      );
    }
  }
  return out;
}

export const MEAN_RULE = { id: 'mean', title: 'Mean of listed values', description: 'A stated mean or average does not match the values listed with it.', defaultSeverity: 'error' } as const;

export const meanCheck: CheckModule = {
  name: 'mean',
  title: 'Mean of listed values',
  description: 'Recomputes a mean from the values listed with it.',
  kinds: [MEAN_RULE],
  shapes: [
    { name: 'listed then mean', example: 'scores of 4, 6 and 8, a mean of 6' },
    { name: 'listed then averaging', example: 'runs of 3.1, 2.9 and 3.3 s, averaging 3.1 s' },
  ],
  leavesAlone: [
    'Means whose values are not all listed.',
  ],
  run: checkMeans,
};
