// A percent change stated next to the two amounts it compares: "an increase of P% (A vs B)",
// "P% higher than B (A)", "a drop of P%, from A to B". The reader finds the percentage with its
// change word (up or down) and the pair of amounts (from ... to, vs, compared with, or the only two
// amounts of the sentence); the judge recomputes it against the smaller amount for a rise and the
// larger for a fall, on the printed numbers. Agreement that needs the amounts to be rounded is a
// warning that says so, never verified.

import { formatLike, roundingInterval, roundsTo, type ReportedNumber } from '../../numbers.ts';
import type { CheckOutput, PaperText, TextSpan } from '../../types.ts';
import type { CheckModule } from '../module.ts';
import { notAnAmount, PER_PERIOD_AFTER, PERCENT_CHANGE_RULE } from './change.ts';
import { quantitiesIn, sentencesOf, type Num } from './context.ts';
import { cover, formatValue, makeFinding, makeVerified } from './report.ts';

const UP = 'increase|increased|rise|rose|gain|growth|grew|improvement|improved|higher|greater|larger|more|faster|better|up';
const DOWN = 'decrease|decreased|drop|dropped|decline|declined|reduction|reduced|fall|fell|loss|lower|smaller|less|slower|worse|down';
const CUE_BEFORE = new RegExp(`\\b(${UP}|${DOWN})\\w*(?:\\s+[\\w&]+){0,3}?\\s+(?:of|by)\\s*(?:about|approximately|around|nearly|almost|roughly|~)?\\s*$|\\b(${UP}|${DOWN})\\w*\\s+(?:about|approximately|around|nearly|almost|roughly|~)?\\s*$`, 'i');
const CUE_AFTER = new RegExp(`^\\s*(${UP}|${DOWN})\\b`, 'i');
const APPROX = /\b(?:about|approximately|around|nearly|almost|roughly)\s*$|~\s*$/i;
/** Relative slack an "about P%" gets on top of its rounding. */
const APPROX_SLACK = 0.1;
const FROM_TO = /^\s*to\s*$/i;
/** How many numbers on each side of a change are looked at for its pair. */
const NEIGHBOURS = 6;
const VERSUS = /^\s*(?:vs\.?|versus|compared (?:to|with)|against)\s*$/i;

export interface ChangeClaim {
  change: Num;
  up: boolean;
  approximate: boolean;
  /** The two amounts, in the order written. */
  a: Num;
  b: Num;
  /** Whether the sentence ties the pair together (from ... to, vs); otherwise they are its only two amounts. */
  explicit: boolean;
  sentence: TextSpan;
}

/** The explicit pair nearest the change (a sentence may compare several), else the sentence's only two amounts. */
function pairOf(text: string, amounts: readonly Num[], change: Num, onlyTwo: boolean): { a: Num; b: Num; explicit: boolean } | undefined {
  let best: { a: Num; b: Num; explicit: boolean } | undefined;
  const distance = (x: { a: Num; b: Num }) => Math.min(Math.abs(x.a.start - change.start), Math.abs(x.b.start - change.start));
  for (let i = 0; i + 1 < amounts.length; i++) {
    const gap = text.slice(amounts[i].end, amounts[i + 1].start).replace(/[^\s\w.~-]+/g, ' ').replace(/\b(?:[a-z]+\/)?(?:second|sec|s|ms|min|hours?|units?|requests?|million|billion|points?)\b/gi, ' ');
    const pair = { a: amounts[i], b: amounts[i + 1], explicit: true };
    if ((FROM_TO.test(gap) || VERSUS.test(gap)) && (!best || distance(pair) < distance(best))) best = pair;
  }
  if (best) return best;
  return onlyTwo && amounts.length === 2 ? { a: amounts[0], b: amounts[1], explicit: false } : undefined;
}

const UP_WORD = new RegExp(`^(?:${UP})`, 'i');

