// Memory returns to its baseline when documents close: 200 papers full of findings are opened,
// checked and closed, and the heap in use (main thread and check worker, after a collection) comes
// back near what it was with one paper. Each check job carries only its own paper's documents.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ServerHandle } from './harness.ts';
import { fileUri, serverBuilt, startServer } from './harness.ts';

const DOCUMENTS = 200;

/** A paper with many wrong sums (many findings, so kept results would show in the heap). */
function paper(k: number): string {
  const sums: string[] = [];
  for (let i = 0; i < 150; i++) sums.push(`In trial ${k}-${i} we counted $${i + 3} + ${k + 4} = ${i + k + 9}$ birds.`);
  return `\\documentclass{article}\n\\begin{document}\n${sums.join('\n')}\n\\end{document}\n`;
}

interface Heap {
  main: number;
  worker: number;
}

const mb = (h: Heap) => `${((h.main + h.worker) / 1e6).toFixed(1)} MB (main ${(h.main / 1e6).toFixed(1)}, worker ${(h.worker / 1e6).toFixed(1)})`;

describe('server memory after documents close', { skip: serverBuilt() ? false : 'run `npm run build` first' }, () => {
  let server: ServerHandle;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-memory-'));
    server = await startServer({ workspaceFolder: dir, nodeArgs: ['--expose-gc'] });
  });

  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test(`opening and closing ${DOCUMENTS} papers leaves the heap near its baseline`, { timeout: 600_000 }, async () => {
    const heap = () => server.request<Heap>('tally/memoryUsage', {});
    // Baseline: the engine loaded and one paper checked and closed.
    const first = fileUri(join(dir, 'warm.tex'));
    server.open(first, paper(0));
    await server.waitForDiagnostics(first, (d) => d.length > 0, 120_000);
    server.closeDocument(first);
    await server.waitForDiagnostics(first, (d) => d.length === 0, 60_000);
    const baseline = await heap();

    const uris = Array.from({ length: DOCUMENTS }, (_, k) => fileUri(join(dir, `paper-${k}.tex`)));
    uris.forEach((uri, k) => server.open(uri, paper(k + 1)));
    for (const uri of uris) await server.waitForDiagnostics(uri, (d) => d.length > 0, 300_000);
    const open = await heap();
    for (const uri of uris) server.closeDocument(uri);
    for (const uri of uris) await server.waitForDiagnostics(uri, (d) => d.length === 0, 60_000);
    const closed = await heap();
    console.log(`# heap in use: baseline ${mb(baseline)}; ${DOCUMENTS} papers open ${mb(open)}; all closed ${mb(closed)}`);
    const total = (h: Heap) => h.main + h.worker;
    // Generous: what stays is at most half the baseline again, or 20 MB, whichever is more.
    assert.ok(total(closed) <= Math.max(total(baseline) * 1.5, total(baseline) + 20e6), `after closing: ${mb(closed)}, baseline ${mb(baseline)}`);
    assert.ok(total(open) > total(closed), 'the open papers took memory that closing gave back');
  });
});
