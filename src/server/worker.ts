// The check worker (dist/server/worker.cjs): extraction, checks and the model review run here,
// off the language server's main thread. Results are cached by the content of every file read.

import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { checkPaper } from '../core/engine.ts';
import type { CheckResult, PaperText } from '../core/types.ts';
import { planModelReview, runModelReview } from './model-adapter.ts';
import { latexPaper, normalizeUri, pdfPaper, readPdfBytes } from './papers.ts';
import { projectReader, readFileUri } from '../core/files.ts';
import type { CheckOutcome, FromWorker, Job, JobResult, LatexJob, PdfJob, ToWorker } from './worker-protocol.ts';

const port = parentPort;
if (!port) throw new Error('worker.cjs must run as a worker thread');

function post(message: FromWorker): void {
  port!.postMessage(message);
}

function log(level: 'info' | 'warn' | 'error', message: string): void {
  post({ kind: 'log', level, message });
}

// ---- cache ---------------------------------------------------------------------------------

const CACHE_LIMIT = 64;
const cache = new Map<string, CheckResult>();
/** For each LaTeX root, the files its last extraction read (to compute the key before extracting). */
const lastReads = new Map<string, string[]>();

function remember(key: string, result: CheckResult): void {
  cache.delete(key);
  cache.set(key, result);
  while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
}

function latexKey(job: LatexJob, files: readonly string[], read: (uri: string) => string | undefined): string {
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

function checkLatex(job: LatexJob, signal: AbortSignal): CheckOutcome {
  const started = performance.now();
  const previous = lastReads.get(job.rootUri);
  if (previous) {
    const hit = cache.get(latexKey(job, previous, overlayOrDisk(job)));
    if (hit) return { result: hit, cached: true, elapsedMs: performance.now() - started };
  }
  const { paper, reads } = latexPaper(job);
  if (signal.aborted) throw cancelledError();
  const files = [...reads.keys()];
  const result = checkPaper(paper, job.options);
  lastReads.set(job.rootUri, files);
  remember(latexKey(job, files, (uri) => reads.get(uri)), result);
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
  remember(key, result);
  return { result, cached: false, elapsedMs: performance.now() - started };
}

async function paperFor(job: LatexJob | PdfJob, signal: AbortSignal): Promise<PaperText> {
  if (job.type === 'latex') return latexPaper(job).paper;
  return pdfPaper(job, readPdfBytes(job.uri), signal);
}

async function run(id: number, job: Job, signal: AbortSignal): Promise<JobResult> {
  switch (job.type) {
    case 'latex':
      return checkLatex(job, signal);
    case 'pdf':
      return checkPdf(job, signal);
    case 'plan':
      return planModelReview(await paperFor(job.paper, signal), job);
    case 'review': {
      const paper = await paperFor(job.paper, signal);
      return runModelReview(paper, job, {
        signal,
        onProgress: (message, percent) => post({ kind: 'progress', id, message, percent }),
        log: (message) => log('info', message),
      });
    }
  }
}

const running = new Map<number, AbortController>();

port.on('message', (message: ToWorker) => {
  if (message.kind === 'cancel') {
    running.get(message.id)?.abort();
    return;
  }
  const { id, job } = message;
  const controller = new AbortController();
  running.set(id, controller);
  // Let a cancel that is already queued behind this message land before the work starts.
  setImmediate(() => {
    if (controller.signal.aborted) {
      running.delete(id);
      post({ kind: 'failed', id, message: 'cancelled', cancelled: true });
      return;
    }
    run(id, job, controller.signal).then(
      (value) => post({ kind: 'done', id, value }),
      (e: unknown) => {
        const err = e as Error;
        const cancelled = controller.signal.aborted || err?.name === 'AbortError';
        if (!cancelled) log('error', `${job.type} job failed: ${err?.stack ?? String(e)}`);
        post({ kind: 'failed', id, message: err?.message ?? String(e), cancelled });
      },
    ).finally(() => running.delete(id));
  });
});
