// Builds the ledger in one pass over the paper's blocks: prose numbers with the noun and cues of
// their clause, counts written as words, and table cells with their row and column labels.

import { numbersIn, sentencesOf } from '../checks/arithmetic/context.ts';
import { readGrid } from '../checks/arithmetic/table-grid.ts';
import type { ReportedNumber } from '../numbers.ts';
import type { Block, PaperText, TableGrid, TextSpan } from '../types.ts';
import type { Ledger, LedgerEntry, Place, Role } from './ledger.ts';
import { BOUND_CUES, flowStages, PARAMETER_CUES, PEOPLE_NOUNS, SEX_WORDS, THING_NOUNS } from './lexicon.ts';
import { wordValue } from './word-numbers.ts';

const UNIT_AFTER = /^\s*(%|percent\b|percentage points?\b|pp\b|(?:-?fold\b|x\b|×|times\b)|ms\b|s\b|sec\b|seconds?\b|min\b|minutes?\b|h\b|hours?\b|days?\b|weeks?\b|months?\b|years?\b|kg\b|g\b|mg\b|µg\b|ng\b|km\b|cm\b|mm\b|m\b|ml\b|l\b|hz\b|khz\b|mhz\b|ghz\b|gb\b|mb\b|kb\b|tb\b|°c|°|k\b|\$|usd\b|eur\b|euros?\b|dollars?\b)/i;
const RATIO_AFTER = /^\s*(x\b|×|-?fold\b|times\b)/i;
const PARAMETER_BEFORE = new RegExp(`(?:${PARAMETER_CUES.join('|')})`, 'i');
const STOP_AFTER = new Set(['was', 'were', 'is', 'are', 'has', 'had', 'have', 'as', 'its', 'this', 'his', 'thus', 'plus', 'minus', 'vs', 'less', 'across']);
const N_EQUALS = /(?:^|[^\p{L}])(total\s+)?([Nn])\s*=\s*$/u;

function placeOf(block: Block): Place {
  if (block.kind === 'caption') return 'caption';
  if (block.kind === 'table') return 'table';
  if (block.kind === 'footnote') return 'footnote';
  const s = block.section.toLowerCase();
  if (/\babstract\b|\bsummary\b/.test(s) && !/statistic/.test(s)) return 'abstract';
  if (/\bhighlights?\b|key (?:points|findings)/.test(s)) return 'highlights';
  if (/conclu/.test(s)) return 'conclusion';
  return 'body';
}

const CLAUSE_CUT = /;|,\s+(?:and|but|while|whereas|of whom|of which|with)\s|\s(?:whereas|while|but)\s|,\s+(?=\p{Lu})/gu;

/** Clause boundaries of a sentence (cuts at semicolons and at commas or words that join independent clauses). */
function clauseCuts(text: string, sentence: TextSpan): { at: number; length: number }[] {
  const s = text.slice(sentence.start, sentence.end);
  if (!/[;,]|while|but/.test(s)) return [];
  return [...s.matchAll(CLAUSE_CUT)].map((m) => ({ at: sentence.start + m.index, length: m[0].length }));
}

function clauseAround(sentence: TextSpan, cuts: readonly { at: number; length: number }[], at: number): TextSpan {
  let start = sentence.start;
  let end = sentence.end;
  for (const cut of cuts) {
    if (cut.at < at) start = cut.at + cut.length;
    else {
      end = cut.at;
      break;
    }
  }
  return { start, end };
}

const NEXT_WORDS = /^\s*([A-Za-z][A-Za-z-]*)(?:\s+([A-Za-z][A-Za-z-]*))?(?:\s+([A-Za-z][A-Za-z-]*))?/;

/** The counted noun after a number: the first plural (or known) word among the next three. */
function nounAfter(after: string): string {
  const m = NEXT_WORDS.exec(after);
  if (!m) return '';
  for (let k = 1; k <= 3 && m[k]; k++) {
    const w = m[k].toLowerCase();
    if (!w || STOP_AFTER.has(w)) return '';
    if (PEOPLE_NOUNS.has(w) || THING_NOUNS.has(w) || SEX_WORDS.has(w)) return w;
    if (/^[a-z][a-z-]{2,}s$/.test(w) && !/ss$|ous$|is$|us$/.test(w)) return w;
  }
  return '';
}

