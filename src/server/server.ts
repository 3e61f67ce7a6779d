// Tally's language server (dist/server/server.cjs). The main thread only keeps documents and
// answers requests; extraction and checks run in the check worker (worker.mjs) so typing,
// hover and code actions never wait behind a long paper.

import type { InitializeParams, InitializeResult, WorkspaceFolder } from 'vscode-languageserver/node';
import { FileChangeType, ProposedFeatures, TextDocumentSyncKind, TextDocuments, createConnection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { compiledPdfsOf, renderHtmlBody, renderReport } from '../core/report/index.ts';
import {
  CheckDocumentRequest,
  CheckFilesRequest,
  CheckPdfRequest,
  IGNORE_ID_COMMAND,
  PlanReviewRequest,
  CancelReviewNotification,
  ProgressNotification,
  ReportRequest,
  ResultsChangedNotification,
  ResultsRequest,
  ReviewRequest,
  UNIGNORE_ID_COMMAND,
} from '../shared/protocol.ts';
import type { CheckFilesResult, FindingCounts, IgnoreIdParams, ReviewPlan, UnignoreIdParams, UnignoreIdResult } from '../shared/protocol.ts';
import { Checker, countFindings } from './checker.ts';
import { KIND_IGNORE_ID, KIND_IGNORE_LINE, KIND_REPLACE, codeActionsFor, findingsForRange } from './code-actions.ts';
import { hoverFor } from './hover.ts';
import { addIgnoredId, ignoreEntriesFor, removeIgnoredId } from './ignore.ts';
import type { WorkspacePlan } from './workspace-papers.ts';
import { normalizeUri } from './papers.ts';
import { readFileUri } from '../core/files.ts';
import { onRequest, sendNotification, signalFor } from './rpc.ts';
import { DEFAULT_SETTINGS, parseSettings } from './settings.ts';
import type { ServerSettings } from './settings.ts';
import { CancelledError, CheckWorker } from './worker-client.ts';
import type { HeapUsed, ReviewOutcome } from './worker-protocol.ts';
import { getHeapStatistics } from 'node:v8';

declare const TALLY_VERSION: string | undefined;
const VERSION = typeof TALLY_VERSION === 'string' ? TALLY_VERSION : '0.0.0';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

function log(level: 'info' | 'warn' | 'error', message: string): void {
  if (level === 'error') connection.console.error(message);
  else if (level === 'warn') connection.console.warn(message);
  else connection.console.info(message);
}

const worker = new CheckWorker(__dirname, log);
let settings: ServerSettings = DEFAULT_SETTINGS;
let settingsReady: Promise<void> = Promise.resolve();
let canPullConfiguration = false;
let canWatchWorkspaceFolders = false;
let workspaceFolders: WorkspaceFolder[] = [];

const checker = new Checker({
  settings: () => settings,
  openDocuments: () => documents.all().map((d) => ({ uri: d.uri, text: d.getText() })),
  runJob: (job, options) => worker.run(job, options),
  publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
  log,
  workspaceFolderFor: (uri) => workspaceFolderFor(uri),
  resultsChanged: (uris) => sendNotification(connection, ResultsChangedNotification, { uris }),
  forget: (root) => worker.forget(root),
});

function workspaceFolderFor(uri: string): string | undefined {
  const key = normalizeUri(uri);
  return workspaceFolders.map((f) => f.uri).find((f) => key.startsWith(normalizeUri(f).replace(/\/?$/, '/')));
}

async function loadSettings(): Promise<void> {
  if (!canPullConfiguration) return;
  try {
    settings = parseSettings(await connection.workspace.getConfiguration('tally'));
  } catch (e) {
    log('warn', `Could not read the tally settings, using defaults: ${(e as Error).message}`);
  }
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  canWatchWorkspaceFolders = !!params.capabilities.workspace?.workspaceFolders;
  workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  worker.warmUp();
  const initial = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
  if (initial) settings = parseSettings(initial);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [KIND_REPLACE, KIND_IGNORE_LINE, KIND_IGNORE_ID], resolveProvider: false },
      executeCommandProvider: { commands: [IGNORE_ID_COMMAND, UNIGNORE_ID_COMMAND] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'tally', version: VERSION },
  };
});

connection.onInitialized(() => {
  settingsReady = loadSettings();
  if (canWatchWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      workspaceFolders = workspaceFolders.filter((f) => !e.removed.some((r) => r.uri === f.uri)).concat(e.added);
    });
  }
});

connection.onDidChangeConfiguration(async (change) => {
  const pushed = (change.settings as { tally?: unknown } | undefined)?.tally;
  if (canPullConfiguration) await (settingsReady = loadSettings());
  else if (pushed) settings = parseSettings(pushed);
  checker.recheckAll();
});

// ---- documents ---------------------------------------------------------------------------

const DEBOUNCE_MS = 300;
const justOpened = new Set<string>();

documents.onDidOpen(async (e) => {
  justOpened.add(e.document.uri);
  await settingsReady;
  if (!checker.isCheckable(e.document.uri, e.document.languageId) || settings.checkWhen === 'manual') return;
  checker.schedule(e.document.uri, 0);
});

