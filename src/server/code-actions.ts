// Quick fixes: replace the wrong number with the suggestion, hide the finding with an ignore
// comment above its line, or add its id to the project's ignore list.

import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/types.ts';
import { IGNORE_ID_COMMAND } from '../shared/protocol.ts';
import type { IgnoreIdParams } from '../shared/protocol.ts';
import { toDiagnostic } from './diagnostics.ts';

export const KIND_REPLACE = 'quickfix.tally.replace';
export const KIND_IGNORE_LINE = 'quickfix.tally.ignoreLine';
export const KIND_IGNORE_ID = 'quickfix.tally.ignoreId';
export const IGNORE_COMMENT = '% tally-ignore-next-line';

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function isFinding(x: unknown): x is Finding {
  return !!x && typeof x === 'object' && typeof (x as Finding).id === 'string' && typeof (x as Finding).kind === 'string';
}

/** The findings a code action request is about: those overlapping its range, plus any carried in diagnostics. */
export function findingsForRange(known: readonly Finding[], range: Range, diagnostics: readonly Diagnostic[]): Finding[] {
  const out = new Map<string, Finding>();
  for (const f of known) if (overlaps(f.range, range)) out.set(`${f.id}:${f.range.start.line}:${f.range.start.character}`, f);
  for (const d of diagnostics) {
    if (isFinding(d.data)) out.set(`${d.data.id}:${d.data.range.start.line}:${d.data.range.start.character}`, d.data);
  }
  return [...out.values()];
}

export function codeActionsFor(doc: TextDocument, findings: readonly Finding[], only?: string[]): CodeAction[] {
  const wants = (kind: string) => !only?.length || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const actions: CodeAction[] = [];
  const isTex = !/\.pdf$/i.test(doc.uri);
  const ignoredLines = new Set<number>();
  for (const f of findings) {
    const diagnostic = toDiagnostic(f);
    if (f.suggestion !== undefined && wants(KIND_REPLACE)) {
      actions.push({
        title: `Replace "${doc.getText(f.range)}" with "${f.suggestion}"`,
        kind: KIND_REPLACE,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [doc.uri]: [{ range: { start: f.range.start, end: f.range.end }, newText: f.suggestion }] } },
      });
    }
    const line = f.range.start.line;
    if (isTex && wants(KIND_IGNORE_LINE) && !ignoredLines.has(line)) {
      ignoredLines.add(line);
      const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
      const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
      actions.push({
        title: 'Tally: ignore findings on this line (% tally-ignore-next-line)',
        kind: KIND_IGNORE_LINE,
        diagnostics: [diagnostic],
        edit: { changes: { [doc.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${IGNORE_COMMENT}\n` }] } },
      });
    }
    if (wants(KIND_IGNORE_ID)) {
      const args: IgnoreIdParams = { id: f.id, uri: doc.uri, kind: f.kind, claim: f.claim, range: f.range };
      actions.push({
        title: `Tally: hide this finding everywhere (list it in .tally-ignore.json beside the paper)`,
        kind: KIND_IGNORE_ID,
        diagnostics: [diagnostic],
        command: { title: 'Hide finding', command: IGNORE_ID_COMMAND, arguments: [args] },
      });
    }
  }
  return actions;
}
