// The check worker (dist/server/worker.mjs): extraction, checks and the model review run here,
// off the language server's main thread. Results are cached by the content of every file read.

import { createHash } from 'node:crypto';
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { checkPaper } from '../core/engine.ts';
import type { CheckResult, PaperText } from '../core/types.ts';
import { latexPaper, normalizeUri, pdfPaper, readPdfBytes, withRootText } from './papers.ts';
import { projectReader, readFileUri } from '../core/files.ts';
import type { CheckOutcome, FromWorker, Job, JobResult, LatexJob, PdfJob, ToWorker, WorkspaceJob } from './worker-protocol.ts';
import { resolveRoot, searchNearbyRoot } from './roots.ts';
import { planWorkspace, type WorkspacePlan } from './workspace-papers.ts';

const port = parentPort;
if (!port) throw new Error('the check worker must run as a worker thread');

function post(message: FromWorker): void {
  port!.postMessage(message);
}

function log(level: 'info' | 'warn' | 'error', message: string): void {
  post({ kind: 'log', level, message });
}

// ---- cache ---------------------------------------------------------------------------------

const CACHE_LIMIT = 64;
const cache = new Map<string, CheckResult>();
/** The cache keys of each root's results (dropped when its documents close). */
const keysOfRoot = new Map<string, Set<string>>();
/** For each LaTeX root, the files its last extraction read (to compute the key before extracting). */
const lastReads = new Map<string, string[]>();

function remember(root: string, key: string, result: CheckResult): void {
  cache.delete(key);
  cache.set(key, result);
  let keys = keysOfRoot.get(root);
  if (!keys) keysOfRoot.set(root, (keys = new Set()));
  keys.add(key);
  while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
}

function forget(root: string): void {
  for (const key of keysOfRoot.get(root) ?? []) cache.delete(key);
  keysOfRoot.delete(root);
  lastReads.delete(root);
}

function latexKey(job: LatexJob & { rootText: string }, files: readonly string[], read: (uri: string) => string | undefined): string {
  const h = createHash('sha256').update('latex\0').update(JSON.stringify(job.options)).update('\0').update(job.rootUri).update('\0').update(job.rootText);
  for (const uri of files) h.update('\0').update(uri).update('\0').update(read(uri) ?? '\u0001missing');
  return h.digest('hex');
}

function overlayOrDisk(job: LatexJob): (uri: string) => string | undefined {
  const fromDisk = job.projectDir ? projectReader(job.projectDir) : readFileUri;
  return (uri) => {
    const key = normalizeUri(uri);
    if (Object.hasOwn(job.overlay, key)) return job.overlay[key];
    try {
      return fromDisk(uri);
    } catch {
      return undefined;
    }
  };
}

// ---- jobs ------------------------------------------------------------------------------------

function cancelledError(): Error {
  const e = new Error('cancelled');
  e.name = 'AbortError';
  return e;
}

function checkLatex(unread: LatexJob, signal: AbortSignal, cancelled: () => boolean): CheckOutcome {
  const started = performance.now();
  const job = withRootText(unread);
  const previous = lastReads.get(job.rootUri);
  if (previous) {
    const hit = cache.get(latexKey(job, previous, overlayOrDisk(job)));
    if (hit) return { result: hit, cached: true, elapsedMs: performance.now() - started };
  }
  const { paper, reads } = latexPaper(job);
  if (signal.aborted || cancelled()) throw cancelledError();
  const files = [...reads.keys()];
  // A newer edit supersedes this check: the shared flag is seen between the checks.
  const result = checkPaper(paper, { ...job.options, stop: cancelled });
  if (cancelled()) throw cancelledError();
  lastReads.set(job.rootUri, files);
  remember(job.rootUri, latexKey(job, files, (uri) => reads.get(uri)), result);
  return { result, cached: false, elapsedMs: performance.now() - started };
}

