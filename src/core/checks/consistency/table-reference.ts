// Text against the table it cites: "Table 3" (or a \ref to a table) with a value for a row and a
// column of that table. The link is structural, so a value the cell does not hold is an error.

import { ledgerFor, type LedgerEntry } from '../../ledger/index.ts';
import type { CheckOutput, PaperText } from '../../types.ts';
import { cellsNamedIn, comparable, comparesRatherThanStates, sameValue, type NamedCell } from './table-cells.ts';
import { linkedFinding, placeName } from './where.ts';

const CITES_TABLE = /\b(?:Tables?|Tab\.)\s*(?:([0-9]+)|([IVX]+)\b|\[ref\])/g;
const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10 };

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
  const seenSentences = new Map<number, Set<number> | 'any' | undefined>();
  for (const e of ledger.entries) {
    if (e.place === 'table' || e.place === 'caption') continue;
    if (!seenSentences.has(e.sentence.start)) seenSentences.set(e.sentence.start, citedTables(paper.text.slice(e.sentence.start, e.sentence.end), paper.tables.length));
    const cited = seenSentences.get(e.sentence.start);
    if (!cited || comparesRatherThanStates(paper, e)) continue;
    const pool = cited === 'any' ? tableEntries : tableEntries.filter((t) => cited.has(t.cell!.table));
    if (e.role === 'count' || e.role === 'bound' || e.noun) continue;
    const named = cellsNamedIn(paper.text.slice(e.clause.start, e.clause.end), pool).filter((c) => comparable(e.number, c.entry.number));
    if (!named.length) continue;
    if (named.some((c) => sameValue(e.number, c.entry.number))) {
      out.verified.push({ kind: 'table-reference', claim: e.number.text, working: `${named[0].rowLabel} × ${named[0].columnLabel}`, span: e });
      continue;
    }
    const cell = nearestCell(paper, e, named);
    if (cell) report(paper, e, cell.entry, cell.rowLabel, cell.columnLabel, out);
  }
  return out;
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

function report(paper: PaperText, e: LedgerEntry, cell: LedgerEntry, row: string, column: string, out: CheckOutput): void {
  out.findings.push(
    linkedFinding(paper, {
      kind: 'table-reference',
      severity: 'error',
      message: `${e.number.text} here for ${row}, ${column}; ${placeName(paper, cell)} gives ${cell.number.text} in that row and column.`,
      here: e,
      claimSpan: e.clause,
      others: [{ span: cell, message: `${cell.number.text} for ${row}, ${column}` }],
    }),
  );
}
