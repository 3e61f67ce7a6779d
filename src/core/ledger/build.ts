// Builds the ledger in one pass over the paper's blocks: prose numbers with the noun and cues of
// their clause, counts written as words, and table cells with their row and column labels.

import { findNumbers, parseReported, type ReportedNumber } from '../numbers.ts';
import { splitSentences } from '../text/sentences.ts';
import type { Block, PaperText, TableGrid, TextSpan } from '../types.ts';
import type { Ledger, LedgerEntry, Place, Role } from './ledger.ts';
import { BOUND_CUES, flowStages, PARAMETER_CUES, PEOPLE_NOUNS, SEX_WORDS, THING_NOUNS } from './lexicon.ts';
import { wordValue } from './word-numbers.ts';

// A number that names a thing rather than measuring it: "Table 3", "Study 2", "Section 4.1".
const LABEL_BEFORE = /\b(?:tables?|fig(?:ure)?s?\.?|sections?|sec\.|chapters?|studies|study|experiments?|exp\.|eqs?\.|equations?|appendix|steps?|models?|hypothes[ie]s|h|waves?|phases?|items?|questions?|q|versions?|v|level|grade|round|page|pp?\.|line|ref\.|no\.|rows?|columns?|stage)\s*$/i;
const UNIT_AFTER = /^\s*(%|percent\b|percentage points?\b|pp\b|(?:-?fold\b|x\b|×|times\b)|ms\b|s\b|sec\b|seconds?\b|min\b|minutes?\b|h\b|hours?\b|days?\b|weeks?\b|months?\b|years?\b|kg\b|g\b|mg\b|µg\b|ng\b|km\b|cm\b|mm\b|m\b|ml\b|l\b|hz\b|khz\b|mhz\b|ghz\b|gb\b|mb\b|kb\b|tb\b|°c|°|k\b|\$|usd\b|eur\b|euros?\b|dollars?\b)/i;
const STOP_AFTER = new Set(['was', 'were', 'is', 'are', 'has', 'had', 'have', 'as', 'its', 'this', 'his', 'thus', 'plus', 'minus', 'vs', 'less', 'across']);
const WORD_TOKEN = /(?<![\p{L}-])\p{L}+(?:-\p{L}+)?/gu;
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

/** Clauses of a sentence: split at semicolons and at commas or words that join independent clauses. */
function clauseAround(text: string, sentence: TextSpan, at: number): TextSpan {
  const s = text.slice(sentence.start, sentence.end);
  const re = /;|,\s+(?:and|but|while|whereas|of whom|of which|with)\s|\s(?:whereas|while|but)\s|,\s+(?=\p{Lu})/gu;
  let start = sentence.start;
  let end = sentence.end;
  for (const m of s.matchAll(re)) {
    const cut = sentence.start + m.index;
    if (cut < at) start = cut + m[0].length;
    else {
      end = cut;
      break;
    }
  }
  return { start, end };
}

