// A check that a newer edit supersedes is cancelled, not finished: the language server's handle on its
// check worker (src/server/worker-client.ts) against the built worker, with a paper long enough that
// finishing it would take many times longer than the wait before the cancel.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CancelledError, CheckWorker } from '../../src/server/worker-client.ts';
import type { CheckOutcome, LatexJob } from '../../src/server/worker-protocol.ts';
import { ROOT } from './harness.ts';

const DIST = join(ROOT, 'dist', 'server');
const built = existsSync(join(DIST, 'worker.mjs'));

/** A LaTeX paper of `paragraphs` paragraphs, each with a few claims the checks read and recompute. */
function paper(paragraphs: number): string {
  const body = Array.from({ length: paragraphs }, (_, i) => {
    const n = 100 + (i % 400);
    const a = Math.floor(n / 2);
    return `Wave ${i + 1} followed. Of the ${n} pupils, ${a} were girls (${((100 * a) / n).toFixed(1)}\\%) and ${n - a} were boys.`;
  });
  return `\\documentclass{article}\n\\begin{document}\n${body.join('\n\n')}\n\\end{document}\n`;
}

function latexJob(name: string, text: string): LatexJob {
  return { type: 'latex', rootUri: pathToFileURL(join(ROOT, `${name}.tex`)).href, rootText: text, overlay: {}, options: {} };
}

describe('cancelling a superseded check', { skip: !built && 'run npm run build first' }, () => {
  test('a long check is stopped when its signal aborts, and the worker goes on to the next job', { timeout: 120_000 }, async () => {
    const logs: string[] = [];
    const worker = new CheckWorker(DIST, (_level, message) => logs.push(message));
    try {
      const controller = new AbortController();
      const long = worker.run(latexJob('long', paper(6000)), { signal: controller.signal });
      // Queued behind the long one: it must still be answered whether the worker stops the long check
      // between its steps or is replaced.
      const next = worker.run(latexJob('short', paper(3)));
      setTimeout(() => controller.abort(), 300);
      await assert.rejects(long, CancelledError);
      const outcome = (await next) as CheckOutcome;
      assert.ok(outcome.result.verified.length > 0, 'the job after the cancelled one was checked');
    } finally {
      worker.dispose();
    }
  });

  test('a job whose signal has already aborted is never sent', async () => {
    const worker = new CheckWorker(DIST, () => undefined);
    try {
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(worker.run(latexJob('never', paper(1)), { signal: controller.signal }), CancelledError);
    } finally {
      worker.dispose();
    }
  });
});
