// Speed and memory of a full LaTeX check (extraction + every deterministic check), on the largest
// fixture paper and on synthetic papers made by repeating it, to show growth is linear.
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

function time(source, uri, runs) {
  const readFile = (u) => {
    try {
      return readFileSync(new URL(u), 'utf8');
    } catch {
      return undefined;
    }
  };
  checkPaper(extractLatex(source, uri, { readFile })); // warm-up
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    checkPaper(extractLatex(source, uri, { readFile }));
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const file = largestTex();
const source = readFileSync(file, 'utf8');
const uri = pathToFileURL(file).href;
// About 3,000 characters of LaTeX source make a printed page.
const pages = (s) => Math.max(1, Math.round(s.length / 3000));
console.log(`paper: ${file} (${source.length} chars, ~${pages(source)} pages)`);
console.log('pages\tchars\tms/check\tms/page\tpeak RSS MB');
for (const n of [1, 2, 4, 8]) {
  const s = repeated(source, n);
  const ms = time(s, uri, n > 4 ? 3 : 7);
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(`${pages(s)}\t${s.length}\t${ms.toFixed(1)}\t${(ms / pages(s)).toFixed(2)}\t${rss.toFixed(0)}`);
}
const thirty = repeated(source, Math.max(1, Math.round(30 / pages(source))));
const ms30 = time(thirty, uri, 5);
console.log(`30-page paper: ${ms30.toFixed(1)} ms per check (target < 100 ms) ${ms30 < 100 ? 'OK' : 'OVER TARGET'}`);
const hundred = repeated(source, Math.max(1, Math.round(100 / pages(source))));
console.log(`100-page paper: ${time(hundred, uri, 3).toFixed(1)} ms per check; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
