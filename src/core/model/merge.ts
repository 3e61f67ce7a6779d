// Deterministic findings are authoritative: a model finding on the same number says nothing new.

import { compareFindings } from '../engine.ts';
import type { Finding, SourceRange } from '../types.ts';

function before(a: SourceRange['start'], b: SourceRange['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Whether two source ranges share at least one character (same file, same page). */
export function rangesOverlap(a: SourceRange, b: SourceRange): boolean {
  if (a.uri !== b.uri || (a.page ?? 0) !== (b.page ?? 0)) return false;
  return before(a.start, b.end) && before(b.start, a.end);
}

/**
 * Deterministic and model findings in one list, sorted. A model finding whose range overlaps a
 * deterministic finding's range is a duplicate and is left out; `duplicates` lists what was merged
 * (the extension may show "also found by the model review").
 */
export function mergeFindings(deterministic: readonly Finding[], model: readonly Finding[]): Finding[] {
  return mergeFindingsDetailed(deterministic, model).findings;
}

export function mergeFindingsDetailed(
  deterministic: readonly Finding[],
  model: readonly Finding[],
): { findings: Finding[]; duplicates: { model: Finding; deterministic: Finding }[] } {
  const duplicates: { model: Finding; deterministic: Finding }[] = [];
  const kept: Finding[] = [];
  for (const m of model) {
    const twin = deterministic.find((d) => rangesOverlap(d.range, m.range));
    if (twin) duplicates.push({ model: m, deterministic: twin });
    else kept.push(m);
  }
  return { findings: [...deterministic, ...kept].sort(compareFindings), duplicates };
}
