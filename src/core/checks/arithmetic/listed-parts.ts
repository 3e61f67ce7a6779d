// A whole and the counts it is broken into, written in one sentence: the parts in brackets after the
// whole, after a colon or "comprising / of whom / split into", as "N = ..." entries of one bracket,
// or listed before "out of N". The reader returns claim records (whole, parts, cue); the judge adds
// the parts exactly. A list that is not tied to its whole by a cue is only ever verified (when it
// sums exactly), never flagged.

import { isCount, numbersIn, sentencesOf, type Num } from './context.ts';
import { cover, makeFinding, makeVerified } from './report.ts';
import { PARTS_INTRO, PARTS_OUTRO, wordNumbersIn } from '../../text/lexicon.ts';
import type { ReportedNumber } from '../../numbers.ts';
import type { CheckOutput, PaperText, RawFinding, RawVerified, Severity, TextSpan } from '../../types.ts';
import type { CheckModule } from '../module.ts';
import { PARTS_TOTAL_RULE } from './parts-total.ts';

/** Characters allowed between a whole and the bracket or cue that opens its parts. */
const WHOLE_TO_CUE = 60;
/** Most parts a list is read with (keeps a sentence of thousands of numbers linear). */
const MAX_PARTS = 12;

export interface Item {
  n: ReportedNumber;
  /** Counts can be parts; other numbers only tell what a bracket holds. */
  count: boolean;
  /** The value of a named statistic or a range end ("M = 5.2", "3-7"): an annotation, not a part. */
  annotation: boolean;
  /** Bracket depth in the sentence, and the offset of the innermost open bracket (-1 at top level). */
  depth: number;
  group: number;
}

type Cue = 'bracket' | 'intro' | 'inclusive' | 'named' | 'outro' | 'total-after' | 'none';

export interface PartsClaim {
  whole: ReportedNumber;
  parts: ReportedNumber[];
  cue: Cue;
  sentence: TextSpan;
  /** An error when the words say outright that the whole is the parts' sum; a warning otherwise. */
  severity?: Severity;
}

// A number that is the value of a statistic or a range end, or glued to a word ("3-year-olds"), is not a part.
const STAT_BEFORE = /\b(?:mean|m|sd|se|median|iqr|range|age|min|max|df|p|t|f|r|z|b|β|or|ci)\s*[=:]\s*$/i;
const RANGE_AFTER = /^\s*(?:-|–|—|to)\s*\d/;
const RANGE_BEFORE = /\d\s*(?:-|–|—|to)\s*$/;
// "between 40 and 60": both ends of a range.
const BETWEEN_FIRST = /\bbetween\s*$/i;
const BETWEEN_SECOND = /\bbetween\s+[\d.,]+\s*(?:[A-Za-z%]+\s+)?and\s*$/i;
// "3 per 1,000", "a 3:1 ratio": a rate and its base, or the sides of a ratio, are not parts.
const RATE_OR_RATIO_AFTER = /^\s*(?:per\s+\d|:\s*\d)/i;
const RATE_OR_RATIO_BEFORE = /(?:\bper|\d\s*:)\s*$/i;
const GLUED_AFTER = /^-[A-Za-z]/;

function isPart(text: string, n: ReportedNumber): boolean {
  const before = text.slice(Math.max(0, n.start - 12), n.start);
  const after = text.slice(n.end, n.end + 8);
  const range = BETWEEN_FIRST.test(before) || BETWEEN_SECOND.test(text.slice(Math.max(0, n.start - 32), n.start)) || RATE_OR_RATIO_AFTER.test(after) || RATE_OR_RATIO_BEFORE.test(before);
  return !range && !STAT_BEFORE.test(before) && !RANGE_AFTER.test(after) && !RANGE_BEFORE.test(before) && !GLUED_AFTER.test(after);
}

/** The sentence's counts (digits and number words), with their bracket depth. */
export function itemsOf(text: string, sentence: TextSpan): Item[] {
  const digits = numbersIn(text, sentence).filter((n: Num) => !n.noise);
  const words = wordNumbersIn(text, sentence).filter((w) => !digits.some((d) => d.start < w.end && w.start < d.end));
  const nums = [...digits, ...words].sort((a, b) => a.start - b.start);
  const items: Item[] = [];
  const open: number[] = [];
  let k = 0;
  for (let i = sentence.start; i < sentence.end && k < nums.length; i++) {
    while (k < nums.length && nums[k].start === i) {
      const n = nums[k++];
      const annotation = !isPart(text, n);
      items.push({ n, count: isCount(n) && !annotation, annotation, depth: open.length, group: open.at(-1) ?? -1 });
    }
    const c = text[i];
    if (c === '(' || c === '[') open.push(i);
    else if ((c === ')' || c === ']') && open.length) open.pop();
  }
  return items;
}

