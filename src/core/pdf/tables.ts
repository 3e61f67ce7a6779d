// Finds tables among a page's lines by their layout: runs of consecutive lines cut into several
// segments whose positions line up in columns. Near a "Table N" caption little more is needed; without
// one the run must also look like data (short cells, mostly numbers), so that display formulas with
// equation numbers and ragged prose stay prose. A run that looks like data but cannot be cut into
// columns is reported as a region, so it can be kept out of the prose checks.

import type { Budget } from './budget.ts';
import { UNLIMITED } from './budget.ts';
import type { PdfLine } from './model.ts';
/** A line that mentions a table by number: an anchor that a table is near. */
export const TABLE_CAPTION = /^(?:Table|TABLE|Tab\.)\s*(?:S?\d+|[IVX]+)\b/;
/** The start of a caption: "Table 2.", "Figure 3:", "Fig. 1 |", or the label alone on its line. */
export const CAPTION_START = /^(?:Table|TABLE|Tab\.|Figure|FIGURE|Fig\.|FIG\.)\s*(?:S?\d+|[IVX]+)\s*(?:[.:|\u2014\u2013]|$)/;

/** One cell: pieces of lines (a cell can wrap onto several lines). */
export interface CellPieces {
  column: number;
  colspan: number;
  pieces: Array<{ line: PdfLine; start: number; end: number }>;
}

export interface DetectedTable {
  /** Indexes into the page's line list, in reading order. */
  lineIndexes: number[];
  rows: CellPieces[][];
  columns: number;
  /** Index of the caption's first line on the page, -1 when the table has none. */
  captionLine: number;
}

/** Lines that look like a table but could not be cut into a grid. */
export interface TableRegion {
  lineIndexes: number[];
}

export interface PageTables {
  tables: DetectedTable[];
  regions: TableRegion[];
}

/** A cell that holds a number: a count, a decimal, a percentage, a signed difference, a range, a p-value. */
const NUMERIC_CELL = /^[<>≤≥=~≈]?\s*[-−–+]?\s*(?:\d[\d,.\u2009]*|\.\d+)\s*(?:%|[-–−]\s*\d[\d,.]*%?)?\s*(?:[([][^()[\]]{0,30}[)\]])?\s*[*†‡§a-d]{0,3}$|^(?:[-–—−]|n\/?a|NA|—)$/i;

function numericShare(lines: readonly PdfLine[]): number {
  let cells = 0;
  let numeric = 0;
  for (const l of lines) {
    // The first segment is usually a row label.
    for (const seg of l.segments.slice(l.segments.length > 1 ? 1 : 0)) {
      cells++;
      if (NUMERIC_CELL.test(l.text.slice(seg.start, seg.end).trim())) numeric++;
    }
  }
  return cells ? numeric / cells : 0;
}

/** Table cells are short; a line of prose cut at a wide gap has long pieces. */
function shortCells(lines: readonly PdfLine[]): boolean {
  const lengths = lines.flatMap((l) => l.segments.map((s) => s.end - s.start)).sort((a, b) => a - b);
  return lengths.length > 0 && lengths[Math.floor(lengths.length / 2)] <= 24;
}

/** A numbered display formula: the last segment is an equation number at the right. */
export const EQUATION_NUMBER = /^\(\s*(?:\d+|[A-Z]?\d+(?:\.\d+)*[a-z]?)\s*\)$/;
const isEquationLine = (l: PdfLine) => l.segments.length === 2 && EQUATION_NUMBER.test(l.text.slice(l.segments[1].start, l.segments[1].end).trim());

function sameRegion(a: PdfLine, b: PdfLine): boolean {
  return a.column === b.column && a.y > b.y && a.y - b.y < 3.2 * Math.max(a.size, b.size) && Math.abs(a.size - b.size) < 0.25 * a.size;
}

