// The command line as a user runs it: exit codes, formats, folders, bad input.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const EXAMPLE = join(REPO, 'examples/black-spatula.tex');

function tally(...args: string[]) {
  return spawnSync(process.execPath, [join(REPO, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: REPO, env: { ...process.env, TALLY_API_KEY: '', OPENAI_API_KEY: '' } });
}

test('usage errors exit 2 with a one-line reason', () => {
  for (const args of [[], ['frobnicate'], ['check'], ['check', EXAMPLE, '--format', 'docx'], ['check', EXAMPLE, '--fail-on', 'sometimes'], ['check', EXAMPLE, '--bogus']]) {
    const r = tally(...args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^tally: /);
    assert.equal(r.stdout, '');
  }
});

test('unreadable input exits 2', () => {
  const r = tally('check', join(REPO, 'no-such-paper.tex'));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no such file/);
  const notPaper = tally('check', join(REPO, 'package.json'));
  assert.equal(notPaper.status, 2);
});

test('a PDF that cannot be read at all exits 2 with a one-line reason', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-cli-pdf-'));
  const bad = join(dir, 'broken.pdf');
  writeFileSync(bad, '%PDF-1.4 this is not really a PDF');
  const r = tally('check', bad, '--format', 'sarif');
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /^tally: .*broken\.pdf/);
  assert.equal(JSON.parse(r.stdout).runs[0].invocations[0].toolExecutionNotifications[0].level, 'error');
});

test('the example paper: the BDE-209 error is reported with file, line and column; exit 1', () => {
  const r = tally('check', EXAMPLE);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /black-spatula\.tex:\d+:\d+: error \[(arithmetic|unit-conversion)\]/);
  assert.match(r.stdout, /420,000/);
  assert.match(r.stdout, /written: /);
  assert.equal(tally('check', EXAMPLE, '--fail-on', 'never').status, 0);
});

test('SARIF output locates the error on the line that writes 42{,}000', () => {
  const r = tally('check', EXAMPLE, '--format', 'sarif');
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  const errors = log.runs[0].results.filter((x: { level: string }) => x.level === 'error');
  assert.equal(errors.length, 1, JSON.stringify(errors.map((e: { message: { text: string } }) => e.message.text)));
  const loc = errors[0].locations[0].physicalLocation;
  assert.equal(loc.artifactLocation.uri, pathToFileURL(EXAMPLE).href);
  const lines = (spawnSync('cat', [EXAMPLE], { encoding: 'utf8' }).stdout as string).split('\n');
  assert.match(lines[loc.region.startLine - 1], /42\{,\}000/);
  assert.match(loc.region.snippet.text, /42\{,\}000/);
});

test('a folder: roots follow \\input through a wrapping macro; orphan files are checked too', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-cli-'));
  mkdirSync(join(dir, 'sections'));
  writeFileSync(join(dir, 'main.tex'), '\\documentclass{article}\n\\newcommand{\\PlainInput}[1]{\\input{#1}}\n\\begin{document}\n\\PlainInput{sections/results}\n\\end{document}\n');
  writeFileSync(join(dir, 'sections/results.tex'), 'We tested 40 samples.\nOf these, 12 of 40 samples (45\\%) were positive.\n');
  writeFileSync(join(dir, 'notes.tex'), 'A stray note: $2 + 2 = 5$.\n');
  const r = tally('check', dir, '--format', 'json');
  const report = JSON.parse(r.stdout);
  const findings = report.results.flatMap((x: { findings: { range: { uri: string; start: { line: number } } }[] }) => x.findings);
  const where = findings.map((f: { range: { uri: string; start: { line: number } } }) => `${f.range.uri.split('/').pop()}:${f.range.start.line + 1}`);
  assert.ok(where.includes('results.tex:2'), where.join(', '));
  assert.ok(where.includes('notes.tex:1'), where.join(', '));
  assert.equal(r.status, 1);
});

test('markdown and html reports', () => {
  assert.match(tally('check', EXAMPLE, '--format', 'markdown').stdout, /^# Tally verification report[\s\S]*## Verified claims/);
  assert.match(tally('check', EXAMPLE, '--format', 'html').stdout, /^<!DOCTYPE html>/);
});

test('malformed LaTeX gives findings for what could be read, never a crash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-bad-'));
  const bad = join(dir, 'bad.tex');
  writeFileSync(bad, '\\documentclass{article}\\begin{document}\n\\begin{unknownenv}{{{ \\foo[ $x$ } }}\n12 of 40 (45\\%) \\end{document}\n' + '\u0000\u0001\uFFFD'.repeat(100));
  const r = tally('check', bad, '--format', 'json');
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  JSON.parse(r.stdout);
});

test('tally --version prints the package version without loading the CLI', () => {
  const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  for (const flag of ['--version', '-v']) {
    const r = spawnSync(process.execPath, [join(REPO, 'bin/tally.js'), flag], { encoding: 'utf8', env: { ...process.env, TALLY_NO_REEXEC: '1' } });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `${version}\n`);
  }
});
