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
  nodes: LNode[];
  i = 0;
  /** Copy-on-write: the array is copied only when a word has to be split. */
  private owned = false;
  constructor(nodes: readonly LNode[], start = 0) {
    this.nodes = nodes as LNode[];
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
  /** Index of the next node that is not whitespace or a comment (paragraph breaks stop the search). */
  private skipWs(from: number): number {
    let j = from;
    for (; j < this.nodes.length; j++) {
      const n = this.nodes[j];
      if (n.t !== 'ws' && !(n.t === 'skip' && n.comment !== undefined)) break;
    }
    return j;
  }

  /** Takes the first `k` characters of the str node at `j`; the rest stays in its place. */
  private takeChars(j: number, k: number): LNode {
    const n = this.nodes[j];
    if (n.t !== 'str' || n.s.length <= k) {
      this.i = j + 1;
      return n;
    }
    const head: LNode = { t: 'str', s: n.s.slice(0, k), src: n.src.exact ? { ...n.src, end: n.src.start + k } : n.src };
    const rest: LNode = { t: 'str', s: n.s.slice(k), src: n.src.exact ? { ...n.src, start: n.src.start + k } : n.src };
    if (!this.owned) {
      this.nodes = this.nodes.slice();
      this.owned = true;
    }
    this.nodes[j] = rest;
    this.i = j;
    return head;
  }

  star(): boolean {
    const n = this.nodes[this.i];
    if (n?.t === 'str' && n.s.startsWith('*')) {
      this.takeChars(this.i, 1);
      return true;
    }
    return false;
  }

  /** A mandatory argument: a group, or one token (one character of a word). */
  mandatory(): Arg | undefined {
    const j = this.skipWs(this.i);
    const n = this.nodes[j];
    if (!n || n.t === 'par') return undefined;
    if (n.t === 'grp') {
      this.i = j + 1;
      return { open: '{', c: n.c, src: n.src };
    }
    if (n.t === 'str') {
      // Surrogate pairs stay whole.
      const code = n.s.charCodeAt(0);
      const head = this.takeChars(j, code >= 0xd800 && code <= 0xdbff ? 2 : 1);
      return { open: '', c: [head], src: head.src };
    }
    this.i = j + 1;
    return { open: '', c: [n], src: n.src };
  }

  /** An optional […] argument, if one follows (whitespace before it is skipped). */
  optional(skipSpace = true): Arg | undefined {
    const j = skipSpace ? this.skipWs(this.i) : this.i;
    const n = this.nodes[j];
    if (n?.t !== 'str' || n.s !== '[') return undefined;
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
          return { open: '[', c: this.nodes.slice(j + 1, k), src: { ...n.src, end: m.src.end, exact: n.src.file === m.src.file && n.src.exact } };
        }
      }
    }
    return undefined;
  }

  /** Reads arguments by spec: s = star, o = optional, m = mandatory. Missing ones are undefined. */
  args(spec: string): (Arg | undefined)[] {
    const out: (Arg | undefined)[] = [];
    for (const ch of spec) {
      if (ch === 's') out.push(this.star() ? { open: '', c: [], src: this.nodes[Math.max(0, this.i - 1)].src } : undefined);
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
