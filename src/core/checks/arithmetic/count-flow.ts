// A count followed through one paragraph: so many at the start (recruited, screened, reviewed,
// an initial pool), so many taken out (excluded, dropped out, did not complete), and the count left
// (leaving, the remaining, analysed, a final sample of). Read, then judged: the reader gives each
// whole count a role from the words bound to it; the judge subtracts the exclusions from the start
// and compares with the count left, exactly (counts are whole).

import type { CheckOutput, PaperText, TextSpan } from '../../types.ts';
import { wordValue } from '../../ledger/word-numbers.ts';
import { quantitiesIn, sentencesOf, type Num, type Sentence } from './context.ts';
import { ARITHMETIC_RULE } from './expressions.ts';
import { cover, makeFinding, makeVerified } from './report.ts';
import type { CheckModule } from '../module.ts';

export type FlowRole = 'start' | 'excluded' | 'left' | 'sample';

export interface FlowCount {
  n: Num;
  role: FlowRole;
  /** Further counts the left count is the sum of ("500 men and 500 women"). */
  plus: Num[];
}

export interface FlowClaim {
  start: FlowCount;
  excluded: FlowCount[];
  left: FlowCount;
}

const FILLER = String.raw`(?:\s+(?:a|an|the|only|just|about|all|data|from|of|with|last|first|remaining|final|further|additional|another|total|sample))*\s*`;
// Words right before a count that give its role.
const LEFT_BEFORE = new RegExp(String.raw`(?:\bleaving|\bleft\s+with|\bresult(?:ing|ed)\s+in|\bremaining|\bretain(?:ing|ed)|\bend(?:ing|ed)?\s+up\s+with|\byield(?:ing|ed)|\banaly[sz](?:ed|ing)|\bfinal\s+(?:sample|dataset|analysis|cohort)(?:\s+(?:size|consisted|comprised|included|contained|of|was|=))*|\b(?:analy[sz]ed|analytic(?:al)?|effective|final)\s+sample(?:\s+size)?\s+(?:was|is|of|comprised|included|consisted\s+of|=))${FILLER}$`, 'i');
const SAMPLE_BEFORE = /\b(?:a|our|the)\s+(?:final\s+)?sample\s+(?:of|comprised|consisted\s+of|included)\s*$/i;
const START_BEFORE = new RegExp(String.raw`(?:\b(?:initial|original|starting)\s+(?:pool|sample|set|cohort|total)?\s*(?:of)?|\bpool\s+of|\baccessed\s+by|\brecruit(?:ed|ing)?|\benroll?(?:ed|ing)?|\bscreen(?:ed|ing)|\bidentif(?:ied|y)|\bcollect(?:ed|ing)|\bretriev(?:ed|ing)|\binvit(?:ed|ing)|\bcontact(?:ed|ing)|\bapproach(?:ed|ing)|\bout\s+of)${FILLER}$`, 'i');
const EXCLUDED_BEFORE = new RegExp(String.raw`(?:\bexclud(?:ed|ing)|\bremov(?:ed|ing)|\bdrop(?:ped|ping)?|\bdiscard(?:ed|ing)|\beliminat(?:ed|ing)|\blost|\bomitt?(?:ed|ing)|\ba\s+further|\ban\s+additional|\banother)${FILLER}$`, 'i');
// Words after a count (before the next number, within its clause).
const START_AFTER = /^[^,;:()]{0,50}?\b(?:recruited|screened|invited|identified|contacted|approached|sampled|were\s+(?:recruited|enrolled|screened|identified|invited|assessed|reviewed|collected|retrieved|contacted|approached)|had\s+been\s+(?:reviewed|screened|assessed|identified)|enrolled|signed\s+up|took\s+part|participated|registered)\b/i;
const EXCLUDED_AFTER = /^[^;:]{0,60}?\b(?:(?:were|was|had\s+to\s+be|had\s+been)\s+(?:excluded|removed|dropped|discarded|eliminated|lost|omitted)|dropped\s+out|withdrew|did\s+not\s+(?:complete|finish|meet|fulfil+|provide|pass|respond|return|attend|consent)|could\s+not\s+be|failed|were\s+(?:ineligible|duplicates?|incomplete)|had\s+(?:missing|incomplete)|moved\s+away|left\s+the\s+(?:study|school|programme|program|trial|panel)|discontinued|declined|refused|died|(?:were|was)\s+lost\s+to\s+follow-?up)\b/i;
const LEFT_AFTER = /^[^,;:()]{0,40}?\b(?:remained|were\s+(?:retained|included|analy[sz]ed|left|kept|usable|used)|could\s+be\s+used|(?:constitut|form|ma[dk])(?:ed|e|es|ing)\s+(?:up\s+)?the\s+final|in\s+the\s+final\s+(?:sample|analysis|dataset)|for\s+the\s+final\s+analysis)\b/i;
/** "Out of these, 89 provided data": a count kept from the one before, the start of the next stage. */
const OF_THESE_BEFORE = /\b(?:out\s+)?of\s+(?:these|those|them|this\s+(?:group|sample|pool)),?\s*$/i;
/** "Of 410 volunteers, ...": a sentence that opens on a count takes it as the whole. */
const OPENS_WITH_OF = /^\s*(?:of|from|out\s+of)\s+(?:the\s+|all\s+)?$/i;
const PARALLEL_BRACKET = /^\s*\)\s*,?\s*(?:and|or)\s+(?:those|the\s+ones|ones|\w+s)\b[^()]{0,80}\(\s*(?:[nN]\s*=\s*)?$/;
/** Exclusions told as a sum ("in total", "overall"): they restate the ones before. */
const SUMMED = /^\s*(?:\w+\s+){0,3}?(?:in\s+total|overall|altogether)\b|\btotal\s+of\s*$/i;
const WORD_COUNT = /\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\u2010\u2011](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b(?![-\u2010\u2011])/gi;
/** How many sentences a flow may span. */
const MAX_SENTENCES = 5;

function wordCounts(text: string, s: TextSpan): Num[] {
  const out: Num[] = [];
  for (const m of text.slice(s.start, s.end).matchAll(WORD_COUNT)) {
    const value = wordValue(m[0]);
    if (value === undefined || value === 0) continue;
    const start = s.start + m.index;
    out.push({ text: m[0], start, end: start + m[0].length, value, decimals: 0, exponent: 0, trailingZeros: 0, percent: false, noise: '' });
  }
  return out;
}

/** Whole counts of a sentence, digits and words, in text order. */
function countsOf(text: string, s: Sentence): Num[] {
  const digits = quantitiesIn(text, s).filter((n) => n.decimals === 0 && n.exponent === 0 && !n.percent && n.value > 0 && !/^\s*(?:%|percent)/.test(text.slice(n.end, n.end + 9)));
  return [...digits, ...wordCounts(text, s)].sort((a, b) => a.start - b.start);
}

/** The role of one count from the words bound to it: right before it, or after it up to the next number. */
function roleOf(text: string, s: Sentence, n: Num, prevEnd: number, nextStart: number): FlowRole | undefined {
  const before = text.slice(Math.max(s.start, prevEnd, n.start - 80), n.start);
  // A bracketed count ("(n = 8)", "13% (52)") takes the role of the words before its bracket, back to the previous bracket.
  const bracket = /\(\s*(?:[nN]\s*=\s*)?$/.test(before);
  const lead = bracket ? text.slice(Math.max(s.start, n.start - 100), n.start).replace(/(?:\d[\d.,]*\s*%?\s*)?\(\s*(?:[nN]\s*=\s*)?$/, '').replace(/^.*\)/s, '') : before;
  let after = text.slice(n.end, Math.min(s.end, nextStart));
  // "147 out of 400 ... could be used": the first count's role is told after the second.
  if (/^\s*out\s+of\s*$/.test(after)) after = text.slice(nextStart, Math.min(s.end, nextStart + 80)).replace(/^[\d,]+[^,;:()]*\)?/, '');
  // Words that lead into the next number are that number's ("dropped out leaving 44").
  for (const re of [LEFT_BEFORE, START_BEFORE, SAMPLE_BEFORE]) {
    const m = re.exec(after);
    if (m && m.index > 0) after = after.slice(0, m.index);
  }
  // The words right before a count bind it more closely than those after it.
  if (EXCLUDED_BEFORE.test(lead)) return 'excluded';
  if (LEFT_BEFORE.test(lead)) return 'left';
  if (SAMPLE_BEFORE.test(lead)) return 'sample';
  if (START_BEFORE.test(lead)) return 'start';
  if (bracket && /\b(?:exclu|remov|fail|did\s+not|could\s+not|missing|dropp)/i.test(lead)) return 'excluded';
  if (EXCLUDED_AFTER.test(after)) return 'excluded';
  if (LEFT_AFTER.test(after)) return 'left';
  if (START_AFTER.test(after) || OF_THESE_BEFORE.test(lead) || OPENS_WITH_OF.test(text.slice(s.start, n.start))) return 'start';
  return undefined;
}

/** "500 men and 500 women" after a count left: the count is their sum. */
function partsAfter(text: string, counts: Num[], k: number): Num[] {
  const plus: Num[] = [];
  for (let j = k + 1; j < counts.length; j++) {
    const gap = text.slice(counts[j - 1].end, counts[j].start);
    if (!/^\s*[A-Za-z-]{2,20}\s*,?\s*(?:and\s+)?$/.test(gap)) break;
    plus.push(counts[j]);
    if (/\band\s+$/.test(gap)) break;
  }
  return plus.length && /\band\s+$/.test(text.slice(counts[k + plus.length - 1].end, counts[k + plus.length].start)) ? plus : [];
}

/** Reads the flows of one paragraph's sentences. */
export function readCountFlows(text: string, sentences: readonly Sentence[]): FlowClaim[] {
  const read: (FlowCount & { sentence: number })[] = [];
  sentences.forEach((s, si) => {
    const counts = countsOf(text, s);
    let previous: { n: Num; role: FlowRole | undefined } | undefined;
    counts.forEach((n, k) => {
      let role = roleOf(text, s, n, counts[k - 1]?.end ?? s.start, counts[k + 1]?.start ?? s.end);
      // "... (n = 15) and those that had closed (n = 6)": a bracketed count in a list after an exclusion is one too.
      if (!role && previous?.role === 'excluded' && PARALLEL_BRACKET.test(text.slice(previous.n.end, n.start))) role = 'excluded';
      previous = { n, role };
      if (!role) return;
      const plus = role === 'left' || role === 'sample' ? partsAfter(text, counts, k) : [];
      read.push({ n, role, plus, sentence: si });
    });
  });
  const claims: FlowClaim[] = [];
  read.forEach((start, i) => {
    if (start.role !== 'start') return;
    const excluded: FlowCount[] = [];
    let j = i + 1;
    for (; j < read.length && read[j].role === 'excluded'; j++) {
      // A bracketed breakdown right after an exclusion ("12 (8 for speed, 4 for checks)") is its parts.
      if (excluded.length && /^\s*\(\s*[^()]{0,20}$/.test(text.slice(excluded[excluded.length - 1].n.end, read[j].n.start))) continue;
      excluded.push(read[j]);
    }
    if (!excluded.length) return;
    if (excluded.some((e) => SUMMED.test(text.slice(e.n.end, e.n.end + 30)) || SUMMED.test(text.slice(Math.max(0, e.n.start - 12), e.n.start)))) {
      if (excluded.length > 1) return; // a sum of exclusions among its parts: not read
    }
    const next = read[j];
    // Else the count left may be told first ("a sample of 496 ... from an initial pool of 538"), after the previous start.
    let before: (typeof read)[number] | undefined;
    for (let k = i - 1; k >= 0 && read[k].role !== 'start' && !before; k--) if (read[k].role === 'left' || read[k].role === 'sample') before = read[k];
    const left = next?.role === 'left' || next?.role === 'sample' ? next : before;
    if (!left || Math.abs(left.sentence - start.sentence) >= MAX_SENTENCES) return;
    if (excluded.some((e) => e.n.value >= start.n.value) || left.n.value > 10 * start.n.value) return;
    claims.push({ start, excluded, left });
  });
  return claims;
}

export function judgeCountFlow(paper: PaperText, c: FlowClaim, out: CheckOutput): void {
  const leftValue = c.left.n.value + c.left.plus.reduce((a, n) => a + n.value, 0);
  const leftText = [c.left.n, ...c.left.plus].map((n) => n.text).join(' + ');
  const remaining = c.start.n.value - c.excluded.reduce((a, e) => a + e.n.value, 0);
  const working = `${c.start.n.text} − ${c.excluded.map((e) => e.n.text).join(' − ')} = ${remaining}`;
  const claimSpan = cover(c.start.n, ...c.excluded.map((e) => e.n), c.left.n, ...c.left.plus);
  if (remaining === leftValue) {
    out.verified.push(makeVerified(paper, ARITHMETIC_RULE.id, claimSpan, `${working}${c.left.plus.length ? ` = ${leftText}` : ''}`));
    return;
  }
  // The words may leave a stage out (a count removed without a number): a warning, never an error.
  out.findings.push(
    makeFinding(paper, {
      kind: ARITHMETIC_RULE.id,
      severity: 'warning',
      message: `${c.start.n.text} less the ${c.excluded.map((e) => e.n.text).join(' and ')} taken out leaves ${remaining}, not ${leftText}.`,
      claimSpan,
      span: c.left.n,
      reported: c.left.n.text,
      recomputed: String(remaining - (leftValue - c.left.n.value)),
      working,
      related: [c.start.n, ...c.excluded.map((e) => e.n)],
    }),
  );
}

export function checkCountFlows(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  const { sentences } = sentencesOf(paper);
  let from = 0;
  // One paragraph at a time: its sentences are consecutive in `sentences`.
  for (let i = 1; i <= sentences.length; i++) {
    if (i < sentences.length && sentences[i].block === sentences[from].block) continue;
    const paragraph = sentences.slice(from, i);
    from = i;
    if (!paragraph.some((s) => /exclu|remov|drop|did not|could not|fail|withdr|lost|discard|moved|declin|refus|discontinu|died|left|leaving|remain|final|analy/i.test(paper.text.slice(s.start, s.end)))) continue;
    for (const c of readCountFlows(paper.text, paragraph)) judgeCountFlow(paper, c, out);
  }
  return out;
}

export const countFlowCheck: CheckModule = {
  name: 'count-flow',
  title: 'Counts left after exclusions',
  description: 'Follows a count through a paragraph: the starting count less the counts taken out must leave the count the paragraph says is left.',
  kinds: [ARITHMETIC_RULE],
  shapes: [
    { name: 'start, exclusions, what is left', example: 'we screened 240 charts; 31 were excluded as duplicates and a further nine lacked a date, leaving 200 charts' },
    { name: 'final sample first', example: 'the analysed sample was 150 farms. From an initial pool of 171 farms we removed those with no yield data (n = 15) and those that closed (n = 6)' },
    { name: 'left as a sum', example: 'of 410 volunteers we dropped the last 10 to balance the groups, ending up with 200 men and 200 women' },
  ],
  leavesAlone: [
    'Exclusions told as a total among their parts (12 in total: 8 for speed and 4 for checks) when the reading is not clear.',
    'A flow whose counts are more than five sentences apart, or whose exclusions exceed the start.',
    'Counts written as percentages only.',
  ],
  run: checkCountFlows,
};
