// The verification report as Markdown: what failed and what was verified.

import { ruleFor } from '../rules.ts';
import type { CheckResult, Finding } from '../types.ts';
import { describeLocation } from './locate.ts';
import type { ReportOptions } from './options.ts';
import { SEVERITY_LABEL, countFindings, groupBySection } from './summary.ts';

/** Escapes the characters Markdown would otherwise interpret in paper text. */
function md(text: string): string {
  return text.replace(/([\\`*_{}[\]<>|#])/g, '\\$1').replace(/\s+/g, ' ');
}

function code(text: string): string {
  const clean = text.replace(/\s+/g, ' ');
  const fence = clean.includes('`') ? '``' : '`';
  return `${fence}${clean}${fence}`;
}

function finding(f: Finding, options: ReportOptions): string[] {
  const origin = f.origin === 'model' ? (f.confirmed ? 'model, confirmed by recomputation' : 'model') : 'recomputed';
  const lines = [`- **${SEVERITY_LABEL[f.severity]}** (${origin}) at ${md(describeLocation(f.range, options.baseUri))}: ${md(f.message)}`];
  lines.push(`  - Written: ${code(f.claim)}`);
  if (f.recomputed !== undefined) lines.push(`  - Recomputed: ${code(f.recomputed)}${f.reported !== undefined ? ` (reported ${code(f.reported)})` : ''}`);
  if (f.working) lines.push(`  - Working: ${code(f.working)}`);
  if (f.explanation) lines.push(`  - Why: ${md(f.explanation)}`);
  lines.push(`  - Id: ${code(f.id)}`);
  return lines;
}

export function renderMarkdown(results: readonly CheckResult[], options: ReportOptions = {}): string {
  const counts = countFindings(results);
  const out: string[] = [`# ${options.title ?? 'Tally verification report'}`, ''];
  out.push(`Checked ${results.length} ${results.length === 1 ? 'document' : 'documents'}: ${results.map((r) => md(describeLocation({ uri: r.uri, start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, options.baseUri).replace(/:1:1$/, ''))).join(', ')}.`, '');
  out.push('| Errors | Warnings | Notes | Verified claims | Model findings |', '|---:|---:|---:|---:|---:|', `| ${counts.error} | ${counts.warning} | ${counts.info} | ${counts.verified} | ${counts.model} |`, '');
  const findings = results.flatMap((r) => r.findings);
  out.push('## Findings', '');
  if (findings.length === 0) out.push('No inconsistencies found.', '');
  for (const group of groupBySection(findings)) {
    out.push(`### ${md(group.section)}`, '');
    for (const kind of group.kinds) {
      out.push(`#### ${md(kind.title)} (${kind.findings.length})`, '');
      for (const f of kind.findings) out.push(...finding(f, options));
      out.push('');
    }
  }
  const verified = results.flatMap((r) => r.verified);
  out.push('## Verified claims', '');
  if (verified.length === 0) out.push('No claims were recomputed.', '');
  else {
    out.push('| Where | Kind | Claim | Working |', '|---|---|---|---|');
    for (const v of verified) out.push(`| ${md(describeLocation(v.range, options.baseUri))} | ${md(ruleFor(v.kind)?.title ?? v.kind)} | ${md(v.claim)} | ${code(v.working)} |`);
    out.push('');
  }
  const notShown = results.flatMap((r) => r.notShown ?? []);
  if (notShown.length) {
    // Collapsed: every dropped model finding is accounted for without crowding the findings.
    out.push(`<details><summary>Model findings not shown (${notShown.length})</summary>`, '');
    for (const d of notShown) out.push(`- ${md(d.reason)}${d.quote ? `: ${code(d.quote)}` : ''}`);
    out.push('', '</details>', '');
  }
  const notes = results.flatMap((r) => r.notes);
  if (notes.length) {
    out.push('## Notes', '');
    for (const n of notes) out.push(`- ${n.level}: ${md(n.message)}`);
    out.push('');
  }
  return out.join('\n');
}
