// Findings as LSP diagnostics: source "Tally" (or "Tally (model)"), code = kind linking to the
// rule's documentation, the finding itself in `data` for code actions and tests.

import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Finding, Severity, SourceRange } from '../core/types.ts';
import { pdfPlaceFragment } from '../shared/pdf-place.ts';
import type { PdfPlaceAction } from '../shared/pdf-place.ts';
import { DIAGNOSTIC_SOURCE, MODEL_DIAGNOSTIC_SOURCE, ruleDocUrl } from '../shared/protocol.ts';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function diagnosticMessage(f: Finding): string {
  let message = f.message;
  if (f.range.page !== undefined) message = `page ${f.range.page}, line ${f.range.start.line + 1}: ${message}`;
  if (f.origin === 'model') message = `[model] ${message}`;
  return message;
}

/**
 * A PDF finding's line counts within its page, so the Problems list (which sorts by line) would put
 * page 9's line 2 before page 2's line 40: number the lines of page p from p × 10,000 instead
 * (the message says the page and the line on it).
 */
export const PDF_LINES_PER_PAGE = 10_000;

function diagnosticRange(range: SourceRange): Diagnostic['range'] {
  const { start, end, page } = range;
  if (page === undefined) return { start, end };
  const base = page * PDF_LINES_PER_PAGE;
  return { start: { line: base + start.line, character: start.character }, end: { line: base + end.line, character: end.character } };
}

/**
 * VS Code opens a PDF problem in the custom editor without telling it where, so a PDF finding's
 * code is a command link (the Problems list runs it on click): it reveals the finding in the viewer.
 */
export function revealCommandUri(f: Finding): string {
  const { uri, page, box, start, end } = f.range;
  const args = [{ id: f.id, kind: f.kind, range: { uri, page, box, start, end } }];
  return `command:tally.revealFinding?${encodeURIComponent(JSON.stringify(args))}`;
}

/**
 * VS Code's Problems list opens a related location as it opens a problem: with its selection,
 * which a custom editor never sees. A PDF place's related location is the PDF's URI with the
 * page (and the finding) in the fragment, which the viewer does see: opening that row (click,
 * Enter) moves the open viewer to the page (src/shared/pdf-place.ts, src/client/pdf-viewer.ts).
 */
export function pdfPlaceUri(range: Pick<SourceRange, 'uri' | 'page' | 'box'>, findingId?: string, action: PdfPlaceAction = 'show'): string {
  return `${range.uri.replace(/#.*$/, '')}#${pdfPlaceFragment({ page: range.page ?? 1, box: range.box, findingId, action })}`;
}

const VIEWER_WORDS = 'show in the Tally PDF viewer';
/** The Problems list offers no quick fix for a PDF (no text model), so hiding is a row too; the viewer shows an Undo. */
const HIDE_WORDS = 'hide this finding (Tally)';

/** A PDF problem's own rows: show it in the viewer, and hide it. */
function pdfRows(f: Finding): DiagnosticRelatedInformation[] {
  const row = (action: PdfPlaceAction, words: string) => ({ location: { uri: pdfPlaceUri(f.range, f.id, action), range: diagnosticRange(f.range) }, message: `page ${f.range.page}: ${words}` });
  return [row('show', VIEWER_WORDS), row('hide', HIDE_WORDS)];
}

export function toDiagnostic(f: Finding): Diagnostic {
  const related = f.range.page !== undefined ? [...pdfRows(f), ...relatedInformation(f)] : relatedInformation(f);
  return {
    range: diagnosticRange(f.range),
    severity: SEVERITY[f.severity],
    source: f.origin === 'model' ? MODEL_DIAGNOSTIC_SOURCE : DIAGNOSTIC_SOURCE,
    code: f.kind,
    codeDescription: { href: f.range.page !== undefined ? revealCommandUri(f) : ruleDocUrl(f.kind) },
    message: diagnosticMessage(f),
    ...(related.length ? { relatedInformation: related } : {}),
    data: f,
  };
}

/** Related places that say what stands there (the other value of a consistency finding) link both places in the editor. */
function relatedInformation(f: Finding): DiagnosticRelatedInformation[] {
  return f.related.flatMap((r) => {
    if (!r.message) return [];
    if (r.page === undefined) return [{ location: { uri: r.uri, range: { start: r.start, end: r.end } }, message: r.message }];
    return [{ location: { uri: pdfPlaceUri(r), range: diagnosticRange(r) }, message: `page ${r.page}: ${r.message}` }];
  });
}

/** Findings grouped by the file they are in. */
export function byFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = out.get(f.range.uri) ?? [];
    list.push(f);
    out.set(f.range.uri, list);
  }
  return out;
}