/** Counts only, keeping the rest for a look at what a bracket holds. */
function counts(items: readonly Item[]): Item[] {
  return items.filter((i) => i.count);
}

/** Per bracket: does it hold only counts (and percentages of them), not estimates, intervals or p-values? */
function countBrackets(items: readonly Item[]): Map<number, boolean> {
  const only = new Map<number, boolean>();
  for (const i of items) only.set(i.group, (only.get(i.group) ?? true) && (i.count || i.annotation || i.n.percent));
  return only;
}

/** The list of counts ending right before index `end`: items joined by commas or "and", not by a ratio ("a out of b") or a semicolon. */
function listBefore(text: string, items: readonly Item[], end: number): Item[] {
  const list: Item[] = [];
  for (let k = end - 1; k >= Math.max(0, end - MAX_PARTS); k--) {
    const it = items[k];
    if (!it.count) break;
    if (list.length) {
      const gap = text.slice(it.n.end, list[0].n.start);
      if (gap.length > 40 || /;|\bout of\b|\bof\s*$/.test(gap) || !/,|\band\b|&/.test(gap)) break;
    }
    list.unshift(it);
  }
  return list;
}

const OPERATOR = /[×*=+÷]|\\times|\\cdot|\btimes\b|\bx\b/;

/** Are two neighbouring parts joined by an operator (outside any bracketed annotation between them)? */
function joinedByOperators(text: string, parts: readonly ReportedNumber[]): boolean {
  return parts.some((p, k) => k > 0 && OPERATOR.test(text.slice(parts[k - 1].end, p.start).replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ')));
}

function hasDigit(s: string): boolean {
  return /\d/.test(s);
}

// A whole told after its list: "..., 50 in total", "(N = 300)", "(total N = 120)", ", a total of $8,000".
const TOTAL_LEAD = /(?:\b(?:for\s+)?a\s+total\s+of|\btotall?ing|\bin\s+total|\bsumming\s+to|\badding\s+up\s+to|\b(?:total\s+)?[Nn]\s*=|\btotal\s*[:=])\s*\$?$/;
const TOTAL_AFTER = /^\s*(?:[A-Za-z][\w-]*\s+){0,2}?(?:in\s+total|in\s+all|altogether|combined)\b/i;
const NOT_COUNTS = /\b(?:mean|average|median|scor\w*|points?|rated?|ms|sec(?:ond)?s?|min(?:ute)?s?|hours?|days?|years?|percent|SD|SE|per)\b|%/i;
const SAYS_TOTAL = /total|in\s+all|altogether|combined/i;
// Between the list's last count and the whole: its noun, "respectively", and a comma or bracket.
// Each word needs the space or bracket before it, so a word is never split two ways (no backtracking blow-up).
const LIST_TO_TOTAL = /^(?:\s+[A-Za-z][\w-]*|\s*\))*\s*(?:,\s*respectively\s*)?[,(;:]\s*(?:\(\s*)?/;

/** Words after a whole that name any kind of thing counted, or none ("40 works in total", "50 in total"). */
const UMBRELLA = new Set(['in', 'total', 'altogether', 'combined', 'item', 'case', 'unit', 'record', 'entrie', 'observation', 'document', 'text', 'work', 'source', 'studie', 'article', 'paper', 'response', 'participant', 'subject', 'respondent', 'people', 'person', 'individual', 'instance', 'example', 'file']);

/** The noun right after a number ("12 sites"), lower-cased without a plural s. */
function nounAfter(text: string, n: ReportedNumber): string | undefined {
  return /^\s+([A-Za-z]{3,})/.exec(text.slice(n.end, n.end + 30))?.[1].toLowerCase().replace(/s$/, '');
}

/** "a (..), b (..) and c (..), T in total": a list of counts (at any bracket level) closed by its total. */
function totalAfter(text: string, all: readonly Item[], at: number, sentence: TextSpan): PartsClaim | undefined {
  const w = all[at];
  const list = listBefore(text, all, at);
  if (list.length < 2 || new Set(list.map((p) => p.depth)).size > 1) return undefined;
  const last = list.at(-1)!.n;
  // The whole stands outside the list's brackets, or in a bracket of its own after the list.
  if (w.depth >= list[0].depth && w.group < last.end && w.group !== list[0].group) return undefined;
  const gap = text.slice(last.end, w.n.start);
  const lead = LIST_TO_TOTAL.exec(gap);
  if (!lead || gap.length > WHOLE_TO_CUE || /\d/.test(gap)) return undefined;
  const rest = gap.slice(lead[0].length);
  const after = TOTAL_AFTER.exec(text.slice(w.n.end, Math.min(sentence.end, w.n.end + 40)));
  if (!(rest.trim() === '' || rest.trim() === '$' ? after : TOTAL_LEAD.test(rest))) return undefined;
  // Values that are not counts of things: means, scores, times ("12, 15 and 18 points on average (N = 45)").
  if (NOT_COUNTS.test(text.slice(Math.max(sentence.start, list[0].n.start - 40), Math.min(sentence.end, w.n.end + 30)))) return undefined;
  // A noun for the whole unlike the parts' ("3, 5 and 7 epochs, 15 runs in total") may count something else.
  const [partNoun, wholeNoun] = [nounAfter(text, last), nounAfter(text, w.n)];
  const sameThing = !wholeNoun || !partNoun || wholeNoun === partNoun || UMBRELLA.has(wholeNoun);
  const saysTotal = SAYS_TOTAL.test(rest + (after?.[0] ?? ''));
  if (!sameThing) return undefined;
  const severity = saysTotal ? 'error' : 'warning';
  return { whole: w.n, parts: list.map((p) => p.n), cue: 'total-after', sentence, severity };
}

/** Readings of one sentence: each possible whole with the parts a cue ties to it. */
export function readPartsClaims(text: string, sentence: TextSpan): PartsClaim[] {
  const all = itemsOf(text, sentence);
  const items = counts(all);
  const indexInAll = new Map(all.map((it, k) => [it, k]));
  const onlyCounts = countBrackets(all);
  const claims: PartsClaim[] = [];
  items.forEach((w, i) => {
    if (w.n.value < 2) return;
    const rest = items.slice(i + 1, i + 1 + MAX_PARTS);
    const gap = text.slice(w.n.end, rest[0]?.n.start ?? sentence.end);
    const bracket = gap.slice(0, WHOLE_TO_CUE).search(/[([]/);
    if (bracket >= 0 && !hasDigit(gap.slice(0, bracket))) {
      const group = w.n.end + bracket;
      const parts = rest.filter((p) => p.group === group).map((p) => p.n);
      if (parts.length >= 2 && onlyCounts.get(group) !== false) claims.push({ whole: w.n, parts, cue: 'bracket', sentence });
    }
    const firstPartThenWhom = rest.length && /^\s*(?:of (?:whom|which|them|these))\b/i.test(text.slice(rest[0].n.end, rest[0].n.end + 16));
    const intro = PARTS_INTRO.exec(gap.slice(0, WHOLE_TO_CUE)) ?? (firstPartThenWhom ? ['of which'] : null);
    if (intro && intro[0] !== '(') {
      const parts = rest.filter((p) => p.depth === w.depth && (w.group === p.group)).map((p) => p.n);
      const cue: Cue = /includ/i.test(intro[0]) ? 'inclusive' : 'intro';
      if (parts.length >= 2) claims.push({ whole: w.n, parts, cue, sentence });
    }
    if (/\b(?:N|total)\s*=\s*$/.test(text.slice(Math.max(0, w.n.start - 10), w.n.start)) && w.group >= 0) {
      const parts = rest.filter((p) => p.group === w.group && /=\s*$/.test(text.slice(p.n.start - 4, p.n.start))).map((p) => p.n);
      if (parts.length >= 2) claims.push({ whole: w.n, parts, cue: 'named', sentence });
    }
    const before = listBefore(text, all, indexInAll.get(w)!).filter((p) => p.depth === w.depth && p.group === w.group);
    const lead = before.length ? text.slice(before.at(-1)!.n.end, w.n.start) : '';
    if (before.length >= 2 && lead.length <= WHOLE_TO_CUE && PARTS_OUTRO.test(lead)) claims.push({ whole: w.n, parts: before.map((p) => p.n), cue: 'outro', sentence });
    else {
      const after = totalAfter(text, all, indexInAll.get(w)!, sentence);
      if (after) claims.push(after);
    }
    // Uncued: the counts right after the whole, at its level, whose first few add up to it exactly.
    const run = rest.filter((p) => p.depth === w.depth || p.group === w.n.end + bracket).map((p) => p.n);
    if (run.length >= 2) claims.push({ whole: w.n, parts: run, cue: 'none', sentence });
  });
  // A part larger than its whole means the reading is wrong (the "whole" is something else); numbers
  // joined by operators are a calculation ("350 mg, i.e. 5 × 70"), not a list.
  return claims.filter((c) => c.parts.every((p) => p.value <= c.whole.value) && (c.cue === 'named' || !joinedByOperators(text, c.parts)));
}

/** The shortest prefix of two or more parts that adds up to the whole exactly, if any. */
function exactPrefix(c: PartsClaim): ReportedNumber[] | undefined {
  let sum = 0;
  for (let k = 0; k < c.parts.length; k++) {
    sum += c.parts[k].value;
    if (k >= 1 && sum === c.whole.value) return c.parts.slice(0, k + 1);
    if (sum > c.whole.value) return undefined;
  }
  return undefined;
}

export function checkListedParts(paper: PaperText): CheckOutput {
  const findings: RawFinding[] = [];
  const verified: RawVerified[] = [];
  const { sentences } = sentencesOf(paper);
  for (const s of sentences) {
    const claims = readPartsClaims(paper.text, s);
    const settled = new Set<number>();
    for (const c of claims) {
      const exact = exactPrefix(c);
      if (!exact || settled.has(c.whole.start)) continue;
      settled.add(c.whole.start);
      verified.push(makeVerified(paper, PARTS_TOTAL_RULE.id, cover(c.whole, ...exact), `${exact.map((p) => p.value).join(' + ')} = ${c.whole.value}`));
    }
    for (const c of claims) {
      if (settled.has(c.whole.start) || c.cue === 'none') continue;
      const sum = c.parts.reduce((a, p) => a + p.value, 0);
      // "including" may list only some parts: only parts that exceed the whole are wrong for sure.
      if (c.cue === 'inclusive' && sum <= c.whole.value) continue;
      const shown = c.whole.text.includes(',') ? sum.toLocaleString('en-US') : String(sum);
      settled.add(c.whole.start);
      findings.push(makeFinding(paper, {
        kind: PARTS_TOTAL_RULE.id,
        severity: c.severity ?? 'warning',
        message: `The parts listed with ${c.whole.text} add up to ${shown}, not ${c.whole.text}.`,
        claimSpan: cover(c.whole, ...c.parts),
        span: c.whole,
        reported: c.whole.text,
        recomputed: shown,
        working: `${c.parts.map((p) => p.value).join(' + ')} = ${sum}`,
        related: c.parts,
        explanation: 'Counts listed as the parts of a whole should add up to it; a category left unnamed, or parts that overlap, would also explain the gap.',
      }));
    }
  }
  return { findings, verified };
}

export const listedPartsCheck: CheckModule = {
  name: 'listed-parts',
  title: 'A whole and its listed counts',
  description: 'Adds up the counts a sentence breaks a stated whole into, and compares the sum with the whole.',
  kinds: [PARTS_TOTAL_RULE],
  shapes: [
    { name: 'parts in brackets', example: '64 hives (40 managed, 24 wild)' },
    { name: 'parts after a cue', example: 'a panel of 30 judges, of whom 18 were lawyers and 12 were not' },
    { name: 'named sizes', example: '(N = 90, N_a = 50, N_b = 40)' },
    { name: 'parts before the whole', example: '12 failures, 3 timeouts and 5 crashes out of 20 runs' },
    { name: 'total after the list', example: 'bugs (18 notes), ideas (25 notes) and noise (7), 50 in total; 52 and 48 children (total N = 100)' },
  ],
  leavesAlone: [
    'Lists introduced by "including" that add up to less than the whole: they may name only some parts.',
    'Lists of counts not tied to a whole by a bracket or a cue word: they are verified when they add up, never flagged.',
    'A total after a list whose noun names another thing ("4, 6 and 8 epochs, 20 runs in total"), or after means, scores or times.',
  ],
  run: checkListedParts,
};
