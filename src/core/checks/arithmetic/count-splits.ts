// A whole split into counts that the sentence says are all of it, told in the looser ways papers
// write them: "of the N ..., A ...; the remaining B", "N ..., and among those, A ... and B ...",
// "N ... in k groups: a, b, ... (k counts)" (the list may follow in the next sentence), and a
// count that splits into those that did and those that "did not". The reader returns claims (whole,
// parts, cue); the judge adds the parts exactly: a sum equal to the whole is verified, anything else
// is a warning (an unnamed category or an overlap would also explain a gap), an error only for the
// plain remainder of a single part.

import { itemsOf, type Item, type PartsClaim } from './listed-parts.ts';
import { sentencesOf } from './context.ts';
import { cover, makeFinding, makeVerified } from './report.ts';
import { complementary, wordNumbersIn } from '../../text/lexicon.ts';
import type { ReportedNumber } from '../../numbers.ts';
import type { CheckOutput, PaperText, RawFinding, RawVerified, Severity, TextSpan } from '../../types.ts';
import type { CheckModule } from '../module.ts';
import { PARTS_TOTAL_RULE } from './parts-total.ts';

const MAX_PARTS = 12;
const MAX_CARDINALS = 8;
const WHOLE_INTRO = /\b(?:of|out\s+of|from|among|amongst)\s+(?:(?:the|all|these|those|a\s+total\s+of)\s+)?$/i;
const FRACTION_GAP = /^\s*(?:out\s+of|of)\s+(?:(?:the|all)\s+)?$/i;
const REMAINING = /\b(?:the\s+)?(?:remaining|other)\s+$|\bthe\s+rest\s+(?:of\s+the\s+)?$/i;
// "a were based in X, b in Y": a place, origin or class each thing has only one of.
const EXCLUSIVE_FRAME = /^\s*(?:[A-Za-z][\w-]*\s+){0,2}?(?:(?:were|was)\s+)?(?:(?:based|born|living|located|resident|housed|employed|enrolled|recruited)\s+(?:in|at|from)|(?:came|lived|worked|studied)\s+(?:in|at|from)|(?:identified|classified|categori[sz]ed|coded|diagnosed)\s+as)\b/i;
const LIST_GAP = /^[^.;:()\d]{0,60}$/;
const REMAINING_BRACKET = /\b(?:the\s+)?(?:remaining|other|others|rest)(?:\s+[A-Za-z][\w-]*){0,2}\s*\(\s*(?:[nN]\s*=\s*)?$/i;
const OF_THESE_OPENS = /^\s*(?:of|out\s+of|among|amongst)\s+(?:these|those|them|this\s+(?:group|sample|set))\s*,?\s*$/i;
const SUBSET_CUE = /(?:^|[,;]\s*|\band\s+(?:,\s*)?)(?:among|amongst|of)\s+(?:those|these|them|which|whom)\s*,?\s*$/i;
// "and B did not": the verb left out, so the negation is of the same thing the part before did.
const NEGATED_AFTER = /^\s*(?:[A-Za-z][\w-]*\s+){0,2}?(?:did|do|does|were|was|had|have|could)\s*(?:not|n[’']t)\s*(?:[.,;)]|$|do\s+so\b)/i;
// A unit or a share right after a number: not a count of the things split.
const UNIT_AFTER = /^\s*(?:%|°|(?:percent|per\s?cent|mg|kg|g|ml|l|km|m|cm|mm|s|ms|min|h|hours?|days?|weeks?|months?|years?|x)(?![A-Za-z]))/i;

export interface SplitClaim extends PartsClaim {
  /** How sure the reading is that the parts are all of the whole. */
  severity: Severity;
  /** The parts may leave some of the whole out: only a sum above the whole is wrong. */
  atMost?: boolean;
}

function inDigits(n: ReportedNumber): boolean {
  return /\d/.test(n.text);
}

function countsAt(items: readonly Item[], depth: number): Item[] {
  return items.filter((i) => i.count && i.depth === depth);
}

/** "of the N ..., A ...; the remaining B": the parts before the remainder and it make the whole. */
function remaining(text: string, items: Item[], sentence: TextSpan, next?: { items: Item[]; sentence: TextSpan }, prevItems?: Item[]): SplitClaim[] {
  const top = countsAt(items, 0);
  const out: SplitClaim[] = [];
  const rests: Item[] = items.filter((r) => r.count && isRemainder(text, r, sentence));
  // "... The remaining B ..." opening the next sentence.
  const opener = next && countsAt(next.items, 0)[0];
  if (opener && opener.n.start - next.sentence.start < 30 && REMAINING.test(text.slice(next.sentence.start, opener.n.start))) rests.push(opener);
  for (const r of rests.slice(0, 4)) {
    // "the remaining 20 kg": an amount, not a count of the things split.
    if (UNIT_AFTER.test(text.slice(r.n.end, r.n.end + 8))) continue;
    const before = top.filter((c) => c.n.end <= r.n.start);
    let found = false;
    for (let w = before.length - 1; w >= 0; w--) {
      const whole = before[w];
      const lead = text.slice(Math.max(sentence.start, whole.n.start - 24), whole.n.start);
      const prev = before[w - 1];
      const fraction = prev !== undefined && FRACTION_GAP.test(text.slice(prev.n.end, whole.n.start));
      if (!WHOLE_INTRO.test(lead) && !fraction) continue;
      found = true;
      const parts = [...(fraction ? [prev] : []), ...before.slice(w + 1)].map((p) => p.n);
      if (!parts.length || parts.length > 4 || parts.some((p) => UNIT_AFTER.test(text.slice(p.end, p.end + 8)))) break;
      out.push({ whole: whole.n, parts: [...parts, r.n], cue: 'intro', sentence, severity: parts.length === 1 ? 'error' : 'warning' });
      break;
    }
    // "We asked 84 schools. Of these, 51 agreed and the remaining 33 declined": the whole closes the sentence before.
    const whole = prevItems?.filter((i) => i.count && i.depth === 0 && inDigits(i.n)).at(-1);
    if (found || !whole || !before.length || !OF_THESE_OPENS.test(text.slice(sentence.start, before[0].n.start))) continue;
    const parts = before.map((p) => p.n);
    if (parts.length > 4 || parts.some((p) => UNIT_AFTER.test(text.slice(p.end, p.end + 8)))) continue;
    out.push({ whole: whole.n, parts: [...parts, r.n], cue: 'intro', sentence, severity: parts.length === 1 ? 'error' : 'warning' });
  }
  return out;
}

/** "the remaining 33", or the count in brackets after "the rest (33)", "the other schools (n = 33)". */
function isRemainder(text: string, r: Item, sentence: TextSpan): boolean {
  const before = text.slice(Math.max(sentence.start, r.n.start - 40), r.n.start);
  if (r.depth === 0) return REMAINING.test(before.slice(-24));
  return r.depth === 1 && REMAINING_BRACKET.test(before) && /^\s*\)/.test(text.slice(r.n.end, r.n.end + 4));
}

/** "N things ..., and among those, A ... and B ...": the counts after the cue split the count before it. */
function subset(text: string, items: Item[], sentence: TextSpan): SplitClaim[] {
  const top = countsAt(items, 0);
  for (let k = 1; k < top.length; k++) {
    const gap = text.slice(top[k - 1].n.end, top[k].n.start);
    const cue = SUBSET_CUE.exec(gap);
    if (!cue) continue;
    // The whole is the last count in digits before the cue (number words there are mostly not counts: "less than five points").
    let w = k - 1;
    while (w >= 0 && !inDigits(top[w].n)) w--;
    if (w < 0) return [];
    // "A out of B ..., among those": the subset A is meant.
    if (w > 0 && FRACTION_GAP.test(text.slice(top[w - 1].n.end, top[w].n.start))) w--;
    const parts = top.slice(k, k + MAX_PARTS).map((p) => p.n);
    if (parts.length < 2 || parts.length > 6 || parts.some((p) => UNIT_AFTER.test(text.slice(p.end, p.end + 8)))) return [];
    return [{ whole: top[w].n, parts, cue: 'intro', sentence, severity: 'warning' }];
  }
  return [];
}

const CARDINAL_NOUN = /^[\s-]*(?:[A-Za-z][\w-]*\s+){0,2}?[A-Za-z][\w-]*/;

/** "N things in k groups: a, b, c" or "... k groups. This included a ..., b ... and c ...": exactly k counts. */
function announced(text: string, items: Item[], sentence: TextSpan, prevItems: Item[] | undefined, next?: { items: Item[]; sentence: TextSpan }): SplitClaim[] {
  const words = wordNumbersIn(text, sentence);
  // Bounded: a sentence of thousands of numbers is read at its first few cardinals only.
  const cardinals = [...words, ...items.filter((i) => i.count && i.n.value >= 2 && i.n.value <= MAX_PARTS).map((i) => i.n)].slice(0, MAX_CARDINALS);
  for (const k of cardinals) {
    if (k.value < 2 || k.value > MAX_PARTS) continue;
    const noun = CARDINAL_NOUN.exec(text.slice(k.end, k.end + 40));
    if (!noun) continue;
    // "the other three groups": a list of some of the groups, not all of the whole.
    if (/\b(?:other|remaining|further|additional|first|last|top|main|major|largest|smallest)\s+$/i.test(text.slice(Math.max(sentence.start, k.start - 16), k.start))) continue;
    const nounEnd = k.end + noun[0].length;
    const rest = text.slice(nounEnd, Math.min(sentence.end, nounEnd + 400));
    const colon = /^[^\d:;.]{0,40}:/.exec(rest);
    const endsHere = nounEnd + rest.length === sentence.end && /^(?:\s*[A-Za-z][\w-]*){0,3}[\s\W]*$/.test(rest.replace(/\([^)]*\)/g, ''));
    const from = colon ? nounEnd + colon[0].length : 0;
    const listItems = colon ? items : endsHere ? next?.items : undefined;
    if (!listItems) continue;
    const parts: ReportedNumber[] = [];
    for (const i of listItems) {
      if (i.n.start < from || !i.count || i.annotation) continue;
      if (parts.length > k.value) break;
      parts.push(i.n);
    }
    if (parts.length !== k.value || parts.some((p) => UNIT_AFTER.test(text.slice(p.end, p.end + 8)))) continue;
    // The whole is written in digits: a number word before the cardinal is part of the phrase ("one of three").
    let whole: ReportedNumber | undefined;
    for (const i of items) {
      if (i.n.end > k.start) break;
      if (i.count && i.n !== k && inDigits(i.n)) whole = i.n;
    }
    whole ??= prevItems?.filter((i) => i.count && i.depth === 0 && inDigits(i.n)).at(-1)?.n;
    if (!whole || parts.some((p) => p.value >= whole.value)) continue;
    return [{ whole, parts, cue: 'intro', sentence, severity: 'warning' }];
  }
  return [];
}

/** "N things, where A ... and B did not": a count and its complement make the count before them. */
function complement(text: string, items: Item[], sentence: TextSpan): SplitClaim[] {
  const top = countsAt(items, 0);
  for (let k = 2; k < top.length; k++) {
    const [whole, a, b] = [top[k - 2], top[k - 1], top[k]];
    if (!NEGATED_AFTER.test(text.slice(b.n.end, b.n.end + 40)) && !opposite(wordsAfter(text, a.n), wordsAfter(text, b.n))) continue;
    if (!/\band\s+$|,\s*(?:while|whereas|but)\s+$|\b(?:while|whereas|but)\s+$/i.test(text.slice(a.n.end, b.n.start))) continue;
    if (a.n.value > whole.n.value || b.n.value > whole.n.value) continue;
    return [{ whole: whole.n, parts: [a.n, b.n], cue: 'intro', sentence, severity: 'warning' }];
  }
  return [];
}

/** Up to three words after a number ("8 torque-controlled active joints"). */
function wordsAfter(text: string, n: ReportedNumber): string[] {
  const m = /^\s*((?:[A-Za-z][\w-]*\s*){1,3})/.exec(text.slice(n.end, n.end + 48));
  return m ? m[1].toLowerCase().split(/\s+/).filter(Boolean) : [];
}

/** One part named by a word and the other by its opposite ("active" / "passive", "paid" / "unpaid"). */
function opposite(a: string[], b: string[]): boolean {
  return a.some((x) => b.some((y) => complementary(x, y)));
}

/** "N things: either ... (a) or ... (b)": the reasons in brackets split the whole. */
function eitherOr(text: string, items: Item[], sentence: TextSpan): SplitClaim[] {
  const top = countsAt(items, 0).filter((i) => inDigits(i.n));
  for (const whole of top) {
    const after = text.slice(whole.n.end, Math.min(sentence.end, whole.n.end + 300));
    const either = /\beither\b/i.exec(after);
    if (!either || /\d/.test(after.slice(0, either.index))) continue;
    const inside = items.filter((i) => i.n.start > whole.n.end + either.index && i.depth === 1);
    if (inside.length !== 2 || !inside.every((i) => i.count && !i.annotation)) return [];
    const [a, b] = inside;
    const gap = text.slice(a.n.end, b.n.start);
    // Each count alone in its bracket, the two joined by "or".
    if (!/^\s*\)/.test(gap) || !/\bor\b/i.test(gap) || !/^\s*\)/.test(text.slice(b.n.end, b.n.end + 3)) || !/\(\s*$/.test(text.slice(a.n.start - 3, a.n.start))) return [];
    return [{ whole: whole.n, parts: [a.n, b.n], cue: 'intro', sentence, severity: 'warning' }];
  }
  return [];
}

