// Builds PaperText for check tests: prose paragraphs and tables from rows of cell strings.

import assert from 'node:assert/strict';
import type { CheckOutput, PaperText, RawFinding, Severity } from '../../../src/core/types.ts';
import { buildPaper, type Cell } from '../../helpers/paper-text.ts';

export type Part = string | { table: Cell[][]; caption?: string };

/** Paragraphs (strings) and tables (rows of cells; [text, colspan] for a spanning cell), joined by blank lines. */
export function paper(...parts: Part[]): PaperText {
  return buildPaper(parts);
}

export function errors(out: CheckOutput): RawFinding[] {
  return out.findings.filter((f) => f.severity === 'error');
}

/** The text a finding underlines. */
export function underlined(p: PaperText, f: RawFinding): string {
  return p.text.slice(f.span.start, f.span.end);
}

/** Each consistent sentence is verified exactly once and raises nothing. */
export function assertVerifiedOnce(run: (sentence: string) => CheckOutput, sentences: readonly string[]): void {
  const wrong = sentences.filter((s) => {
    const out = run(s);
    return out.findings.length > 0 || out.verified.length !== 1;
  });
  assert.deepEqual(wrong, []);
}

/**
 * A one-number mutant of a consistent sentence (`from` replaced by `to`) gets exactly one finding of
 * `severity`. `underlines` says where: the exact text, or IN_REPLACEMENT for a number inside `to`.
 */
export interface Mutant {
  sentence: string;
  from: string;
  to: string;
  severity: Severity;
  underlines?: string;
}
export const IN_REPLACEMENT = '\u0000in the replacement';

export function assertFlagged(run: (sentence: string) => CheckOutput, m: Mutant): void {
  const mutated = m.sentence.replace(m.from, m.to);
  assert.notEqual(mutated, m.sentence);
  const found = run(mutated).findings;
  const p = paper(mutated); // the same text run() checked, for what the finding underlines
  assert.deepEqual(found.map((f) => f.severity), [m.severity], mutated);
  if (m.underlines === undefined) return;
  const text = underlined(p, found[0]);
  if (m.underlines === IN_REPLACEMENT) assert.ok(m.to.includes(text), `${mutated}: underlines ${text}`);
  else assert.equal(text, m.underlines, mutated);
}
