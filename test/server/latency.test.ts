// A long paper must not delay typing: checks run in the server's worker thread, so hover and
// code-action requests are answered while a check of a ~100-page paper is in progress.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ServerHandle } from './harness.ts';
import { fileUri, readExample, serverBuilt, startServer } from './harness.ts';

/** ~100 pages: the example's body a hundred times, each copy with its own section titles. */
function bigPaper(copies: number): string {
  const src = readExample('black-spatula.tex');
  const [head, rest] = src.split('\\begin{document}');
  const body = rest.split('\\end{document}')[0].replace('\\maketitle', '');
  const parts = [head, '\\begin{document}\n'];
  for (let i = 0; i < copies; i++) parts.push(body.replaceAll('\\section{', `\\section{Part ${i + 1}: `));
  parts.push('\\end{document}\n');
  return parts.join('');
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

describe('typing latency on a long paper', { skip: serverBuilt() ? false : 'run `npm run build` first' }, () => {
  let server: ServerHandle;
  let dir: string;
  let uri: string;
  let text: string;
  const COPIES = 100;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-latency-'));
    text = bigPaper(COPIES);
    const file = join(dir, 'long.tex');
    writeFileSync(file, text);
    uri = fileUri(file);
    server = await startServer({ workspaceFolder: dir });
  });

  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('hover answers quickly while the paper is re-checked after a burst of edits', async () => {
    const opened = performance.now();
    server.open(uri, text);
    const first = await server.waitForDiagnostics(uri, (d) => d.length >= COPIES, 120000);
    const firstMs = performance.now() - opened;
    const target = first[0];
    const position = { line: target.range.start.line, character: target.range.start.character + 1 };

    // A burst of keystrokes at the end of the file (which moves no finding), then keep hovering
    // while the debounced re-check runs, until its diagnostics arrive.
    const lines = text.split('\n');
    let version = 1;
    for (let i = 0; i < 20; i++) {
      const typed = `${lines.join('\n')}% typing ${'x'.repeat(i)}\n`;
      server.change(uri, ++version, typed);
      await new Promise((r) => setTimeout(r, 15));
    }
    const burstEnd = performance.now();
    const logCount = server.logs.length;
    let rechecked = false;
    const republished = server.waitForDiagnostics(uri, (d) => d !== first, 120000).then(() => (rechecked = true));
    const latencies: number[] = [];
    while (!rechecked) {
      const t = performance.now();
      const hover = await server.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position });
      latencies.push(performance.now() - t);
      assert.ok(hover && /Recomputed/.test(hover.contents.value), 'hover keeps answering from the last results');
      await new Promise((r) => setTimeout(r, 10));
    }
    await republished;
    const checkLog = server.logs.slice(logCount).find((l) => /^Checked .*long\.tex in \d+ ms/.test(l)) ?? '';
    const checkMs = Number(/in (\d+) ms/.exec(checkLog)?.[1] ?? NaN);
    const windowMs = performance.now() - burstEnd;
    console.log(
      `# ${text.length} chars, ${lines.length} lines: first diagnostics ${firstMs.toFixed(0)} ms; re-check ${checkMs} ms in the worker; ` +
        `${latencies.length} hovers during the ${windowMs.toFixed(0)} ms after the burst: median ${percentile(latencies, 50).toFixed(1)} ms, ` +
        `p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
    );
    assert.ok(checkMs > 0, `the re-check ran (log: ${checkLog})`);
    // Hovers were sent while the check ran (it starts 300 ms after the burst).
    assert.ok(latencies.length >= 5, `only ${latencies.length} hovers during the re-check`);
    assert.ok(percentile(latencies, 50) < 50, `median hover latency ${percentile(latencies, 50)} ms`);
    assert.ok(percentile(latencies, 95) < 250, `p95 hover latency ${percentile(latencies, 95)} ms`);
  });
});
