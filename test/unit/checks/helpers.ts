// Builds PaperText for check tests: prose paragraphs and tables from rows of cell strings.

import { IdentityMap } from '../../../src/core/text/plain-paper.ts';
import type { Block, CheckOutput, PaperText, RawFinding, TableCell, TableGrid } from '../../../src/core/types.ts';

export type Part = string | { table: (string | [string, number])[][]; caption?: string };

/** Paragraphs (strings) and tables (rows of cells; [text, colspan] for a spanning cell), joined by blank lines. */
export function paper(...parts: Part[]): PaperText {
  let text = '';
  const blocks: Block[] = [];
  const tables: TableGrid[] = [];
  for (const part of parts) {
    if (text) text += '\n\n';
    const start = text.length;
    if (typeof part === 'string') {
      text += part;
      blocks.push({ kind: 'paragraph', start, end: text.length, section: '' });
      continue;
    }
    const rows: TableCell[][] = [];
    part.table.forEach((row, r) => {
      if (r > 0) text += '\n';
      let column = 0;
      const cells: TableCell[] = [];
      row.forEach((cell, i) => {
        if (i > 0) text += ' | ';
        const [t, colspan] = typeof cell === 'string' ? [cell, 1] : cell;
        cells.push({ text: t, start: text.length, end: text.length + t.length, column, colspan });
        text += t;
        column += colspan;
      });
      rows.push(cells);
    });
    blocks.push({ kind: 'table', start, end: text.length, section: '' });
    tables.push({ start, end: text.length, caption: part.caption ?? '', section: '', rows });
  }
  const uri = 'file:///test.txt';
  return { uri, text, map: new IdentityMap(uri, text), blocks, tables, notes: [], files: [uri], suppressed: [] };
}

export function errors(out: CheckOutput): RawFinding[] {
  return out.findings.filter((f) => f.severity === 'error');
}

/** The text a finding underlines. */
export function underlined(p: PaperText, f: RawFinding): string {
  return p.text.slice(f.span.start, f.span.end);
}