documents.onDidChangeContent((e) => {
  if (justOpened.delete(e.document.uri)) return;
  if (settings.checkWhen !== 'onType' || !checker.isCheckable(e.document.uri, e.document.languageId)) return;
  checker.schedule(e.document.uri, DEBOUNCE_MS);
});

documents.onDidSave((e) => {
  if (settings.checkWhen === 'manual' || !checker.isCheckable(e.document.uri, e.document.languageId)) return;
  checker.schedule(e.document.uri, 0);
});

documents.onDidClose((e) => {
  justOpened.delete(e.document.uri);
  checker.closed(e.document.uri);
});

connection.onDidChangeWatchedFiles((params) => {
  let ignoreChanged = false;
  for (const change of params.changes) {
    const uri = change.uri;
    if (/\.tally-ignore\.json$/.test(uri)) {
      ignoreChanged = true;
      continue;
    }
    // A .tex file added or removed can change which root includes a fragment.
    if (change.type !== FileChangeType.Changed && /\.tex$/i.test(uri)) checker.forgetSearches();
    if (documents.get(uri)) continue; // open documents are checked from their edits
    if (/\.pdf$/i.test(uri)) {
      if (change.type !== FileChangeType.Deleted && checker.resultFor(uri)) checker.checkPdf(uri, false).catch(() => undefined);
      continue;
    }
    if (settings.checkWhen === 'manual') continue;
    for (const root of checker.rootsReading(uri)) checker.schedule(root, DEBOUNCE_MS);
  }
  if (ignoreChanged) checker.recheckAll();
});

// ---- hover and quick fixes ---------------------------------------------------------------

connection.onHover((params) => hoverFor(checker.findingsIn(params.textDocument.uri), params.position));

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const inDocument = checker.findingsIn(doc.uri);
  return codeActionsFor(doc, findingsForRange(inDocument, params.range, params.context.diagnostics), params.context.only, inDocument);
});

connection.onExecuteCommand(async (params) => {
  if (params.command === IGNORE_ID_COMMAND) return ignoreId(params.arguments?.[0] as IgnoreIdParams | undefined);
  if (params.command === UNIGNORE_ID_COMMAND) return unignoreId(params.arguments?.[0] as UnignoreIdParams | undefined);
  return undefined;
});

/** Hides a finding; answers with the ignore file written, nothing when it could not (the user is told). */
async function ignoreId(args: IgnoreIdParams | undefined): Promise<{ file: string } | undefined> {
  if (!args?.id || !args.uri) return undefined;
  try {
    const file = addIgnoredId(await checker.rootOf(args.uri), args);
    log('info', `Added ${args.id} to ${file}`);
    checker.recheckAll();
    return { file };
  } catch (e) {
    void connection.window.showErrorMessage(`Tally could not update the ignore list: ${(e as Error).message}`);
    return undefined;
  }
}

/** Shows a hidden finding again (Undo); a finding the list does not name changes nothing. */
async function unignoreId(args: UnignoreIdParams | undefined): Promise<UnignoreIdResult | undefined> {
  if (!args?.id || !args.uri) return undefined;
  try {
    const result = removeIgnoredId(await checker.rootOf(args.uri), args.id);
    if (result.removed) {
      log('info', `Removed ${args.id} from ${result.file}`);
      checker.recheckAll();
    }
    return result;
  } catch (e) {
    void connection.window.showErrorMessage(`Tally could not update the ignore list: ${(e as Error).message}`);
    return undefined;
  }
}

// ---- custom requests ---------------------------------------------------------------------

function isCancel(e: unknown): boolean {
  return e instanceof CancelledError;
}

onRequest(connection, CheckPdfRequest, async (params, token) => {
  await settingsReady;
  const started = performance.now();
  const result = await checker.checkPdf(params.uri, !!params.force, signalFor(token));
  const merged = checker.resultFor(params.uri) ?? result;
  return {
    uri: params.uri,
    findings: merged?.findings ?? [],
    verifiedCount: merged?.verified.length ?? 0,
    notes: merged?.notes ?? [],
    elapsedMs: Math.round(performance.now() - started),
  };
});

onRequest(connection, CheckDocumentRequest, async (params, token) => {
  await settingsReady;
  const root = await checker.rootOf(params.uri);
  const result = /\.pdf$/i.test(root) ? await checker.checkPdf(root, false, signalFor(token)) : await checker.checkNow(params.uri, signalFor(token));
  return { rootUri: root, counts: countFindings(result?.findings ?? []), notes: result?.notes ?? [] };
});

