// The model review against local fakes of the providers people use (see providerReply in the fake
// server): their parameter rules, response formats and usage reports, plus the failures they have
// in the field (cut-off answers, 429 and 503 with retry-after, stalls, redirects). All on 127.0.0.1.

import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { describeUsage, reviewPaper, type ModelConfig, type ReviewResult } from '../../../src/core/model/index.ts';
import { plainPaper } from '../../../src/core/text/plain-paper.ts';
import { chatCompletion, errorReply, providerReply, startFakeOpenAIServer, type FakeOpenAIServer, type Provider } from '../../helpers/fake-openai-server.ts';

const TEXT = 'Across two wards we treated 18 and 27 patients, 46 in all, over six months.';
const paper = plainPaper(TEXT);
const FINDING = {
  quote: 'we treated 18 and 27 patients, 46 in all',
  second_quote: null,
  kind: 'parts-total',
  explanation: 'Eighteen and twenty-seven patients make 45, not 46.',
  expression: '18 + 27',
  reported: '46',
  corrected: '45',
  confidence: 0.9,
};
const ANSWER = JSON.stringify({ findings: [FINDING] });

let server: FakeOpenAIServer;
let logs: string[];
before(async () => {
  server = await startFakeOpenAIServer();
});
after(() => server.close());
beforeEach(() => {
  server.reset();
  logs = [];
});

function review(extra: Partial<ModelConfig> = {}, signal?: AbortSignal): Promise<ReviewResult> {
  return reviewPaper(paper, { baseURL: server.baseURL, apiKey: 'sk-provider-test', model: 'm', timeoutMs: 5000, maxRetries: 0, ...extra }, { log: (l) => logs.push(l), signal });
}

function confirmedOnce(r: ReviewResult): void {
  assert.equal(r.findings.length, 1, JSON.stringify(r.notes) + logs.join('\n'));
  assert.equal(r.findings[0].confirmed, true);
  assert.equal(r.findings[0].message, '18 + 27 is 45, not 46.');
}

test('OpenAI reasoning model: max_completion_tokens and reasoning_effort, never temperature; usage and cost from `usage`', async () => {
  server.enqueue(providerReply('openai-reasoning', ANSWER));
  const r = await review({ reasoningEffort: 'high', maxOutputTokens: 16000, priceUsdPerMillionTokens: { input: 1.25, output: 10 } });
  confirmedOnce(r);
  const body = server.chatRequests[0].body;
  assert.equal(body.max_completion_tokens, 16000);
  assert.equal(body.reasoning_effort, 'high');
  assert.ok(!('temperature' in body) && !('max_tokens' in body) && !('top_p' in body));
  assert.equal(body.response_format.type, 'json_schema');
  assert.deepEqual(r.usage, { inputTokens: 5120, outputTokens: 2300, reasoningTokens: 1900 });
  assert.equal(r.costUsd, (5120 * 1.25 + 2300 * 10) / 1e6);
  assert.equal(describeUsage(r), '5,120 input + 2,300 output tokens (1,900 reasoning), about $0.0294');
  assert.ok(r.notes.some((n) => n.message.includes('5,120 input + 2,300 output tokens')), JSON.stringify(r.notes));
});

test("DeepSeek's reasoner: no json_schema, so json_object with the schema in the prompt; reasoning_content is not the answer", async () => {
  server.setFallback(providerReply('deepseek-reasoner', ANSWER));
  try {
    const r = await review();
    confirmedOnce(r);
    assert.deepEqual(server.chatRequests.map((q) => q.body.response_format?.type), ['json_schema', 'json_object']);
    assert.match(server.chatRequests[1].body.messages[0].content, /follows this JSON schema/);
    assert.equal(r.usage.reasoningTokens, 1200);
  } finally {
    server.setFallback(providerReply('vllm', '{"findings":[]}'));
  }
});

for (const provider of ['ollama', 'vllm'] as Provider[]) {
  test(`${provider}: json_schema accepted; thinking before the answer (in content or beside it) is set aside`, async () => {
    server.enqueue(providerReply(provider, ANSWER));
    const r = await review({ reasoningEffort: 'low' });
    confirmedOnce(r);
    assert.equal(server.chatRequests.length, 1);
    assert.ok(r.usage.inputTokens > 0 && r.usage.reasoningTokens === 0);
  });
}