const CLASSIFIED = /\b(?:classified|categori[sz]ed|coded|labell?ed|rated|judged|assigned)\s+$/i;

/** "we classified A of the N things as P, B as Q and C as R": a classification of all N. */
function classified(text: string, items: Item[], sentence: TextSpan): SplitClaim[] {
  const top = countsAt(items, 0);
  for (let k = 0; k + 1 < top.length; k++) {
    const [a, whole] = [top[k], top[k + 1]];
    if (!CLASSIFIED.test(text.slice(Math.max(sentence.start, a.n.start - 24), a.n.start))) continue;
    if (!FRACTION_GAP.test(text.slice(a.n.end, whole.n.start))) continue;
    if (!/^\s*(?:[A-Za-z][\w-]*\s+){0,3}as\b/i.test(text.slice(whole.n.end, whole.n.end + 60))) continue;
    const rest = top.slice(k + 2, k + 2 + MAX_PARTS);
    if (!rest.length || rest.some((r) => UNIT_AFTER.test(text.slice(r.n.end, r.n.end + 8)))) return [];
    const parts = [a.n, ...rest.map((r) => r.n)];
    if (parts.some((p) => p.value > whole.n.value)) return [];
    return [{ whole: whole.n, parts, cue: 'intro', sentence, severity: 'warning' }];
  }
  return [];
}

