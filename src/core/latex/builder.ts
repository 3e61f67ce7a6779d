// Accumulates the checkable text, its source segments and its blocks. Spaces are emitted lazily
// (collapsed, never at the start or end of a block), and blocks are separated by "\n\n".

import type { Block, BlockKind, TableGrid } from '../types.ts';
import type { Src } from './ast.ts';
import { SegmentList } from './source-map.ts';

interface OpenBlock {
  kind: BlockKind;
  section: string;
  start: number;
  started: boolean;
}

export class TextBuilder {
  private out = '';
  length = 0;
  readonly segs = new SegmentList();
  readonly blocks: Block[] = [];
  readonly tables: TableGrid[] = [];
  private current: OpenBlock | undefined;
  private pendingSpace: Src | null | undefined;
  /** True right after a block start or a separator: a space here would be leading. */
  private lineStart = true;
  private lastChar = '';
  private readonly captures: string[] = [];

  get text(): string {
    return this.out;
  }

  /** Runs `fn` and returns the text it wrote (slicing the growing text would flatten it each time). */
  capture(fn: () => void): string {
    this.captures.push('');
    try {
      fn();
    } catch (e) {
      this.captures.pop(); // an outer capture must never receive this one's text
      throw e;
    }
    return this.captures.pop()!;
  }

  get blockKind(): BlockKind | undefined {
    return this.current?.kind;
  }

  /** True at the start of a block, line or cell (nothing written on it yet). */
  get fresh(): boolean {
    return this.lineStart || !this.current?.started;
  }

  /** The last character written (for context-dependent output such as thousands separators). */
  get last(): string {
    return this.lastChar;
  }

  open(kind: BlockKind, section: string): void {
    this.close();
    this.current = { kind, section, start: this.length, started: false };
    this.pendingSpace = undefined;
    this.lineStart = true;
  }

  close(): Block | undefined {
    const cur = this.current;
    this.current = undefined;
    this.pendingSpace = undefined;
    if (!cur || !cur.started) return undefined;
    const block: Block = { kind: cur.kind, start: cur.start, end: this.length, section: cur.section };
    this.blocks.push(block);
    return block;
  }

  isOpen(): boolean {
    return this.current !== undefined;
  }

  /** Starts the open block's text now, even if no content follows (tables with empty first cells). */
  begin(): void {
    const cur = this.current;
    if (!cur || cur.started) return;
    if (this.length > 0) this.write('\n\n', null);
    cur.start = this.length;
    cur.started = true;
    this.lineStart = true;
    this.pendingSpace = undefined;
  }

  /** Asks for a space before the next content (collapsed with others; dropped at line starts). */
  space(src: Src | null = null): void {
    if (!this.current?.started || this.lineStart) return;
    if (this.pendingSpace === undefined) this.pendingSpace = src;
  }

  dropSpace(): void {
    this.pendingSpace = undefined;
  }

  /** Content text. `src` null means inserted text with no source of its own. */
  emit(s: string, src: Src | null): void {
    if (s === '') return;
    if (!this.current) this.open('paragraph', '');
    this.begin();
    if (this.pendingSpace !== undefined && !this.lineStart) {
      const sp = this.pendingSpace;
      this.write(' ', sp && sp.end - sp.start === 1 ? sp : sp ? { ...sp, exact: false } : null);
    }
    this.pendingSpace = undefined;
    this.lineStart = false;
    this.write(s, src);
  }

  /** An inserted separator inside a block (table " | " and "\n"); resets line-start state. */
  separator(s: string, lineStart: boolean): void {
    this.begin();
    this.pendingSpace = undefined;
    this.write(s, null);
    this.lineStart = lineStart;
  }

  /** Marks the start of a fresh line within a block (e.g. a table cell): no leading space. */
  resetLine(): void {
    this.pendingSpace = undefined;
    this.lineStart = true;
  }

  private write(s: string, src: Src | null): void {
    const t0 = this.length;
    this.out += s;
    this.length += s.length;
    for (let k = 0; k < this.captures.length; k++) this.captures[k] += s;
    this.lastChar = s[s.length - 1];
    if (!src) {
      this.segs.add(t0, this.length, -1, 0, 0, false);
      return;
    }
    const exact = src.exact && src.end - src.start === s.length;
    this.segs.add(t0, this.length, src.file, src.start, src.end, exact);
  }
}
