// The model review through the language server, against the local fake OpenAI server: the plan
// sends nothing, the review sends the paper with the key given in the request, model findings are
// published as "Tally (model)" diagnostics and appear in the report; turned off, nothing is sent.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FakeOpenAIServer } from '../helpers/fake-openai-server.ts';
import { findingsReply, startFakeOpenAIServer } from '../helpers/fake-openai-server.ts';
import type { ServerHandle } from './harness.ts';
import { fileUri, serverBuilt, startServer } from './harness.ts';

// A claim the deterministic checks do not read (the count of cages is a word they do not take as a number),
// so the model's finding is the only one on it.
const PAPER = `\\documentclass{article}
\\begin{document}
\\section{Methods}
A dozen cages held 5 mice each, so 50 mice were used in total.
\\end{document}
`;
const KEY = 'sk-test-not-a-real-key-123456';

describe('model review through the server', { skip: serverBuilt() ? false : 'run `npm run build` first' }, () => {
  let fake: FakeOpenAIServer;
  let server: ServerHandle;
  let dir: string;
  let uri: string;

  before(async () => {
    fake = await startFakeOpenAIServer();
    dir = mkdtempSync(join(tmpdir(), 'tally-model-'));
    writeFileSync(join(dir, 'paper.tex'), PAPER);
    uri = fileUri(join(dir, 'paper.tex'));
    server = await startServer({ workspaceFolder: dir, allowLoopback: true });
    server.open(uri, PAPER);
    await server.waitForDiagnostics(uri);
  });

  after(async () => {
    await server?.close();
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const model = () => ({ enabled: true, baseUrl: fake.baseURL, model: 'fake-model' });

  test('the plan names host and model, and sends nothing', async () => {
    const plan = await server.request<any>('tally/planReview', { uri, model: model() });
    assert.equal(plan.host, new URL(fake.baseURL).host);
    assert.equal(plan.model, 'fake-model');
    assert.ok(plan.totalChars > 0 && plan.estTokens > 0 && plan.requests >= 1);
    assert.equal(fake.requests.length, 0);
  });

  test('turned off, the review refuses and sends nothing', async () => {
    await assert.rejects(server.request('tally/review', { uri, model: { ...model(), enabled: false }, apiKey: KEY, token: 't0' }), /turned off/);
    assert.equal(fake.requests.length, 0);
  });

  test('the review sends the paper with the key, and publishes model findings', async () => {
    fake.setFallback(
      findingsReply([
        {
          quote: 'A dozen cages held 5 mice each, so 50 mice were used in total.',
          kind: 'arithmetic',
          explanation: '12 cages of 5 mice are 60 mice, not 50.',
          expression: '12 * 5',
          reported: '50',
          corrected: '60',
          confidence: 0.9,
        },
      ]),
    );
    const progress: string[] = [];
    server.connection.onNotification('tally/progress', (p: { token: string; message: string }) => {
      if (p.token === 't1') progress.push(p.message);
    });
    const result = await server.request<any>('tally/review', { uri, model: model(), apiKey: KEY, token: 't1' });
    assert.equal(result.findings, 1, JSON.stringify(result.notes));
    assert.ok(fake.chatRequests.length >= 1);
    assert.equal(fake.chatRequests[0].headers.authorization, `Bearer ${KEY}`);
    assert.match(fake.chatRequests[0].rawBody, /dozen cages/);
    assert.ok(progress.length >= 1, 'progress per section');
    const ds = await server.waitForDiagnostics(uri, (d) => d.some((x) => x.source === 'Tally (model)'));
    const d = ds.find((x) => x.source === 'Tally (model)')!;
    assert.equal(d.range.start.line, 3);
    assert.match(d.message, /^\[model\]/);
    const report = await server.request<{ text: string }>('tally/report', { uris: [uri], format: 'json' });
    assert.ok(JSON.parse(report.text).results[0].findings.some((f: any) => f.origin === 'model'));
    // The key is never logged.
    assert.doesNotMatch(server.logs.join('\n') + server.stderr(), new RegExp(KEY));
    // Model findings stay after a re-check of the deterministic findings.
    server.change(uri, 2, PAPER + '% edited\n');
    await server.waitForDiagnostics(uri, (dd) => dd !== ds && dd.some((x) => x.source === 'Tally (model)'));
  });

  test('Cancel stops the review, aborts the request in flight, and still answers with how far it got', async () => {
    let reached!: () => void;
    const arrived = new Promise<void>((resolve) => (reached = resolve));
    fake.setFallback(() => {
      reached();
      return { ...findingsReply([]), delayMs: 30_000 };
    });
    const started = Date.now();
    const pending = server.request<any>('tally/review', { uri, model: model(), apiKey: KEY, token: 't-cancel' });
    await arrived;
    await server.connection.sendNotification('tally/cancelReview', { token: 't-cancel' });
    const result = await pending;
    assert.ok(Date.now() - started < 20_000, 'the request in flight was aborted, not waited for');
    assert.equal(result.cancelled, true);
    assert.equal(result.sectionsReviewed, 0);
    assert.equal(result.sectionsTotal, 1);
    assert.ok(result.notes.some((n: { message: string }) => /cancelled after 0 of 1 section/.test(n.message)), JSON.stringify(result.notes));
    fake.setFallback(findingsReply([]));
  });
});
