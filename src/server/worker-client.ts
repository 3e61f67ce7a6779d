// The main thread's handle on the check worker: sends jobs, routes results and progress back,
// cancels, and restarts the worker if it dies or a cancelled check will not stop.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FromWorker, Job, JobResult, ToWorker } from './worker-protocol.ts';

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

interface Pending {
  job: Job;
  /** Shared with the worker: set to 1 to cancel (seen by a synchronous check between its steps). */
  cancelled: Int32Array;
  resolve: (value: JobResult) => void;
  reject: (error: Error) => void;
  onProgress?: (message: string, percent?: number) => void;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (message: string, percent?: number) => void;
}

/** How long a cancelled synchronous check may keep running before the worker is replaced. */
const KILL_AFTER_MS = 2000;

export class CheckWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly file: string;
  private readonly log: (level: 'info' | 'warn' | 'error', message: string) => void;

  constructor(dir: string, log: (level: 'info' | 'warn' | 'error', message: string) => void) {
    this.file = join(dir, 'worker.mjs');
    this.log = log;
    if (!existsSync(this.file)) log('error', `Check worker not found at ${this.file}`);
  }

  /** Starts the worker ahead of the first job (loading the engine takes a moment). */
  warmUp(): void {
    if (existsSync(this.file)) this.ensure();
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.file);
    worker.unref();
    worker.on('message', (m: FromWorker) => this.onMessage(m));
    worker.on('error', (e) => this.log('error', `Check worker error: ${e.stack ?? e.message}`));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (this.pending.size) this.log('warn', `Check worker exited (code ${code}); ${this.pending.size} job(s) failed`);
      for (const [, p] of this.pending) p.reject(new Error(`check worker exited (code ${code})`));
      this.pending.clear();
    });
    this.worker = worker;
    return worker;
  }

  private onMessage(m: FromWorker): void {
    if (m.kind === 'log') {
      this.log(m.level, m.message);
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.kind === 'progress') {
      p.onProgress?.(m.message, m.percent);
      return;
    }
    this.pending.delete(m.id);
    if (m.kind === 'done') p.resolve(m.value);
    else p.reject(m.cancelled ? new CancelledError() : new Error(m.message));
  }

  run(job: Job, options: RunOptions = {}): Promise<JobResult> {
    if (options.signal?.aborted) return Promise.reject(new CancelledError());
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise<JobResult>((resolve, reject) => {
      const cancelled = new Int32Array(new SharedArrayBuffer(4));
      this.pending.set(id, { job, cancelled, resolve, reject, onProgress: options.onProgress });
      options.signal?.addEventListener('abort', () => this.cancel(id), { once: true });
      worker.postMessage({ kind: 'run', id, job, cancelled } satisfies ToWorker);
    });
  }

  private cancel(id: number): void {
    const p = this.pending.get(id);
    const worker = this.worker;
    if (!p || !worker) return;
    Atomics.store(p.cancelled, 0, 1);
    worker.postMessage({ kind: 'cancel', id } satisfies ToWorker);
    // A synchronous check cannot see the abort until it finishes; a very long one is stopped by
    // replacing the worker, unless a model review (which would lose its requests) is in flight.
    setTimeout(() => {
      if (!this.pending.has(id) || this.worker !== worker) return;
      if ([...this.pending.values()].some((q) => q.job.type === 'review')) return;
      this.log('info', 'Replacing the check worker to stop a cancelled check');
      this.pending.delete(id);
      p.reject(new CancelledError());
      this.restart();
    }, KILL_AFTER_MS).unref();
  }

  private restart(): void {
    const old = this.worker;
    this.worker = undefined;
    const orphans = [...this.pending.entries()];
    this.pending.clear();
    void old?.terminate();
    // Jobs that were queued behind the stuck one are sent again to the new worker.
    for (const [, p] of orphans) this.run(p.job, { onProgress: p.onProgress }).then(p.resolve, p.reject);
  }

  /** The worker drops its cached results for a root whose documents were all closed. */
  forget(root: string): void {
    this.worker?.postMessage({ kind: 'forget', root } satisfies ToWorker);
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
