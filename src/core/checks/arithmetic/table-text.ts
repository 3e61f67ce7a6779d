// A difference stated in the prose after a table between two of its cells: "the step from grade 2
// to grade 3 is the largest, 0.41 points on accuracy" names two rows and a column (or one row and
// two columns) and a number that should be the gap between the two cells. Read: the sentence's
// cue, the cells it names, the one number left; judged over the rounding of the printed cells.

import { intervalMeets, roundingInterval, roundsTo } from '../../numbers.ts';
import type { CheckOutput, PaperText, TableGrid, TextSpan } from '../../types.ts';
import type { CheckModule } from '../module.ts';
import { quantitiesIn, sentencesOf, type Num, type Sentence } from './context.ts';
import { ARITHMETIC_RULE } from './expressions.ts';
import { div, sub } from './interval-math.ts';
import { formatValue, makeFinding, makeVerified } from './report.ts';
import { readGrid, type Grid } from './table-grid.ts';

// A gap between two things, said as a difference: not a ratio, not a relative change.
const DIFFERENCE_CUE = /\b(?:difference|differ(?:s|ed)?\s+by|gap|step|jump|(?:higher|lower|greater|smaller|larger|more|less|better|worse)\s+by|(?:rose|fell|dropped|climbed|increased|decreased|improved|declined|grew)\s+by|(?:increase|decrease|drop|rise|gain|improvement|decline|loss)\s+of)\b/i;
const CUE_AFTER = /^\s*%?\s*(?:(?:percentage\s+)?points?\s+|pp\s+|units?\s+)?(?:higher|lower|greater|smaller|larger|more|less|better|worse)\s+(?:than|for|in|on|at)\b/i;
const ANY_COMPARISON = /\b(?:higher|lower|greater|smaller|larger|more|less|better|worse)\s+(?:than|for|in|on|at)\b/i;
const NOT_A_DIFFERENCE = /\b(?:twice|thrice|half|relative(?:ly)?|odds|per\s?cent(?:age)?\s+(?:higher|lower|more|less)|correlat\w*)\b/i;
// A ratio of the two cells, said right after its number: "1.4 times", "2.1-fold", "3.0×".
const RATIO_AFTER = /^\s*(?:-\s*fold|fold|times|×)/i;
// "1.4 times higher than" is read by some as 1.4 times, by others as 2.4 times: either may be meant.
const TIMES_MORE = /^\s*(?:times|-?\s*fold)\s+(?:higher|more|greater|larger|bigger|faster)\b/i;
// What stands before a number that is a statistic, not the stated gap.
const STATISTIC_BEFORE = /(?:\b(?:p|t|F|z|r|d|df|SE|SD|CI|n|N)\b|χ2?)\s*(?:\([^)]{0,10}\))?\s*[=<>≤≥:]\s*$/;
// How far back a table may stand (in blocks) for a sentence with no "Table N" to mean it.
const NEAR_BLOCKS = 3;

/** A cell's name as prose would write it: no units in brackets, no markup, lower case. */
function nameOf(label: string): string {
  return label.replace(/\([^)]*\)|\[[^\]]*\]/g, '').replace(/[*†‡§¶^{}$\\]/g, '').replace(/\s+/g, ' ').trim();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where `name` stands in `sentence` as whole words. A name of one or two characters ("B", "C2")
 * must be written as such, after a word that introduces it ("from B", "level C", "and C2").
 */