onRequest(connection, CheckFilesRequest, async (params, token) => {
  await settingsReady;
  const signal = signalFor(token);
  const total: FindingCounts = { error: 0, warning: 0, info: 0, model: 0 };
  const uris = params.uris.filter((u) => checker.isCheckable(u));
  // Papers, not files: a root with its \input files once, its compiled PDF with it, fragments not at all.
  // Planning walks the workspace folders and reads their roots: the worker does it, off this thread.
  const plan = (await worker.run(
    { type: 'workspace', uris, folders: workspaceFolders.map((f) => f.uri), compiledPdfs: settings.compiledPdfs, knownRoots: checker.knownRoots() },
    { signal },
  )) as WorkspacePlan;
  const out: CheckFilesResult = { checked: plan.papers, counts: total, failed: [], skipped: plan.skipped };
  for (const [i, job] of plan.jobs.entries()) {
    if (signal.aborted) break;
    if (params.token) sendNotification(connection, ProgressNotification, { token: params.token, message: job.label, percent: (i / plan.jobs.length) * 100 });
    try {
      const result = /\.pdf$/i.test(job.uri) ? await checker.checkPdf(job.uri, false, signal) : await checker.request(job.uri, signal);
      const counts = countFindings(result?.findings ?? []);
      for (const k of Object.keys(total) as (keyof FindingCounts)[]) total[k] += counts[k];
    } catch (e) {
      if (isCancel(e) || signal.aborted) break;
      out.failed.push({ uri: job.uri, message: (e as Error).message });
    }
  }
  return out;
});

onRequest(connection, ResultsRequest, (params) => ({ results: checker.results(params.uris) }));

const EXTENSIONS = { markdown: '.md', html: '.html', json: '.json', sarif: '.sarif' } as const;

onRequest(connection, ReportRequest, (params) => {
  // A paper's report includes the PDFs compiled from it.
  const chosen = checker.results(params.uris);
  const results = params.uris?.length ? [...chosen, ...compiledPdfsOf(chosen, checker.results())] : chosen;
  const readSource = (uri: string) => documents.get(uri)?.getText() ?? readFileUri(uri);
  const baseUri = results.length ? workspaceFolderFor(results[0].uri) : undefined;
  const checksOff = Object.entries(settings.severities).filter(([, v]) => v === 'off').map(([k]) => k);
  const options = { title: params.title, toolVersion: VERSION, readSource, baseUri, checksOff, ignoreEntries: ignoreEntriesFor };
  if (params.bodyOnly && params.format === 'html') return { text: renderHtmlBody(results, options), extension: '.html' };
  return { text: renderReport(results, params.format, options), extension: EXTENSIONS[params.format] };
});

onRequest(connection, PlanReviewRequest, async (params, token) => {
  const root = await checker.rootOf(params.uri);
  return (await worker.run({ type: 'plan', paper: checker.paperJob(root), model: params.model, cacheDir: params.cacheDir }, { signal: signalFor(token) })) as ReviewPlan;
});

// Reviews in flight by progress token, so the client's Cancel can stop one and still get its answer.
const reviewsInFlight = new Map<string, AbortController>();
connection.onNotification(CancelReviewNotification.method, (params: { token?: unknown }) => {
  if (typeof params?.token === 'string') reviewsInFlight.get(params.token)?.abort();
});

onRequest(connection, ReviewRequest, async (params, token) => {
  // The client sends a review only when the user turned it on; check again so nothing leaves otherwise.
  if (params.model.enabled !== true) throw new Error('The model review is turned off (tally.model.enabled).');
  if (!params.apiKey) throw new Error('No API key: run "Tally: Set API Key" first.');
  const root = await checker.rootOf(params.uri);
  const paper = checker.paperJob(root);
  const stop = new AbortController();
  reviewsInFlight.set(params.token, stop);
  let outcome: ReviewOutcome;
  try {
    outcome = (await worker.run(
      { type: 'review', paper, model: params.model, apiKey: params.apiKey, options: checker.jobOptions(root), cacheDir: params.cacheDir },
      { signal: AbortSignal.any([signalFor(token), stop.signal]), onProgress: (message, percent) => sendNotification(connection, ProgressNotification, { token: params.token, message, percent }) },
    )) as ReviewOutcome;
  } finally {
    reviewsInFlight.delete(params.token);
  }
  checker.storeModel(root, outcome);
  log('info', `Model review of ${root}: ${outcome.findings.length} finding(s), ${outcome.requests} request(s), ${outcome.cached} cached answer(s)${outcome.usage ? `, ${outcome.usage}` : ''}`);
  return {
    rootUri: root,
    findings: outcome.findings.length,
    confirmed: outcome.findings.filter((f) => f.confirmed).length,
    dropped: outcome.dropped?.length ?? 0,
    notes: outcome.notes,
    sectionsReviewed: outcome.sectionsReviewed,
    sectionsTotal: outcome.sectionsTotal,
    cancelled: stop.signal.aborted,
    usage: outcome.usage,
  };
});

// Heap in use on the main thread and in the check worker (after a collection when run with
// --expose-gc): how tests and benchmarks see that memory returns to its baseline.
connection.onRequest('tally/memoryUsage', async () => {
  (globalThis as { gc?: () => void }).gc?.();
  const main = getHeapStatistics().used_heap_size;
  const inWorker = ((await worker.run({ type: 'memory' })) as HeapUsed).heapUsed;
  return { main, worker: inWorker };
});

connection.onShutdown(() => worker.dispose());

documents.listen(connection);
connection.listen();
