// `tally check --model` against a local OpenAI-compatible server: the model's finding is located and
// re-checked, and a failing server costs one line on stderr, never the deterministic findings.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findingsReply, startFakeOpenAIServer, type FakeOpenAIServer } from '../../helpers/fake-openai-server.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const EXAMPLE = join(REPO, 'examples/black-spatula.tex');
const KEY = 'sk-test-cli-0123456789abcdef';

let server: FakeOpenAIServer;
before(async () => {
  server = await startFakeOpenAIServer();
});
after(async () => {
  await server.close();
});

// Async spawn: the fake server lives in this process and must keep answering while the CLI runs.
function tally(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(REPO, 'src/cli/main.ts'), ...args], { cwd: mkdtempSync(join(tmpdir(), 'tally-cli-model-')), env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

test('model findings are located and re-checked: a contradicted claim and an invented quote are dropped, a verbal one is kept', async () => {
  const source = readFileSync(EXAMPLE, 'utf8');
  assert.match(source, /34,700~ng\/day/);
  server.setFallback(() =>
    findingsReply([
      {
        quote: 'Spatulas made up 18 of the 40 products (45%)',
        kind: 'model',
        explanation: 'Probe finding: the model claims 18 of 40 is not 45%.',
        expression: '18 / 40 * 100',
        reported: '45%',
        corrected: '40%',
        confidence: 0.6,
      },
      {
        quote: 'The estimated intake of 34,700~ng/day is therefore close to the reference dose.',
        kind: 'model',
        explanation: 'Against the correct reference dose of 420,000 ng/day the intake is about 8% of it, not close.',
        expression: null,
        reported: null,
        corrected: null,
        confidence: 0.8,
      },
      { quote: 'this sentence is not in the paper', kind: 'model', explanation: 'invented', expression: null, reported: null, corrected: null, confidence: 0.9 },
    ]),
  );
  const r = await tally(['check', EXAMPLE, '--model', '--format', 'sarif', '--fail-on', 'never'], { TALLY_API_KEY: KEY, OPENAI_BASE_URL: server.baseURL });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(server.chatRequests.length >= 1, 'the model was asked');
  const results = JSON.parse(r.stdout).runs[0].results;
  // 18 / 40 is 45%: recomputation contradicts the model, so its claim is dropped; the invented quote too.
  const model = results.filter((x: { properties: { origin: string } }) => x.properties.origin === 'model');
  assert.equal(model.length, 1, JSON.stringify(model));
  assert.equal(model[0].level, 'warning');
  assert.match(model[0].message.text, /420,000/);
  assert.match(readFileSync(EXAMPLE, 'utf8').split('\n')[model[0].locations[0].physicalLocation.region.startLine - 1], /34,700|close to the reference dose/);
  assert.equal(results.filter((x: { level: string }) => x.level === 'error').length, 1);
  assert.ok(!r.stdout.includes(KEY) && !r.stderr.includes(KEY));
});

test('a model that is down costs one line on stderr; the exit code follows the deterministic findings', async () => {
  const r = await tally(['check', EXAMPLE, '--model'], { TALLY_API_KEY: KEY, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /42,000|420,000/);
  const modelLines = r.stderr.split('\n').filter((l) => /model/i.test(l) && !/model review \d+\/\d+/.test(l));
  assert.equal(modelLines.length, 1, r.stderr);
  assert.ok(!r.stderr.includes(KEY));
});

test('without --model no request is made, even with a key in the environment', async () => {
  const before = server.chatRequests.length;
  const r = await tally(['check', EXAMPLE, '--fail-on', 'never'], { TALLY_API_KEY: KEY, OPENAI_BASE_URL: server.baseURL });
  assert.equal(r.status, 0);
  assert.equal(server.chatRequests.length, before);
});

test('--model without a key says so and still checks', async () => {
  const r = await tally(['check', EXAMPLE, '--model', '--fail-on', 'never'], {});
  assert.equal(r.status, 0);
  assert.match(r.stderr, /model review skipped: .*(key|KEY)/);
});

test('one line per paper accounts for every model finding and the tokens used; --verbose lists the dropped ones', async () => {
  server.setFallback(() =>
    findingsReply([
      { quote: 'this sentence with 12 numbers is not in the paper', kind: 'model', explanation: 'invented', expression: null, reported: null, corrected: null, confidence: 0.9 },
      {
        quote: 'The estimated intake of 34,700~ng/day is therefore close to the reference dose.',
        kind: 'model',
        explanation: 'The intake is far below the reference dose, not close to it.',
        expression: null,
        reported: null,
        corrected: null,
        confidence: 0.8,
      },
    ]),
  );
  const plain = await tally(['check', EXAMPLE, '--model', '--fail-on', 'never', '--model-timeout', '30'], { TALLY_API_KEY: KEY, OPENAI_BASE_URL: server.baseURL });
  assert.equal(plain.status, 0, plain.stderr);
  assert.match(plain.stderr, /model review of .*black-spatula\.tex: 2 findings, 0 confirmed, 1 unconfirmed, 1 dropped: the quote is not in the paper; \d+ input \+ \d+ output tokens/);
  assert.doesNotMatch(plain.stderr, /dropped \(the quote/);
  const verbose = await tally(['check', EXAMPLE, '--model', '--fail-on', 'never', '--verbose', '--format', 'markdown'], { TALLY_API_KEY: KEY, OPENAI_BASE_URL: server.baseURL });
  assert.match(verbose.stderr, /dropped \(the quote is not in the paper\): "this sentence with 12 numbers is not in the paper"/);
  // The report has them too, collapsed.
  assert.match(verbose.stdout, /<details><summary>Model findings not shown \(1\)<\/summary>/);
  const bad = await tally(['check', EXAMPLE, '--model', '--model-timeout', 'soon'], { TALLY_API_KEY: KEY, OPENAI_BASE_URL: server.baseURL });
  assert.match(bad.stderr, /model timeout \(--model-timeout, seconds\) must be a whole number/);
});
