// `tally check`: papers go through the worker pool and come back in order; text and jsonl are written
// as each paper is done, the whole-run formats (json, sarif, markdown, html) at the end.

import { createWriteStream, type WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { readFileUri } from '../core/files.ts';
import { renderReport, type ReportFormat } from '../core/report/index.ts';
import { partlyChecked, type CheckResult } from '../core/types.ts';
import { workItemsFor } from './inputs.ts';
import { checkAll, type PoolOptions } from './pool.ts';
import { renderTextPaper, renderTextSummary } from './text-format.ts';
import type { WorkItem } from './work.ts';

export interface OutputOptions {
  format: string;
  failOn: 'error' | 'warning' | 'never';
  output?: string;
  version: string;
}

function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((done) => (out.write(text) ? done() : out.once('drain', done)));
}

function close(out: NodeJS.WritableStream): Promise<void> {
  if (out === process.stdout) return Promise.resolve();
  return new Promise((done) => (out as WriteStream).end(done));
}

export async function checkPapers(paths: string[], options: PoolOptions, output: OutputOptions): Promise<number> {
  const items: WorkItem[] = [];
  for (const p of paths) for (const item of await workItemsFor(p)) items.push(item);
  const out: NodeJS.WritableStream = output.output ? createWriteStream(resolve(output.output)) : process.stdout;
  const results: CheckResult[] = [];
  const unreadable: string[] = [];
  const partial: string[] = [];
  for await (const outcome of checkAll(items, options)) {
    const { result } = outcome;
    if (outcome.unreadable) unreadable.push(outcome.unreadable);
    // Stopped by the pool, or a note saying which budget or limit cut it short.
    const cut = outcome.stopped || partlyChecked(result);
    if (cut) partial.push(outcome.item.file);
    results.push(result);
    if (output.format === 'text') await write(out, renderTextPaper(result, process.cwd()));
    if (output.format === 'jsonl') await write(out, JSON.stringify({ ...result, partlyChecked: cut }) + '\n');
  }
  if (output.format === 'text') await write(out, renderTextSummary(results));
  else if (output.format !== 'jsonl') await write(out, renderReport(results, output.format as ReportFormat, { toolVersion: output.version, readSource: readFileUri }));
  await close(out);

  for (const reason of unreadable) process.stderr.write(`tally: ${reason.replace(/\s+/g, ' ')}\n`);
  if (unreadable.length) return 2;
  if (partial.length) {
    process.stderr.write(`tally: ${partial.length} of ${results.length} ${results.length === 1 ? 'paper was' : 'papers were'} only partly checked (a budget cut ${partial.length === 1 ? 'it' : 'them'} short; see the notes)\n`);
    return 3;
  }
  const failOn = output.failOn;
  const failing = results.flatMap((r) => r.findings).some((f) => (failOn === 'error' ? f.severity === 'error' : failOn === 'warning' ? f.severity !== 'info' : false));
  return failing ? 1 : 0;
}
