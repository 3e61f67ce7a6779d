// Parses one source file into the extractor's syntax tree. The default front end is the
// hand-written tokenizer; unified-latex stays available as the reference parser ('unified', and
// 'auto' for small files), and test/unit/latex/differential.test.ts checks that both give the same text.

import type { LNode } from './ast.ts';
import { mergeStrings } from './ast.ts';
import { parseWithUnified } from './parse-unified.ts';
import { tokenize } from './tokenize.ts';

/**
 * Why the tokenizer is the default although the project prefers libraries: the language server
 * re-extracts as the user types, and a full check of a 30-page paper (~90 KB of LaTeX) must take
 * under 100 ms. Measured here (CPU time, median of runs, shared machine): @unified-latex's PEG parser
 * takes 1.2 s for the 78 KB intergroup_contact manuscript (~65 KB/s; latex-utensils, also PEG, takes
 * 0.5-1.5 s for a 77 KB file), the tokenizer 2-10 ms for the same file, and the whole extraction of a
 * 90 KB file with the tokenizer ~11 ms. The extractor only needs groups, environments, math and
 * macro names, which a linear scan finds exactly.
 */
export type ParserChoice = 'auto' | 'unified' | 'simple';
export const DEFAULT_PARSER: ParserChoice = 'simple';

/** 'auto': unified-latex for files up to this size... */
export const UNIFIED_MAX_CHARS = 120_000;
/** ...and for the first this many characters of a paper; the tokenizer for the rest. */
export const UNIFIED_MAX_TOTAL = 160_000;

export interface ParsedFile {
  nodes: LNode[];
  parser: 'unified' | 'simple';
  /** Why the tokenizer was used although unified-latex was asked for, if it was. */
  fallbackReason?: string;
}

export function parseSource(text: string, file: number, opts: { parser?: ParserChoice; atLetter?: boolean; unifiedSoFar?: number } = {}): ParsedFile {
  const choice = opts.parser ?? DEFAULT_PARSER;
  const atLetter = opts.atLetter ?? false;
  if (choice === 'simple') return { nodes: tokenize(text, file, atLetter), parser: 'simple' };
  if (choice === 'auto' && text.length <= UNIFIED_MAX_CHARS && (opts.unifiedSoFar ?? 0) + text.length > UNIFIED_MAX_TOTAL) {
    return { nodes: tokenize(text, file, atLetter), parser: 'simple', fallbackReason: 'the full parser is used for the first 160 KB of a paper only' };
  }
  if (choice === 'unified' || text.length <= UNIFIED_MAX_CHARS) {
    try {
      return { nodes: normalise(parseWithUnified(text, file), atLetter), parser: 'unified' };
    } catch (e) {
      const fallbackReason = `the full parser failed: ${String((e as Error)?.message ?? e).slice(0, 120)}`;
      return { nodes: tokenize(text, file, atLetter), parser: 'simple', fallbackReason };
    }
  }
  return { nodes: tokenize(text, file, atLetter), parser: 'simple', fallbackReason: `a file is large, ${Math.round(text.length / 1000)} KB` };
}

/**
 * Clean-up of unified-latex's tree (the tokenizer emits it this way directly): `\@foo` macro names inside \makeatletter regions (and in .sty
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
      // unified-latex gives "#" and "1" as separate strings.
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
