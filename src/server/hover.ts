// Hover over an underlined number: the claim as written, what recomputation gives, the working.

import type { Hover, Position } from 'vscode-languageserver/node';
import { MarkupKind } from 'vscode-languageserver/node';
import { ruleFor } from '../core/rules.ts';
import type { Finding } from '../core/types.ts';
import { ruleDocUrl } from '../shared/protocol.ts';

export function contains(f: Finding, p: Position): boolean {
  const { start, end } = f.range;
  if (p.line < start.line || p.line > end.line) return false;
  if (p.line === start.line && p.character < start.character) return false;
  if (p.line === end.line && p.character > end.character) return false;
  return true;
}

/** Inline code that survives backticks in the text. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.replace(/\s+/g, ' ')}${fence}`;
}

/** Whether `text` already says `part` (so the hover does not repeat it). */
function says(text: string, part: string): boolean {
  const norm = (x: string) => x.replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(text).includes(norm(part));
}

/** One line on where a model finding came from: the review, its confidence, and whether recomputation confirmed it. */
function provenance(f: Finding): string | undefined {
  if (f.origin !== 'model') return undefined;
  const confidence = f.confidence !== undefined ? ` (model confidence ${Math.round(f.confidence * 100)}%)` : '';
  return `- **Found by:** the model review${confidence}, ${f.confirmed ? 'confirmed' : 'not confirmed'} by recomputation`;
}

export function hoverMarkdown(f: Finding): string {
  const rule = ruleFor(f.kind);
  const lines = [`**Tally: ${rule?.title ?? f.kind}** (${f.severity})`, '', f.message, ''];
  lines.push(`- **As written:** ${code(f.claim)}`);
  if (f.reported !== undefined) lines.push(`- **Reported:** ${code(f.reported)}`);
  if (f.recomputed !== undefined) lines.push(`- **Recomputed:** ${code(f.recomputed)}`);
  if (f.working) lines.push(`- **Working:** ${code(f.working)}`);
  if (f.suggestion !== undefined) lines.push(`- **Suggested:** ${code(f.suggestion)}`);
  const origin = provenance(f);
  if (origin) lines.push(origin);
  // The explanation once: not when the message already carries it.
  if (f.explanation && !says(f.message, f.explanation)) lines.push('', f.explanation);
  lines.push('', `[About this check](${ruleDocUrl(f.kind)}) · id \`${f.id}\``);
  return lines.join('\n');
}

export function hoverFor(findings: readonly Finding[], position: Position): Hover | null {
  const hits = findings.filter((f) => contains(f, position));
  if (!hits.length) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: hits.map(hoverMarkdown).join('\n\n---\n\n') },
    range: { start: hits[0].range.start, end: hits[0].range.end },
  };
}
