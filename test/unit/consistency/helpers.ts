// Papers with sections for the consistency tests: each part is a heading or a paragraph.

import { IdentityMap } from '../../../src/core/text/plain-paper.ts';
import type { Block, PaperText, TableCell, TableGrid } from '../../../src/core/types.ts';

export type SectionPart = { heading: string } | { caption: string } | { table: string[][]; caption?: string } | string;

export function sectioned(...parts: SectionPart[]): PaperText {
  let text = '';
  let section = '';
  const blocks: Block[] = [];
  const tables: TableGrid[] = [];
  for (const part of parts) {
    if (text) text += '\n\n';
    const start = text.length;
    if (typeof part === 'string') {
      text += part;
      blocks.push({ kind: 'paragraph', start, end: text.length, section });
    } else if ('heading' in part) {
      section = part.heading;
      text += part.heading;
      blocks.push({ kind: 'heading', start, end: text.length, section });
    } else if ('table' in part) {
      const rows: TableCell[][] = part.table.map((row, r) => {
        if (r > 0) text += '\n';
        return row.map((cell, i) => {
          if (i > 0) text += ' | ';
          const c = { text: cell, start: text.length, end: text.length + cell.length, column: i, colspan: 1 };
          text += cell;
          return c;
        });
      });
      blocks.push({ kind: 'table', start, end: text.length, section });
      tables.push({ start, end: text.length, caption: part.caption ?? '', section, rows });
      if (part.caption) {
        text += '\n\n';
        const c = text.length;
        text += part.caption;
        blocks.push({ kind: 'caption', start: c, end: text.length, section });
      }
    } else {
      text += part.caption;
      blocks.push({ kind: 'caption', start, end: text.length, section });
    }
  }
  const uri = 'file:///paper.tex';
  return { uri, text, map: new IdentityMap(uri, text), blocks, tables, notes: [], files: [uri], suppressed: [] };
}
