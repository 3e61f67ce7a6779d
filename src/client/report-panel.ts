// Tally: Generate Verification Report — a theme-aware webview showing the report the engine
// renders (the same HTML body and words as the exported files), with links back to the sources;
// exports through the engine's renderReport (tally/report) and a save dialog.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REPORT_STYLE } from '../core/report/html.ts';
import type { CheckResult, Finding } from '../core/types.ts';
import { hideFinding } from './hide-finding.ts';
import { ReportRequest, ResultsRequest } from '../shared/protocol.ts';
import type { ReportFormat } from '../shared/protocol.ts';
import { sendRequest } from './rpc.ts';
import { csp, escapeHtml, nonce } from './webview-html.ts';

type FromReport = { type: 'ready' } | { type: 'export'; format: ReportFormat } | { type: 'reveal' | 'hide'; id: string; uri: string; line: number } | { type: 'refresh' };

const FILTERS: Record<ReportFormat, Record<string, string[]>> = {
  markdown: { Markdown: ['md'] },
  html: { HTML: ['html'] },
  json: { JSON: ['json'] },
  sarif: { SARIF: ['sarif', 'json'] },
};

export class ReportPanel {
  private static current: ReportPanel | undefined;
  private readonly panel: vscode.WebviewPanel;
  private readonly client: LanguageClient;
  private uris: string[];
  private results: CheckResult[] = [];

  static show(context: vscode.ExtensionContext, client: LanguageClient, uris: string[]): ReportPanel {
    if (ReportPanel.current) {
      ReportPanel.current.uris = uris;
      ReportPanel.current.panel.reveal(vscode.ViewColumn.Beside);
      void ReportPanel.current.refresh();
      return ReportPanel.current;
    }
    const panel = vscode.window.createWebviewPanel('tally.report', 'Tally Report', vscode.ViewColumn.Beside, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
    });
    ReportPanel.current = new ReportPanel(context, panel, client, uris);
    return ReportPanel.current;
  }

  static get open(): ReportPanel | undefined {
    return ReportPanel.current;
  }

  private constructor(context: vscode.ExtensionContext, panel: vscode.WebviewPanel, client: LanguageClient, uris: string[]) {
    this.panel = panel;
    this.client = client;
    this.uris = uris;
    const n = nonce();
    const asset = (...p: string[]) => panel.webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'media', ...p)).toString();
    panel.webview.html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp(panel.webview, n))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('report', 'report.css')}">
<style nonce="${n}">${REPORT_STYLE}</style>
<title>Tally Report</title></head>
<body>
<header>
  <strong>Tally report</strong>
  <div class="actions" role="toolbar">
    <span>Export:</span>
    <button data-format="markdown">Markdown</button>
    <button data-format="html">HTML</button>
    <button data-format="json">JSON</button>
    <button data-format="sarif">SARIF</button>
    <button id="refresh" class="secondary">Refresh</button>
  </div>
</header>
<main id="report"><p class="muted">Loading…</p></main>
<script nonce="${n}" src="${asset('report', 'report.js')}"></script>
</body></html>`;
    panel.webview.onDidReceiveMessage((m: FromReport) => void this.onMessage(m));
    panel.onDidDispose(() => {
      if (ReportPanel.current === this) ReportPanel.current = undefined;
    });
  }

  private async onMessage(m: FromReport): Promise<void> {
    switch (m.type) {
      case 'ready':
      case 'refresh':
        await this.refresh();
        break;
      case 'export':
        await this.export(m.format);
        break;
      case 'reveal': {
        const finding = this.findingFor(m);
        if (finding) await vscode.commands.executeCommand('tally.revealFinding', finding);
        break;
      }
      case 'hide': {
        const finding = this.findingFor(m);
        if (finding) await hideFinding(finding);
        else await this.refresh();
        break;
      }
    }
  }

  private findingFor(m: { id: string; uri: string; line: number }): Finding | undefined {
    return this.results.flatMap((r) => r.findings).find((f) => f.id === m.id && f.range.uri === m.uri && f.range.start.line === m.line);
  }

  /** For the end-to-end tests, which cannot click inside a webview: what a finding's Hide button does. */
  async testHide(id: string): Promise<boolean> {
    const finding = this.results.flatMap((r) => r.findings).find((f) => f.id === id);
    if (!finding) return false;
    await this.onMessage({ type: 'hide', id, uri: finding.range.uri, line: finding.range.start.line });
    return true;
  }

  async refresh(): Promise<void> {
    try {
      const { results } = await sendRequest(this.client, ResultsRequest, { uris: this.uris });
      this.results = results;
      const scope = this.uris.length ? 'file' : 'workspace';
      if (!results.length) {
        await this.panel.webview.postMessage({ type: 'empty', scope });
        return;
      }
      const { text } = await sendRequest(this.client, ReportRequest, { uris: this.uris, format: 'html', bodyOnly: true, title: REPORT_TITLE });
      await this.panel.webview.postMessage({ type: 'html', html: text, scope });
    } catch (e) {
      await this.panel.webview.postMessage({ type: 'error', message: (e as Error).message });
    }
  }

  /** What the webview shows (for tests). */
  get shownResults(): CheckResult[] {
    return this.results;
  }

  export(format: ReportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    return exportReport(this.client, format, this.uris, target);
  }
}

const REPORT_TITLE = 'Tally verification report';

export const REPORT_FORMATS: readonly ReportFormat[] = ['markdown', 'html', 'json', 'sarif'];

/**
 * Renders the report for `uris` (all results when empty) with the engine's renderReport and writes
 * it to `target`, or where the save dialog says.
 */
export async function exportReport(client: LanguageClient, format: ReportFormat, uris: string[], target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const { text, extension } = await sendRequest(client, ReportRequest, { uris, format, title: REPORT_TITLE });
  const first = uris[0];
  const stem = first ? first.replace(/^.*\//, '').replace(/\.[^.]+$/, '') : 'tally';
  const folder = first ? vscode.Uri.joinPath(vscode.Uri.parse(first), '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  const defaultUri = folder ? vscode.Uri.joinPath(folder, `${stem}.tally-report${extension}`) : undefined;
  const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri, filters: FILTERS[format], saveLabel: 'Export report' }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  if (!target) void vscode.window.showInformationMessage(`Tally report saved to ${vscode.workspace.asRelativePath(uri)}`);
  return uri;
}
