// Quick fixes: replace the wrong number with the suggestion (only when the edit can be made from
// the LaTeX source faithfully), hide one finding with an ignore comment above its line that names
// its kind (or its id), or list it in the paper's ignore file.

import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { faithfulReplacement } from '../core/fix.ts';
import { directiveTargets } from '../core/latex/suppress.ts';
import { ruleFor } from '../core/rules.ts';
import type { Finding } from '../core/types.ts';
import { IGNORE_ID_COMMAND } from '../shared/protocol.ts';
import type { IgnoreIdParams } from '../shared/protocol.ts';
import { toDiagnostic } from './diagnostics.ts';
import { normalizeUri } from './papers.ts';

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

function sameFile(a: string, b: string): boolean {
  return a === b || normalizeUri(a) === normalizeUri(b);
}

/** The edit replacing the finding's number with its suggestion, keeping the LaTeX around it. */
export function replaceEdit(doc: TextDocument, f: Finding): TextEdit | undefined {
  if (f.suggestion === undefined || f.written === undefined || f.range.page !== undefined || !sameFile(f.range.uri, doc.uri)) return undefined;
  const range = { start: f.range.start, end: f.range.end };
  const newText = faithfulReplacement(doc.getText(range), f.written, f.suggestion);
  return newText === undefined ? undefined : { range, newText };
}

/**
 * What to name in the ignore comment: the kind, unless another finding of that kind starts on
 * the same line (then the finding's id, so the other one stays visible).
 */
export function ignoreTarget(f: Finding, inDocument: readonly Finding[]): string {
  const line = f.range.start.line;
  const sameKind = inDocument.some((g) => g.id !== f.id && g.kind === f.kind && g.range.uri === f.range.uri && g.range.start.line === line);
  return sameKind ? f.id : f.kind;
}

/** Inserts the comment above the finding's line, or adds the target to a directive already there. */
function ignoreLineEdit(doc: TextDocument, line: number, target: string): TextEdit {
  const lineText = (n: number) => doc.getText({ start: { line: n, character: 0 }, end: { line: n + 1, character: 0 } }).replace(/\r?\n$/, '');
  const above = line > 0 ? lineText(line - 1) : '';
  const directive = /^(\s*%\s*tally-ignore-next-line\b)(.*)$/.exec(above);
  // A bare directive above already hides everything; one naming targets gets this one added.
  if (directive && directiveTargets(directive[2]).length) {
    const end = directive[1].length + directive[2].replace(/\s+$/, '').length;
    return { range: { start: { line: line - 1, character: end }, end: { line: line - 1, character: end } }, newText: ` ${target}` };
  }
  const indent = /^[ \t]*/.exec(lineText(line))?.[0] ?? '';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${IGNORE_COMMENT} ${target}\n` };
}

export function codeActionsFor(doc: TextDocument, findings: readonly Finding[], only?: string[], inDocument: readonly Finding[] = findings): CodeAction[] {
  const wants = (kind: string) => !only?.length || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const actions: CodeAction[] = [];
  const isTex = !/\.pdf$/i.test(doc.uri);
  for (const f of findings) {
    const diagnostic = toDiagnostic(f);
    const title = ruleFor(f.kind)?.title.toLowerCase() ?? f.kind;
    const replace = wants(KIND_REPLACE) ? replaceEdit(doc, f) : undefined;
    if (replace) {
      actions.push({
        title: `Tally: replace "${doc.getText(replace.range)}" with "${replace.newText}"`,
        kind: KIND_REPLACE,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [doc.uri]: [replace] } },
      });
    }
    if (isTex && wants(KIND_IGNORE_LINE) && sameFile(f.range.uri, doc.uri)) {
      const target = ignoreTarget(f, inDocument);
      actions.push({
        title: `Tally: hide this ${title} finding (${IGNORE_COMMENT} ${target})`,
        kind: KIND_IGNORE_LINE,
        diagnostics: [diagnostic],
        edit: { changes: { [doc.uri]: [ignoreLineEdit(doc, f.range.start.line, target)] } },
      });
    }
    if (wants(KIND_IGNORE_ID)) {
      const args: IgnoreIdParams = { id: f.id, uri: doc.uri, kind: f.kind, claim: f.claim, sentence: f.quote, range: f.range };
      actions.push({
        title: `Tally: hide this ${title} finding everywhere (list it in .tally-ignore.json beside the paper)`,
        kind: KIND_IGNORE_ID,
        diagnostics: [diagnostic],
        command: { title: 'Tally: hide finding', command: IGNORE_ID_COMMAND, arguments: [args] },
      });
    }
  }
  return actions;
}