function mentions(sentence: string, name: string, kind: string): TextSpan[] {
  if (name.length === 0 || /^[\d.,%\s]+$/.test(name)) return [];
  const short = name.length <= 2;
  const lead = short ? `(?<=\\b(?:from|between|to|and|vs\\.?|versus|than|over|of|${escape(kind)})\\s+)` : '(?<![\\p{L}\\p{N}])';
  const re = new RegExp(`${lead}${escape(name)}(?![\\p{L}\\p{N}])`, 'giu');
  // A short name keeps its case: "B" is named, "b" is not.
  return [...sentence.matchAll(re)].filter((m) => !short || m[0] === name).map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

interface Named {
  index: number;
  spans: TextSpan[];
}

/** The labels named in text[scope], with their spans in the paper's text. */
function named(text: string, scope: TextSpan, names: string[], kind: string): Named[] {
  const sentence = text.slice(scope.start, scope.end);
  const out: Named[] = [];
  names.forEach((label, index) => {
    const name = nameOf(label);
    if (name.length < 3 && !/^[A-Z]\d?$|^\d[A-Z]$/.test(name)) return;
    const spans = mentions(sentence, name, kind).map((t) => ({ start: t.start + scope.start, end: t.end + scope.start }));
    if (spans.length) out.push({ index, spans });
  });
  // A name inside a longer named one ("Age" in "Age group") is the longer one's.
  return out.filter((a) => !out.some((b) => b !== a && b.spans.some((s) => a.spans.every((t) => t.start >= s.start && t.end <= s.end && (t.start !== s.start || t.end !== s.end)))));
}

interface Claim {
  op: 'difference' | 'ratio';
  stated: Num;
  a: Num;
  b: Num;
  /** How the two cells are named, for the message. */
  what: string;
  short: boolean;
}

function cellValue(grid: Grid, r: number, c: number): Num | undefined {
  const cell = grid.rows[r]?.[c];
  return cell && (cell.kind === 'number' || cell.kind === 'percent') ? cell.value : undefined;
}

/** The table a sentence most plausibly talks about: the one it cites, else the nearest before it. */
function tableFor(paper: PaperText, s: Sentence): TableGrid | undefined {
  const cited = /\bTable\s+(\d+)\b/.exec(paper.text.slice(s.start, s.end));
  if (cited) return paper.tables[Number(cited[1]) - 1];
  const before = paper.tables.filter((t) => t.end <= s.start);
  const last = before[before.length - 1];
  if (!last) return undefined;
  const blocksBetween = paper.blocks.filter((b) => b.start >= last.end && b.end <= s.start).length;
  return blocksBetween <= NEAR_BLOCKS ? last : undefined;
}

/**
 * The claim of one clause: rows named in `rowScope` (the sentence, or the sentence before when this
 * one goes on with "It ..."), columns and the stated number in `scope` (a clause of the sentence).
 */
function readClaim(paper: PaperText, s: Sentence, rowScope: TextSpan, scope: TextSpan, grid: Grid): Claim | undefined {
  const text = paper.text;
  const body = grid.rows.map((_, r) => r).filter((r) => r >= grid.headerRows);
  const rowKind = nameOf(grid.columnHeader[0] ?? '').toLowerCase() || 'row';
  const rows = named(text, rowScope, body.map((r) => grid.labels[r]), rowKind).map((n) => ({ ...n, index: body[n.index] }));
  const numeric = grid.columnHeader.map((_, c) => c).filter((c) => c > 0 && body.some((r) => cellValue(grid, r, c)));
  const cols = named(text, scope, numeric.map((c) => grid.columnHeader[c]), 'column').map((n) => ({ ...n, index: numeric[n.index] }));
  let pair: [Num | undefined, Num | undefined, string];
  if (rows.length === 2 && (cols.length === 1 || (cols.length === 0 && numeric.length === 1))) {
    const c = cols[0]?.index ?? numeric[0];
    pair = [cellValue(grid, rows[0].index, c), cellValue(grid, rows[1].index, c), `${nameOf(grid.labels[rows[0].index])} and ${nameOf(grid.labels[rows[1].index])}, ${nameOf(grid.columnHeader[c])}`];
  } else if (rows.length === 1 && cols.length === 2) {
    const r = rows[0].index;
    pair = [cellValue(grid, r, cols[0].index), cellValue(grid, r, cols[1].index), `${nameOf(grid.columnHeader[cols[0].index])} and ${nameOf(grid.columnHeader[cols[1].index])}, ${nameOf(grid.labels[r])}`];
  } else return undefined;
  const [a, b, what] = pair;
  if (!a || !b || a.percent !== b.percent) return undefined;
  // The stated gap: the one number of the sentence that is neither cell, a name or a statistic.
  const inName = (n: Num) => [...rows, ...cols].some((x) => x.spans.some((t) => n.start < t.end && n.end > t.start));
  const left = quantitiesIn(text, s).filter(
    (n) => n.start >= scope.start && n.end <= scope.end && !inName(n) && !roundsTo(n, a.value) && !roundsTo(n, b.value) && !STATISTIC_BEFORE.test(text.slice(Math.max(s.start, n.start - 16), n.start)),
  );
  if (left.length !== 1) return undefined;
  const stated = left[0];
  // The cue stands before the number ("a difference of 0.4", "higher by 3", "higher than X by 3") or right after it ("3 points lower than").
  const short = rows.some((x) => nameOf(grid.labels[x.index]).length <= 2) || cols.some((x) => nameOf(grid.columnHeader[x.index]).length <= 2);
  const after = text.slice(stated.end, s.end);
  if (RATIO_AFTER.test(after)) return stated.value > 1 && !stated.percent && a.value > 0 && b.value > 0 ? { op: 'ratio', stated, a, b, what, short } : undefined;
  if (/\b(?:times|fold|ratio)\b|×/i.test(text.slice(s.start, s.end))) return undefined;
  const before = paper.text.slice(s.start, stated.start);
  const byAfterComparison = /\bby\s*$/.test(before) && ANY_COMPARISON.test(before);
  if (!DIFFERENCE_CUE.test(before) && !byAfterComparison && !CUE_AFTER.test(paper.text.slice(stated.end, s.end))) return undefined;
  if (stated.percent && !a.percent && !/^\s*%?\s*(?:percentage\s+)?points?\b/.test(paper.text.slice(stated.end, stated.end + 24))) return undefined;
  return { op: 'difference', stated, a, b, what, short };
}

/** A ratio of two cells: the larger over the smaller, across their rounding. */
function judgeRatio(paper: PaperText, s: Sentence, claim: Claim, out: CheckOutput): void {
  const [big, small] = claim.a.value >= claim.b.value ? [claim.a, claim.b] : [claim.b, claim.a];
  const { stated } = claim;
  const exact = big.value / small.value;
  const working = `${big.text} / ${small.text} = ${formatValue(exact)}`;
  if (roundsTo(stated, exact)) {
    out.verified.push(makeVerified(paper, ARITHMETIC_RULE.id, stated, `${claim.what}: ${working}`));
    return;
  }
  const range = div(roundingInterval(big), roundingInterval(small));
  if (!range || intervalMeets(stated, range[0], range[1])) return;
  // "1.4 times higher" for a ratio of 2.4 (1.4 times more on top) is a reading in use: not a finding.
  if (TIMES_MORE.test(paper.text.slice(stated.end, s.end)) && intervalMeets(stated, range[0] - 1, range[1] - 1)) return;
  report(paper, s, claim, `The ratio of ${claim.what} in the table is ${formatValue(exact)}, not ${stated.text}.`, exact, working, [big, small], out);
}

/** A stated gap or ratio the two cells do not give: an error, a warning when a name was short. */
function report(paper: PaperText, s: Sentence, claim: Claim, message: string, exact: number, working: string, related: Num[], out: CheckOutput): void {
  out.findings.push(
    makeFinding(paper, {
      kind: ARITHMETIC_RULE.id,
      severity: claim.short ? 'warning' : 'error',
      message,
      claimSpan: { start: s.start, end: s.end },
      span: claim.stated,
      reported: claim.stated.text,
      recomputed: formatValue(exact),
      working,
      related,
    }),
  );
}

function judge(paper: PaperText, s: Sentence, claim: Claim, out: CheckOutput): void {
  if (claim.op === 'ratio') return judgeRatio(paper, s, claim, out);
  const { stated, a, b } = claim;
  const exact = Math.abs(a.value - b.value);
  const working = `|${a.text} − ${b.text}| = ${formatValue(exact)}`;
  if (roundsTo(stated, exact) || roundsTo(stated, -exact)) {
    out.verified.push(makeVerified(paper, ARITHMETIC_RULE.id, stated, `${claim.what}: ${working}`));
    return;
  }
  const [lo, hi] = sub(roundingInterval(a), roundingInterval(b));
  const absLo = lo <= 0 && hi >= 0 ? 0 : Math.min(Math.abs(lo), Math.abs(hi));
  const absHi = Math.max(Math.abs(lo), Math.abs(hi));
  if (intervalMeets({ ...stated, value: Math.abs(stated.value) }, absLo, absHi)) return; // only with rounded inputs: undecided
  report(paper, s, claim, `The gap between ${claim.what} in the table is ${formatValue(exact)}, not ${stated.text}.`, exact, working, [a, b], out);
}

/** The sentence's clauses split at semicolons (a list of gaps, one per column), or the sentence itself. */
function clausesOf(text: string, s: Sentence): TextSpan[] {
  const out: TextSpan[] = [];
  let start = s.start;
  for (let k = s.start; k < s.end; k++) {
    if (text[k] !== ';') continue;
    out.push({ start, end: k });
    start = k + 1;
  }
  out.push({ start, end: s.end });
  return out;
}

export function checkTableTextDifferences(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  if (!paper.tables.length) return out;
  const sentences = sentencesOf(paper).sentences;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    const text = paper.text.slice(s.start, s.end);
    if (!(DIFFERENCE_CUE.test(text) || ANY_COMPARISON.test(text) || /\d\s*(?:-?\s*fold|times|×)/i.test(text)) || NOT_A_DIFFERENCE.test(text)) continue;
    const table = tableFor(paper, s);
    if (!table) continue;
    const grid = readGrid(paper.text, table);
    // "It is the largest jump (relevance: 0.63; clarity: 0.58)": the rows are the sentence before's.
    const prev = sentences[i - 1];
    const goesOn = prev && prev.end <= s.start && /^\s*(?:It|This|That|These|Here)\b/.test(text) && !/\n\n/.test(paper.text.slice(prev.end, s.start));
    const rowScope = goesOn ? { start: prev.start, end: s.end } : s;
    for (const clause of clausesOf(paper.text, s)) {
      const claim = readClaim(paper, s, rowScope, clause, grid);
      if (claim) judge(paper, s, claim, out);
    }
  }
  return out;
}

export const tableTextDifferencesCheck: CheckModule = {
  name: 'table-text-differences',
  title: 'Differences between table cells stated in the text',
  description: 'Recomputes a gap or a ratio the prose states between two cells of a table it names by row and column.',
  kinds: [ARITHMETIC_RULE],
  shapes: [
    { name: 'two rows, one column', example: 'after a table of grades by skill: the step from grade 2 to grade 3 is the largest, 0.41 on accuracy' },
    { name: 'one row, two columns', example: 'for the urban sample, the score is higher in Spring than in Autumn by 2.5' },
    { name: 'ratio of two cells', example: 'after a table of run times: the GPU build was 3.2 times as fast as the CPU build on the large input' },
  ],
  leavesAlone: [
    'Sentences that name more or fewer cells than two, or leave more than one number beside them.',
    'Relative changes ("40% higher") and ratios written as words ("twice", "half").',
    'A ratio "N times higher" that fits N − 1: both readings are in use.',
    'A gap that agrees only if the printed cells were rounded from other values.',
  ],
  run: checkTableTextDifferences,
};
