// Shares of one whole written in prose, which must add up to 100%: two complementary categories
// ("45% women and 55% men", "yes (62%) and no (38%)", "smokers (30%) and non-smokers (70%)"),
// and a list introduced as the whole's composition ("were divided into A (45%), B (35%) and
// C (20%)"). Overlapping categories are never read as a partition: only pairs that exclude each
// other, or an explicit "divided into / comprised". A sum below 100% may leave a category unsaid
// (missing answers, a third gender), so it is a warning; a sum above 100% for categories that
// exclude each other is an error. Also a share and its complement told by the second clause's
// wording ("64% passed and 36% did not", "71% succeeded and 29% failed"), and categories listed
// with their shares right after "were" or a colon, when the list comes near 100%.

import { roundingInterval } from '../../numbers.ts';
import type { CheckOutput, PaperText, Severity } from '../../types.ts';
import { quantitiesIn, sentencesOf, type Num } from './context.ts';
import { cover, formatValue, makeFinding, makeVerified, plain } from './report.ts';
import { sum } from './interval-math.ts';
import { complementary as opposite } from '../../text/lexicon.ts';
import type { CheckModule } from '../module.ts';
import { PARTS_TOTAL_RULE } from './parts-total.ts';
import { readShareList } from './share-lists.ts';

const PAIRS: [string, string][] = [
  ['women', 'men'], ['woman', 'man'], ['female', 'male'], ['females', 'males'], ['girls', 'boys'], ['girl', 'boy'],
  ['yes', 'no'], ['urban', 'rural'], ['married', 'unmarried'], ['employed', 'unemployed'], ['present', 'absent'],
  ['correct', 'incorrect'], ['public', 'private'], ['alive', 'dead'],
];
// Not here on purpose: treatment/control, vaccinated/unvaccinated and the like name groups whose
// rates papers compare ("intervention (45%) and control (65%)"), not shares of one whole.
const PAIR_SET = new Set(PAIRS.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));

/** Two words that name categories excluding each other: a known pair, or X and non-X. */
function complementary(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (PAIR_SET.has(`${x}|${y}`)) return true;
  const strip = (w: string) => w.replace(/^non-?/, '');
  return x !== y && strip(x) === strip(y) && (x.startsWith('non') || y.startsWith('non'));
}

interface Item {
  pct: Num;
  /** The category's word ('' when not read). */
  word: string;
  start: number;
  end: number;
}

const WORD = "[A-Za-z][\\w'\\u2019-]*";
// "45% women", "45% were women", "45% are female"; not "45% of women" (a rate within a group).
const WORD_AFTER = new RegExp(`^\\s+(?:(?:were|was|are|is)\\s+)?(${WORD})`);
// "women (45%)", "women (n = 45, 45%)".
const WORD_BEFORE = new RegExp(`(${WORD})\\s*\\(\\s*(?:n\\s*=\\s*\\d[\\d,]*\\s*[,;]\\s*)?$`);
const CLOSE = /^\s*\)/;
const JOIN = /^(?:\s*[,;])?\s*(?:(?:and|or|while|whereas)\s+)?$/;
// Rates within groups: "in women (45%) and men (30%)", "than men (30%)".
const WITHIN_BEFORE = /\b(?:in|among|amongst|for|of|than|versus|vs\.?|between|compared\s+(?:to|with)|by)\s+(?:the\s+)?$/i;
const COMPOSITION_BEFORE = /(?:\b(?:were|was|are|is|comprised|comprising|consisted\s+of|including|included)|:)\s*(?:the\s+)?$/i;
const STRONG_CUE = /\b(?:were|was)\s+(?:divided|split|broken\s+down|distributed|categori[sz]ed|classified)\s+(?:in(?:to)?|as|across|among)\s+(?:the\s+following\s*:?\s*)?$/i;
const WEAK_CUE = /\b(?:comprised|comprising|consisted\s+of|consisting\s+of|composed\s+of|made\s+up\s+of)\s+(?:the\s+following\s*:?\s*)?$/i;
// "Respondents were A (45%), B (30%) and C (25%)", "Highest degree: A (38%), B (41%), C (21%)".
const COPULA_CUE = /(?:\b(?:were|was|are|is|(?:self-)?identified\s+as)(?:\s+(?:mostly|mainly|largely|predominantly|primarily))?|:)\s*$/i;
// Words that say a list names only some categories, or categories that may overlap.
const OPEN_LIST = /\b(?:most(?:ly)?\s+(?:common|frequent|often|popular|used|cited|reported)|common(?:ly)?|frequent(?:ly)?|such\s+as|e\.g\.|for\s+(?:example|instance)|includ\w*|among\s+(?:them|others)|top|main|major|leading|several|multiple|more\s+than\s+one|at\s+least|also|all\s+that\s+apply|select\w*|chose|chosen)\b/i;
const LIST_JOIN = /^(?:\s*[,;])?\s*(?:(?:and|or|followed\s+by)\s+)?$/;
/** How far from 100% a list named only by "were" may add up to and still be read as the whole's categories. */
const NEAR_WHOLE = 25;
const NOT_SHARE = /^\s*(?:CI|C\.I\.|confidence|credib|of\b|points?\b|pp\b|increase|decrease|reduction|higher|lower|more|less|change)/i;

