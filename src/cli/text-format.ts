// The terminal format: one block per finding, compiler-style location first so editors can jump to it.

import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { describeCoverage } from '../core/coverage.ts';
import { countFindings } from '../core/report/index.ts';
import type { CheckResult, Finding, SourceRange } from '../core/types.ts';

function fileName(uri: string, cwd: string): string {
  try {
    return relative(cwd, fileURLToPath(uri)) || uri;
  } catch {
    return uri; // not a file URI: print it as it is
  }
}

function where(range: SourceRange, cwd: string): string {
  const file = fileName(range.uri, cwd);
  if (range.page !== undefined) return `${file}: page ${range.page}, line ${range.start.line + 1}`;
  return `${file}:${range.start.line + 1}:${range.start.character + 1}`;
}

function block(f: Finding, cwd: string): string {
  const lines = [`${where(f.range, cwd)}: ${f.severity} [${f.kind}${f.origin === 'model' ? ', model' : ''}] ${f.message}`];
  lines.push(`    written:    ${f.claim}`);
  if (f.recomputed !== undefined) lines.push(`    recomputed: ${f.recomputed}`);
  if (f.working) lines.push(`    working:    ${f.working}`);
  if (f.explanation) lines.push(`    why:        ${f.explanation}`);
  return lines.join('\n');
}

/** One paper's notes and findings (the CLI prints each paper as soon as it is checked). */
export function renderTextPaper(r: CheckResult, cwd: string): string {
  const out: string[] = [];
  for (const n of r.notes) out.push(`${where({ uri: n.uri ?? r.uri, start: n.range?.start ?? { line: 0, character: 0 }, end: { line: 0, character: 0 }, page: n.range?.page }, cwd)}: ${n.partial ? 'note (cut short)' : 'note'}: ${n.message}`);
  for (const f of r.findings) out.push(block(f, cwd));
  if (r.coverage) out.push(`${fileName(r.uri, cwd)}: ${describeCoverage(r.coverage)}`);
  return out.length ? out.join('\n') + '\n' : '';
}

export function renderTextSummary(results: readonly CheckResult[]): string {
  const c = countFindings(results);
  return `${results.length} ${results.length === 1 ? 'document' : 'documents'} checked: ${c.error} ${c.error === 1 ? 'error' : 'errors'}, ${c.warning} ${c.warning === 1 ? 'warning' : 'warnings'}, ${c.info} notes, ${c.verified} claims verified.\n`;
}

export function renderText(results: readonly CheckResult[], cwd: string): string {
  return results.map((r) => renderTextPaper(r, cwd)).join('') + renderTextSummary(results);
}
