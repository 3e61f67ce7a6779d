// Adds model findings to a check result: ignored ids stay hidden, and a model finding at the same
// place as a deterministic one is not shown twice.

import { compareFindings } from '../core/engine.ts';
import type { CheckResult, Finding } from '../core/types.ts';

function samePlace(a: Finding, b: Finding): boolean {
  return a.range.uri === b.range.uri && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;
}

export function materialiseModelFindings(result: CheckResult, model: readonly Finding[], ignoreIds: readonly string[]): void {
  const ignore = new Set(ignoreIds);
  for (const f of model) {
    if (ignore.has(f.id)) {
      result.suppressedCount++;
      continue;
    }
    if (result.findings.some((d) => samePlace(d, f))) continue;
    result.findings.push(f);
  }
  result.findings.sort(compareFindings);
}
