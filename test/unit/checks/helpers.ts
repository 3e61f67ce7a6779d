// Builds PaperText for check tests: prose paragraphs and tables from rows of cell strings.

import type { CheckOutput, PaperText, RawFinding } from '../../../src/core/types.ts';
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
