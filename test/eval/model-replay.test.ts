// Replays the recorded answers of a strong reasoning model (../shared/model-answers) through the
// model review, as a pool: each request is answered with the recorded findings whose quote lies in its
// section to check, so the replay survives changes of prompt wording and section boundaries.
// Every injected fixture error must be found; every error-level model finding that is not injected
// must be a real error of the original that was read and listed below.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkPaper } from '../../src/core/engine.ts';
import { reviewPaper, type ReviewResult } from '../../src/core/model/index.ts';
import type { Finding } from '../../src/core/types.ts';
import { papersFor } from '../../src/cli/inputs.ts';
import { findingsReply, startFakeOpenAIServer, type RecordedRequest } from '../helpers/fake-openai-server.ts';
import { FIXTURES, HAVE_FIXTURES, manifest, REPO, type InjectedError } from './fixtures.ts';

const ANSWERS = process.env.TALLY_MODEL_ANSWERS ?? resolve(REPO, '../shared/model-answers');
const HAVE_ANSWERS = HAVE_FIXTURES && existsSync(join(ANSWERS, 'README.md'));

/**
 * Error-level model findings on the mutants that are not injected errors, each read in the paper and
 * found to be a real error of the original (file, line, and why).
 */
const REAL_ERRORS_OF_ORIGINALS: { paper: string; file: string; line: number; why: string }[] = [
  {
    paper: 'deception_intero',
    file: 'paper/manuscript.tex',
    line: 292,
    why: 'an interval whose lower bound exceeds its upper bound, in the published paper too (see test/eval/known-real-errors.json)',
  },
];

interface PoolFinding {
  quote: string;
  [key: string]: unknown;
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

function pool(paper: string): PoolFinding[] {
  const dir = join(ANSWERS, paper, 'answers');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { findings: PoolFinding[] }).findings);
}

/** The part of a request the model is asked to check: after the section marker, else the whole user message. */
function partToCheck(request: RecordedRequest): string {
  const user = (request.body?.messages as { role: string; content: string }[] | undefined)?.find((m) => m.role === 'user')?.content ?? '';
  const at = user.indexOf('[SECTION TO CHECK');
  const part = at >= 0 ? user.slice(at) : user;
  const end = part.search(/<<<END PAPER /);
  return fold(end >= 0 ? part.slice(0, end) : part);
}

/** Whether the finding's number or its quoted claim covers the injected change on its line. */
function pointsAtLine(f: Finding, m: InjectedError, folder: string): boolean {
  if (fileURLToPath(f.range.uri) !== join(folder, m.file)) return false;
  const line = readFileSync(join(folder, m.file), 'utf8').split(/\r?\n/)[m.line - 1] ?? '';
  const at = line.indexOf(m.mutant);
  return [f.range, f.claimRange].some((r) => {
    if (!r || r.start.line + 1 > m.line || r.end.line + 1 < m.line) return false;
    if (at < 0) return true;
    const start = r.start.line + 1 === m.line ? r.start.character : 0;
    const end = r.end.line + 1 === m.line ? r.end.character : Infinity;
    return start < at + m.mutant.length && end > at;
  });
}

interface Row {
  paper: string;
  injected: number;
  asError: number;
  asWarning: number;
  missed: string[];
  extraErrors: string[];
  extraWarnings: number;
  dropped: number;
  unserved: number;
  requests: number;
}

async function replay(paper: string, contextBudgetTokens?: number): Promise<{ row: Row; review: ReviewResult }> {
  const findings = pool(paper);
  const served = new Set<PoolFinding>();
  const server = await startFakeOpenAIServer({
    fallback: (request) => {
      const part = partToCheck(request);
      const mine = findings.filter((f) => part.includes(fold(f.quote)));
      for (const f of mine) served.add(f);
      return findingsReply(mine);
    },
  });
  const folder = join(FIXTURES, 'papers', paper, 'mutant');
  try {
    // The paper is the largest root (a folder may also hold a title page or a stray fragment).
    const doc = (await papersFor(folder, {})).sort((a, b) => b.text.length - a.text.length)[0];
    const check = checkPaper(doc);
    const review = await reviewPaper(doc, { baseURL: server.baseURL, apiKey: 'sk-replay', model: 'replay', maxRetries: 0, contextBudgetTokens }, { deterministic: check });
    const injected = manifest().filter((m) => m.paper === paper);
    const row: Row = { paper, injected: injected.length, asError: 0, asWarning: 0, missed: [], extraErrors: [], extraWarnings: 0, dropped: review.dropped.length, unserved: findings.length - served.size, requests: review.requests };
    for (const m of injected) {
      const hits = review.findings.filter((f) => pointsAtLine(f, m, folder));
      if (hits.some((f) => f.severity === 'error')) row.asError++;
      else if (hits.length > 0) row.asWarning++;
      else row.missed.push(`${m.file}:${m.line} ${m.mutant}`);
    }
    for (const f of review.findings) {
      if (injected.some((m) => pointsAtLine(f, m, folder))) continue;
      if (f.severity !== 'error') {
        row.extraWarnings++;
        continue;
      }
      const file = fileURLToPath(f.range.uri).slice(folder.length + 1);
      const known = REAL_ERRORS_OF_ORIGINALS.some((k) => k.paper === paper && k.file === file && k.line === f.range.start.line + 1);
      if (!known) row.extraErrors.push(`${file}:${f.range.start.line + 1} ${f.message}`);
    }
    return { row, review };
  } finally {
    await server.close();
  }
}

// The whole paper in one request (the default budget fits every fixture), and section by section
// with a digest of the rest (a budget of a few thousand tokens, as for a small local model).
for (const [mode, budget] of [
  ['whole paper', undefined],
  ['sections with a digest', 6000],
] as const) {
  test(`model review replay (${mode}): all injected errors found, no unexplained errors`, { skip: !HAVE_ANSWERS && 'no ../shared/model-answers' }, async () => {
    const papers = readdirSync(ANSWERS).filter((p) => existsSync(join(ANSWERS, p, 'answers'))).sort();
    const rows: Row[] = [];
    for (const paper of papers) rows.push((await replay(paper, budget)).row);
    const lines = rows.map(
      (r) =>
        `  ${r.paper}: ${r.asError + r.asWarning}/${r.injected} injected found (${r.asError} as errors, ${r.asWarning} as warnings); ` +
        `${r.extraErrors.length} unexplained errors, ${r.extraWarnings} other warnings, ${r.dropped} dropped, ${r.unserved} never served; ${r.requests} requests` +
        (r.missed.length ? `; missed: ${r.missed.join('; ')}` : '') +
        (r.extraErrors.length ? `; unexplained: ${r.extraErrors.join(' | ')}` : ''),
    );
    console.log(`model replay, ${mode}:\n${lines.join('\n')}`);
    const total = rows.reduce((a, r) => a + r.injected, 0);
    const found = rows.reduce((a, r) => a + r.asError + r.asWarning, 0);
    assert.equal(found, total, `every injected error is found by the model review:\n${lines.join('\n')}`);
    assert.deepEqual(rows.flatMap((r) => r.extraErrors), [], 'every error-level model finding is injected or a known real error');
    // A section split that hides a recorded finding from every request would make this replay blind to it.
    assert.deepEqual(rows.map((r) => r.unserved), rows.map(() => 0), 'every recorded finding lies in some section to check');
  });
}