/** "Of the N ..., a were based in X, b in Y and c in Z": parts that exclude each other cannot add to more than the whole. */
function exclusiveParts(text: string, items: Item[], sentence: TextSpan): SplitClaim[] {
  const top = countsAt(items, 0);
  const w = top.findIndex((i) => inDigits(i.n) && WHOLE_INTRO.test(text.slice(Math.max(sentence.start, i.n.start - 24), i.n.start)));
  if (w < 0) return [];
  const parts = [top[w + 1]];
  const frame = parts[0] && EXCLUSIVE_FRAME.exec(text.slice(parts[0].n.end, parts[0].n.end + 60));
  if (!frame) return [];
  // Every later part repeats the frame's verb or leaves it out ("23 in France"): "40 lived in a city" is another trait.
  const verb = /(\w+)\s+(?:in|at|from|as)$/i.exec(frame[0])![1];
  const same = new RegExp(`^\\s*(?:(?:were|was)\\s+)?(?:${verb}\\s+)?(?:in|at|from|as)\\b`, 'i');
  for (const p of top.slice(w + 2, w + 2 + MAX_PARTS)) {
    const gap = text.slice(parts.at(-1)!.n.end, p.n.start);
    if (!LIST_GAP.test(gap) || !/,|\band\b/.test(gap) || !same.test(text.slice(p.n.end, p.n.end + 40))) break;
    parts.push(p);
  }
  if (parts.length < 2 || parts.some((p) => UNIT_AFTER.test(text.slice(p.n.end, p.n.end + 8)))) return [];
  return [{ whole: top[w].n, parts: parts.map((p) => p.n), cue: 'intro', sentence, severity: 'warning', atMost: true }];
}

