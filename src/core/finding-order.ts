// Ordering and overlap of located findings. Depends on nothing but the types, so the language
// server's main thread can use it without loading the engine (and mathjs).

import type { Finding, Position, Severity, SourceRange } from './types.ts';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Whether two source ranges share at least one character (same file, same page). */
export function rangesOverlap(a: SourceRange, b: SourceRange): boolean {
  if (a.uri !== b.uri || (a.page ?? 0) !== (b.page ?? 0)) return false;
  return before(a.start, b.end) && before(b.start, a.end);
}

/** Document order: file, page, line, column; errors before warnings at the same place. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.uri.localeCompare(b.range.uri) ||
    (a.range.page ?? 0) - (b.range.page ?? 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
  );
}
