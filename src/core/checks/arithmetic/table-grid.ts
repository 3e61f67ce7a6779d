// Reading a TableGrid the way a reviewer does: which cells hold numbers, counts with percentages
// ("77 (37%)"), which rows are headers, group headings or totals, and what each column is called.

import type { CheckOutput, PaperText, RawUndecided, TableCell, TableGrid, TextSpan } from '../../types.ts';
import { numbersIn, type Num } from './context.ts';

export type CellKind = 'empty' | 'text' | 'number' | 'percent' | 'count-percent';

export interface ParsedCell {
  cell: TableCell;
  kind: CellKind;
  /** The cell's main number: the value, or the count of "n (%)". */
  value?: Num;
  /** The percentage of "n (%)" (as written; `percent` may be false when the header says %). */
  pct?: Num;
}

const EMPTY = /^[\s\u2013\u2014\-–—.·]*$|^(?:n\/?a|NA|–|—|-)$/i;

export function parseCell(text: string, cell: TableCell): ParsedCell {
  const t = cell.text.trim();
  if (EMPTY.test(t)) return { cell, kind: 'empty' };
  const nums = numbersIn(text, cell);
  // "77 (37%)", "77 (37)", "77 (37.0 %)", "77 [37%]"
  const np = /^[<>~≈]?\s*(\S+)\s*[([]\s*(\S+?)\s*%?\s*[)\]]\s*\*{0,3}$/.exec(t);
  if (np && nums.length === 2 && nums[0].decimals === 0 && nums[0].exponent === 0 && !nums[0].percent) {
    return { cell, kind: 'count-percent', value: nums[0], pct: nums[1] };
  }
  if (nums.length === 1) {
    const n = nums[0];
    const rest = (text.slice(cell.start, n.start) + text.slice(n.end, cell.end)).trim();
    // A sign or a currency before the number ("+8.5", "$14,975") keeps it a number.
    if (rest === '' || /^(?:[+$€£¥]\s*)?[*†‡§a-d]{0,3}$/.test(rest)) return { cell, kind: n.percent ? 'percent' : 'number', value: n };
  }
  return { cell, kind: nums.length ? 'text' : 'text' };
}

export interface Grid {
  table: TableGrid;
  /** rows[r][c]: the parsed cell that starts at grid column c (spanned columns are undefined). */
  rows: (ParsedCell | undefined)[][];
  width: number;
  /** Rows before the first row holding a number. */
  headerRows: number;
  /** Text of the headers above each column (all header rows that cover it). */
  columnHeader: string[];
  /** Row labels: the text of each row's first cell. */
  labels: string[];
}

// Both table checks read every table: read it once per table object.
const gridCache = new WeakMap<TableGrid, { text: string; grid: Grid }>();

export function readGrid(text: string, table: TableGrid): Grid {
  const cached = gridCache.get(table);
  if (cached && cached.text === text) return cached.grid;
  const grid = buildGrid(text, table);
  gridCache.set(table, { text, grid });
  return grid;
}

function buildGrid(text: string, table: TableGrid): Grid {
  const width = Math.max(0, ...table.rows.map((r) => Math.max(0, ...r.map((c) => c.column + c.colspan))));
  const rows = table.rows.map((r) => {
    const out: (ParsedCell | undefined)[] = new Array(width).fill(undefined);
    for (const c of r) out[c.column] = parseCell(text, c);
    return out;
  });
  let headerRows = rows.findIndex((r) => r.some((c, i) => i > 0 && c && (c.kind === 'number' || c.kind === 'count-percent' || c.kind === 'percent')));
  if (headerRows < 0) headerRows = rows.length;
  const columnHeader: string[] = new Array(width).fill('');
  for (let r = 0; r < headerRows; r++) {
    for (const c of table.rows[r]) {
      for (let k = c.column; k < c.column + c.colspan && k < width; k++) columnHeader[k] = `${columnHeader[k]} ${c.text}`.trim();
    }
  }
  const labels = rows.map((r) => (r[0]?.kind === 'text' ? r[0].cell.text.trim() : ''));
  return { table, rows, width, headerRows, columnHeader, labels };
}

export const TOTAL_LABEL = /^(?:grand\s+)?(?:total|totals|sum|all|overall|whole\s+sample|full\s+sample|all\s+[a-z]+(?:\s+[a-z]+)?)\b\s*:?/i;

export function isTotalLabel(label: string): boolean {
  return TOTAL_LABEL.test(label.replace(/^[\s\\]+/, ''));
}

/** A row with a label and nothing else: a group heading inside the table body. */
export function isGroupHeading(grid: Grid, r: number): boolean {
  const row = grid.rows[r];
  return Boolean(grid.labels[r]) && row.every((c, i) => i === 0 || !c || c.kind === 'empty');
}

/** "N = 209", "n=63", "(N = 1,053)" in a header. */
export function headerN(header: string): number | undefined {
  const m = /\b[Nn]\s*=\s*(\d{1,3}(?:[,\u2009\u202f\u00a0]\d{3})+|\d+)/.exec(header);
  return m ? Number(m[1].replace(/[^\d]/g, '')) : undefined;
}

export function span(cell: ParsedCell): TextSpan {
  return { start: cell.cell.start, end: cell.cell.end };
}

/** What a per-table check collects: findings, verified claims and the claims it left undecided. */
export type TableOutput = CheckOutput & { undecided: RawUndecided[] };

/** Runs a check of one table over every table of the paper, into one output. */
export function overTables(paper: PaperText, checkTable: (paper: PaperText, table: TableGrid, out: TableOutput) => void): CheckOutput {
  const out: TableOutput = { findings: [], verified: [], undecided: [] };
  for (const table of paper.tables) checkTable(paper, table, out);
  return out;
}
