// Text against the table it cites: "Table 3" (or a \ref to a table) with a value for a row and a
// column of that table. The link is structural, so a value the cell does not hold is an error.

import { ledgerFor, type LedgerEntry } from '../../ledger/index.ts';
import type { CheckOutput, PaperText } from '../../types.ts';
import { cellsNamedIn, comparable, comparesRatherThanStates, indexCells, sameValue, tooCrowded, type NamedCell } from './table-cells.ts';
import { linkedFinding, placeName } from './where.ts';

const CITES_TABLE = /\b(?:Tables?|Tab\.)\s*(?:([0-9]+)|([IVX]+)\b|\[ref\])/g;
const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10 };

type Cited = Set<number> | 'any' | undefined;

/** The tables a sentence cites: by number when printed, any table when the number is a \ref placeholder. */
function citedTables(sentence: string, tableCount: number): Set<number> | 'any' | undefined {
  const out = new Set<number>();
  let any = false;
  for (const m of sentence.matchAll(CITES_TABLE)) {
    const n = m[1] ? Number(m[1]) : m[2] ? ROMAN[m[2]] : undefined;
    if (n === undefined) any = true;
    else if (n >= 1 && n <= tableCount) out.add(n - 1);
  }
  if (any) return 'any';
  return out.size ? out : undefined;
}

export function checkTableReferences(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  const ledger = ledgerFor(paper);
  const tableEntries = ledger.entries.filter((e) => e.cell);
  if (!tableEntries.length) return out;
  const index = indexCells(tableEntries);
  // Several numbers of one clause name the same cells: read the clause once.
  const namedByClause = new Map<number, NamedCell[]>();
  const namedIn = (clause: { start: number; end: number }) => {
    let named = namedByClause.get(clause.start);
    if (!named) namedByClause.set(clause.start, (named = cellsNamedIn(paper.text.slice(clause.start, clause.end), index)));
    return named;
  };
  const perClause = new Map<number, number>();
  for (const e of ledger.entries) if (!e.cell) perClause.set(e.clause.start, (perClause.get(e.clause.start) ?? 0) + 1);
  const citedBySentence = new Map<number, Cited>();
  const citedByBlock = new Map<number, Cited>();
  for (const e of ledger.entries) {
    if (e.place === 'table' || e.place === 'caption' || e.role === 'count' || e.role === 'bound' || e.noun) continue;
    if (!citedBySentence.has(e.sentence.start)) citedBySentence.set(e.sentence.start, citedTables(paper.text.slice(e.sentence.start, e.sentence.end), paper.tables.length));
    if (!citedByBlock.has(e.block)) {
      const b = paper.blocks[e.block];
      citedByBlock.set(e.block, citedTables(paper.text.slice(b.start, b.end), paper.tables.length));
    }
    // The sentence cites the table: a structural link. Only its paragraph does: a looser one.
    const inSentence = citedBySentence.get(e.sentence.start);
    const cited = inSentence ?? citedByBlock.get(e.block);
    if (!cited || comparesRatherThanStates(paper, e) || tooCrowded(paper, e, perClause.get(e.clause.start) ?? 0)) continue;
    const what = namedAs(paper.text, e.start);
    const named = namedIn(e.clause).filter((c) => (cited === 'any' || cited.has(c.entry.cell!.table)) && comparable(e.number, c.entry.number) && fitsCell(what, c));
    if (!named.length) continue;
    if (named.some((c) => sameValue(e.number, c.entry.number))) {
      out.verified.push({ kind: 'table-reference', claim: e.number.text, working: `${named[0].rowLabel} × ${named[0].columnLabel}`, span: e });
      continue;
    }
    const cell = nearestCell(paper, e, named);
    if (cell) report(paper, e, cell, inSentence ? 'error' : 'warning', out);
  }
  return out;
}

const SPREAD_NAME = /\b(?:standard\s+(?:error|deviation)|s\.\s?e\.|s\.\s?d\.|SE|SD|SEM)\s*(?:of|=|:|was|is)?\s*$/i;
const SYMBOL_VALUE = /(?:^|[^A-Za-z\\])([A-Za-z])(?:_\{?\w+\}?)?\s*=\s*[-\u2212]?\s*$/;

/** What the text calls the number, when that decides which cells it can be: a spread, or a symbol's value ("e = −10"). */
function namedAs(text: string, start: number): { spread: boolean; symbol?: string } {
  const before = text.slice(Math.max(0, start - 30), start);
  return { spread: SPREAD_NAME.test(before), symbol: SYMBOL_VALUE.exec(before)?.[1] };
}

/** A spread is only a spread's cell; a symbol's value only a cell whose row or column carries that symbol. */
function fitsCell(what: { spread: boolean; symbol?: string }, c: NamedCell): boolean {
  const labels = `${c.rowLabel} ${c.columnLabel}`;
  if (what.spread && !/\b(?:se|sd|sem|s\.e\.|s\.d\.|std|standard|error|deviation)\b/i.test(labels)) return false;
  return !what.symbol || new RegExp(`(?:^|[^A-Za-z])${what.symbol}(?![A-Za-z])`).test(labels);
}

/** Distance from the number to the nearest mention of a label in its clause. */
function distance(paper: PaperText, e: LedgerEntry, label: string): number {
  const clause = paper.text.slice(e.clause.start, e.clause.end).toLowerCase();
  const at = e.start - e.clause.start;
  let best = Infinity;
  for (let i = clause.indexOf(label); i >= 0; i = clause.indexOf(label, i + 1)) best = Math.min(best, Math.abs(i - at), Math.abs(i + label.length - at));
  return best;
}

/** The one cell whose row and column labels stand nearest the number; none when two cells tie (the pairing is not certain). */
function nearestCell(paper: PaperText, e: LedgerEntry, named: NamedCell[]): NamedCell | undefined {
  const scored = named.map((c) => ({ c, d: distance(paper, e, c.rowLabel) + distance(paper, e, c.columnLabel) })).sort((a, b) => a.d - b.d);
  const distinct = scored.filter((s) => s.d === scored[0].d && (s.c.entry.cell!.row !== scored[0].c.entry.cell!.row || s.c.entry.cell!.column !== scored[0].c.entry.cell!.column || s.c.entry.cell!.table !== scored[0].c.entry.cell!.table));
  if (distinct.length) return undefined;
  // A cell holding several numbers ("12 (30%)"): only the number of the same kind is compared.
  const sameCell = named.filter((n) => n.entry.cell!.table === scored[0].c.entry.cell!.table && n.entry.cell!.row === scored[0].c.entry.cell!.row && n.entry.cell!.column === scored[0].c.entry.cell!.column);
  return sameCell.find((n) => n.entry.number.percent === e.number.percent) ?? scored[0].c;
}

function report(paper: PaperText, e: LedgerEntry, cell: NamedCell, severity: 'error' | 'warning', out: CheckOutput): void {
  const { entry, rowLabel: row, columnLabel: column } = cell;
  out.findings.push(
    linkedFinding(paper, {
      kind: 'table-reference',
      severity,
      message: `${e.number.text} here for ${row}, ${column}; ${placeName(paper, entry)} gives ${entry.number.text} in that row and column.`,
      here: e,
      claimSpan: e.clause,
      others: [{ span: entry, message: `${entry.number.text} for ${row}, ${column}` }],
    }),
  );
}