test('an older llama.cpp server: json_object instead of json_schema, max_tokens instead of max_completion_tokens', async () => {
  server.setFallback(providerReply('llama-cpp', '```json\n' + ANSWER + '\n```'));
  try {
    const r = await review({ maxOutputTokens: 2048 });
    confirmedOnce(r);
    const last = server.chatRequests.at(-1)!.body;
    assert.equal(last.response_format.type, 'json_object');
    assert.equal(last.max_tokens, 2048);
    assert.ok(!('max_completion_tokens' in last));
    assert.ok(logs.some((l) => /does not take max_completion_tokens; sending max_tokens/.test(l)), logs.join('\n'));
  } finally {
    server.setFallback(providerReply('vllm', '{"findings":[]}'));
  }
});

test('a server that rejects reasoning_effort gets the request without it', async () => {
  server.enqueue(errorReply(400, "Unrecognized request argument supplied: reasoning_effort", { param: 'reasoning_effort' }), providerReply('vllm', ANSWER));
  const r = await review({ reasoningEffort: 'medium' });
  confirmedOnce(r);
  assert.equal(server.chatRequests[0].body.reasoning_effort, 'medium');
  assert.ok(!('reasoning_effort' in server.chatRequests[1].body));
});

test('an answer wrapped in prose keeps its findings', async () => {
  server.enqueue(providerReply('vllm', `I went through every number.\n\n${ANSWER}\n\nNothing else stood out.`));
  confirmedOnce(await review());
});

test('an answer cut off at the length limit keeps the findings it completed, and says so', async () => {
  const cut = `{"findings": [${JSON.stringify(FINDING)}, {"quote": "over six mon`;
  server.enqueue({ status: 200, body: chatCompletion(cut, { finishReason: 'length' }) });
  const r = await review();
  confirmedOnce(r);
  assert.ok(logs.some((l) => /cut off at the length limit; kept the findings it completed/.test(l)));
});

test('429 and 503 with retry-after are retried after the wait the server asks for', async () => {
  server.enqueue(errorReply(429, 'Rate limit reached for requests', { headers: { 'retry-after': '0.05' } }), errorReply(503, 'The server is overloaded', { headers: { 'retry-after-ms': '30' } }), providerReply('openai-reasoning', ANSWER));
  const r = await review({ maxRetries: 2 });
  confirmedOnce(r);
  assert.equal(server.chatRequests.length, 3);
});

test('a stalled server is given up on within the model timeout, retries included', async () => {
  server.setFallback(() => ({ status: 200, body: chatCompletion(ANSWER), delayMs: 20_000 }));
  try {
    const started = Date.now();
    const r = await review({ timeoutMs: 1000, maxRetries: 2 });
    const elapsed = Date.now() - started;
    // Three attempts of a second each would take 3 s and more.
    assert.ok(elapsed < 2200, `gave up after ${elapsed} ms`);
    assert.deepEqual(r.findings, []);
    assert.ok(r.notes.some((n) => /did not answer within 1 s \(the model timeout\)/.test(n.message)), JSON.stringify(r.notes));
  } finally {
    server.setFallback(providerReply('vllm', '{"findings":[]}'));
  }
});

test('a redirect to another origin is refused: the paper and the key do not follow it', async () => {
  const elsewhere = await startFakeOpenAIServer();
  try {
    server.enqueue({ status: 307, headers: { location: `${elsewhere.baseURL}/chat/completions` }, raw: '' });
    const r = await review({ maxRetries: 2 });
    assert.equal(elsewhere.requests.length, 0);
    assert.equal(server.chatRequests.length, 1);
    assert.deepEqual(r.findings, []);
    assert.ok(r.notes.some((n) => /redirected the request to another address \(127\.0\.0\.1:\d+\)/.test(n.message)), JSON.stringify(r.notes));
    // Within the same origin a redirect is followed.
    server.enqueue({ status: 307, headers: { location: `${server.baseURL}/chat/completions?moved=1` }, raw: '' }, providerReply('vllm', ANSWER));
    confirmedOnce(await review());
  } finally {
    await elsewhere.close();
  }
});
