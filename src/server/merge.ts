// Model findings next to deterministic ones, as src/core/model/merge.ts does it. Kept here so the
// server's main thread does not load the engine (and mathjs) just for the sort order.
// (Core could move compareFindings/rangesOverlap into a dependency-free module; then import them.)

import type { Finding, Position, Severity, SourceRange } from '../core/types.ts';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

export function rangesOverlap(a: SourceRange, b: SourceRange): boolean {
  if (a.uri !== b.uri || (a.page ?? 0) !== (b.page ?? 0)) return false;
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.uri.localeCompare(b.range.uri) ||
    (a.range.page ?? 0) - (b.range.page ?? 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
  );
}

/** Deterministic findings win: a model finding overlapping one says nothing new. */
export function mergeFindings(deterministic: readonly Finding[], model: readonly Finding[]): Finding[] {
  const kept = model.filter((m) => !deterministic.some((d) => rangesOverlap(d.range, m.range)));
  return [...deterministic, ...kept].sort(compareFindings);
}