/** The counted noun after a number: the first plural (or known) word among the next three. */
function nounAfter(after: string): string {
  const words = /^\s*([\p{L}][\p{L}-]*(?:\s+[\p{L}][\p{L}-]*){0,2})/u.exec(after)?.[1].split(/\s+/) ?? [];
  for (const raw of words.slice(0, 3)) {
    const w = raw.toLowerCase();
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
  const before = text.slice(Math.max(clause.start, n.start - 60), n.start);
  const after = text.slice(n.end, Math.min(clause.end, n.end + 60));
  if (LABEL_BEFORE.test(before)) return undefined;
  const unit = n.percent ? '%' : (UNIT_AFTER.exec(after)?.[1].toLowerCase() ?? '');
  const nEquals = N_EQUALS.exec(before);
  if (nEquals) {
    const isTotal = nEquals[1] !== undefined || nEquals[2] === 'N';
    return { noun: isTotal ? 'sample' : 'subsample', unit: '', entity: entityBefore(before), role: 'count' };
  }
  const noun = unit ? (n.percent ? nounAfter(after.replace(/^\s*%?/, '')) : '') : nounAfter(after);
  const integer = n.decimals === 0 && n.exponent === 0 && !unit;
  let role: Role = 'other';
  if (n.percent || unit === 'percent') role = 'share';
  else if (/fold|^x$|×|times/.test(unit)) role = 'ratio';
  else if (integer && noun) role = 'count';
  else if (BOUND_CUES.test(before)) role = 'bound';
  else if (/=\s*$/.test(before)) role = 'estimate';
  const lowerBefore = before.toLowerCase();
  if (PARAMETER_CUES.some((c) => lowerBefore.includes(c)) && !noun) role = 'parameter';
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

function inheritCount(e: LedgerEntry, from: LedgerEntry): void {
  e.role = 'count';
  e.noun = from.noun;
  e.stages = [...new Set([...from.stages, ...e.stages])];
}

/** Counts written as words, read as ReportedNumbers. */
function wordCounts(text: string, span: TextSpan): ReportedNumber[] {
  const out: ReportedNumber[] = [];
  const slice = text.slice(span.start, span.end);
  for (const m of slice.matchAll(WORD_TOKEN)) {
    const value = m[0].length <= 13 ? wordValue(m[0]) : undefined;
    if (value === undefined || value < 2) continue;
    const end = m.index + m[0].length;
    if (!nounAfter(slice.slice(end, end + 60))) continue;
    const start = span.start + m.index;
    out.push({ text: m[0], start, end: start + m[0].length, value, decimals: 0, exponent: 0, trailingZeros: 0, percent: false });
  }
  return out;
}

function proseEntries(paper: PaperText, block: Block, index: number, study: string, out: LedgerEntry[]): void {
  const text = paper.text;
  const place = placeOf(block);
  for (const sentence of splitSentences(text, block.start, block.end)) {
    const numbers = [...findNumbers(text.slice(sentence.start, sentence.end), sentence.start), ...wordCounts(text, sentence)].sort((a, b) => a.start - b.start);
    const stagesOf = new Map<number, string[]>();
    let lastCount: LedgerEntry | undefined;
    for (const n of numbers) {
      const clause = clauseAround(text, sentence, n.start);
      const reading = readNumber(text, n, clause);
      if (!reading) continue;
      let stages = stagesOf.get(clause.start);
      if (!stages) stagesOf.set(clause.start, (stages = flowStages(text.slice(clause.start, clause.end))));
      const entry: LedgerEntry = { start: n.start, end: n.end, number: n, ...reading, stages, place, section: block.section, study, block: index, sentence, clause };
      if (lastCount && isElidedCount(text, entry)) inheritCount(entry, lastCount);
      if (entry.role === 'count') lastCount = entry;
      out.push(entry);
    }
  }
}

function headerRow(table: TableGrid): number {
  // The header is the first row whose cells are mostly not numbers.
  const r = table.rows.findIndex((row) => row.filter((c) => parseReported(c.text) === undefined && c.text.trim()).length * 2 >= row.length);
  return r < 0 ? -1 : r;
}

function tableEntries(paper: PaperText, table: TableGrid, tableIndex: number, block: Block, blockIndex: number, study: string, out: LedgerEntry[]): void {
  const header = headerRow(table);
  table.rows.forEach((row, r) => {
    if (r <= header) return;
    const rowLabel = row[0] && parseReported(row[0].text) === undefined ? row[0].text.trim() : '';
    const rowSpan = { start: row[0]?.start ?? table.start, end: row[row.length - 1]?.end ?? table.end };
    for (const cell of row) {
      const column = header >= 0 ? table.rows[header].find((h) => h.column <= cell.column && cell.column < h.column + h.colspan) : undefined;
      for (const n of findNumbers(cell.text, cell.start)) {
        const entry: LedgerEntry = {
          start: n.start, end: n.end, number: n, noun: '', unit: n.percent ? '%' : '', entity: rowLabel,
          role: n.percent ? 'share' : 'other', stages: [], place: 'table', section: block.section, study, block: blockIndex,
          sentence: rowSpan, clause: { start: cell.start, end: cell.end },
          cell: { table: tableIndex, row: r, column: cell.column, rowLabel, columnLabel: column?.text.trim() ?? '' },
        };
        out.push(entry);
      }
    }
  });
}

const STUDY_HEADING = /^(?:study|experiment|exp\.)\s*\w+/i;

/** Reads every number of the paper into the ledger. Linear in the paper's size. */
export function buildLedger(paper: PaperText): Ledger {
  const entries: LedgerEntry[] = [];
  const tableAt = new Map(paper.tables.map((t, i) => [t.start, i]));
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
    proseEntries(paper, block, i, study, entries);
  });
  const byBlock = new Map<number, LedgerEntry[]>();
  for (const e of entries) {
    const list = byBlock.get(e.block) ?? [];
    list.push(e);
    byBlock.set(e.block, list);
  }
  return { entries, byBlock };
}
