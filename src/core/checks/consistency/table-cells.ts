// Which table cells a sentence names: a row label and a column label of the same table both
// appearing in the number's clause. Shared by the text-vs-table and abstract-vs-body checks.

import type { LedgerEntry } from '../../ledger/index.ts';
import { roundsTo, type ReportedNumber } from '../../numbers.ts';
import type { PaperText } from '../../types.ts';

export interface NamedCell {
  entry: LedgerEntry;
  rowLabel: string;
  columnLabel: string;
}

// A label must be specific enough to be named on purpose: short generic headers are not.
const GENERIC_LABEL = /^(?:n|no\.?|%|total|all|mean|sd|se|m|value|values|score|scores|model|method|group|type|item|yes|no|other|none|overall|average|\(\d+\)|[a-z]|\d+)$/i;

function normalise(label: string): string {
  // "Nitrate (mg/L)" is named in prose as "nitrate": units and notes in brackets are not part of the name.
  return label.replace(/\[(?:ref|cite)\]/g, '').replace(/\([^)]*\)|\[[^\]]*\]/g, '').replace(/[*†‡§¶^_{}$\\]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

function usable(label: string): boolean {
  return label.length >= 3 && !GENERIC_LABEL.test(label) && !/^[\d.,%\s()±-]+$/.test(label);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `label` stands in `text` as whole words. */
export function names(text: string, label: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(label)}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/** Table cells indexed by their usable row label, so a clause is matched against each distinct label once. */
export interface CellIndex {
  byRow: Map<string, { entry: LedgerEntry; column: string }[]>;
}

export function indexCells(tableEntries: readonly LedgerEntry[]): CellIndex {
  const byRow = new Map<string, { entry: LedgerEntry; column: string }[]>();
  for (const e of tableEntries) {
    if (!e.cell) continue;
    const row = normalise(e.cell.rowLabel);
    const column = normalise(e.cell.columnLabel);
    if (!usable(row) || !usable(column)) continue;
    const list = byRow.get(row);
    if (list) list.push({ entry: e, column });
    else byRow.set(row, [{ entry: e, column }]);
  }
  return { byRow };
}

/** Table cells whose row and column labels both stand in `clause`. Linear in the distinct row labels. */
export function cellsNamedIn(clause: string, index: CellIndex): NamedCell[] {
  const lower = clause.toLowerCase();
  const out: NamedCell[] = [];
  for (const [row, cells] of index.byRow) {
    if (!lower.includes(row) || !names(lower, row)) continue;
    for (const { entry, column } of cells) if (lower.includes(column) && names(lower, column)) out.push({ entry, rowLabel: row, columnLabel: column });
  }
  return out;
}

/** Whether a number in the text can be a cell's value at all: a share against a share or a fraction, decimals against decimals. */
export function comparable(text: ReportedNumber, cell: ReportedNumber): boolean {
  if (text.percent !== cell.percent) return text.percent ? cell.value <= 1 : text.value <= 1;
  return text.decimals > 0 === cell.decimals > 0;
}

/** The same value printed twice, allowing either to be a rounding of the other and a share written as a fraction. */
export function sameValue(a: ReportedNumber, b: ReportedNumber): boolean {
  const candidates = [b.value];
  if (a.percent && !b.percent) candidates.push(b.value * 100);
  if (!a.percent && b.percent) candidates.push(b.value / 100);
  return candidates.some((v) => roundsTo(a, v) || roundsTo({ ...b, value: v, exponent: 0, decimals: a.percent === b.percent ? b.decimals : Math.max(0, b.decimals + (a.percent ? -2 : 2)) }, a.value));
}

// A number that compares rather than states: "higher by 3.2 points", "a gain of 4%", "from 0.61 to".
const COMPARISON_BEFORE = /(?:\bby|\bgains?(?:\s+of)?|\bimprov\w*(?:\s+of)?|\bincreas\w*(?:\s+of)?|\bdecreas\w*(?:\s+of)?|\breduc\w*(?:\s+of)?|\bdrops?(?:\s+of)?|\bdifference\s+of|\bfrom|\bto|\bvs\.?|\bversus|\bthan|\boutperform\w*|\bwithin|\bmargin\s+of|[±+])\s*[-\u2212]?\s*$/i;
const COMPARISON_AFTER = /^\s*%?\s*(?:points?|pp|percentage\s+points?|higher|lower|more|less|better|worse|gains?|improvement|increase|decrease|reduction|relative|fewer|greater|smaller|larger|times|to\b|[-\u2013]\s*\d)/i;

// Test statistics and their intervals: a run of them names many cells at once and none for sure.
const STATISTIC_BEFORE = /(?:\b(?:p|t|F|z|r|df|SE|SD|CI)\b|χ2?|\)|\[|,)\s*[=<>≤≥]?\s*$/;

/** A number in a clause crowded with others (a run of statistics) or itself a test statistic: no pairing with one cell is certain. */
export function tooCrowded(paper: PaperText, e: LedgerEntry, clauseEntries: number): boolean {
  if (clauseEntries > 3) return true;
  return STATISTIC_BEFORE.test(paper.text.slice(Math.max(e.clause.start, e.start - 12), e.start));
}

/** Whether the words right around a number make it a comparison or a change rather than the cell's value. */
export function comparesRatherThanStates(paper: PaperText, e: LedgerEntry): boolean {
  const before = paper.text.slice(Math.max(e.clause.start, e.start - 30), e.start);
  const after = paper.text.slice(e.end, Math.min(e.clause.end, e.end + 30));
  return COMPARISON_BEFORE.test(before) || COMPARISON_AFTER.test(after);
}