/** "mornings (n = 12)": the label a parenthesised n belongs to. */
function entityBefore(before: string): string {
  const m = /([\p{L}][\p{L}\s-]{0,40}?)\s*\(\s*(?:total\s+)?[Nn]\s*=\s*$/u.exec(before);
  return m ? m[1].trim().split(/\s+/).slice(-2).join(' ').toLowerCase() : '';
}

interface Reading {
  noun: string;
  unit: string;
  entity: string;
  role: Role;
}

function readNumber(text: string, n: ReportedNumber, clause: TextSpan): Reading | undefined {
  // Anchored patterns run on short tails: a regex ending in $ tries every start position of its input.
  const before = text.slice(Math.max(clause.start, n.start - 30), n.start);
  const after = text.slice(n.end, Math.min(clause.end, n.end + 60));
  const unit = n.percent ? '%' : (UNIT_AFTER.exec(after)?.[1].toLowerCase() ?? '');
  const nEquals = N_EQUALS.exec(before.slice(-12));
  if (nEquals) {
    const isTotal = nEquals[1] !== undefined || nEquals[2] === 'N';
    return { noun: isTotal ? 'sample' : 'subsample', unit: '', entity: entityBefore(text.slice(Math.max(clause.start, n.start - 60), n.start)), role: 'count' };
  }
  const noun = unit ? (n.percent ? nounAfter(after.replace(/^\s*%?/, '')) : '') : nounAfter(after);
  const integer = n.decimals === 0 && n.exponent === 0 && !unit;
  let role: Role = 'other';
  if (n.percent || unit === 'percent') role = 'share';
  else if (/fold|^x$|×|times/.test(unit)) role = 'ratio';
  else if (integer && noun) role = 'count';
  // "more than 200 farmers", "up to 4x": a bound, never compared for equality.
  if (role !== 'share' && BOUND_CUES.test(before)) role = 'bound';
  else if (before.endsWith('=') || before.endsWith('= ')) role = 'estimate';
  if (!noun && PARAMETER_BEFORE.test(before)) role = 'parameter';
  // A year, a bare integer with nothing counted, is not a quantity worth comparing.
  if (role === 'other' && integer && n.value >= 1800 && n.value <= 2100) return undefined;
  return { noun, unit, entity: '', role };
}

// "We excluded 12 participants for X, and 3 (2%) that ...": the second count leaves its noun unsaid.
const ELIDED_BEFORE = /(?:,|\band|\bwhile|\banother|\bfurther|\ba further|\badditional)\s*$/i;
const ELIDED_AFTER = /^\s*(?:\(|that\b|who\b|were\b|was\b|had\b|more\b|others?\b|due\b|because\b|for\b|did\b)/i;

function isElidedCount(text: string, e: LedgerEntry): boolean {
  const n = e.number;
  if (e.role !== 'other' || e.noun || e.unit || n.decimals !== 0 || n.exponent !== 0) return false;
  return ELIDED_BEFORE.test(text.slice(Math.max(e.sentence.start, n.start - 14), n.start)) && ELIDED_AFTER.test(text.slice(n.end, n.end + 12));
}

function inheritCount(e: LedgerEntry, from: LedgerEntry, own: readonly string[]): void {
  e.role = 'count';
  e.noun = from.noun;
  e.stages = [...new Set([...from.stages, ...own])];
}

const WORD_NUMBER = /\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b(?!-)/gi;

/** Counts written as words, read as ReportedNumbers. */
function wordCounts(text: string, span: TextSpan): ReportedNumber[] {
  const out: ReportedNumber[] = [];
  const slice = text.slice(span.start, span.end);
  for (const m of slice.matchAll(WORD_NUMBER)) {
    const value = wordValue(m[0]);
    if (value === undefined || (m.index > 0 && slice[m.index - 1] === '-')) continue;
    const end = m.index + m[0].length;
    if (!nounAfter(slice.slice(end, end + 60))) continue;
    const start = span.start + m.index;
    out.push({ text: m[0], start, end: start + m[0].length, value, decimals: 0, exponent: 0, trailingZeros: 0, percent: false });
  }
  return out;
}

const NO_STAGES: string[] = [];

/** Numbers of one sentence: the shared reading of the arithmetic checks (noise marked) plus counts written as words. */
function sentenceNumbers(text: string, sentence: TextSpan): ReportedNumber[] {
  const numbers: ReportedNumber[] = numbersIn(text, sentence).filter((n) => !n.noise);
  const words = wordCounts(text, sentence);
  if (!words.length) return numbers;
  return [...numbers, ...words].sort((a, b) => a.start - b.start);
}


function proseEntries(paper: PaperText, block: Block, index: number, sentences: readonly TextSpan[], study: string, out: LedgerEntry[]): void {
  const text = paper.text;
  const place = placeOf(block);
  for (const sentence of sentences) {
    const numbers = sentenceNumbers(text, sentence);
    if (!numbers.length) continue;
    const cuts = clauseCuts(text, sentence);
    const stagesOf = new Map<number, string[]>();
    const stagesFor = (clause: TextSpan) => {
      let stages = stagesOf.get(clause.start);
      if (!stages) stagesOf.set(clause.start, (stages = flowStages(text.slice(clause.start, clause.end))));
      return stages;
    };
    let lastCount: LedgerEntry | undefined;
    for (const n of numbers) {
      const clause = clauseAround(sentence, cuts, n.start);
      const reading = readNumber(text, n, clause);
      if (!reading) continue;
      // Flow stages matter for counts only (recruited, excluded, final): read them for counts alone.
      const entry: LedgerEntry = {
        start: n.start, end: n.end, number: n, noun: reading.noun, unit: reading.unit, entity: reading.entity, role: reading.role,
        stages: NO_STAGES, place, section: block.section, study, block: index, sentence, clause, cell: undefined,
      };
      if (lastCount && isElidedCount(text, entry)) inheritCount(entry, lastCount, stagesFor(clause));
      else if (entry.role === 'count' || entry.role === 'bound') entry.stages = stagesFor(clause);
      if (entry.role === 'count') lastCount = entry;
      out.push(entry);
    }
  }
}

function firstWordRow(table: TableGrid): number {
  return table.rows.findIndex((row) => row.every((c) => !/\d/.test(c.text)));
}

function labelsOfRow(table: TableGrid, r: number): string[] {
  const out: string[] = [];
  for (const h of table.rows[r] ?? []) for (let c = h.column; c < h.column + h.colspan; c++) out[c] = h.text.trim();
  return out;
}

/** Table cells with their row and column labels, from the grid the table checks already read (cached per table). */
function tableEntries(paper: PaperText, table: TableGrid, tableIndex: number, block: Block, blockIndex: number, study: string, out: LedgerEntry[]): void {
  const grid = readGrid(paper.text, table);
  // The grid sees no number cell when every value carries a unit ("1.8x"): then the header is the first row of words.
  const headerRows = grid.headerRows < table.rows.length ? grid.headerRows : firstWordRow(table) + 1;
  const columnHeader = grid.headerRows < table.rows.length ? grid.columnHeader : labelsOfRow(table, headerRows - 1);
  table.rows.forEach((row, r) => {
    if (r < headerRows) return;
    const rowLabel = grid.labels[r] ?? '';
    const rowSpan = { start: row[0]?.start ?? table.start, end: row[row.length - 1]?.end ?? table.end };
    for (const cell of row) {
      if (!/\d/.test(cell.text)) continue;
      for (const n of numbersIn(paper.text, cell)) {
        if (n.noise) continue;
        const unit = n.percent ? '%' : (RATIO_AFTER.exec(cell.text.slice(n.end - cell.start))?.[1].toLowerCase() ?? '');
        out.push({
          start: n.start, end: n.end, number: n, noun: '', unit, entity: rowLabel,
          role: n.percent ? 'share' : unit ? 'ratio' : 'other', stages: NO_STAGES, place: 'table', section: block.section, study, block: blockIndex,
          sentence: rowSpan, clause: { start: cell.start, end: cell.end },
          cell: { table: tableIndex, row: r, column: cell.column, rowLabel, columnLabel: columnHeader[cell.column] ?? '' },
        });
      }
    }
  });
}

const STUDY_HEADING = /^(?:study|experiment|exp\.)\s*\w+/i;

/** Reads every number of the paper into the ledger. Linear in the paper's size. */
export function buildLedger(paper: PaperText): Ledger {
  const entries: LedgerEntry[] = [];
  const tableAt = new Map(paper.tables.map((t, i) => [t.start, i]));
  // The sentences the arithmetic checks already cut (cached per paper), grouped by their block.
  const { blocks: prose, sentences } = sentencesOf(paper);
  const sentencesOfBlock = new Map<Block, TextSpan[]>();
  for (const s of sentences) {
    const b = prose[s.block];
    const list = sentencesOfBlock.get(b);
    if (list) list.push(s);
    else sentencesOfBlock.set(b, [s]);
  }
  let study = '';
  paper.blocks.forEach((block, i) => {
    if (block.kind === 'heading') {
      const title = paper.text.slice(block.start, block.end).trim();
      if (STUDY_HEADING.test(title)) study = title.toLowerCase();
      else if (/^(?:general\s+discussion|discussion|conclusions?|references|appendix)/i.test(title)) study = '';
      return;
    }
    if (block.kind === 'display-math') return;
    if (block.kind === 'table') {
      const t = tableAt.get(block.start) ?? paper.tables.findIndex((tb) => tb.start >= block.start && tb.end <= block.end);
      if (t !== undefined && t >= 0) tableEntries(paper, paper.tables[t], t, block, i, study, entries);
      return;
    }
    proseEntries(paper, block, i, sentencesOfBlock.get(block) ?? [], study, entries);
  });
  return { entries };
}
