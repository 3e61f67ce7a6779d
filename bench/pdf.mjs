// Speed and peak memory of PDF extraction (and of extraction + every deterministic check) on the
// fixture PDFs and a synthetic 500-page PDF, next to `pdftotext -layout` on the same files.
// Run: node bench/pdf.mjs. Needs qpdf and poppler-utils (scripts/install-texlive.sh).
// Targets: warm extraction (pdf.js loaded, WARMUP unmeasured extractions before) of a 10-30-page paper within
// 2x of pdftotext (wall time and CPU time, pdftotext's 1/100 s CPU resolution floored at 10 ms); 500 pages in under 60 s and 1 GB (one cold extraction plus the checks).
// Each file is measured in a fresh process, so peak memory (max RSS) is that file's own; times are
// medians of RUNS runs (pdftotext too), taken side by side in the same run of this script.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const here = import.meta.dirname;
const root = resolve(here, '..');
const fixtures = resolve(root, '../shared/fixtures/papers');
const cache = join(root, '.cache', 'pdf-bench');
const RUNS = Number(process.env.RUNS ?? 5);
const WARMUP = Number(process.env.WARMUP ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function measureOne(file) {
  const { extractPdf, loadPdfjs } = await import('../src/core/pdf/index.ts');
  const { checkPaper } = await import('../src/core/engine.ts');
  const data = new Uint8Array(readFileSync(file));
  let t = performance.now();
  await loadPdfjs();
  const loadMs = performance.now() - t;
  t = performance.now();
  const uri = pathToFileURL(file).href;
  const paper = await extractPdf(data, uri, { maxPages: 100_000, timeoutMs: 600_000 });
  const extractMs = performance.now() - t;
  // Warm: the same file again in the same process, once the JIT has settled (the language server's
  // and a batch run's steady state: they have read other papers before). WARMUP runs are not measured;
  // the first few repeats still compile pdf.js's hot paths and vary by 2x from run to run.
  const warm = [];
  const warmCpu = [];
  const pagesInFile = paper.text ? pageCount(file) : 0;
  const big = pagesInFile > 100;
  for (let i = 0; i < (big ? 0 : WARMUP); i++) await extractPdf(data, uri, { maxPages: 100_000, timeoutMs: 600_000 });
  for (let i = 0; i < (big ? 1 : RUNS); i++) {
    const cpu = process.cpuUsage();
    t = performance.now();
    await extractPdf(data, uri, { maxPages: 100_000, timeoutMs: 600_000 });
    warm.push(performance.now() - t);
    warmCpu.push(cpuMs(process.cpuUsage(cpu)));
  }
  const warmMs = median(warm);
  const warmCpuMs = median(warmCpu);
  t = performance.now();
  const result = checkPaper(paper);
  const checkMs = performance.now() - t;
  const pages = new Set();
  for (const b of paper.blocks) pages.add(paper.map.toSource(b.start, b.start + 1).page);
  process.stdout.write(
    JSON.stringify({ loadMs, extractMs, warmMs, warmCpuMs, checkMs, chars: paper.text.length, findings: result.findings.length, notes: paper.notes.length, maxRssMB: process.resourceUsage().maxRSS / 1024 }),
  );
}

/** CPU time (user + system, every thread of the process) in ms: what a loaded machine disturbs least. */
function cpuMs(usage) {
  return (usage.user + usage.system) / 1000;
}

function pageCount(file) {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
}

function pdftotext(file) {
  const times = [];
  const cpu = [];
  let kb = NaN;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', 'pdftotext', '-layout', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    times.push(performance.now() - t);
    const [user, system, rss] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
    cpu.push((user + system) * 1000);
    kb = rss;
  }
  return { ms: median(times), cpuMs: median(cpu), maxRssMB: Number.isFinite(kb) ? kb / 1024 : NaN };
}