function itemAt(text: string, p: Num, from: number): Item | undefined {
  if (!p.percent || p.value < 0 || p.value > 100) return undefined;
  const after = text.slice(p.end, p.end + 40);
  if (NOT_SHARE.test(after)) return undefined;
  const before = text.slice(Math.max(from, p.start - 48), p.start);
  const b = WORD_BEFORE.exec(before);
  if (b && CLOSE.test(after)) {
    const start = p.start - before.length + b.index;
    return { pct: p, word: b[1], start, end: p.end + (CLOSE.exec(after)?.[0].length ?? 0) };
  }
  const a = WORD_AFTER.exec(after);
  if (a) return { pct: p, word: a[1], start: p.start, end: p.end + a[0].length };
  return { pct: p, word: '', start: p.start, end: p.end };
}

// "62% of the runs converged and 38% did not", "70% passed and 30% failed": the second share is
// the first's complement by its wording, in the next clause of the same sentence.
const CLAUSE_JOIN = /(?:[,;]\s*(?:and|but|while|whereas)?|\s(?:and|but|while|whereas))\s*$/i;
const OF_SAME = /^\s*of\s+(?:them|these|those|the\s+([A-Za-z][\w-]*))\b/i;
const AUXILIARY = /^\s*(?:(?:were|was|are|is|had|have|has)\s+(?:been\s+)?)?/i;
const NEGATION = /^\s*(?:did|do|does|were|was|are|is|had|have|has|could|would|can)\s*(?:not|n[\u2019']t)\b/i;
const FILLER_WORDS = new Set(['it', 'them', 'so', 'the', 'a', 'to', 'this', 'that', 'do', 'be']);

function wordsOf(s: string): string[] {
  return s.toLowerCase().match(/[a-z][\w-]*/g) ?? [];
}

/** The words of B's clause after the share, if they say B is the rest of A's whole ("did not", an opposite verb). */
function complementWording(text: string, a: Num, b: Num, clauseA: string[]): boolean {
  let after = text.slice(b.end, b.end + 80).split(/[.;,:)(]/)[0];
  const of = OF_SAME.exec(after);
  if (of) {
    if (of[1] && !clauseA.includes(of[1].toLowerCase())) return false;
    after = after.slice(of[0].length);
  }
  // The words after the negation or the opposite verb restate A's own, nothing new ("did not (converge)"):
  // "failed in round two" after "succeeded in round one" is another whole.
  const stems = new Set(clauseA.map((w) => w.slice(0, 4)));
  const restates = (rest: string) => wordsOf(rest).every((w) => FILLER_WORDS.has(w) || stems.has(w.slice(0, 4)));
  const neg = NEGATION.exec(after);
  if (neg) return restates(after.slice(neg[0].length));
  const [verb, ...rest] = wordsOf(after.replace(AUXILIARY, ''));
  return verb !== undefined && clauseA.some((w) => opposite(w, verb)) && restates(rest.join(' '));
}

function complementPairs(text: string, nums: Num[], used: Set<number>, judge: (items: Item[], over: Severity, under: Severity, what: string) => void): void {
  for (let i = 0; i + 1 < nums.length; i++) {
    const [a, b] = [nums[i], nums[i + 1]];
    if (used.has(i) || used.has(i + 1) || !a.percent || !b.percent) continue;
    // "42% of them": the same whole; "42% of women" or "42% higher" is not a share of A's whole.
    const afterB = text.slice(b.end, b.end + 40);
    if (NOT_SHARE.test(afterB.slice(OF_SAME.exec(afterB)?.[0].length ?? 0))) continue;
    const gap = text.slice(a.end, b.start);
    const join = CLAUSE_JOIN.exec(gap);
    if (!join || gap.length > 120) continue;
    // A third share listed right after ("..., and 0.6% other"): a longer list, not a pair.
    const c = nums[i + 2];
    if (c?.percent && /^[^.;]{0,50}$/.test(text.slice(b.end, c.start)) && /,|\b(?:and|or)\b/.test(text.slice(b.end, c.start))) continue;
    const clauseA = wordsOf(gap.slice(0, join.index));
    if (!clauseA.length || !complementWording(text, a, b, clauseA)) continue;
    // Over 100% cannot be; under may leave some out (no answer, still running): a warning.
    judge([{ pct: a, word: '', start: a.start, end: a.end }, { pct: b, word: '', start: b.start, end: b.end }], 'error', 'warning', 'A share and its complement:');
    i++;
  }
}

export function checkShares(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  const text = paper.text;
  const { sentences } = sentencesOf(paper);
  const judge = (items: Item[], severityOver: Severity, severityUnder: Severity, what: string) => {
    const parts = items.map((x) => x.pct);
    const [lo, hi] = sum(parts.map((p) => roundingInterval(p)));
    const claimSpan = cover(...items.map((x) => ({ start: x.start, end: x.end })));
    const working = parts.map((p) => plain(p.value)).join(' + ');
    const exact = parts.reduce((a, p) => a + p.value, 0);
    if (lo <= 100 + 1e-9 && hi >= 100 - 1e-9) {
      out.verified.push(makeVerified(paper, 'parts-total', claimSpan, `${working} = 100`));
      return;
    }
    const severity = hi < 100 ? severityUnder : severityOver;
    const last = parts[parts.length - 1];
    out.findings.push(
      makeFinding(paper, {
        kind: 'parts-total',
        severity,
        message: `${what} ${parts.map((p) => p.text).join(' + ')} add up to ${formatValue(exact, 2)}%, not 100%.`,
        claimSpan,
        span: last,
        reported: last.text,
        recomputed: `${formatValue(exact, 2)}%`,
        working,
        related: parts.slice(0, -1),
      }),
    );
  };

  for (const s of sentences) {
    const nums = quantitiesIn(text, s);
    if (nums.length < 2) continue;
    const items = nums.map((n) => itemAt(text, n, s.start));
    const used = new Set<number>();
    // 1. A list introduced as the whole's composition.
    for (let i = 0; i < items.length; i++) {
      const first = items[i];
      if (!first || used.has(i)) continue;
      const lead = text.slice(Math.max(s.start, first.start - 60), first.start);
      const strong = STRONG_CUE.test(lead);
      const plain = !strong && !WEAK_CUE.test(lead);
      if (plain && (!COPULA_CUE.test(lead) || OPEN_LIST.test(text.slice(s.start, s.end)))) continue;
      // A list the share-list check already reads as a split ("and other", "or") is judged there.
      if (plain && readShareList(text, s)?.cued) continue;
      const list = [first];
      let j = i + 1;
      while (j < items.length && items[j] && LIST_JOIN.test(text.slice(list[list.length - 1].end, items[j]!.start))) list.push(items[j++]!);
      if (list.length < (plain ? 3 : 2) || list.some((x) => !x.word)) continue;
      // "were A (x%), B (y%) and C (z%)" names the categories of a whole only when they come near 100%; far from it they are rates.
      if (plain && Math.abs(list.reduce((a, x) => a + x.pct.value, 0) - 100) > NEAR_WHOLE) continue;
      // Another share in the same clause: the list may go on in a way not read here.
      const next = items[j];
      if (next && !/[;.]/.test(text.slice(list[list.length - 1].end, next.start))) continue;
      for (let k = i; k < j; k++) used.add(k);
      // Under 100%, a class may have been left out of the sentence ("indeterminate"): a warning.
      judge(list, strong ? 'error' : 'warning', 'warning', 'The shares of the whole');
    }
    // 2. Two complementary categories side by side.
    for (let i = 0; i + 1 < items.length; i++) {
      const a = items[i];
      const b = items[i + 1];
      if (!a || !b || used.has(i) || used.has(i + 1) || !a.word || !b.word) continue;
      if (!complementary(a.word, b.word) || !JOIN.test(text.slice(a.end, b.start))) continue;
      // "women (45%) and men (30%)" after "in", "among", "than": rates within each group.
      if (a.start !== a.pct.start && WITHIN_BEFORE.test(text.slice(Math.max(s.start, a.start - 24), a.start))) continue;
      // A third category listed right after ("45% women, 50% men and 5% other") is part of the whole.
      const c = items[i + 2];
      if (c && JOIN.test(text.slice(b.end, c.start))) continue;
      used.add(i).add(i + 1);
      // "women (45%) and men (65%)" may still be two rates; "were women (45%) and men (65%)" is the whole.
      const composition = a.start === a.pct.start || COMPOSITION_BEFORE.test(text.slice(Math.max(s.start, a.start - 30), a.start));
      judge([a, b], composition ? 'error' : 'warning', 'warning', `${a.word} and ${b.word}:`);
    }
    // 3. A share and its complement told by the wording of the second clause.
    complementPairs(text, nums, used, judge);
  }
  return out;
}

export const sharesCheck: CheckModule = {
  name: 'shares',
  title: 'Shares of one whole',
  description: 'Adds up shares of categories that exclude each other, which must make 100%.',
  kinds: [PARTS_TOTAL_RULE],
  shapes: [
    { name: 'complementary pair', example: '40% owners and 60% renters' },
    { name: 'composition list', example: 'split into A (50%), B (30%) and C (20%)' },
    { name: 'categories after "were" or a colon', example: 'the guests were locals (40%), tourists (35%) and staff (25%)' },
    { name: 'a share and its complement', example: '64% of the builds passed and 36% did not; 71% succeeded and 29% failed' },
  ],
  leavesAlone: [
    'Categories that may overlap; a sum below 100% is only a warning (a category may be unsaid).',
    'Lists that may name only some categories or allow several answers ("the most common", "such as", "including", "select all").',
    'Two shares of different groups ("64% of boys and 45% of girls did not").',
  ],
  run: checkShares,
};
