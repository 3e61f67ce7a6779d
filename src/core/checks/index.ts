// The registry: every deterministic check, in the order they run. RULES, the settings schema,
// docs/rules.md and the SARIF rules are generated from it (scripts/gen-rules.mjs).

import type { Rule } from '../rules.ts';
import type { Check, Severity } from '../types.ts';
import { ARITHMETIC_MODULES } from './arithmetic/index.ts';
import type { CheckModule } from './module.ts';
import { STATS_MODULES } from './stats/index.ts';
import { CONSISTENCY_MODULES } from './consistency/index.ts';

export type { CheckModule, ClaimShape } from './module.ts';

export const CHECK_MODULES: readonly CheckModule[] = [...ARITHMETIC_MODULES, ...STATS_MODULES, ...CONSISTENCY_MODULES];

/** Kinds reported outside the deterministic checks. */
export const MODEL_RULE = { id: 'model', title: 'Model review', description: 'An inconsistency a reasoning model found and Tally could not recompute.', defaultSeverity: 'warning' } as const;

/** Every kind once, in registry order (a kind several checks report is listed where it first appears). */
export function rulesOf(modules: readonly CheckModule[] = CHECK_MODULES): Rule[] {
  const seen = new Map<string, Rule>();
  for (const m of modules) for (const k of m.kinds) if (!seen.has(k.id)) seen.set(k.id, k);
  seen.set(MODEL_RULE.id, MODEL_RULE);
  return [...seen.values()];
}

export const ALL_CHECKS: readonly Check[] = CHECK_MODULES.map((m) => m.run);

/** The checks worth running: a check whose kinds are all turned off is skipped. */
export function enabledChecks(severities: Partial<Record<string, Severity | 'off'>> = {}, modules: readonly CheckModule[] = CHECK_MODULES): CheckModule[] {
  return modules.filter((m) => m.kinds.some((k) => severities[k.id] !== 'off'));
}
