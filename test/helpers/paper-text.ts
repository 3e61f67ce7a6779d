// PaperText built by hand for check tests: headings, paragraphs, captions and tables (rows of cell
// strings; [text, colspan] for a spanning cell), joined by blank lines, with an identity source map.

import { IdentityMap } from '../../src/core/text/plain-paper.ts';
import type { Block, PaperText, TableCell, TableGrid } from '../../src/core/types.ts';

export type Cell = string | [string, number];
export type PaperPart = string | { heading: string } | { caption: string } | { table: Cell[][]; caption?: string };

export interface BuildOptions {
  uri?: string;
  /** Also write a table's caption after it as a caption block (as the LaTeX extractor does). */
  captionBlocks?: boolean;
}

function tableRows(table: Cell[][], append: (s: string) => number): TableCell[][] {
  return table.map((row, r) => {
    if (r > 0) append('\n');
    let column = 0;
    return row.map((cell, i) => {
      if (i > 0) append(' | ');
      const [t, colspan] = typeof cell === 'string' ? [cell, 1] : cell;
      const start = append(t);
      const c = { text: t, start, end: start + t.length, column, colspan };
      column += colspan;
      return c;
    });
  });
}

export function buildPaper(parts: PaperPart[], options: BuildOptions = {}): PaperText {
  let text = '';
  let section = '';
  /** Appends `s`; returns where it starts. */
  const append = (s: string): number => {
    const at = text.length;
    text += s;
    return at;
  };
  const blocks: Block[] = [];
  const tables: TableGrid[] = [];
  const block = (kind: Block['kind'], s: string) => blocks.push({ kind, start: append(s), end: text.length, section });
  for (const part of parts) {
    if (text) append('\n\n');
    if (typeof part === 'string') block('paragraph', part);
    else if ('heading' in part) {
      section = part.heading;
      block('heading', part.heading);
    } else if ('table' in part) {
      const start = text.length;
      const rows = tableRows(part.table, append);
      blocks.push({ kind: 'table', start, end: text.length, section });
      tables.push({ start, end: text.length, caption: part.caption ?? '', section, rows });
      if (part.caption && options.captionBlocks) {
        append('\n\n');
        block('caption', part.caption);
      }
    } else block('caption', part.caption);
  }
  const uri = options.uri ?? 'file:///test.txt';
  return { uri, text, map: new IdentityMap(uri, text), blocks, tables, notes: [], files: [uri], suppressed: [] };
}
