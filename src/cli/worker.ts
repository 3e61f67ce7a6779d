// A check worker of the CLI's pool (dist/cli/worker.mjs): reads, extracts and checks one paper at a
// time, so a runaway parse can be stopped by terminating the thread, and papers use every core.
// pdf.js (and its polyfills) is loaded only here and only for PDFs; the model client only with --model.

import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { checkPaper } from '../core/engine.ts';
import { projectReader, readFileUri } from '../core/files.ts';
import { readIgnoreList } from '../core/ignore-file.ts';
import type { CheckResult, PaperText } from '../core/types.ts';
import type { WorkDone, WorkItem, WorkOptions, WorkRequest } from './work.ts';

/** Loading the extractor is not the paper's work: the pool starts the paper's clock once it is loaded. */
function started(id: number): void {
  parentPort!.postMessage({ id, started: true });
}

async function paperOf(id: number, item: WorkItem, options: WorkOptions): Promise<PaperText> {
  const uri = pathToFileURL(item.file).href;
  if (item.kind === 'latex') {
    const { extractLatex } = await import('../core/latex/index.ts');
    started(id);
    const source = readFileUri(uri);
    if (source === undefined) throw new Error(`cannot read ${item.file} (missing, or not a regular file)`);
    return extractLatex(source, uri, { readFile: projectReader(item.projectDir) });
  }
  let data: Uint8Array;
  try {
    data = new Uint8Array(readFileSync(item.file));
  } catch (e) {
    throw new Error(`cannot read ${item.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
  }
  const { extractPdf, loadPdfjs } = await import('../core/pdf/index.ts');
  await loadPdfjs();
  started(id);
  return extractPdf(data, uri, { maxPages: options.maxPages, timeoutMs: options.timeoutMs });
}

async function check(request: WorkRequest): Promise<WorkDone> {
  const { item, options } = request;
  const paper = await paperOf(request.id, item, options);
  // Nothing could be read (an encrypted or broken PDF, say): unreadable input.
  const fatal = paper.notes.find((n) => n.level === 'error');
  const unreadable = fatal && !paper.text.trim() ? fatal.message : undefined;
  const ignore = readIgnoreList(dirname(fileURLToPath(paper.uri)));
  const result: CheckResult = checkPaper(paper, { ignoreIds: ignore.ids });
  if (ignore.error) result.notes.push({ level: 'warning', message: ignore.error });
  for (const pdf of item.kind === 'latex' ? (item.compiled ?? []) : []) {
    result.notes.push({ level: 'info', message: `${pdf.split('/').pop()} is this paper compiled; its LaTeX source was checked instead.`, uri: pathToFileURL(pdf).href });
  }
  if (options.model) {
    const { reviewWithModel } = await import('./model.ts');
    await reviewWithModel(paper, result, ignore.ids, options.model);
  }
  return { id: request.id, result, unreadable };
}

const port = parentPort;
if (!port) throw new Error('the CLI worker must run as a worker thread');
port.on('message', (request: WorkRequest | { close: true }) => {
  // Asked to finish: closing the port lets the thread end by itself, which delivers what it wrote to stderr.
  if ('close' in request) return port.close();
  check(request).then(
    (done) => port.postMessage(done),
    (e: unknown) => port.postMessage({ id: request.id, error: (e as Error)?.message ?? String(e) }),
  );
});
