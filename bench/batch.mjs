// Papers per hour for a folder: copies of the fixtures' PDFs and LaTeX projects checked by one
// `tally check FOLDER` through its worker pool (--jobs 1 and --jobs 2), next to two references taken
// in the same run: one `tally check FILE` process per paper (a shell loop), and `pdftotext -layout`
// over the same PDFs (the floor: text only, no checks). Peak memory is the whole process tree's.
// Target: the pool on 2 cores beats the per-paper loop by more than 2x and stays within bounded
// memory; no paper is cut short (exit 3) because of the others.
// Run: node bench/batch.mjs [--copies N] [--tally bin/tally.js]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { copies: { type: 'string', default: '2' }, tally: { type: 'string' } } });
const tally = resolve(values.tally ?? join(root, 'bin', 'tally.js'));
const copies = Number(values.copies);
const fixtures = resolve(root, '../shared/fixtures/papers');

/** DIR/copy-K/<paper>/ holds one copy of each fixture paper: its PDF, and its LaTeX project apart. */
function buildFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'tally-batch-'));
  const papers = existsSync(fixtures) ? readdirSync(fixtures).sort() : [];
  for (let k = 0; k < copies; k++) {
    for (const p of papers) {
      const pdf = join(fixtures, p, 'pdf', 'original.pdf');
      if (existsSync(pdf)) {
        mkdirSync(join(dir, `copy-${k}`, 'pdf', p), { recursive: true });
        cpSync(pdf, join(dir, `copy-${k}`, 'pdf', p, `${p}.pdf`));
      }
      const source = join(fixtures, p, 'original');
      if (existsSync(source)) cpSync(source, join(dir, `copy-${k}`, 'latex', p), { recursive: true });
    }
    cpSync(join(root, 'examples', 'black-spatula.pdf'), join(dir, `copy-${k}`, 'example.pdf'));
  }
  return dir;
}

/** Wall, CPU and peak RSS (largest single process, from GNU time) of one command. */
function timed(command, args) {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = (performance.now() - t) / 1000;
  const [user, sys, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + sys, rssMB: kb / 1024, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function pool(dir, jobs) {
  const r = timed(process.execPath, [tally, 'check', dir, '--format', 'jsonl', '--fail-on', 'never', '--jobs', String(jobs)]);
  const lines = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return { ...r, papers: lines.map((l) => fileURLToPath(l.uri)), partly: lines.filter((l) => l.partlyChecked).length };
}

function row(name, r, papers) {
  return {
    run: name,
    papers,
    'wall s': +r.wall.toFixed(1),
    'CPU s': +r.cpu.toFixed(1),
    'papers/hour': Math.round((papers / r.wall) * 3600),
    'peak RSS MB': Math.round(r.rssMB),
    exit: r.status,
  };
}

const dir = buildFolder();
try {
  const two = pool(dir, 2);
  const one = pool(dir, 1);
  // One process per paper, one after another (what a shell loop over the papers does).
  const loop = { wall: 0, cpu: 0, rssMB: 0, status: 0 };
  for (const file of two.papers) {
    const r = timed(process.execPath, [tally, 'check', file, '--format', 'json', '--fail-on', 'never']);
    loop.wall += r.wall;
    loop.cpu += r.cpu;
    loop.rssMB = Math.max(loop.rssMB, r.rssMB);
    loop.status = Math.max(loop.status, r.status ?? 2);
  }
  const pdfs = two.papers.filter((f) => f.endsWith('.pdf'));
  const text = { wall: 0, cpu: 0, rssMB: 0, status: 0 };
  for (const file of pdfs) {
    const r = timed('pdftotext', ['-layout', file, '/dev/null']);
    text.wall += r.wall;
    text.cpu += r.cpu;
    text.rssMB = Math.max(text.rssMB, r.rssMB);
  }
  console.table([
    row('tally check FOLDER --jobs 2', two, two.papers.length),
    row('tally check FOLDER --jobs 1', one, one.papers.length),
    row('tally check FILE, one process per paper', loop, two.papers.length),
    row(`pdftotext -layout (the ${pdfs.length} PDFs only)`, text, pdfs.length),
  ]);
  console.log(
    `${two.papers.length} papers (${pdfs.length} PDFs, ${two.papers.length - pdfs.length} LaTeX) on 2 cores: ` +
      `${Math.round((two.papers.length / two.wall) * 3600)} papers/hour; --jobs 2 is ${(loop.wall / two.wall).toFixed(2)}x the per-paper loop ` +
      `and ${(one.wall / two.wall).toFixed(2)}x --jobs 1; partly checked: ${two.partly} (--jobs 2), ${one.partly} (--jobs 1)`,
  );
  // The speed-up of --jobs 2 over --jobs 1 depends on the other processes sharing the cores.
  console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  if (two.partly || two.status === 3) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
