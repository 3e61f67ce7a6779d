// Tally's PDF viewer: a readonly custom editor showing pdf.js in a webview, with every finding's
// box highlighted on its page. The server checks the PDF (tally/checkPdf); the viewer reloads in
// place, keeping its page and zoom, when the file changes on disk.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Finding } from '../core/types.ts';
import { CheckPdfRequest } from '../shared/protocol.ts';
import { currentFinding, hideFinding, hideWithUndo, offerToHide, sayStale } from './hide-finding.ts';
import { parsePdfPlaceFragment } from '../shared/pdf-place.ts';
import type { PdfPlace } from '../shared/pdf-place.ts';
import { sendRequest } from './rpc.ts';
import { csp, escapeHtml, nonce } from './webview-html.ts';

export const PDF_VIEW_TYPE = 'tally.pdfViewer';

type FromViewer =
  | { type: 'ready' }
  | { type: 'reveal'; finding: Finding }
  | { type: 'error'; message: string }
  | { type: 'needData' }
  | { type: 'rendered'; pages: number }
  | { type: 'page'; page: number; scale: string }
  | { type: 'hide'; finding: Finding };

interface ViewerEntry {
  uri: vscode.Uri;
  panel: vscode.WebviewPanel;
  findings: Finding[];
  ready: boolean;
  pages: number;
  checked: boolean;
  pendingReveal?: Finding;
  /** What the webview shows (reported by it): the page in view and the zoom. */
  page: number;
  scale: string;
  reloads: number;
  errors: string[];
}

class PdfDocument implements vscode.CustomDocument {
  readonly uri: vscode.Uri;
  constructor(uri: vscode.Uri) {
    this.uri = uri;
  }
  dispose(): void {}
}

/**
 * Whether the editor VS Code made for a row's URI is pinned: Enter and a double-click open a row
 * pinned, a click and the arrow keys as a preview. With previews turned off every editor is pinned
 * and the two cannot be told apart, so none counts as pinned.
 */
function openedPinned(rowUri: vscode.Uri): boolean {
  if (!vscode.workspace.getConfiguration('workbench.editor').get<boolean>('enablePreview', true)) return false;
  const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.toString() === rowUri.toString());
  return !!tab && !tab.isPreview;
}

export class PdfViewerProvider implements vscode.CustomReadonlyEditorProvider<PdfDocument> {
  private readonly context: vscode.ExtensionContext;
  private readonly client: () => LanguageClient | undefined;
  private readonly log: vscode.LogOutputChannel;
  private readonly entries = new Set<ViewerEntry>();
  private active: ViewerEntry | undefined;
  private readonly onDidChangeActiveEmitter = new vscode.EventEmitter<vscode.Uri | undefined>();
  readonly onDidChangeActive = this.onDidChangeActiveEmitter.event;

  constructor(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, log: vscode.LogOutputChannel) {
    this.context = context;
    this.client = client;
    this.log = log;
  }

  static register(context: vscode.ExtensionContext, provider: PdfViewerProvider): vscode.Disposable {
    return vscode.Disposable.from(
      vscode.window.registerCustomEditorProvider(PDF_VIEW_TYPE, provider, {
        webviewOptions: { retainContextWhenHidden: true, enableFindWidget: false },
        supportsMultipleEditorsPerDocument: true,
      }),
      // For the end-to-end tests, which cannot click inside a webview: what the toolbar and the
      // tooltip's Hide button do.
      vscode.commands.registerCommand('tally._test.pdfViewer', (action: { uri: string; goToPage?: number; hide?: string }) => provider.testAction(action)),
    );
  }

  private async testAction(action: { uri: string; goToPage?: number; hide?: string }): Promise<boolean> {
    const entry = [...this.entries].find((e) => e.uri.toString() === action.uri);
    if (!entry) return false;
    if (action.goToPage !== undefined) return entry.panel.webview.postMessage({ type: 'goToPage', page: action.goToPage });
    const finding = entry.findings.find((f) => f.id === action.hide);
    if (!finding) return false;
    await this.hide(finding);
    return true;
  }

  /** The URI of the PDF in the active viewer, if a viewer is active. */
  get activeUri(): vscode.Uri | undefined {
    return this.active?.uri;
  }

