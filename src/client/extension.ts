// Tally's VS Code extension (dist/client/extension.cjs): starts the language server, registers
// the commands, the PDF viewer, the report and the status bar.

import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { Finding } from '../core/types.ts';
import { CheckDocumentRequest, CheckFilesRequest, ProgressNotification, ResultsChangedNotification, ResultsRequest } from '../shared/protocol.ts';
import { HIDE_COMMAND, UNHIDE_COMMAND, hideById, unhideFinding } from './hide-finding.ts';
import type { FindingRef } from './hide-finding.ts';
import { API_KEY_SECRET, reviewWithModel, setApiKey } from './model-review.ts';
import { PDF_VIEW_TYPE, PdfViewerProvider } from './pdf-viewer.ts';
import { REPORT_FORMATS, ReportPanel, exportReport } from './report-panel.ts';
import type { ReportFormat } from '../shared/protocol.ts';
import { onNotification, sendRequest } from './rpc.ts';
import { TallyStatusBar } from './status-bar.ts';

let client: LanguageClient | undefined;

function isPaperUri(uri: vscode.Uri): boolean {
  return /\.(tex|pdf)$/i.test(uri.path);
}

export async function activate(context: vscode.ExtensionContext): Promise<unknown> {
  const log = vscode.window.createOutputChannel('Tally', { log: true });
  context.subscriptions.push(log);

  const serverModule = context.asAbsolutePath('dist/server/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'latex' },
      { scheme: 'untitled', language: 'latex' },
      { scheme: 'file', pattern: '**/*.tex' },
    ],
    synchronize: {
      configurationSection: 'tally',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.tex,*.pdf,.tally-ignore.json}'),
    },
    outputChannel: log,
    diagnosticCollectionName: 'tally',
  };
  const lc = new LanguageClient('tally', 'Tally', serverOptions, clientOptions);
  client = lc;

  const pdfViewer = new PdfViewerProvider(context, () => client, log);
  // The walkthrough's steps complete on what the user really did (its completionEvents are these context keys).
  const walkthroughDone = (step: 'latexChecked' | 'pdfOpened' | 'reportShown' | 'apiKeySet') => void vscode.commands.executeCommand('setContext', `tally.walkthrough.${step}`, true);
  const progressHandlers = new Map<string, (message: string, percent?: number) => void>();

  // Custom message handlers are registered before the client starts.
  context.subscriptions.push(
    onNotification(lc, ProgressNotification, (p) => progressHandlers.get(p.token)?.(p.message, p.percent)),
    onNotification(lc, ResultsChangedNotification, (p) => {
      if (p.uris.some((u) => /\.tex$/i.test(u))) walkthroughDone('latexChecked');
      void ReportPanel.open?.refresh();
      for (const uri of p.uris) {
        if (!/\.pdf$/i.test(uri)) continue;
        void sendRequest(lc, ResultsRequest, { uris: [uri] }).then((r) => pdfViewer.setFindings(uri, r.results[0]?.findings ?? []));
      }
    }),
  );

  /** The paper the user is looking at: the active text editor's file, else the active PDF viewer's. */
  const currentUri = (): vscode.Uri | undefined => {
    if (pdfViewer.activeUri) return pdfViewer.activeUri;
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && (doc.languageId === 'latex' || isPaperUri(doc.uri))) return doc.uri;
    return undefined;
  };

  const statusBar = new TallyStatusBar(currentUri);
  context.subscriptions.push(
    statusBar,
    pdfViewer.onDidChangeActive(() => {
      statusBar.update();
      if (pdfViewer.activeUri) walkthroughDone('pdfOpened');
    }),
    PdfViewerProvider.register(context, pdfViewer),
  );

  const command = (id: string, run: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));

  command('tally.checkDocument', async (arg?: vscode.Uri) => {
    const uri = arg instanceof vscode.Uri ? arg : currentUri();
    if (!uri) {
      void vscode.window.showWarningMessage('Tally: open a .tex or .pdf file to check.');
      return undefined;
    }
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Tally: checking…' }, () =>
      sendRequest(lc, CheckDocumentRequest, { uri: uri.toString() }),
    );
    const c = result.counts;
    vscode.window.setStatusBarMessage(`Tally: ${c.error} error(s), ${c.warning} warning(s), ${c.info} note(s)`, 5000);
    return result;
  });

  command('tally.checkWorkspace', async () => {
    const types = vscode.workspace.getConfiguration('tally').get<string[]>('fileTypes', ['.tex', '.pdf']);
    const exts = types.map((t) => t.replace(/^\./, '')).filter(Boolean);
    if (!exts.length) return undefined;
    const glob = exts.length === 1 ? `**/*.${exts[0]}` : `**/*.{${exts.join(',')}}`;
    const files = await vscode.workspace.findFiles(glob, '**/{node_modules,.git}/**');
    if (!files.length) {
      void vscode.window.showInformationMessage('Tally: no papers (.tex or .pdf) in this workspace.');
      return undefined;
    }
    // LaTeX first: a PDF next to its .tex is usually the compiled paper.
    files.sort((a, b) => Number(/\.pdf$/i.test(a.path)) - Number(/\.pdf$/i.test(b.path)) || a.path.localeCompare(b.path));
    const token = `workspace-${Date.now()}`;
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Tally: checking the workspace', cancellable: true },
      async (progress, cancel) => {
        let last = 0;
        progressHandlers.set(token, (message, percent) => {
          progress.report({ message, increment: percent !== undefined ? percent - last : undefined });
          if (percent !== undefined) last = percent;
        });
        try {
          const result = await sendRequest(lc, CheckFilesRequest, { uris: files.map((f) => f.toString()), token }, cancel);
          const c = result.counts;
          const failed = result.failed.length ? ` ${result.failed.length} could not be checked (see the Tally output).` : '';
          for (const f of result.failed) log.warn(`${f.uri}: ${f.message}`);
          for (const f of result.skipped ?? []) log.info(`Check Workspace: not a paper of its own, skipped: ${f}`);
          if (!cancel.isCancellationRequested) {
            void vscode.window.showInformationMessage(`Tally checked ${result.checked} paper(s): ${c.error} error(s), ${c.warning} warning(s), ${c.info} note(s).${failed}`, 'Open Report').then((choice) => {
              if (choice) void vscode.commands.executeCommand('tally.generateReport', { scope: 'workspace' });
            });
          }
          return result;
        } finally {
          progressHandlers.delete(token);
        }
      },
    );
  });

  command('tally.generateReport', async (arg?: vscode.Uri | { scope: 'workspace' }) => {
    const uri = arg instanceof vscode.Uri ? arg : arg?.scope === 'workspace' ? undefined : currentUri();
    const panel = ReportPanel.show(context, lc, uri ? [uri.toString()] : []);
    await panel.refresh();
    walkthroughDone('reportShown');
    return { uris: uri ? [uri.toString()] : [], results: panel.shownResults.length };
  });

  // Export without the panel: (format, target URI, paper URI) from tests and scripts, else pickers.
  command('tally.exportReport', async (format?: ReportFormat, target?: vscode.Uri, source?: vscode.Uri) => {
    const chosen = format && REPORT_FORMATS.includes(format) ? format : ((await vscode.window.showQuickPick([...REPORT_FORMATS], { title: 'Tally: export the report as' })) as ReportFormat | undefined);
    if (!chosen) return undefined;
    const paper = source instanceof vscode.Uri ? source : currentUri();
    return exportReport(lc, chosen, paper ? [paper.toString()] : [], target instanceof vscode.Uri ? target : undefined);
  });

  command('tally.revealFinding', async (finding?: Finding) => {
    if (!finding?.range) return;
    if (finding.range.page !== undefined || /\.pdf$/i.test(finding.range.uri)) {
      await pdfViewer.reveal(finding);
      return;
    }
    const { start, end } = finding.range;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(finding.range.uri));
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    await vscode.window.showTextDocument(doc, { selection: range, preserveFocus: false, viewColumn: vscode.ViewColumn.One });
  });

  // The Hide of "Hide …?" (a PDF problem's hide row opened as a preview), and the Undo of "Hidden: …":
  // the finding goes, or comes back, once the paper is checked again.
  command(HIDE_COMMAND, (ref?: FindingRef) => hideById(client, ref));
  command(UNHIDE_COMMAND, (ref?: FindingRef) => unhideFinding(ref));

  command('tally.openPdfViewer', async (arg?: vscode.Uri) => {
    const uri = arg ?? (await vscode.window.showOpenDialog({ filters: { PDF: ['pdf'] }, canSelectMany: false }))?.[0];
    if (uri) await vscode.commands.executeCommand('vscode.openWith', uri, PDF_VIEW_TYPE);
  });

  command('tally.showOutput', () => log.show(true));
  command('tally.setApiKey', async () => {
    await setApiKey(context);
    if (await context.secrets.get(API_KEY_SECRET)) walkthroughDone('apiKeySet');
  });
  command('tally.reviewWithModel', (arg?: vscode.Uri) => reviewWithModel(context, lc, arg instanceof vscode.Uri ? arg : currentUri(), progressHandlers, log));

  // For the end-to-end tests (test/e2e): what the extension currently shows.
  command('tally._test.getState', async () => ({
    clientRunning: lc.isRunning(),
    pdfViewers: pdfViewer.openUris().map((uri) => ({ uri, ...pdfViewer.viewerState(uri) })),
    reportOpen: !!ReportPanel.open,
    reportResults: ReportPanel.open?.shownResults.length ?? 0,
    reportFindingIds: ReportPanel.open?.shownResults.flatMap((r) => r.findings.map((f) => f.id)) ?? [],
  }));
  // For the end-to-end tests: what a finding's Hide button in the report does.
  command('tally._test.reportHide', (id: string) => ReportPanel.open?.testHide(id) ?? false);

  await lc.start();
  log.info(`Tally ${context.extension.packageJSON.version as string} started`);
  return { client: lc };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
