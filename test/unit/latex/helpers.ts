// Small in-memory LaTeX projects for the extractor tests.

import assert from 'node:assert/strict';
import { extractLatex, type ExtractOptions } from '../../../src/core/latex/index.ts';
import type { PaperText } from '../../../src/core/types.ts';

export const BASE = 'file:///project/';

/** Extracts `root` from an in-memory set of files (names relative to the project folder). */
/** `differential: false` skips the comparison with unified-latex (malformed inputs, see differential.test.ts). */
type Options = Partial<ExtractOptions> & { differential?: boolean };

export function extractFiles(files: Record<string, string>, root = 'main.tex', options: Options = {}): PaperText {
  const { differential = true, ...opts } = options;
  const readFile = (uri: string): string | undefined => {
    if (!uri.startsWith(BASE)) return undefined;
    return files[decodeURIComponent(uri.slice(BASE.length))];
  };
  const paper = extractLatex(files[root], BASE + root, { readFile, ...opts });
  // Every golden input also checks the tokenizer against the reference parser (see differential.test.ts).
  if (opts.parser === 'simple' && differential) assertSameText(paper.text, extractLatex(files[root], BASE + root, { readFile, ...opts, parser: 'unified' }).text, root);
  return paper;
}

/** Text with whitespace kept only between two letters or digits (see differential.test.ts for why). */
function significant(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])\s+|\s+(?![\p{L}\p{N}])/gu, '');
}

/** Asserts two extractions agree up to whitespace inside formulas, showing where they part. */
export function assertSameText(simple: string, unified: string, what: string): void {
  const a = significant(simple);
  const b = significant(unified);
  if (a === b) return;
  let k = 0;
  while (k < a.length && a[k] === b[k]) k++;
  assert.fail(`${what}: the tokenizer and unified-latex differ at\n  simple:  ${JSON.stringify(a.slice(Math.max(0, k - 60), k + 60))}\n  unified: ${JSON.stringify(b.slice(Math.max(0, k - 60), k + 60))}`);
}

export function extractDoc(body: string, opts: Options = {}): PaperText {
  return extractFiles({ 'main.tex': body }, 'main.tex', opts);
}

/** "file:line:col-line:col" (0-based) of the nth occurrence of `needle` in the text. */
export function loc(paper: PaperText, needle: string, nth = 0): string {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = paper.text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not in text: ${JSON.stringify(paper.text)}`);
  }
  const r = paper.map.toSource(at, at + needle.length);
  return `${r.uri.slice(BASE.length)}:${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** The source text a text span maps back to (single-line ranges). */
export function sourceOf(paper: PaperText, files: Record<string, string>, needle: string, nth = 0): string {
  const l = loc(paper, needle, nth);
  const m = /^(.*):(\d+):(\d+)-(\d+):(\d+)$/.exec(l)!;
  const lines = files[m[1]].split(/\r?\n/);
  const [sl, sc, el, ec] = [Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  if (sl === el) return lines[sl].slice(sc, ec);
  return [lines[sl].slice(sc), ...lines.slice(sl + 1, el), lines[el].slice(0, ec)].join('\n');
}

export function doc(body: string, preamble = ''): string {
  return `\\documentclass{article}\n${preamble}\\begin{document}\n${body}\n\\end{document}\n`;
}
