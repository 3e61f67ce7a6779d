// Speed and memory of a full LaTeX check (extraction + every deterministic check), on the largest
// fixture paper and on synthetic papers made by repeating it, to show growth is linear. Extraction
// and checks are timed separately (CPU time, median of runs) so the checks' share is visible.
// Run: npm run bench  (or node bench/latex.mjs). Target: < 100 ms for a 30-page paper.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractLatex } from '../src/core/latex/index.ts';
import { checkPaper } from '../src/core/engine.ts';

const fixtures = resolve(import.meta.dirname, '../../shared/fixtures/papers');
const example = resolve(import.meta.dirname, '../examples/black-spatula.tex');

function largestTex() {
  if (!existsSync(fixtures)) return example;
  let best = example;
  let size = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.tex') && full.includes('/original/') && statSync(full).size > size) {
        size = statSync(full).size;
        best = full;
      }
    }
  };
  walk(fixtures);
  return best;
}

/** Repeats the body of a paper n times inside one document. */
function repeated(source, n) {
  const begin = source.indexOf('\\begin{document}');
  const end = source.lastIndexOf('\\end{document}');
  if (begin < 0 || end < 0) return source.repeat(n);
  const body = source.slice(begin + '\\begin{document}'.length, end);
  return source.slice(0, begin) + '\\begin{document}' + body.repeat(n) + '\\end{document}\n';
}

const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median CPU time (the machine may be shared; wall time is noisy) of extraction and of the checks. */
function time(source, uri, runs) {
  const readFile = (u) => {
    try {
      return readFileSync(new URL(u), 'utf8');
    } catch {
      return undefined;
    }
  };
  checkPaper(extractLatex(source, uri, { readFile })); // warm-up
  const extract = [];
  const check = [];
  for (let i = 0; i < runs; i++) {
    const t0 = cpuMs();
    const paper = extractLatex(source, uri, { readFile });
    const t1 = cpuMs();
    checkPaper(paper);
    extract.push(t1 - t0);
    check.push(cpuMs() - t1);
  }
  const e = median(extract);
  const c = median(check);
  return { e, c, ms: e + c };
}

const file = largestTex();
const source = readFileSync(file, 'utf8');
const uri = pathToFileURL(file).href;
// About 3,000 characters of LaTeX source make a printed page.
const pages = (s) => Math.max(1, Math.round(s.length / 3000));
console.log(`paper: ${file} (${source.length} chars, ~${pages(source)} pages)`);
console.log('pages\tchars\textract ms\tcheck ms\ttotal ms\tms/page\tpeak RSS MB');
for (const n of [1, 2, 4, 8]) {
  const s = repeated(source, n);
  const { e, c, ms } = time(s, uri, n > 4 ? 3 : 7);
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(`${pages(s)}\t${s.length}\t${e.toFixed(1)}\t${c.toFixed(1)}\t${ms.toFixed(1)}\t${(ms / pages(s)).toFixed(2)}\t${rss.toFixed(0)}`);
}
const thirty = repeated(source, Math.max(1, Math.round(30 / pages(source))));
const t30 = time(thirty, uri, 5);
console.log(`30-page paper: ${t30.ms.toFixed(1)} ms CPU per check (extraction ${t30.e.toFixed(1)}, checks ${t30.c.toFixed(1)}; target < 100 ms) ${t30.ms < 100 ? 'OK' : 'OVER TARGET'}`);
const hundred = repeated(source, Math.max(1, Math.round(100 / pages(source))));
const t100 = time(hundred, uri, 3);
console.log(`100-page paper: ${t100.ms.toFixed(1)} ms CPU per check (extraction ${t100.e.toFixed(1)}, checks ${t100.c.toFixed(1)}); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
