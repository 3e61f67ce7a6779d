// Benchmark of the statistics checks (p-values, GRIM, GRIMMER, DEBIT) on a statistics-heavy paper
// repeated 1×, 4× and 16×: milliseconds per check, statistical tests found per second, peak RSS.
// Time per character should stay flat as the paper grows (linear checks).
//
//   node bench/stats.mjs               intergroup_contact fixture if present, else synthetic APA results
//   node bench/stats.mjs --synthetic   synthetic APA results only
//
// The fixture is extracted once with the LaTeX extractor (not timed here).

import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const { STATS_CHECKS } = await import(`${root}src/core/checks/stats/index.ts`);
const { plainPaper } = await import(`${root}src/core/text/plain-paper.ts`);
const { syntheticPaper } = await import(`${root}test/unit/stats/synthetic.ts`);

const FIXTURE = `${root}../shared/fixtures/papers/intergroup_contact/original`;
const REPEATS = [1, 4, 16];
const RUNS = 5;

async function basePaper() {
  if (!process.argv.includes('--synthetic') && existsSync(FIXTURE)) {
    const { extractLatexProject } = await import(`${root}src/core/latex/index.ts`);
    const t0 = performance.now();
    const papers = extractLatexProject(FIXTURE);
    const paper = papers.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    return { name: 'intergroup_contact (fixture)', paper, extractMs: performance.now() - t0 };
  }
  return { name: 'synthetic APA results', paper: plainPaper(syntheticPaper(120_000)) };
}

const shift = (s, by) => ({ ...s, start: s.start + by, end: s.end + by });

/** The paper's text `times` times over, with blocks and tables shifted to each copy. */
function repeated(paper, times) {
  const len = paper.text.length;
  const copies = Array.from({ length: times }, (_, k) => k * len);
  return {
    ...paper,
    text: paper.text.repeat(times),
    blocks: copies.flatMap((by) => paper.blocks.map((b) => shift(b, by))),
    tables: copies.flatMap((by) => paper.tables.map((t) => ({ ...shift(t, by), rows: t.rows.map((row) => row.map((c) => shift(c, by))) }))),
    suppressed: [],
  };
}

/** One engine-like pass: every check in turn on one paper object (they share its parsed context). */
function pass(paper) {
  const fresh = { ...paper };
  const ms = {};
  const found = {};
  for (const check of STATS_CHECKS) {
    const t0 = performance.now();
    const out = check(fresh);
    ms[check.name] = performance.now() - t0;
    found[check.name] = out.findings.length + out.verified.length;
  }
  return { ms, found };
}

const { name, paper, extractMs } = await basePaper();
console.log(`Statistics checks on ${name}: ${paper.text.length.toLocaleString('en-US')} characters${extractMs ? ` (extracted in ${extractMs.toFixed(0)} ms)` : ''}`);
// The first pass pays one-off costs (regex and JIT compilation); shown separately.
const first = pass(paper);
console.log(`first pass in this process (compilation included): ${STATS_CHECKS.map((c) => `${c.name} ${first.ms[c.name].toFixed(1)} ms`).join(', ')}`);
console.log(`best of ${RUNS} runs per size:\n`);

const names = STATS_CHECKS.map((c) => c.name.replace(/^check/, ''));
const header = ['size', 'chars', ...names.map((n) => `${n} ms`), 'all ms', 'µs/1k chars', 'tests', 'tests/s', 'peak RSS'];
const rows = [header];
for (const times of REPEATS) {
  const big = repeated(paper, times);
  let best;
  for (let run = 0; run < RUNS; run++) {
    const r = pass(big);
    const total = Object.values(r.ms).reduce((a, b) => a + b, 0);
    if (!best || total < best.total) best = { ...r, total };
  }
  const tests = best.found.checkPValues;
  rows.push([
    `${times}×`,
    big.text.length.toLocaleString('en-US'),
    ...STATS_CHECKS.map((c) => best.ms[c.name].toFixed(1)),
    best.total.toFixed(1),
    ((1000 * best.total) / (big.text.length / 1000)).toFixed(1),
    String(tests),
    Math.round(tests / (best.ms.checkPValues / 1000)).toLocaleString('en-US'),
    `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  ]);
}
const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((cell, i) => cell.padStart(widths[i])).join('  '));
console.log('\n"tests" = statistical tests the p-value check recomputed (in text and tables); µs/1k chars should stay flat.');