/** Column intervals from the rows with the most segments: overlapping segments share a column. */
function columnsOf(lines: readonly PdfLine[]): Array<[number, number]> {
  const most = Math.max(...lines.map((l) => l.segments.length));
  const model = lines.filter((l) => l.segments.length >= Math.max(2, most - 1));
  const spans = model.flatMap((l) => l.segments.map((s) => [s.x0, s.x1] as [number, number])).sort((a, b) => a[0] - b[0]);
  const cols: Array<[number, number]> = [];
  for (const s of spans) {
    const last = cols[cols.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else cols.push([s[0], s[1]]);
  }
  return cols;
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.min(a1, b1) - Math.max(a0, b0);
}

export function detectTables(lines: readonly PdfLine[], budget: Budget = UNLIMITED): PageTables {
  const captions: number[] = [];
  lines.forEach((l, i) => {
    if (!l.furniture && TABLE_CAPTION.test(l.text)) captions.push(i);
  });
  const tables: DetectedTable[] = [];
  const regions: TableRegion[] = [];
  let i = 0;
  while (i < lines.length) {
    budget.tick();
    if (lines[i].furniture || lines[i].segments.length < 2 || isEquationLine(lines[i])) {
      i++;
      continue;
    }
    const { run, next } = rowRun(lines, i);
    i = Math.max(i + 1, next);
    const multi = run.filter((k) => lines[k].segments.length >= 2);
    if (multi.length < 3) continue;
    const caption = nearestCaption(lines, captions, run);
    const multiLines = multi.map((k) => lines[k]);
    // Without a caption: mostly numbers in short cells.
    const looksLikeData = numericShare(multiLines) >= 0.5 && shortCells(multiLines);
    if (caption === undefined && !looksLikeData) continue;
    const withHeader = caption === undefined ? withHeaderAbove(lines, run) : run;
    const table = buildTable(lines, withHeader, caption ?? -1);
    if (table) tables.push(table);
    else if (looksLikeData) regions.push({ lineIndexes: run });
  }
  return { tables, regions };
}

/** Lines from i on that could be table rows: same column and size, close together, at most two single-segment lines in a row. */
function rowRun(lines: readonly PdfLine[], i: number): { run: number[]; next: number } {
  const run = [i];
  let j = i + 1;
  let singles = 0;
  // A table is set in one size: a heading above it or a footnote below it is not a row.
  const oneSize = (l: PdfLine) => Math.abs(l.size - lines[i].size) <= 0.12 * lines[i].size;
  while (j < lines.length && !lines[j].furniture && sameRegion(lines[run[run.length - 1]], lines[j]) && oneSize(lines[j]) && !TABLE_CAPTION.test(lines[j].text)) {
    if (lines[j].segments.length >= 2) singles = 0;
    else if (++singles > 2) break;
    run.push(j);
    j++;
  }
  while (run.length && lines[run[run.length - 1]].segments.length < 2) run.pop();
  return { run, next: j };
}

/** The nearest caption-like line above (within 8 lines) or below (within 3), real captions first. */
function nearestCaption(lines: readonly PdfLine[], captions: readonly number[], run: readonly number[]): number | undefined {
  const start = run[0];
  const end = run[run.length - 1];
  const near = captions.filter((c) => (c < start && start - c <= 8) || (c > end && c - end <= 3));
  const rank = (c: number) => (CAPTION_START.test(lines[c].text) ? 0 : 100) + (c < start ? start - c : c - end);
  return near.sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * A header line of spanning cells just above the run (one or two segments over the columns, like
 * "Treatment   Control"): it belongs to the table when it stands right above it, inside its width.
 */
function withHeaderAbove(lines: readonly PdfLine[], run: number[]): number[] {
  const first = lines[run[0]];
  const k = run[0] - 1;
  if (k < 0) return run;
  const h = lines[k];
  const inside = h.x0 >= first.x0 - 2 && h.x1 <= first.x1 + 2 && h.x0 > first.x0 + 2 * h.size;
  if (!h.furniture && sameRegion(h, first) && inside && h.y - first.y < 2 * h.size && h.text.length < 80) return [k, ...run];
  return run;
}

function buildTable(lines: readonly PdfLine[], run: number[], captionLine: number): DetectedTable | undefined {
  const rowsLines = run.map((k) => lines[k]);
  const cols = columnsOf(rowsLines);
  if (cols.length < 2) return undefined;
  // Most multi-segment rows must have segments in at least two of the columns.
  const aligned = rowsLines.filter((l) => l.segments.length >= 2 && new Set(l.segments.map((s) => cols.findIndex((c) => overlap(s.x0, s.x1, c[0], c[1]) > 0))).size >= 2);
  if (aligned.length < 3) return undefined;
  // Lines much closer together than text lines (a header cell on two lines, centred beside a
  // one-line cell) make one row.
  const groups: number[][] = [];
  for (const k of run) {
    const g = groups[groups.length - 1];
    const prev = g ? lines[g[g.length - 1]] : undefined;
    if (prev && prev.y - lines[k].y < 0.8 * prev.size) g.push(k);
    else groups.push([k]);
  }
  const rows: CellPieces[][] = groups.map((g) => {
    const cells = new Map<number, CellPieces>();
    for (const k of g) {
      const line = lines[k];
      for (const s of line.segments) {
        const hit: number[] = [];
        cols.forEach((c, ci) => {
          if (overlap(s.x0, s.x1, c[0], c[1]) > 0) hit.push(ci);
        });
        if (hit.length === 0) {
          // Nearest column by centre.
          const mid = (s.x0 + s.x1) / 2;
          let best = 0;
          cols.forEach((c, ci) => {
            if (Math.abs((c[0] + c[1]) / 2 - mid) < Math.abs((cols[best][0] + cols[best][1]) / 2 - mid)) best = ci;
          });
          hit.push(best);
        }
        const column = hit[0];
        const colspan = hit[hit.length - 1] - hit[0] + 1;
        const cell = cells.get(column);
        if (cell) {
          cell.pieces.push({ line, start: s.start, end: s.end });
          cell.colspan = Math.max(cell.colspan, colspan);
        } else cells.set(column, { column, colspan, pieces: [{ line, start: s.start, end: s.end }] });
      }
    }
    return [...cells.values()].sort((a, b) => a.column - b.column);
  });
  return { lineIndexes: run, rows, columns: cols.length, captionLine };
}