const SIZE_BEFORE = /\b[Nn]\s*=\s*$/;

/** "N = 90 pupils from two schools (N = 50 ...) and (N = 22 ..., N = 18 ...)": the group sizes in brackets make the sample. */
function namedSizes(text: string, items: Item[]): SplitClaim[] {
  const sized = (i: Item) => i.count && SIZE_BEFORE.test(text.slice(Math.max(0, i.n.start - 6), i.n.start));
  const at = items.findIndex((i) => i.depth === 0 && sized(i));
  if (at < 0) return [];
  const after = items.slice(at + 1).filter((i) => inDigits(i.n));
  // Every number after the whole is a group size one bracket deep: nothing else that could be a sub-sub-group.
  if (after.length < 2 || after.length > MAX_PARTS || !after.every((i) => i.depth === 1 && sized(i))) return [];
  return [{ whole: items[at].n, parts: after.map((i) => i.n), cue: 'named', sentence: { start: items[at].n.start, end: after.at(-1)!.n.end }, severity: 'warning' }];
}

export function readCountSplits(text: string, sentences: readonly (TextSpan & { block: number })[], si: number): SplitClaim[] {
  const s = sentences[si];
  const items = itemsOf(text, s);
  const neighbour = (j: number) => (sentences[j] && sentences[j].block === s.block ? { items: itemsOf(text, sentences[j]), sentence: sentences[j] } : undefined);
  const next = neighbour(si + 1);
  const prev = neighbour(si - 1);
  return [...remaining(text, items, s, next, prev?.items), ...subset(text, items, s), ...announced(text, items, s, prev?.items, next), ...complement(text, items, s), ...eitherOr(text, items, s), ...classified(text, items, s), ...namedSizes(text, items), ...exclusiveParts(text, items, s)];
}

