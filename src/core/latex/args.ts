// Reading macro arguments from a node list, the way TeX does: {…} groups, single tokens, […]
// optional arguments and a star. Works on a cursor so callers consume what they read.

import type { LNode, Src } from './ast.ts';

export interface Arg {
  /** '{' for a group, '[' for an optional argument, '' for a single token. */
  open: '{' | '[' | '';
  c: LNode[];
  src: Src;
}

export class Cursor {
  readonly nodes: LNode[];
  i = 0;
  constructor(nodes: readonly LNode[], start = 0) {
    this.nodes = nodes.slice();
    this.i = start;
  }
  get done(): boolean {
    return this.i >= this.nodes.length;
  }
  peek(k = 0): LNode | undefined {
    return this.nodes[this.i + k];
  }
  next(): LNode | undefined {
    return this.nodes[this.i++];
  }
  /** Index of the next node that is not plain whitespace (paragraph breaks stop the search). */
  private skipWs(from: number): number {
    let j = from;
    while (j < this.nodes.length && (this.nodes[j].t === 'ws' || (this.nodes[j].t === 'skip' && this.nodes[j].src.end - this.nodes[j].src.start > 0 && (this.nodes[j] as { comment?: string }).comment !== undefined))) j++;
    return j;
  }

  /** Splits a str node at `k` characters, leaving the rest in place. */
  private splitStr(j: number, k: number): LNode {
    const n = this.nodes[j];
    if (n.t !== 'str' || n.s.length <= k) return n;
    const head: LNode = { t: 'str', s: n.s.slice(0, k), src: n.src.exact ? { ...n.src, end: n.src.start + k } : n.src };
    const rest: LNode = { t: 'str', s: n.s.slice(k), src: n.src.exact ? { ...n.src, start: n.src.start + k } : n.src };
    this.nodes.splice(j, 1, head, rest);
    return head;
  }

  star(): boolean {
    const n = this.nodes[this.i];
    if (n?.t === 'str' && n.s.startsWith('*')) {
      this.splitStr(this.i, 1);
      this.i++;
      return true;
    }
    return false;
  }

  /** A mandatory argument: a group, or one token (one character of a word). */
  mandatory(): Arg | undefined {
    const j = this.skipWs(this.i);
    const n = this.nodes[j];
    if (!n || n.t === 'par') return undefined;
    if (n.t === 'str' && (n.s === '}' || n.s === ']' && false)) return undefined;
    this.i = j + 1;
    if (n.t === 'grp') return { open: '{', c: n.c, src: n.src };
    if (n.t === 'str' && n.s.length > 1) {
      // Surrogate pairs stay whole.
      const code = n.s.charCodeAt(0);
      const head = this.splitStr(j, code >= 0xd800 && code <= 0xdbff ? 2 : 1);
      return { open: '', c: [head], src: head.src };
    }
    return { open: '', c: [n], src: n.src };
  }

  /** An optional […] argument, if one follows (whitespace before it is skipped). */
  optional(skipSpace = true): Arg | undefined {
    const j = skipSpace ? this.skipWs(this.i) : this.i;
    const n = this.nodes[j];
    if (n?.t !== 'str' || !n.s.startsWith('[')) return undefined;
    if (n.s.length > 1) this.splitStr(j, 1);
    let depth = 0;
    for (let k = j; k < this.nodes.length; k++) {
      const m = this.nodes[k];
      if (m.t === 'par') return undefined;
      if (m.t !== 'str') continue;
      if (m.s === '[') depth++;
      else if (m.s === ']') {
        depth--;
        if (depth === 0) {
          this.i = k + 1;
          const first = this.nodes[j];
          return { open: '[', c: this.nodes.slice(j + 1, k), src: { ...first.src, end: m.src.end, exact: first.src.file === m.src.file && first.src.exact } };
        }
      }
    }
    return undefined;
  }

  /** Reads arguments by spec: s = star, o = optional, m = mandatory. Missing ones are undefined. */
  args(spec: string): (Arg | undefined)[] {
    const out: (Arg | undefined)[] = [];
    for (const ch of spec) {
      if (ch === 's') out.push(this.star() ? { open: '', c: [], src: this.nodes[this.i - 1].src } : undefined);
      else if (ch === 'o') out.push(this.optional());
      else out.push(this.mandatory());
    }
    return out;
  }
}

/** The raw characters of an argument (for file names, column specs, numbers). */
export function rawText(nodes: readonly LNode[]): string {
  let s = '';
  for (const n of nodes) {
    if (n.t === 'str') s += n.s;
    else if (n.t === 'ws') s += ' ';
    else if (n.t === 'grp') s += rawText(n.c);
    else if (n.t === 'mac') s += '\\' + n.name;
  }
  return s;
}

/** The end of the last argument read (or the macro's own end). */
export function spanOf(start: Src, args: readonly (Arg | undefined)[]): Src {
  let end = start.end;
  for (const a of args) if (a && a.src.file === start.file && a.src.end > end) end = a.src.end;
  return { file: start.file, start: start.start, end, exact: false };
}
