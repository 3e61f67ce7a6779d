// The language server under hostile input and continuous typing: diagnostics keep arriving while the
// user types (the debounce has a maximum wait), a FIFO or a link to a device named .tex next to a paper
// blocks nothing, a paper reads nothing outside its workspace folder, and the server stays alive.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ServerHandle } from './harness.ts';
import { fileUri, serverBuilt, startServer } from './harness.ts';

const PAPER = (extra: string) => `\\documentclass{article}\n\\begin{document}\nWe saw $3 + 4 = 8$ in the table.\n${extra}\n\\end{document}\n`;

describe('language server robustness', { skip: serverBuilt() ? false : 'run `npm run build` first' }, () => {
  let server: ServerHandle;
  let dir: string;
  let outside: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-robust-'));
    outside = mkdtempSync(join(tmpdir(), 'tally-outside-'));
    writeFileSync(join(outside, 'secret.tex'), 'SECRET 1 + 1 = 3');
    execFileSync('mkfifo', [join(dir, 'pipe.tex')]);
    symlinkSync('/dev/zero', join(dir, 'zero.tex'));
    symlinkSync(join(outside, 'secret.tex'), join(dir, 'leak.tex'));
    server = await startServer({ workspaceFolder: dir });
  });

  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  test('a non-root .tex next to a FIFO and a /dev/zero link is checked; includes outside the folder are refused', { timeout: 60_000 }, async () => {
    const part = fileUri(join(dir, 'part.tex'));
    server.open(part, 'A part: 2 + 2 = 5.\n');
    const d = await server.waitForDiagnostics(part, (x) => x.length > 0, 30_000);
    assert.ok(d.some((x) => /4/.test(x.message)));
    const main = fileUri(join(dir, 'main.tex'));
    server.open(main, PAPER('\\input{leak}\\input{pipe}\\input{zero}'));
    const md = await server.waitForDiagnostics(main, (x) => x.length > 0, 30_000);
    assert.ok(!md.some((x) => /SECRET|1 \+ 1/.test(x.message)));
  });

  test('continuous typing still gets diagnostics at least every second', { timeout: 60_000 }, async () => {
    const uri = fileUri(join(dir, 'typing.tex'));
    let text = PAPER('');
    server.open(uri, text);
    await server.waitForDiagnostics(uri, (x) => x.length > 0, 30_000);
    let published = 0;
    let last = server.diagnostics.get(uri);
    const start = performance.now();
    let version = 1;
    // Keystrokes every 100 ms for 4 s, each one adding a new wrong sum; the debounce alone would never fire.
    while (performance.now() - start < 4000) {
      text = text.replace('\\end{document}', `Then $1 + ${version} = ${version}$.\n\\end{document}`);
      server.change(uri, ++version, text);
      await new Promise((r) => setTimeout(r, 100));
      const now = server.diagnostics.get(uri);
      if (now !== last) {
        published++;
        last = now;
      }
    }
    assert.ok(published >= 2, `only ${published} publications during 4 s of typing`);
  });

  test('after a storm of pathological documents the server is alive and answers', { timeout: 120_000 }, async () => {
    const storm = [
      '{'.repeat(20000),
      '\\begin{x}'.repeat(5000),
      `\\documentclass{article}\\begin{document}${'\\frac{'.repeat(3000)}1${'}{2}'.repeat(3000)}\\end{document}`,
      '\n'.repeat(100000) + '% !TeX root = main.tex',
      `\\def\\a{\\a\\a}\\a`,
      '\\begin{constructor}\\toString\\valueOf\\end{constructor}',
      `\\documentclass{article}\\begin{document}${'12 (30\\%), '.repeat(20000)}\\end{document}`,
      '\u0000\uffff\ud800 binary',
    ];
    storm.forEach((t, i) => server.open(fileUri(join(dir, `storm-${i}.tex`)), t));
    const uri = fileUri(join(dir, 'after.tex'));
    server.open(uri, PAPER(''));
    const d = await server.waitForDiagnostics(uri, (x) => x.length > 0, 90_000);
    assert.ok(d.length > 0);
    assert.equal(server.process.exitCode, null);
    const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: d[0].range.start });
    assert.ok(hover !== undefined);
  });
});
