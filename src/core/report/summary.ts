// Counts and groupings every report format shows the same way.

import { RULES } from '../rules.ts';
import type { CheckResult, Finding, Severity } from '../types.ts';

export interface Counts {
  error: number;
  warning: number;
  info: number;
  verified: number;
  model: number;
}

export function countFindings(results: readonly CheckResult[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0, verified: 0, model: 0 };
  for (const r of results) {
    for (const f of r.findings) {
      counts[f.severity]++;
      if (f.origin === 'model') counts.model++;
    }
    counts.verified += r.verified.length;
  }
  return counts;
}

export interface SectionGroup {
  section: string;
  kinds: { kind: string; title: string; findings: Finding[] }[];
}

/** Findings grouped by section (in document order) and then by kind (in rule order). */
export function groupBySection(findings: readonly Finding[]): SectionGroup[] {
  const sections = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.section || 'Front matter';
    const list = sections.get(key) ?? [];
    list.push(f);
    sections.set(key, list);
  }
  return [...sections].map(([section, list]) => ({
    section,
    kinds: RULES.filter((r) => list.some((f) => f.kind === r.id)).map((r) => ({ kind: r.id, title: r.title, findings: list.filter((f) => f.kind === r.id) })),
  }));
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };
