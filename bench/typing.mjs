// The language server as an editor drives it (dist/server/server.cjs over stdio, LSP messages from
// vscode-languageserver-protocol): time from opening a paper to its first diagnostics, and, while a
// user types continuously (one character every --interval ms for --seconds s), the time from each
// keystroke to the first diagnostics that include it (p50/p95) and the longest gap between diagnostics.
// A keystroke is "included" when the tracked finding has moved right by that many characters: the
// keystrokes are spaces typed at the start of the finding's line (each one a new text and a full
// check, while what the paper says, and so its findings, stay the same). The reference, taken in the same run, is the
// worker's own check time for the paper (from the server's log) plus the debounce's maximum wait.
// Targets: first diagnostics under 1 s after opening; during typing p95 within 1.5x of
// (maximum wait + check time), and diagnostics at least every second.
// Run: node bench/typing.mjs [--seconds 20] [--interval 100]  (after npm run build)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';

const root = resolve(import.meta.dirname, '..');
const server = join(root, 'dist', 'server', 'server.cjs');
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' }, interval: { type: 'string', default: '100' } } });
const TYPING_MS = Number(values.seconds) * 1000;
const INTERVAL_MS = Number(values.interval);
/** The server's debounce maximum wait (src/server/checker.ts MAX_WAIT_MS). */
const MAX_WAIT_MS = 750;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** A server process and an LSP connection to it; diagnostics and log lines are recorded with their arrival time. */
async function startServer(workspaceFolder) {
  const spawned = performance.now();
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: 'pipe' });
  child.stderr.resume();
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = [];
  const logs = [];
  const waiters = new Set();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push({ at: performance.now(), uri: p.uri, diagnostics: p.diagnostics });
    for (const w of [...waiters]) w();
  });
  connection.onNotification(LogMessageNotification.type, (p) => logs.push({ at: performance.now(), message: p.message }));
  connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => ({})));
  connection.onRequest(RegistrationRequest.type, () => null);
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
  connection.listen();
  const folder = workspaceFolder ? [{ uri: pathToFileURL(workspaceFolder).href, name: 'bench' }] : null;
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: folder?.[0].uri ?? null,
    workspaceFolders: folder,
    capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { publishDiagnostics: {} } },
  });
  const initializedAt = performance.now();
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    published,
    logs,
    startMs: initializedAt - spawned,
    /** Resolves with the first publication for `uri` after index `from` that satisfies `predicate`. */
    waitFor(uri, predicate, from = 0, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = published.slice(from).find((p) => p.uri === uri && predicate(p.diagnostics));
          if (!hit) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    open(uri, text) {
      return connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'latex', version: 1, text } });
    },
    async close() {
      await Promise.race([connection.sendRequest(ShutdownRequest.type), sleep(2000)]);
      await connection.sendNotification(ExitNotification.type).catch(() => undefined);
      connection.dispose();
      await Promise.race([new Promise((r) => child.once('exit', r)), sleep(2000)]);
      if (child.exitCode === null) child.kill();
    },
  };
}

/** The papers measured: the example, and the fixtures' LaTeX roots (opened with their folder as the workspace). */
function papers() {
  const list = [{ name: 'examples/black-spatula.tex', file: join(root, 'examples', 'black-spatula.tex') }];
  const fixtures = resolve(root, '../shared/fixtures/papers');
  for (const [name, rel] of [
    ['intergroup_contact', 'original/manuscript.tex'],
    ['pcv_cea', 'original/manuscript.tex'],
    ['deception_intero', 'original/paper/manuscript.tex'],
  ]) {
    const file = join(fixtures, name, rel);
    if (existsSync(file)) list.push({ name, file });
  }
  return list;
}

function checkTimesOf(logs, since) {
  return logs.filter((l) => l.at >= since).map((l) => Number(/^Checked .* in (\d+) ms/.exec(l.message)?.[1])).filter(Number.isFinite);
}

async function firstDiagnostics(paper) {
  const s = await startServer(dirname(paper.file));
  try {
    const uri = pathToFileURL(paper.file).href;
    const text = readFileSync(paper.file, 'utf8');
    const opened = performance.now();
    await s.open(uri, text);
    const first = await s.waitFor(uri, () => true);
    const checkMs = checkTimesOf(s.logs, opened)[0];
    return { uri, text, first, server: s, row: { paper: paper.name, 'server start ms': Math.round(s.startMs), 'open → diagnostics ms': Math.round(first.at - opened), 'check in worker ms': checkMs, findings: first.diagnostics.length } };
  } catch (e) {
    await s.close();
    throw e;
  }
}

/** Types at the start of the first finding's line and measures keystroke → diagnostics that include it. */
async function typing(s, uri, first) {
  const tracked = first.diagnostics[0];
  if (!tracked) return undefined;
  const line = tracked.range.start.line;
  const column0 = tracked.range.start.character;
  const columnOf = (diagnostics) => diagnostics.find((d) => d.range.start.line === line && d.code === tracked.code && d.message.split(' ')[0] === tracked.message.split(' ')[0])?.range.start.character;
  const sent = [];
  const from = s.published.length;
  const started = performance.now();
  for (let k = 1; performance.now() - started < TYPING_MS; k++) {
    sent.push(performance.now());
    await s.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: k + 1 },
      contentChanges: [{ range: { start: { line, character: k - 1 }, end: { line, character: k - 1 } }, text: ' ' }],
    });
    await sleep(INTERVAL_MS);
  }
  const stopped = performance.now();
  // The last keystroke's diagnostics.
  await s.waitFor(uri, (d) => columnOf(d) >= column0 + sent.length, from, 30_000).catch(() => undefined);
  const mine = s.published.slice(from).filter((p) => p.uri === uri);
  const latencies = [];
  let missed = 0;
  sent.forEach((at, i) => {
    const hit = mine.find((p) => p.at >= at && columnOf(p.diagnostics) >= column0 + i + 1);
    if (hit) latencies.push(hit.at - at);
    else missed++;
  });
  const during = mine.filter((p) => p.at <= stopped).map((p) => p.at);
  const gaps = [during[0] - started, ...during.slice(1).map((t, i) => t - during[i]), stopped - (during.at(-1) ?? started)];
  const checks = checkTimesOf(s.logs, started);
  return { keystrokes: sent.length, missed, latencies, maxGap: Math.max(...gaps), checkMs: percentile(checks, 50), checks: checks.length };
}

if (!existsSync(server)) {
  console.log('dist/server/server.cjs is missing: run `npm run build` first.');
  process.exit(1);
}
const openRows = [];
const typingRows = [];
for (const paper of papers()) {
  const { uri, first, server: s, row } = await firstDiagnostics(paper);
  openRows.push(row);
  try {
    const t = await typing(s, uri, first);
    if (t) {
      const p50 = percentile(t.latencies, 50);
      const p95 = percentile(t.latencies, 95);
      typingRows.push({
        paper: paper.name,
        keystrokes: t.keystrokes,
        'checks run': t.checks,
        'check ms (median)': t.checkMs,
        'p50 ms': Math.round(p50),
        'p95 ms': Math.round(p95),
        'p95 / (max wait + check)': +(p95 / (MAX_WAIT_MS + (t.checkMs ?? 0))).toFixed(2),
        'longest gap ms': Math.round(t.maxGap),
        'never shown': t.missed,
      });
    }
  } finally {
    await s.close();
  }
}
console.log('First diagnostics after opening (target < 1000 ms from opening):');
console.table(openRows);
console.log(`Continuous typing, one character every ${INTERVAL_MS} ms for ${TYPING_MS / 1000} s (targets: p95 / (max wait + check) <= 1.5, longest gap <= 1000 ms + check):`);
console.table(typingRows);
