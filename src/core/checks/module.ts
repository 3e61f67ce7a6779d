// A check that describes itself (as markdownlint's rules do): the finding kinds it reports, what it
// reads, what it deliberately leaves alone, next to its `run`. RULES (src/core/rules.generated.ts),
// the settings schema, docs/rules.md and the SARIF rules are generated from the registry of these.

import type { Rule } from '../rules.ts';
import type { Check } from '../types.ts';

/** One way papers write the claim a check reads, with a short example in our own words. */
export interface ClaimShape {
  name: string;
  example: string;
}

export interface CheckModule {
  /** Stable name (kebab-case), used in notes when the check fails. */
  name: string;
  title: string;
  /** What the check recomputes, in a sentence or two. */
  description: string;
  /** The finding kinds it reports; a kind shared by several checks is defined once and imported. */
  kinds: readonly Rule[];
  shapes: readonly ClaimShape[];
  /** What it does not read on purpose, and why. */
  leavesAlone: readonly string[];
  run: Check;
}
