// A model finding on the number a deterministic finding already flags says nothing new, unless the two
// disagree: then both are shown (the model's message says how they differ), never resolved silently.

import { compareFindings, rangesOverlap } from '../finding-order.ts';
import type { Finding } from '../types.ts';
import { DISAGREEMENT } from './findings.ts';

export { rangesOverlap };

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
    if (twin && !m.message.includes(DISAGREEMENT)) duplicates.push({ model: m, deterministic: twin });
    else kept.push(m);
  }
  return { findings: [...deterministic, ...kept].sort(compareFindings), duplicates };
}
