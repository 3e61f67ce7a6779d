// What the ledger and the consistency checks add to a check. Two papers: the largest fixture
// original repeated to about 30 pages (the "30-page check" of bench/latex.mjs: extraction and every
// deterministic check), and a synthetic paper far denser in numbers than real prose (a number every
// ten words, a sample flow, tables and sentences citing them), where the checks alone are compared.
// Target: the ledger and its checks add at most 30% to the 30-page check time. CPU time, best of runs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHECK_MODULES } from '../src/core/checks/index.ts';
import { CONSISTENCY_MODULES } from '../src/core/checks/consistency/index.ts';
import { extractLatex } from '../src/core/latex/index.ts';
import { sectioned } from '../test/unit/consistency/helpers.ts';

const others = CHECK_MODULES.filter((m) => !CONSISTENCY_MODULES.includes(m));
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
// Best of the runs: the machine is shared, and the least disturbed run is the truest.
const best = (xs) => Math.min(...xs);

/** CPU ms (best of runs) of making the paper, of the other checks, and of the ledger with the consistency checks (run last, as the engine does). */
function time(makePaper, runs) {
  const parts = { make: [], others: [], added: [] };
  for (let i = 0; i < runs + 2; i++) {
    const t0 = cpuMs();
    const paper = makePaper();
    const t1 = cpuMs();
    for (const m of others) m.run(paper);
    const t2 = cpuMs();
    for (const m of CONSISTENCY_MODULES) m.run(paper);
    const t3 = cpuMs();
    if (i < 2) continue; // warm-up
    parts.make.push(t1 - t0);
    parts.others.push(t2 - t1);
    parts.added.push(t3 - t2);
  }
  return { make: best(parts.make), others: best(parts.others), added: best(parts.added) };
}

function largestTex() {
  const fixtures = resolve(import.meta.dirname, '../../shared/fixtures/papers');
  let best = resolve(import.meta.dirname, '../examples/black-spatula.tex');
  let size = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.tex') && full.includes('/original/') && statSync(full).size > size) [best, size] = [full, statSync(full).size];
    }
  };
  if (existsSync(fixtures)) walk(fixtures);
  return best;
}

function repeated(source, n) {
  const begin = source.indexOf('\\begin{document}');
  const end = source.lastIndexOf('\\end{document}');
  if (begin < 0 || end < 0) return source.repeat(n);
  const body = source.slice(begin + '\\begin{document}'.length, end);
  return source.slice(0, begin) + '\\begin{document}' + body.repeat(n) + '\\end{document}\n';
}

const readFile = (uri) => {
  try {
    return readFileSync(new URL(uri), 'utf8');
  } catch {
    return undefined;
  }
};
const file = largestTex();
const source = readFileSync(file, 'utf8');
// About 3,000 characters of checkable text make a printed page: repeat the paper (with its \input files) to 30 pages.
const onceText = extractLatex(source, pathToFileURL(file).href, { readFile }).text.length;
const thirty = repeated(source, Math.max(1, Math.round(90_000 / onceText)));
const real = time(() => extractLatex(thirty, pathToFileURL(file).href, { readFile }), 11);
const realShare = real.added / (real.make + real.others);
console.log(`30-page real paper (${file.split('/papers/')[1] ?? file} with its \\input files, repeated to about 90,000 characters of text):`);
console.log(`  extraction ${real.make.toFixed(1)} ms, other checks ${real.others.toFixed(1)} ms, ledger + consistency ${real.added.toFixed(1)} ms`);
console.log(`  adds ${(100 * realShare).toFixed(0)}% to the 30-page check (${realShare <= 0.3 ? 'within' : 'OVER'} the 30% target); ${(100 * (real.added / real.others)).toFixed(0)}% of the other checks alone`);

const CLAIMS = 'We bought 40 utensils. Of these, 12 of 40 products (30%) contained BDE-209, and 7000 × 60 = 420,000 ng/day. It rose from 2.1 to 8.4, a 300% increase; values 3.2, 4.1 and 5.0 had a mean of 4.1. The difference was 1.8 (95% CI 0.1 to 3.5). Groups differed, t(28) = 2.10, p = .045.';
const PROSE = 'Participants (N = 120) completed the task in 2019 and 2020, as described in Section 2.3 and Fig. 4 [12, 13]. Ages ranged from 18 to 65 years (M = 34.2, SD = 11.3), and sessions lasted 45 minutes on average across three sites.';
const FLOW = 'We recruited 130 participants from two clinics. Ten participants were excluded for missing data. The final sample consisted of 120 participants (64 women, 56 men).';
const CITES = 'As Table 2 shows, the lower weir reached a nitrate level of 6.80 mg/L, and the speed-up of the new solver was 3.1x.';
const TABLE = { table: [['Site', 'Nitrate', 'Speed-up', 'Total'], ['Upper weir', '4.12', '1.8x', '18'], ['Lower weir', '6.80', '3.1x', '22'], ['Total', '12', '28', '40']] };

function synthetic(pages) {
  const parts = [{ heading: 'Abstract' }, 'We surveyed 120 participants; the new solver was 1.8x to 3.1x faster.', { heading: 'Methods' }, FLOW];
  for (let i = 0; i < pages * 10; i++) {
    if (i % 40 === 0) parts.push({ heading: `Section ${i / 40 + 1}` });
    parts.push(i % 4 === 0 ? CLAIMS : i % 4 === 1 ? CITES : PROSE);
    if (i % 15 === 0) parts.push(TABLE);
  }
  parts.push({ heading: 'Conclusion' }, 'Speed-ups reached up to 3.1x with 120 participants.');
  return sectioned(...parts);
}

console.log('synthetic number-dense paper, checks only:\npages\tother checks ms\tledger + consistency ms\tadded');
for (const pages of [30, 60, 120]) {
  const t = time(() => synthetic(pages), 5);
  console.log(`${pages}\t${t.others.toFixed(1)}\t${t.added.toFixed(1)}\t${((100 * t.added) / t.others).toFixed(0)}%`);
}
