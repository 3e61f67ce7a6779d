// Finds tables among a page's lines: runs of consecutive lines cut into several segments whose
// positions line up in columns, near a "Table N" caption. Conservative on purpose: a table
// that is missed is still read as lines of text, while prose taken for a table is lost.

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
  /** Index of the caption's first line on the page. */
  captionLine: number;
}

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

export function detectTables(lines: readonly PdfLine[]): DetectedTable[] {
  const captions: number[] = [];
  lines.forEach((l, i) => {
    if (!l.furniture && TABLE_CAPTION.test(l.text)) captions.push(i);
  });
  if (captions.length === 0) return [];
  const used = new Set<number>();
  const tables: DetectedTable[] = [];
  // Runs of lines that could be table rows.
  let i = 0;
  while (i < lines.length) {
    if (lines[i].furniture || lines[i].segments.length < 2 || used.has(i)) {
      i++;
      continue;
    }
    const run = [i];
    let j = i + 1;
    let singles = 0;
    while (j < lines.length && !lines[j].furniture && sameRegion(lines[run[run.length - 1]], lines[j]) && !TABLE_CAPTION.test(lines[j].text)) {
      if (lines[j].segments.length >= 2) singles = 0;
      else if (++singles > 2) break;
      run.push(j);
      j++;
    }
    while (run.length && lines[run[run.length - 1]].segments.length < 2) run.pop();
    const multi = run.filter((k) => lines[k].segments.length >= 2);
    // Rows above the first multi-segment line that belong to the header: single lines just above.
    if (multi.length >= 3) {
      const start = run[0];
      const end = run[run.length - 1];
      // The nearest caption-like line above (within 8 lines) or below (within 3), real captions first.
      const near = captions.filter((c) => (c < start && start - c <= 8) || (c > end && c - end <= 3));
      const rank = (c: number) => (CAPTION_START.test(lines[c].text) ? 0 : 100) + (c < start ? start - c : c - end);
      const caption = near.sort((a, b) => rank(a) - rank(b))[0];
      const table = caption !== undefined ? buildTable(lines, run, caption) : undefined;
      if (table) {
        tables.push(table);
        for (const k of run) used.add(k);
      }
    }
    i = Math.max(i + 1, j);
  }
  return tables;
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