/** A 500-page PDF made of the fixture papers (or the test fixtures) repeated, with qpdf. */
function synthetic(sources, pages) {
  mkdirSync(cache, { recursive: true });
  const out = join(cache, `synthetic-${pages}.pdf`);
  if (existsSync(out)) return out;
  const args = ['--empty', '--pages'];
  let n = 0;
  while (n < pages) {
    for (const s of sources) {
      const c = pageCount(s);
      const take = Math.min(c, pages - n);
      if (take <= 0) break;
      args.push(s, `1-${take}`);
      n += take;
    }
  }
  execFileSync('qpdf', [...args, '--', out]);
  return out;
}

async function main() {
  if (process.argv[2] === '--one') return measureOne(process.argv[3]);
  const files = [];
  if (existsSync(fixtures)) {
    for (const p of readdirSync(fixtures).sort()) {
      const f = join(fixtures, p, 'pdf', 'original.pdf');
      if (existsSync(f)) files.push(f);
    }
  }
  files.push(join(root, 'examples', 'black-spatula.pdf'));
  const sources = files.length > 1 ? files.slice(0, -1) : [join(root, 'test', 'fixtures', 'pdf', 'two-column.pdf')];
  files.push(synthetic(sources, 500));

  const rows = [];
  for (const f of files) {
    const pages = pageCount(f);
    const r = spawnSync(process.execPath, [join(here, 'pdf.mjs'), '--one', f], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) {
      console.error(r.stderr);
      process.exitCode = 1;
      continue;
    }
    const m = JSON.parse(r.stdout);
    const p = pdftotext(f);
    rows.push({
      file: f.includes('/papers/') ? `${basename(resolve(f, '../..'))}/${basename(f)}` : basename(f),
      pages,
      'extract ms': Math.round(m.extractMs),
      'warm ms': Math.round(m.warmMs),
      'pages/s': Math.round((pages / m.warmMs) * 1000),
      'check ms': Math.round(m.checkMs),
      'peak MB': Math.round(m.maxRssMB),
      'pdftotext ms': Math.round(p.ms),
      'pdftotext MB': Math.round(p.maxRssMB),
      'warm ratio': +(m.warmMs / p.ms).toFixed(2),
      'warm cpu ms': Math.round(m.warmCpuMs),
      'pdftotext cpu ms': Math.round(p.cpuMs),
      'cpu ratio': +(m.warmCpuMs / Math.max(p.cpuMs, 10)).toFixed(2),
      'cold ratio': +(m.extractMs / p.ms).toFixed(2),
      notes: m.notes,
    });
    rows.at(-1)['pdfjs load ms'] = Math.round(m.loadMs);
  }
  console.table(rows);
  const big = rows.at(-1);
  if (big) {
    const ok = big['extract ms'] + big['check ms'] < 60_000 && big['peak MB'] < 1024;
    console.log(`${big.pages} pages: ${((big['extract ms'] + big['check ms']) / 1000).toFixed(1)} s, ${big['peak MB']} MB peak — ${ok ? 'within' : 'OVER'} the 60 s / 1 GB target; extraction ${big['cold ratio']}x pdftotext cold.`);
  }
  // Wall time is what a user waits for (judge it on a quiet machine); CPU time is what a shared, loaded
  // machine disturbs least. Node's CPU time includes V8's parallel GC and compiler threads, and
  // pdftotext's is read at 1/100 s, so the CPU ratio of a small file is coarse. Both are judged.
  for (const r of rows.slice(0, -1)) {
    const inRange = r.pages >= 10 && r.pages <= 30;
    const verdict = (ratio) => (inRange ? (ratio <= 2 ? 'within 2x' : 'OVER 2x') : 'outside the 10-30-page target');
    console.log(`${r.file} (${r.pages} pages): warm extraction ${r['warm ratio']}x pdftotext -layout in wall time (${verdict(r['warm ratio'])}), ${r['cpu ratio']}x in CPU time (${verdict(r['cpu ratio'])}).`);
  }
}

await main();
