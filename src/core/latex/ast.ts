// The small LaTeX syntax tree the extractor works on. Both parsers (unified-latex and the
// fallback tokenizer) produce it, so everything downstream is parser-independent.

/** Where a node came from: a [start, end) range of UTF-16 offsets in one source file. */
export interface Src {
  /** Index into the extraction's file list. */
  file: number;
  start: number;
  end: number;
  /**
   * True when the node's text is a character-for-character copy of the source range. Nodes
   * produced by macro expansion are not exact: their text maps to the whole macro use.
   */
  exact: boolean;
}

export interface StrNode { t: 'str'; s: string; src: Src }
export interface WsNode { t: 'ws'; src: Src }
export interface ParNode { t: 'par'; src: Src }
export interface MacroNode { t: 'mac'; name: string; src: Src }
export interface GroupNode { t: 'grp'; c: LNode[]; src: Src }
export interface EnvNode { t: 'env'; name: string; c: LNode[]; src: Src }
export interface MathNode { t: 'math'; display: boolean; c: LNode[]; src: Src }
/** `#1` in a macro body. */
export interface ParamNode { t: 'param'; n: number; src: Src }
/** Verbatim material and comments: contributes no text. */
export interface SkipNode { t: 'skip'; src: Src; comment?: string }

export type LNode = StrNode | WsNode | ParNode | MacroNode | GroupNode | EnvNode | MathNode | ParamNode | SkipNode;

/** Characters that stay single tokens (never merged into a word). */
export const SPECIAL_CHARS = new Set(['&', '[', ']', '#', '^', '_', '$', '~', '*']);

/** Merges adjacent plain str tokens of the same file so words and numbers are single tokens. */
export function mergeStrings(nodes: LNode[]): LNode[] {
  const out: LNode[] = [];
  for (const n of nodes) {
    const prev = out[out.length - 1];
    if (
      n.t === 'str' && prev?.t === 'str' && n.src.exact && prev.src.exact &&
      n.src.file === prev.src.file && n.src.start === prev.src.end &&
      !SPECIAL_CHARS.has(n.s) && !SPECIAL_CHARS.has(prev.s)
    ) {
      out[out.length - 1] = { t: 'str', s: prev.s + n.s, src: { ...prev.src, end: n.src.end } };
    } else out.push(n);
  }
  return out;
}

/** A node's source range, re-pointed at a macro use (for expansion results). */
export function relocate(n: LNode, src: Src): LNode {
  switch (n.t) {
    case 'grp':
    case 'env':
    case 'math':
      return { ...n, c: n.c.map((x) => relocate(x, src)), src };
    default:
      return { ...n, src };
  }
}
