// Start-up and whole-process cost of the CLI next to `pdftotext -layout`, in one run on this machine:
// `tally --version` CPU, and per fixture PDF the median wall and CPU time of `tally check FILE` as a whole
// process (start-up included) divided by pdftotext's, and the same for Node and pdf.js alone reading the text
// (bench/pdfjs-floor.mjs: the floor under any pdf.js-based checker). Targets: --version under 0.1 s CPU; at most 5x per file.
// Run: node bench/startup.mjs [--tally path/to/bin/tally.js] [--runs N]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { tally: { type: 'string' }, runs: { type: 'string', default: '5' } } });
const tally = resolve(values.tally ?? join(root, 'bin', 'tally.js'));
const runs = Number(values.runs);

function ensurePdftotext() {
  if (spawnSync('pdftotext', ['-v']).error === undefined) return true;
  // The reference tool comes from Debian's poppler-utils (no download of binaries from elsewhere).
  const r = spawnSync('apt-get', ['install', '-y', 'poppler-utils'], { stdio: 'ignore' });
  return r.status === 0 && spawnSync('pdftotext', ['-v']).error === undefined;
}

/** Wall and CPU (user + system) seconds of one process, from GNU time. */
function timed(command, args) {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = (performance.now() - t) / 1000;
  const [user, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + sys, status: r.status };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function medianOf(command, args) {
  const samples = Array.from({ length: runs }, () => timed(command, args));
  return { wall: median(samples.map((s) => s.wall)), cpu: median(samples.map((s) => s.cpu)), status: samples[0].status };
}

function fixturePdfs() {
  const papers = resolve(root, '../shared/fixtures/papers');
  const files = [];
  if (existsSync(papers)) {
    for (const p of readdirSync(papers).sort()) {
      const f = join(papers, p, 'pdf', 'original.pdf');
      if (existsSync(f)) files.push(f);
    }
  }
  files.push(join(root, 'examples', 'black-spatula.pdf'));
  return files.filter(existsSync);
}

const version = medianOf(process.execPath, [tally, '--version']);
// The floor, in the same run: Node starting and doing nothing (on a loaded machine this alone can pass 0.1 s).
const bare = medianOf(process.execPath, ['-e', '0']);
console.log(
  `tally --version: ${version.cpu.toFixed(3)} s CPU, ${version.wall.toFixed(3)} s wall (median of ${runs}; target < 0.1 s CPU); ` +
    `node -e 0: ${bare.cpu.toFixed(3)} s CPU, so Tally's own part is ${Math.max(0, version.cpu - bare.cpu).toFixed(3)} s`,
);
if (!ensurePdftotext()) {
  console.log('pdftotext is not installed and could not be installed (apt-get install poppler-utils); per-file ratios skipped.');
} else {
  const rows = [];
  for (const f of fixturePdfs()) {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f], { encoding: 'utf8' }))?.[1] ?? 0);
    const ref = medianOf('pdftotext', ['-layout', f, '/dev/null']);
    const t = medianOf(process.execPath, [tally, 'check', f, '--format', 'json', '--fail-on', 'never']);
    // Node and pdf.js alone reading the text: what no pdf.js-based checker can go below.
    const floor = medianOf(process.execPath, [join(import.meta.dirname, 'pdfjs-floor.mjs'), f]);
    rows.push({
      file: f.includes('/papers/') ? `${basename(resolve(f, '../..'))}` : basename(f),
      pages,
      'tally wall s': +t.wall.toFixed(3),
      'tally CPU s': +t.cpu.toFixed(3),
      'pdftotext wall s': +ref.wall.toFixed(3),
      'wall ratio': +(t.wall / ref.wall).toFixed(1),
      'CPU ratio': +(t.cpu / Math.max(ref.cpu, 0.01)).toFixed(1),
      'node+pdf.js alone wall s': +floor.wall.toFixed(3),
      'floor wall ratio': +(floor.wall / ref.wall).toFixed(1),
      exit: t.status,
    });
  }
  console.table(rows);
  console.log(`median wall ratio ${median(rows.map((r) => r['wall ratio']))}x (target <= 5x per file); Node and pdf.js alone, reading the text and nothing else: ${median(rows.map((r) => r['floor wall ratio']))}x`);
}
