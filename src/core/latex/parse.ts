// Parses one source file into the extractor's syntax tree: unified-latex when the file is small
// enough for it, the fallback tokenizer otherwise or when unified-latex fails.

import type { LNode } from './ast.ts';
import { mergeStrings } from './ast.ts';
import { parseWithUnified } from './parse-unified.ts';
import { tokenize } from './tokenize.ts';

/**
 * unified-latex parses about 50-80 KB per second; above this size the fallback tokenizer is used
 * so a large file cannot stall the language server.
 */
export const UNIFIED_MAX_CHARS = 120_000;
/** Across one extraction: beyond this many characters parsed by unified-latex, the rest use the tokenizer. */
export const UNIFIED_MAX_TOTAL = 160_000;

export type ParserChoice = 'auto' | 'unified' | 'simple';

export interface ParsedFile {
  nodes: LNode[];
  parser: 'unified' | 'simple';
  /** Why the fallback was used, if it was. */
  fallbackReason?: string;
}

export function parseSource(text: string, file: number, opts: { parser?: ParserChoice; atLetter?: boolean; unifiedSoFar?: number } = {}): ParsedFile {
  const choice = opts.parser ?? 'auto';
  if (choice === 'auto' && text.length <= UNIFIED_MAX_CHARS && (opts.unifiedSoFar ?? 0) + text.length > UNIFIED_MAX_TOTAL) {
    return { nodes: normalise(tokenize(text, file), opts.atLetter ?? false), parser: 'simple', fallbackReason: 'the full parser is used for the first 160 KB of a paper only' };
  }
  let nodes: LNode[] | undefined;
  let parser: 'unified' | 'simple' = 'simple';
  let fallbackReason: string | undefined;
  if (choice === 'unified' || (choice === 'auto' && text.length <= UNIFIED_MAX_CHARS)) {
    try {
      nodes = parseWithUnified(text, file);
      parser = 'unified';
    } catch (e) {
      fallbackReason = `the full parser failed: ${String((e as Error)?.message ?? e).slice(0, 120)}`;
    }
  } else if (choice === 'auto') {
    fallbackReason = `a file is large, ${Math.round(text.length / 1000)} KB`;
  }
  nodes ??= tokenize(text, file);
  return { nodes: normalise(nodes, opts.atLetter ?? false), parser, fallbackReason };
}

/**
 * Shared clean-up for both parsers: `\@foo` macro names inside \makeatletter regions (and in .sty
 * files), `#1` parameters, and adjacent characters merged into words.
 */
export function normalise(nodes: LNode[], atLetter: boolean): LNode[] {
  const state = { atLetter };
  return walk(nodes, state);
}

function walk(nodes: LNode[], state: { atLetter: boolean }): LNode[] {
  const out: LNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (n.t === 'mac') {
      if (n.name === 'makeatletter') state.atLetter = true;
      else if (n.name === 'makeatother') state.atLetter = false;
      let name = n.name;
      let end = n.src.end;
      // Gather @ and letters that follow a macro name directly: \@@input, \my@macro.
      if (state.atLetter && (/^[A-Za-z]+$/.test(name) || name === '@')) {
        while (i + 1 < nodes.length) {
          const next = nodes[i + 1];
          if (next.t !== 'str' || next.src.start !== end || next.src.file !== n.src.file) break;
          const m = /^[@A-Za-z]+/.exec(next.s);
          if (!m || !(name + m[0]).includes('@')) break;
          name += m[0];
          end += m[0].length;
          if (m[0].length === next.s.length) i++;
          else {
            nodes = nodes.slice();
            nodes[i + 1] = { t: 'str', s: next.s.slice(m[0].length), src: { ...next.src, start: next.src.start + m[0].length } };
            break;
          }
        }
      }
      out.push(name === n.name ? n : { t: 'mac', name, src: { ...n.src, end } });
      continue;
    }
    if (n.t === 'str' && n.s.startsWith('#')) {
      // unified-latex gives "#" and "1" as separate strings; the tokenizer likewise.
      const next = nodes[i + 1];
      if (n.s === '#' && next?.t === 'str' && /^[1-9]/.test(next.s) && next.src.start === n.src.end) {
        out.push({ t: 'param', n: Number(next.s[0]), src: { ...n.src, end: n.src.end + 1 } });
        if (next.s.length > 1) out.push({ t: 'str', s: next.s.slice(1), src: { ...next.src, start: next.src.start + 1 } });
        i++;
        continue;
      }
      if (/^#[1-9]/.test(n.s)) {
        out.push({ t: 'param', n: Number(n.s[1]), src: { ...n.src, end: n.src.start + 2 } });
        if (n.s.length > 2) out.push({ t: 'str', s: n.s.slice(2), src: { ...n.src, start: n.src.start + 2 } });
        continue;
      }
    }
    if (n.t === 'grp' || n.t === 'env' || n.t === 'math') {
      out.push({ ...n, c: walk(n.c, state) });
      continue;
    }
    out.push(n);
  }
  return mergeStrings(out);
}
