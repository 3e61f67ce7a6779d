// Runs the CLI on freshly mutated PDFs and pathological LaTeX, one process per case, and checks that
// every run ends within its budget with exit 0, 1, 2 or 3 and a one-line reason, under 1 GB of memory.
// `npm run fuzz` runs many cases (node test/fuzz/run.ts --count N --seed S); the npm test runs a few.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mutatePdf, seedPdfs, writeMutatedLatex } from './inputs.ts';

// The built CLI as users run it (npm test and land.sh build first); the sources otherwise.
const BUILT = resolve(import.meta.dirname, '../../dist/cli/tally.mjs');
const CLI = existsSync(BUILT) ? resolve(import.meta.dirname, '../../bin/tally.js') : resolve(import.meta.dirname, '../../src/cli/main.ts');
const MAX_RSS_KB = 1024 * 1024;

export interface FuzzCase {
  seed: number;
  kind: 'pdf' | 'latex';
  mutator: string;
  exit: number | null;
  wallMs: number;
  rssMb: number;
  problem?: string;
}

export interface FuzzOptions {
  count: number;
  seed: number;
  /** Per-paper budget given to the CLI. */
  timeoutMs: number;
}

function runOne(path: string, timeoutMs: number): { exit: number | null; wallMs: number; rssKb: number; stderr: string; signal: string | null } {
  const started = performance.now();
  // The CLI's own budget plus its stop grace, start-up and a margin: past this the run hung.
  const hardLimit = timeoutMs * 1.25 + 2000 + 60_000;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI, 'check', path, '--format', 'jsonl', '--timeout-ms', String(timeoutMs), '--jobs', '1'], {
    encoding: 'utf8',
    timeout: hardLimit,
    maxBuffer: 1 << 28,
    env: { ...process.env, TALLY_API_KEY: '', OPENAI_API_KEY: '' },
  });
  const lines = r.stderr.trim().split('\n');
  const rssKb = Number(lines.pop());
  return { exit: r.status, wallMs: performance.now() - started, rssKb, stderr: lines.join('\n'), signal: r.signal };
}

function judge(c: Omit<FuzzCase, 'problem'>, run: ReturnType<typeof runOne>): string | undefined {
  if (run.signal) return `killed by ${run.signal} after ${Math.round(run.wallMs)} ms (hang)`;
  if (run.exit === null || ![0, 1, 2, 3].includes(run.exit)) return `exit ${run.exit}`;
  if (run.exit >= 2 && run.stderr.split('\n').filter((l) => l.startsWith('tally:')).length !== 1) return `exit ${run.exit} without a one-line reason: ${run.stderr.slice(0, 300)}`;
  if (/unexpected error|at .*\.ts:\d+/.test(run.stderr)) return `crash: ${run.stderr.slice(0, 300)}`;
  if (run.rssKb > MAX_RSS_KB) return `${Math.round(run.rssKb / 1024)} MB of memory`;
  return undefined;
}

export function runFuzz(options: FuzzOptions, onCase?: (c: FuzzCase) => void): FuzzCase[] {
  const dir = mkdtempSync(join(tmpdir(), 'tally-fuzz-'));
  const pdfs = seedPdfs();
  const cases: FuzzCase[] = [];
  try {
    for (let i = 0; i < options.count; i++) {
      const seed = options.seed + i;
      const kind = i % 2 === 0 ? 'pdf' : 'latex';
      let path: string;
      let mutator: string;
      if (kind === 'pdf') {
        const m = mutatePdf(seed, pdfs);
        path = join(dir, `case-${seed}.pdf`);
        writeFileSync(path, m.data);
        mutator = m.name;
      } else {
        path = join(dir, `case-${seed}`);
        mutator = writeMutatedLatex(seed, path);
        path = join(path, 'main.tex');
      }
      const run = runOne(path, options.timeoutMs);
      const c = { seed, kind, mutator, exit: run.exit, wallMs: Math.round(run.wallMs), rssMb: Math.round(run.rssKb / 1024) } as FuzzCase;
      c.problem = judge(c, run);
      cases.push(c);
      onCase?.(c);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return cases;
}

export function summarise(cases: readonly FuzzCase[]): string {
  const byExit = new Map<string, number>();
  for (const c of cases) byExit.set(String(c.exit), (byExit.get(String(c.exit)) ?? 0) + 1);
  const problems = cases.filter((c) => c.problem);
  const wall = cases.map((c) => c.wallMs).sort((a, b) => a - b);
  return [
    `${cases.length} cases (${cases.filter((c) => c.kind === 'pdf').length} PDF, ${cases.filter((c) => c.kind === 'latex').length} LaTeX): ` +
      `exits ${[...byExit].map(([k, v]) => `${k}: ${v}`).join(', ')}; problems: ${problems.length}; ` +
      `wall median ${wall[Math.floor(wall.length / 2)] ?? 0} ms, max ${wall.at(-1) ?? 0} ms; max memory ${Math.max(0, ...cases.map((c) => c.rssMb))} MB`,
    ...problems.map((c) => `  seed ${c.seed} (${c.kind}, ${c.mutator}): ${c.problem}`),
  ].join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '300' }, seed: { type: 'string', default: String(Date.now() % 100000) }, 'timeout-ms': { type: 'string', default: '10000' } } });
  const options = { count: Number(values.count), seed: Number(values.seed), timeoutMs: Number(values['timeout-ms']) };
  console.log(`fuzz: ${options.count} cases from seed ${options.seed}, --timeout-ms ${options.timeoutMs}`);
  const cases = runFuzz(options, (c) => {
    console.log(`${c.problem ? 'PROBLEM' : 'ok'} seed ${c.seed} (${c.kind}, ${c.mutator}): exit ${c.exit}, ${c.wallMs} ms, ${c.rssMb} MB${c.problem ? `: ${c.problem}` : ''}`);
  });
  console.log(summarise(cases));
  process.exitCode = cases.some((c) => c.problem) ? 1 : 0;
}
