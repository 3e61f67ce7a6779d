// The CLI's worker pool: N check workers (one per core by default), each paper with its own time and
// memory budget, results handed back in input order as they become ready. At most a window of papers
// is in flight or waiting for an earlier one, so memory stays bounded whatever the folder's size.

import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { CheckResult } from '../core/types.ts';
import type { WorkDone, WorkItem, WorkOptions, WorkRequest } from './work.ts';

export interface PoolOptions extends WorkOptions {
  jobs: number;
  /** Heap budget of one document's worker, in MB. */
  memoryMb: number;
  /** The worker's module (dist/cli/worker.mjs, or src/cli/worker.ts when the sources run directly). */
  workerUrl: URL;
}

export interface PaperOutcome extends WorkDone {
  item: WorkItem;
  /** The budget stopped this paper before it was fully checked (the worker was stopped). */
  stopped?: boolean;
}


/** Past the document's own budget (which extraction enforces itself), a little grace before stopping the thread. */
function watchdogMs(timeoutMs: number): number {
  return timeoutMs + Math.max(2000, timeoutMs / 4);
}

const STARTUP_MS = 120_000;

function emptyResult(item: WorkItem, message: string, partial?: boolean): CheckResult {
  const uri = pathToFileURL(item.file).href;
  return { uri, files: [uri], findings: [], verified: [], notes: [{ level: 'error', message, uri, ...(partial ? { partial } : {}) }], suppressedCount: 0 };
}

class Slot {
  private worker: Worker | undefined;
  private readonly options: PoolOptions;

  constructor(options: PoolOptions) {
    this.options = options;
  }

  private spawn(): Worker {
    const worker = new Worker(this.options.workerUrl, { resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb }, stdout: false, stderr: false });
    worker.unref();
    return worker;
  }

  /** Checks one paper; never rejects. A worker that overruns or runs out of memory is replaced. */
  run(id: number, item: WorkItem): Promise<PaperOutcome> {
    const worker = (this.worker ??= this.spawn());
    const name = item.file.split('/').pop();
    return new Promise((resolve) => {
      let settled = false;
      const finish = (outcome: PaperOutcome, kill: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (kill) {
          this.worker = undefined;
          void worker.terminate();
        }
        resolve(outcome);
      };
      const stop = (message: string): void => finish({ id, item, result: emptyResult(item, message, true), stopped: true }, true);
      const onMessage = (m: WorkDone | { id: number; error: string } | { id: number; started: true }): void => {
        if (m.id !== id) return;
        if ('started' in m) {
          clearTimeout(timer);
          timer = setTimeout(() => stop(`${name} was stopped after the ${Math.round(watchdogMs(this.options.timeoutMs) / 1000)} s time budget ran out; it was not checked.`), watchdogMs(this.options.timeoutMs));
          return;
        }
        if ('error' in m) finish({ id, item, result: emptyResult(item, `${name} could not be checked: ${m.error}`), unreadable: m.error }, false);
        else finish({ ...m, item }, false);
      };
      const onError = (e: Error & { code?: string }): void => {
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') stop(`${name} needed more than its ${this.options.memoryMb} MB memory budget; it was stopped and not checked.`);
        else stop(`${name} could not be checked: ${e.message}`);
      };
      const onExit = (): void => stop(`${name} could not be checked: its worker stopped.`);
      // Until the worker has loaded its extractor, only a start-up limit applies.
      let timer = setTimeout(() => stop(`${name} could not be checked: the checker did not start within ${STARTUP_MS / 1000} s.`), STARTUP_MS);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref();
      const request: WorkRequest = { id, item, options: { timeoutMs: this.options.timeoutMs, maxPages: this.options.maxPages, model: this.options.model } };
      worker.postMessage(request);
    }).finally(() => this.worker?.unref()) as Promise<PaperOutcome>;
  }

  /** Lets an idle worker end by itself (so its last stderr lines arrive), terminating it if it does not soon. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ close: true });
    const timer = setTimeout(() => void worker.terminate(), CLOSE_MS);
    await ended;
    clearTimeout(timer);
  }
}

/** How long an idle worker may take to end by itself before it is terminated. */
const CLOSE_MS = 2000;

/** Checks every item with `jobs` workers and yields the outcomes in the items' order. */
export async function* checkAll(items: readonly WorkItem[], options: PoolOptions): AsyncGenerator<PaperOutcome> {
  const jobs = Math.max(1, Math.min(options.jobs, items.length));
  const slots = Array.from({ length: jobs }, () => new Slot(options));
  const window = jobs * 2;
  const done = new Map<number, PaperOutcome>();
  let next = 0;
  let emitted = 0;
  let wake: (() => void) | undefined;
  const free = [...slots];
  const start = (): void => {
    while (free.length && next < items.length && next < emitted + window) {
      const slot = free.pop()!;
      const id = next++;
      void slot.run(id, items[id]).then((outcome) => {
        done.set(id, outcome);
        free.push(slot);
        start();
        wake?.();
      });
    }
  };
  try {
    start();
    while (emitted < items.length) {
      const ready = done.get(emitted);
      if (!ready) {
        await new Promise<void>((r) => (wake = r));
        continue;
      }
      done.delete(emitted++);
      start();
      yield ready;
    }
  } finally {
    await Promise.all(slots.map((s) => s.close()));
  }
}