export function readChangeClaims(text: string, sentence: TextSpan): ChangeClaim[] {
  const all = quantitiesIn(text, sentence);
  if (!all.some((n) => n.percent)) return [];
  // Spreads, test statistics and the ends of percentage ranges are never the amounts compared.
  const nums = all.filter((n) => n.percent || !notAnAmount(text, n));
  const claims: ChangeClaim[] = [];
  const onlyTwo = nums.filter((n) => !n.percent && n.value > 0).length === 2;
  nums.forEach((p, index) => {
    if (!p.percent || /^\s*(?:points?|pp)\b/i.test(text.slice(p.end, p.end + 12)) || PER_PERIOD_AFTER.test(text.slice(p.end, p.end + 20))) return;
    const before = text.slice(Math.max(sentence.start, p.start - 40), p.start);
    const cue = CUE_BEFORE.exec(before);
    const word = cue?.[1] ?? cue?.[2] ?? CUE_AFTER.exec(text.slice(p.end, p.end + 20))?.[1];
    if (!word) return;
    const amounts = nums.slice(Math.max(0, index - NEIGHBOURS), index + NEIGHBOURS + 1).filter((n) => n !== p && !n.percent && n.value > 0);
    const pair = pairOf(text, amounts, p, onlyTwo);
    if (!pair) return;
    const up = UP_WORD.test(word);
    claims.push({ change: p, up, approximate: APPROX.test(before), ...pair, sentence });
  });
  return claims;
}

/** The change the amounts give: against the smaller for a rise, the larger for a fall. */
function changeOf(up: boolean, a: number, b: number): number {
  const [small, big] = a < b ? [a, b] : [b, a];
  return ((big - small) / (up ? small : big)) * 100;
}

function stated(c: ChangeClaim): [number, number] {
  const [lo, hi] = roundingInterval(c.change);
  const slack = c.approximate ? APPROX_SLACK * c.change.value : 0;
  return [lo - slack, hi + slack];
}

function rangeOf(c: ChangeClaim): [number, number] {
  const [alo, ahi] = roundingInterval(c.a as ReportedNumber);
  const [blo, bhi] = roundingInterval(c.b as ReportedNumber);
  const v = [changeOf(c.up, alo, blo), changeOf(c.up, alo, bhi), changeOf(c.up, ahi, blo), changeOf(c.up, ahi, bhi)].filter(Number.isFinite);
  return [Math.min(...v), Math.max(...v)];
}

export function checkRelativeChanges(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  for (const s of sentencesOf(paper).sentences) {
    for (const c of readChangeClaims(paper.text, s)) {
      const exact = changeOf(c.up, c.a.value, c.b.value);
      const [slo, shi] = stated(c);
      const working = `(${Math.max(c.a.value, c.b.value)} − ${Math.min(c.a.value, c.b.value)}) / ${c.up ? Math.min(c.a.value, c.b.value) : Math.max(c.a.value, c.b.value)} × 100 = ${formatValue(exact)}%`;
      const claimSpan = cover(c.change, c.a, c.b);
      if ((exact >= slo && exact <= shi) || (!c.approximate && roundsTo(c.change, exact))) {
        out.verified.push(makeVerified(paper, PERCENT_CHANGE_RULE.id, claimSpan, working));
        continue;
      }
      const [rlo, rhi] = rangeOf(c);
      const roundedOnly = rhi >= slo && rlo <= shi;
      if (roundedOnly && !c.explicit) continue;
      out.findings.push(makeFinding(paper, {
        kind: PERCENT_CHANGE_RULE.id,
        severity: roundedOnly || !c.explicit ? 'warning' : 'error',
        message: roundedOnly
          ? `${c.change.text} holds only if ${c.a.text} and ${c.b.text} were rounded from other values; as printed they give ${formatValue(exact)}%.`
          : `${c.change.text} does not match ${c.a.text} and ${c.b.text}, which give a change of ${formatValue(exact)}%.`,
        claimSpan,
        span: c.change,
        reported: c.change.text,
        recomputed: formatLike(c.change, exact) + (c.change.text.endsWith('%') ? '' : '%'),
        working,
        related: [c.a, c.b],
      }));
    }
  }
  return out;
}

export const relativeChangeCheck: CheckModule = {
  name: 'relative-change',
  title: 'Percent change between two amounts',
  description: 'Recomputes a stated percent rise or fall from the two amounts written with it.',
  kinds: [PERCENT_CHANGE_RULE],
  shapes: [
    { name: 'change with a pair', example: 'throughput rose by 25% (400 vs 320 jobs/hour)' },
    { name: 'higher than', example: 'a yield of 6.3 t, 5% higher than the 6.0 t of the old variety' },
    { name: 'from ... to', example: 'a fall of 40%, from 50 to 30 visits' },
  ],
  leavesAlone: [
    'Changes in percentage points (differences, not ratios).',
    'Sentences with more than two amounts and no "from ... to" or "vs" saying which two are compared.',
  ],
  run: checkRelativeChanges,
};