  /** Open PDF viewers (for tests and the status bar). */
  openUris(): string[] {
    return [...this.entries].map((e) => e.uri.toString());
  }

  viewerState(uri: string): { findings: number; pages: number; ready: boolean; page: number; scale: string; reloads: number; errors: string[] } | undefined {
    for (const e of this.entries) {
      if (e.uri.toString() === uri) return { findings: e.findings.length, pages: e.pages, ready: e.ready, page: e.page, scale: e.scale, reloads: e.reloads, errors: [...e.errors] };
    }
    return undefined;
  }

  async openCustomDocument(uri: vscode.Uri): Promise<PdfDocument> {
    return new PdfDocument(uri);
  }

  async resolveCustomEditor(document: PdfDocument, panel: vscode.WebviewPanel): Promise<void> {
    const target = parsePdfPlaceFragment(document.uri.fragment);
    if (target) {
      // Resolve at once (VS Code waits for this before it can open anything else), then act: the
      // Problems list may have opened this editor in place of a preview viewer of the same PDF,
      // which is being closed now.
      const uri = document.uri.with({ fragment: '' });
      const hadViewer = this.entryFor(uri) !== undefined;
      panel.webview.html = '<!DOCTYPE html><html lang="en"><body></body></html>';
      setTimeout(() => {
        if (target.action === 'hide') void this.hideTarget(uri, target, panel, { hadViewer, pinned: openedPinned(document.uri) });
        else void this.openTarget(uri, target, panel);
      }, 50);
      return;
    }
    const entry: ViewerEntry = { uri: document.uri, panel, findings: [], ready: false, pages: 0, checked: false, page: 0, scale: '', reloads: 0, errors: [] };
    this.entries.add(entry);
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
    const folder = vscode.Uri.joinPath(document.uri, '..');
    const disposables: vscode.Disposable[] = [];
    disposables.push(
      panel.webview.onDidReceiveMessage((m: FromViewer) => this.onMessage(entry, m)),
      panel.onDidChangeViewState(() => {
        if (panel.active) this.setActive(entry);
        else if (this.active === entry) this.setActive(undefined);
      }),
    );
    // Reload in place when the PDF is rebuilt (latexmk, a new download...).
    const name = document.uri.path.split('/').pop() ?? '';
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, name));
    let reloadTimer: ReturnType<typeof setTimeout> | undefined;
    const reload = () => {
      if (reloadTimer) clearTimeout(reloadTimer);
      reloadTimer = setTimeout(() => void this.load(entry, true), 250);
    };
    disposables.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload));
    panel.onDidDispose(() => {
      this.entries.delete(entry);
      if (this.active === entry) this.setActive(undefined);
      if (reloadTimer) clearTimeout(reloadTimer);
      for (const d of disposables) d.dispose();
    });
    panel.webview.options = { enableScripts: true, localResourceRoots: [media, folder] };
    panel.webview.html = this.html(panel.webview);
    if (panel.active) this.setActive(entry);
    // Check right away: the diagnostics should not wait for (or depend on) the webview.
    void this.refreshFindings(entry, false);
  }

  private setActive(entry: ViewerEntry | undefined): void {
    this.active = entry;
    this.onDidChangeActiveEmitter.fire(entry?.uri);
  }

  private onMessage(entry: ViewerEntry, m: FromViewer): void {
    switch (m.type) {
      case 'ready':
        entry.ready = true;
        void this.load(entry, false);
        break;
      case 'rendered':
        entry.pages = m.pages;
        if (entry.pendingReveal) {
          void entry.panel.webview.postMessage({ type: 'reveal', finding: entry.pendingReveal });
          entry.pendingReveal = undefined;
        }
        break;
      case 'reveal':
        void vscode.commands.executeCommand('tally.revealFinding', m.finding);
        break;
      case 'page':
        entry.page = m.page;
        entry.scale = m.scale;
        break;
      case 'hide':
        void this.hide(m.finding);
        break;
      case 'needData':
        void this.sendBytes(entry);
        break;
      case 'error':
        entry.errors.push(m.message);
        this.log.error(`PDF viewer (${entry.uri.fsPath}): ${m.message}`);
        break;
    }
  }

  private async load(entry: ViewerEntry, reload: boolean): Promise<void> {
    // pdf.js fetches the file through the webview's resource loader (ranges, no copy through
    // postMessage); the query defeats the resource cache after a rebuild.
    const url = entry.panel.webview.asWebviewUri(entry.uri).with({ query: `v=${Date.now()}` }).toString();
    if (reload) entry.reloads++;
    await entry.panel.webview.postMessage({ type: 'load', url, reload });
    if (reload) await this.refreshFindings(entry, true);
    else void entry.panel.webview.postMessage({ type: 'findings', findings: entry.findings, pending: !entry.checked });
  }

  /** Fallback when the webview cannot fetch the file: the bytes, base64 (survives every message channel). */
  private async sendBytes(entry: ViewerEntry): Promise<void> {
    try {
      const data = await vscode.workspace.fs.readFile(entry.uri);
      await entry.panel.webview.postMessage({ type: 'data', base64: Buffer.from(data).toString('base64') });
    } catch (e) {
      void entry.panel.webview.postMessage({ type: 'error', message: `Cannot read ${entry.uri.fsPath}: ${(e as Error).message}` });
    }
  }

  private async refreshFindings(entry: ViewerEntry, force: boolean): Promise<void> {
    const client = this.client();
    if (!client) return;
    try {
      const result = await sendRequest(client, CheckPdfRequest, { uri: entry.uri.toString(), force });
      this.setFindings(entry.uri.toString(), result.findings);
      for (const note of result.notes) if (note.level !== 'info') this.log.warn(`${entry.uri.fsPath}: ${note.message}`);
    } catch (e) {
      this.log.error(`Checking ${entry.uri.fsPath} failed: ${(e as Error).message}`);
      void entry.panel.webview.postMessage({ type: 'status', message: `Tally could not check this PDF: ${(e as Error).message}` });
    }
  }

  /** New findings for a PDF (after a check, a model review, or a change to the ignore list). */
  setFindings(uri: string, findings: Finding[]): void {
    for (const e of this.entries) {
      if (e.uri.toString() !== uri) continue;
      e.findings = findings;
      e.checked = true;
      void e.panel.webview.postMessage({ type: 'findings', findings });
    }
  }

  /** Hides a finding: a readable entry in the paper's .tally-ignore.json (written by the server). */
  hide(finding: Finding): Promise<boolean> {
    return hideFinding(finding);
  }

  /** Opens the PDF in the viewer and scrolls to the finding's box. */
  async reveal(finding: Finding, preserveFocus = false): Promise<void> {
    const uri = vscode.Uri.parse(finding.range.uri);
    let entry = [...this.entries].find((e) => e.uri.toString() === uri.toString());
    if (!entry) {
      await vscode.commands.executeCommand('vscode.openWith', uri, PDF_VIEW_TYPE, { preserveFocus });
      entry = [...this.entries].find((e) => e.uri.toString() === uri.toString());
    } else {
      entry.panel.reveal(entry.panel.viewColumn, preserveFocus);
    }
    if (!entry) return;
    if (entry.pages) void entry.panel.webview.postMessage({ type: 'reveal', finding });
    else entry.pendingReveal = finding;
  }

  /**
   * A Problems-list row opened a place in the PDF (a URI with a `#tally-page=…` fragment): VS Code
   * made an editor for that URI; the place is shown in the PDF's own viewer instead and the extra
   * editor closes. Focus stays where it was, so the Problems list can be walked with the arrows.
   */
  private async openTarget(uri: vscode.Uri, target: PdfPlace, panel: vscode.WebviewPanel): Promise<void> {
    const entry = this.entryFor(uri);
    const known = entry?.findings.find((f) => f.id === target.findingId && f.range.page === target.page);
    const place: Finding = known ?? ({ id: target.findingId ?? '', range: { uri: uri.toString(), page: target.page, box: target.box, start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } as Finding);
    try {
      if (!entry) await vscode.commands.executeCommand('vscode.openWith', uri, PDF_VIEW_TYPE, { viewColumn: panel.viewColumn, preserveFocus: true });
      await this.reveal(place, true);
    } catch (e) {
      this.log.error(`Showing page ${target.page} of ${uri.fsPath}: ${(e as Error).message}`);
    } finally {
      panel.dispose();
    }
  }

  /**
   * A Problems-list row asked to hide a finding (`…&action=hide`). Opened pinned (Enter, a double-click)
   * it hides the finding the way the tooltip's Hide button does, with an Undo; opened as a preview (a
   * click, or the arrow keys passing it) it asks first. The extra editor closes, a viewer of the PDF
   * that was open stays open (reopened if the row's editor replaced its preview tab), and focus goes
   * back to the list. A row whose finding is gone (the paper was checked again since) changes nothing.
   */
  private async hideTarget(uri: vscode.Uri, target: PdfPlace, panel: vscode.WebviewPanel, how: { hadViewer: boolean; pinned: boolean }): Promise<void> {
    try {
      const client = this.client();
      const ref = { id: target.findingId ?? '', uri: uri.toString() };
      const finding = client ? await currentFinding(client, ref) : this.entryFor(uri)?.findings.find((f) => f.id === ref.id);
      if (!finding) sayStale(ref.uri);
      else if (how.pinned) await hideWithUndo(finding);
      else offerToHide(finding);
      if (how.hadViewer && !this.entryFor(uri)) await vscode.commands.executeCommand('vscode.openWith', uri, PDF_VIEW_TYPE, { viewColumn: panel.viewColumn, preserveFocus: true });
    } catch (e) {
      this.log.error(`Hiding finding ${target.findingId} of ${uri.fsPath}: ${(e as Error).message}`);
    } finally {
      panel.dispose();
      void vscode.commands.executeCommand('workbench.panel.markers.view.focus');
    }
  }

  private entryFor(uri: vscode.Uri): ViewerEntry | undefined {
    return [...this.entries].find((e) => e.uri.toString() === uri.toString());
  }

  private html(webview: vscode.Webview): string {
    const n = nonce();
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
    const pdfjs = webview.asWebviewUri(vscode.Uri.joinPath(media, 'pdfjs'));
    const asset = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(media, ...p)).toString();
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp(webview, n, { wasm: true, workers: true }))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('pdfjs', 'pdf_viewer.css')}">
<link rel="stylesheet" href="${asset('pdfviewer', 'viewer.css')}">
<title>Tally PDF viewer</title>
</head>
<body data-pdfjs="${escapeHtml(pdfjs.toString())}">
<div id="toolbar" role="toolbar">
  <button id="zoomOut" title="Zoom out" aria-label="Zoom out">−</button>
  <button id="zoomIn" title="Zoom in" aria-label="Zoom in">+</button>
  <button id="fitWidth" title="Fit width">Fit width</button>
  <span class="sep"></span>
  <input id="pageBox" type="number" min="1" title="Go to page (Enter)" aria-label="Page number"><span id="pageInfo">–</span>
  <span class="sep"></span>
  <input id="searchBox" type="search" placeholder="Find in PDF" title="Find in the PDF (Enter: next, Shift+Enter: previous)" aria-label="Find in PDF"><span id="searchInfo"></span>
  <span class="sep"></span>
  <button id="prevFinding" title="Previous finding" aria-label="Previous finding">▲</button>
  <button id="nextFinding" title="Next finding" aria-label="Next finding">▼</button>
  <span id="summary">Checking…</span>
  <span id="status"></span>
</div>
<div id="viewerContainer" tabindex="0"><div id="viewer" class="pdfViewer"></div></div>
<div id="tooltip" role="tooltip" hidden></div>
<script nonce="${n}">
  // Boot: report script and module load failures to the extension (they would be silent otherwise).
  window.tallyVscode = acquireVsCodeApi();
  window.addEventListener('error', (e) => window.tallyVscode.postMessage({ type: 'error', message: 'viewer: ' + (e.message || (e.target && e.target.src) || 'load error') }), true);
  window.addEventListener('unhandledrejection', (e) => window.tallyVscode.postMessage({ type: 'error', message: 'viewer: ' + String(e.reason && (e.reason.stack || e.reason.message) || e.reason) }));
</script>
<script nonce="${n}" type="module" src="${asset('pdfviewer', 'viewer.js')}"></script>
</body>
</html>`;
  }
}