async function checkPdf(job: PdfJob, signal: AbortSignal): Promise<CheckOutcome> {
  const started = performance.now();
  const data = readPdfBytes(job.uri);
  // The URI is part of the key: a copy of a PDF elsewhere must get findings located in the copy.
  const key = createHash('sha256').update('pdf\0').update(JSON.stringify([job.uri, job.options, job.maxPages, job.timeoutMs])).update(data).digest('hex');
  const hit = job.force ? undefined : cache.get(key);
  if (hit) return { result: hit, cached: true, elapsedMs: performance.now() - started };
  const paper = await pdfPaper(job, data, signal);
  if (signal.aborted) throw cancelledError();
  const result = checkPaper(paper, job.options);
  remember(job.uri, key, result);
  return { result, cached: false, elapsedMs: performance.now() - started };
}

/** This thread's heap in use, after a full collection when the process was started with --expose-gc. */
export function heapAfterGc(): { heapUsed: number } {
  (globalThis as { gc?: () => void }).gc?.();
  return { heapUsed: getHeapStatistics().used_heap_size };
}

/** Check Workspace's plan; files outside the folders go through their roots (known, or searched for here). */
function workspacePlan(job: WorkspaceJob): WorkspacePlan {
  const rootOf = (uri: string): string => resolveRoot(uri, readFileUri(uri) ?? '', (u) => job.knownRoots[normalizeUri(u)], undefined);
  return planWorkspace(job.uris, job.folders, job.compiledPdfs, rootOf);
}

async function paperFor(job: LatexJob | PdfJob, signal: AbortSignal): Promise<PaperText> {
  if (job.type === 'latex') return latexPaper(withRootText(job)).paper;
  return pdfPaper(job, readPdfBytes(job.uri), signal);
}

async function run(id: number, job: Job, signal: AbortSignal, cancelled: () => boolean): Promise<JobResult> {
  switch (job.type) {
    case 'latex':
      return checkLatex(job, signal, cancelled);
    case 'root':
      return { root: searchNearbyRoot(job.uri, job.workspaceFolder) };
    case 'workspace':
      return workspacePlan(job);
    case 'memory':
      return heapAfterGc();
    case 'pdf':
      return checkPdf(job, signal);
    case 'plan': {
      const { planModelReview } = await modelAdapter();
      return planModelReview(await paperFor(job.paper, signal), job);
    }
    case 'review': {
      const { runModelReview } = await modelAdapter();
      const paper = await paperFor(job.paper, signal);
      return runModelReview(paper, job, {
        signal,
        onProgress: (message, percent) => post({ kind: 'progress', id, message, percent }),
        log: (message) => log('info', message),
      });
    }
  }
}

/** The model review (and the openai client under it) loads only when a review is asked for: a plain check never pays for it. */
function modelAdapter(): Promise<typeof import('./model-adapter.ts')> {
  return import('./model-adapter.ts');
}

const running = new Map<number, AbortController>();

port.on('message', (message: ToWorker) => {
  if (message.kind === 'cancel') {
    running.get(message.id)?.abort();
    return;
  }
  if (message.kind === 'forget') {
    forget(message.root);
    return;
  }
  const { id, job } = message;
  const controller = new AbortController();
  const flag = message.cancelled;
  const cancelled = (): boolean => controller.signal.aborted || (flag !== undefined && Atomics.load(flag, 0) === 1);
  running.set(id, controller);
  // Let a cancel that is already queued behind this message land before the work starts.
  setImmediate(() => {
    if (cancelled()) {
      running.delete(id);
      post({ kind: 'failed', id, message: 'cancelled', cancelled: true });
      return;
    }
    run(id, job, controller.signal, cancelled).then(
      (value) => post({ kind: 'done', id, value }),
      (e: unknown) => {
        const err = e as Error;
        const stopped = cancelled() || err?.name === 'AbortError';
        if (!stopped) log('error', `${job.type} job failed: ${err?.stack ?? String(e)}`);
        post({ kind: 'failed', id, message: err?.message ?? String(e), cancelled: stopped });
      },
    ).finally(() => running.delete(id));
  });
});
