// The one list of finding kinds. RULES is generated from the check registry (src/core/checks/index.ts)
// by scripts/gen-rules.mjs; the settings schema, SARIF rule metadata, docs/rules.md and the report
// headings all derive from it, so they cannot drift apart.

import { RULES } from './rules.generated.ts';

export interface Rule {
  id: string;
  title: string;
  /** One sentence a reader without statistics training understands. */
  description: string;
  defaultSeverity: 'error' | 'warning' | 'info';
}

export { RULES };

export type FindingKind = (typeof RULES)[number]['id'];

export const PROJECT_URL = 'https://github.com/tally-papers/tally';
export const RULES_DOC_URL = `${PROJECT_URL}/blob/main/docs/rules.md`;

/** Where a finding kind is explained (docs/rules.md, generated from RULES by scripts/gen-rules-doc.mjs). */
export function ruleDocUrl(kind: string): string {
  return `${RULES_DOC_URL}#${kind}`;
}

export function ruleFor(kind: string): Rule | undefined {
  return RULES.find((r) => r.id === kind);
}