export function checkCountSplits(paper: PaperText): CheckOutput {
  const findings: RawFinding[] = [];
  const verified: RawVerified[] = [];
  const { sentences } = sentencesOf(paper);
  const seen = new Set<number>();
  sentences.forEach((_, si) => {
    for (const c of readCountSplits(paper.text, sentences, si)) {
      if (seen.has(c.whole.start) || !sharesAgree(paper.text, c)) continue;
      seen.add(c.whole.start);
      judge(paper, c, findings, verified);
    }
  });
  return { findings, verified };
}

/** Parts printed with their share ("30 (60%)"): most shares must be of this whole, or the reading is another one. */
function sharesAgree(text: string, c: SplitClaim): boolean {
  let shares = 0;
  let agree = 0;
  for (const p of c.parts) {
    const m = /^\s*(?:[A-Za-z][\w-]*\s+){0,2}\(\s*(\d+(?:[.,]\d+)?)\s*(?:\\?%|percent)/.exec(text.slice(p.end, p.end + 40));
    if (!m) continue;
    shares++;
    const printed = Number(m[1].replace(',', '.'));
    const decimals = m[1].split(/[.,]/)[1]?.length ?? 0;
    if (Math.abs((100 * p.value) / c.whole.value - printed) <= 0.5 * 10 ** -decimals + 1e-9) agree++;
  }
  return shares === 0 || agree * 2 > shares;
}

function judge(paper: PaperText, c: SplitClaim, findings: RawFinding[], verified: RawVerified[]): void {
  const sum = c.parts.reduce((a, p) => a + p.value, 0);
  const working = `${c.parts.map((p: ReportedNumber) => p.value).join(' + ')} = ${sum}`;
  const claimSpan = cover(c.whole, ...c.parts);
  if (sum === c.whole.value) {
    verified.push(makeVerified(paper, PARTS_TOTAL_RULE.id, claimSpan, `${working}`));
    return;
  }
  if (c.atMost && sum < c.whole.value) return;
  const last = c.parts[c.parts.length - 1];
  findings.push(makeFinding(paper, {
    kind: PARTS_TOTAL_RULE.id,
    severity: c.severity,
    message: c.atMost ? `The parts of ${c.whole.text} add up to ${sum}, more than ${c.whole.text}.` : `The parts of ${c.whole.text} add up to ${sum}, not ${c.whole.text}.`,
    claimSpan,
    span: c.severity === 'error' ? last : c.whole,
    reported: c.severity === 'error' ? last.text : c.whole.text,
    recomputed: c.severity === 'error' ? String(c.whole.value - (sum - last.value)) : String(sum),
    working,
    // No quick fix: the whole, a part or the remainder may be the wrong number.
    related: c.severity === 'error' ? [c.whole, ...c.parts.slice(0, -1)] : c.parts,
    explanation: 'The sentence splits the whole into these counts; a category left unnamed, or parts that overlap, would also explain a gap.',
  }));
}

export const countSplitsCheck: CheckModule = {
  name: 'count-splits',
  title: 'A whole and the counts that make it up',
  description: 'Adds up the counts a passage says make up a whole (the rest, those among them, a stated number of groups, those that did and did not).',
  kinds: [PARTS_TOTAL_RULE],
  shapes: [
    { name: 'the remaining', example: 'of the 60 jars, 14 broke in transit; the remaining 46 were sold' },
    { name: 'the rest in brackets, or the whole before "Of these"', example: 'we inspected 72 hives. Of these, 45 were healthy, and the rest (27) had mites' },
    { name: 'among those', example: '80 of 300 bids were late and, among those, 50 came from abroad and 30 from home' },
    { name: 'announced number of groups', example: '90 pupils in three classes: 28, 31 and 31' },
    { name: 'did and did not', example: 'we sent 700 letters, where 420 recipients replied and 280 did not' },
    { name: 'opposite words', example: 'a crew of 15 with 9 paid staff and 6 unpaid helpers' },
    { name: 'opposite states', example: 'of the 52 returned test kits, 47 were intact and 5 were damaged; 30 were valid and 22 invalid' },
    { name: 'either-or reasons', example: 'we dropped 50 files because either the header was missing (20) or the body was empty (30)' },
    { name: 'group sizes in brackets', example: 'N = 90 pupils from two schools (N = 50) and (N = 22 boys, N = 18 girls)' },
    { name: 'a classification', example: 'we rated 40 of the 100 essays as strong, 45 as fair and 15 as weak' },
    { name: 'parts that exclude each other (only a sum above the whole)', example: 'of the 77 guests, 47 were based in Spain, 23 in France and 12 in Italy' },
  ],
  leavesAlone: [
    'A list whose length differs from the number of groups announced: some groups may be merged or left out.',
    'Parts and wholes in different paragraphs.',
  ],
  run: checkCountSplits,
};
