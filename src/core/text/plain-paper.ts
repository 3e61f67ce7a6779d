// A PaperText for plain text whose characters map one-to-one onto a single source file.
// Used by tests and by anything that checks already-plain text.

import type { Block, PaperText, SourceMap, SourceRange } from '../types.ts';
import { LineIndex } from './line-index.ts';

export class IdentityMap implements SourceMap {
  private readonly index: LineIndex;
  private readonly uri: string;
  constructor(uri: string, text: string) {
    this.uri = uri;
    this.index = new LineIndex(text);
  }
  toSource(start: number, end: number): SourceRange {
    return { uri: this.uri, start: this.index.positionAt(start), end: this.index.positionAt(Math.max(start, end)) };
  }
}

/** Splits on blank lines into paragraph blocks. */
export function plainPaper(text: string, uri = 'file:///plain.txt'): PaperText {
  const blocks: Block[] = [];
  const re = /\S[\s\S]*?(?=\n\s*\n|\s*$)/g;
  for (const m of text.matchAll(re)) blocks.push({ kind: 'paragraph', start: m.index, end: m.index + m[0].length, section: '' });
  return { uri, text, map: new IdentityMap(uri, text), blocks, tables: [], notes: [], files: [uri], suppressed: [] };
}
