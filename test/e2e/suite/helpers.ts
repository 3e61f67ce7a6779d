// Helpers for the end-to-end tests: wait on events with a deadline, never on fixed sleeps.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'tally.tally';

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri;
}

export function fixtureUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

/** Activates the extension under test (idempotent) and returns its exports. */
export async function activateTally(): Promise<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext.isActive ? ext.exports : ext.activate();
}

export function isTallyDiagnostic(d: vscode.Diagnostic): boolean {
  return typeof d.source === 'string' && d.source.toLowerCase().startsWith('tally');
}

export function tallyDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(isTallyDiagnostic);
}

/**
 * Resolves with the Tally diagnostics of `uri` as soon as `accept` holds for them, checking now and
 * on every onDidChangeDiagnostics; rejects after `timeoutMs` with what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  timeoutMs = 45_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = tallyDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      done();
      resolve(diagnostics);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      const all = vscode.languages.getDiagnostics(uri);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for Tally diagnostics on ${uri.toString()}; it has ${describeDiagnostics(all)}`));
    }, timeoutMs);
    const done = (): void => {
      clearTimeout(timer);
      sub.dispose();
    };
    check();
  });
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (!diagnostics.length) return 'no diagnostics';
  return diagnostics
    .map((d) => `[${d.source ?? '?'} ${String(typeof d.code === 'object' ? d.code.value : d.code ?? '')} line ${d.range.start.line + 1}] ${d.message.split('\n')[0]}`)
    .join('; ');
}

/** Resolves when `document` satisfies `accept`, checking on every change; rejects after `timeoutMs`. */
export function waitForDocument(document: vscode.TextDocument, accept: (text: string) => boolean, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (accept(document.getText())) return resolve();
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === document && accept(document.getText())) {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for a change to ${document.uri.toString()}`));
    }, timeoutMs);
  });
}

/** Polls `probe` (for state that has no event) until it returns a value other than undefined. */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The 0-based line of the first line of `document` containing `needle`. */
export function lineOf(document: vscode.TextDocument, needle: string): number {
  for (let i = 0; i < document.lineCount; i++) if (document.lineAt(i).text.includes(needle)) return i;
  throw new Error(`"${needle}" is not in ${document.uri.toString()}`);
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** What the extension shows, from its test hook `tally._test.getState`. */
export interface TallyTestState {
  clientRunning: boolean;
  pdfViewers: { uri: string; findings: number; pages: number; ready: boolean }[];
  reportOpen: boolean;
  reportResults: number;
}

export function testState(): Thenable<TallyTestState> {
  return vscode.commands.executeCommand<TallyTestState>('tally._test.getState');
}

/** The language client the extension exports from activate(), for requests the UI would need a dialog for. */
export async function tallyClient(): Promise<{ sendRequest<R>(method: string, params: unknown): Promise<R> }> {
  const exports = (await activateTally()) as { client?: { sendRequest<R>(method: string, params: unknown): Promise<R> } } | undefined;
  if (!exports?.client) throw new Error('the Tally extension does not export its language client');
  return exports.client;
}
