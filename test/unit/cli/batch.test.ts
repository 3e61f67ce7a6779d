// A folder of many papers through the worker pool: each paper has its own budget (none is cut short
// because of the others), results come back in order, and a paper a budget cut short changes the exit code.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const PDF = join(REPO, 'examples/black-spatula.pdf');

function tally(...args: string[]) {
  return spawnSync(process.execPath, [join(REPO, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: REPO, env: { ...process.env, TALLY_API_KEY: '', OPENAI_API_KEY: '' } });
}

function folderOf(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'tally-batch-'));
  for (let i = 0; i < count; i++) copyFileSync(PDF, join(dir, `paper-${String(i).padStart(2, '0')}.pdf`));
  return dir;
}

test('a folder of PDFs with a small budget: no paper is cut short by the others, in order, one jsonl line each', { timeout: 300_000 }, () => {
  const dir = folderOf(12);
  const r = tally('check', dir, '--format', 'jsonl', '--timeout-ms', '20000', '--jobs', '2');
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 12);
  assert.deepEqual(lines.map((l) => l.uri), Array.from({ length: 12 }, (_, i) => pathToFileURL(join(dir, `paper-${String(i).padStart(2, '0')}.pdf`)).href));
  for (const l of lines) {
    assert.equal(l.partlyChecked, false, JSON.stringify(l.notes));
    assert.ok(l.findings.length > 0);
  }
});

test('a paper cut short by its page budget or stopped at its memory budget exits 3 with a one-line reason', { timeout: 300_000 }, () => {
  const dir = folderOf(3);
  const pages = tally('check', dir, '--max-pages', '1', '--format', 'jsonl');
  assert.equal(pages.status, 3, pages.stderr);
  assert.equal(pages.stderr.trim().split('\n').length, 1);
  assert.match(pages.stderr, /only partly checked/);
  const memory = tally('check', join(dir, 'paper-00.pdf'), '--max-memory-mb', '4', '--format', 'jsonl');
  assert.equal(memory.status, 3, memory.stderr);
  assert.match(JSON.parse(memory.stdout).notes[0].message, /memory budget|stopped/);
});

test('a folder with LaTeX sources and PDFs checks both; the compiled PDF of a root is reported with it', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-mixed-'));
  writeFileSync(join(dir, 'main.tex'), '\\documentclass{article}\\begin{document}We had $3 + 4 = 8$.\\end{document}\n');
  copyFileSync(PDF, join(dir, 'main.pdf'));
  copyFileSync(PDF, join(dir, 'other.pdf'));
  const r = tally('check', dir, '--format', 'jsonl');
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.uri.split('/').pop()), ['main.tex', 'other.pdf']);
  assert.match(lines[0].notes.map((n: { message: string }) => n.message).join('\n'), /main\.pdf is this paper compiled/);
});

test('"partly checked" comes from the notes a budget or limit sets, not from their wording', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-partial-'));
  // A missing file whose name reads like a budget note is only a missing file.
  writeFileSync(join(dir, 'named.tex'), '\\documentclass{article}\n\\begin{document}\nWe had 3 + 4 = 7 cats.\n\\input{time-budget-ran-out-limit}\n\\end{document}\n');
  const named = tally('check', join(dir, 'named.tex'), '--format', 'jsonl');
  assert.equal(named.status, 0, named.stderr);
  assert.equal(JSON.parse(named.stdout).partlyChecked, false);
  // Groups nested past TeX's limit leave text out: partly checked, and the text output says so.
  writeFileSync(join(dir, 'deep.tex'), `\\documentclass{article}\n\\begin{document}\nWe had 3 + 4 = 7 cats.\n${'{'.repeat(300)}x${'}'.repeat(300)}\n\\end{document}\n`);
  const deep = tally('check', join(dir, 'deep.tex'));
  assert.equal(deep.status, 3, deep.stderr);
  assert.match(deep.stdout, /note \(cut short\): Groups nest more than 255 levels/);
  assert.match(deep.stderr, /only partly checked/);
});
