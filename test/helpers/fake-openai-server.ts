// A local OpenAI-compatible server for tests: plain node:http on 127.0.0.1 (port 0), answering
// POST /chat/completions (and /v1/chat/completions) from a queue of scripted replies, recording
// every request. Drive the real `openai` client against `server.baseURL`; nothing leaves the machine.
//
//   const server = await startFakeOpenAIServer();
//   server.enqueue(findingsReply([{ quote: '...', kind: 'arithmetic', ... }]));
//   server.enqueue({ status: 429, headers: { 'retry-after-ms': '10' } }, chatReply('{"findings":[]}'));
//   ... run the code under test with baseURL: server.baseURL ...
//   assert.equal(server.requests.length, 2);
//   await server.close();

import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. "/v1/chat/completions". */
  url: string;
  headers: IncomingHttpHeaders;
  /** The raw request body. */
  rawBody: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  body: any;
}

export interface StaticReply {
  /** HTTP status (default 200). */
  status?: number;
  /** JSON body (default: a chat completion with content '{"findings":[]}' for 200, an OpenAI-style error otherwise). */
  body?: unknown;
  /** A raw body sent as is (wins over `body`), e.g. to send invalid JSON. */
  raw?: string;
  headers?: Record<string, string>;
  /** Wait this long before answering (the client may time out or abort meanwhile). */
  delayMs?: number;
  /** Destroy the socket without answering (a dropped connection). */
  hangUp?: boolean;
}

/** A scripted reply: a fixed reply, or a function of the request (for echoing, counting, branching). */
export type ScriptedReply = StaticReply | ((request: RecordedRequest) => StaticReply | Promise<StaticReply>);

export interface FakeOpenAIServer {
  /** Base URL for the openai client, e.g. "http://127.0.0.1:53121/v1". */
  baseURL: string;
  port: number;
  /** Every request received, in order (chat completions and others). */
  requests: RecordedRequest[];
  /** Chat completion requests only. */
  readonly chatRequests: RecordedRequest[];
  /** Adds replies to the end of the queue; each chat completion request takes the next one. */
  enqueue(...replies: ScriptedReply[]): void;
  /** The reply used when the queue is empty (default: an empty findings list). */
  setFallback(reply: ScriptedReply): void;
  /** Replies still queued. */
  readonly pending: number;
  /** Forgets queued replies and recorded requests (between tests). */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeServerOptions {
  replies?: ScriptedReply[];
  fallback?: ScriptedReply;
}

let completionCounter = 0;

/** A Chat Completions response body whose message content is `content`. */
export function chatCompletion(content: string | null, options: { model?: string; finishReason?: string; refusal?: string } = {}): Record<string, unknown> {
  completionCounter++;
  return {
    id: `chatcmpl-fake-${completionCounter}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: options.model ?? 'fake-model',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: options.refusal ?? null },
        finish_reason: options.finishReason ?? 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
  };
}

/** A 200 reply whose message content is `content` (a string, sent as is). */
export function chatReply(content: string, delayMs?: number): StaticReply {
  return { status: 200, body: chatCompletion(content), delayMs };
}

/** A 200 reply whose content is `{"findings": [...]}`. */
export function findingsReply(findings: unknown[], delayMs?: number): StaticReply {
  return chatReply(JSON.stringify({ findings }), delayMs);
}

/** An OpenAI-style error reply. */
export function errorReply(status: number, message: string, extra: { type?: string; code?: string | null; param?: string | null; headers?: Record<string, string> } = {}): StaticReply {
  return {
    status,
    headers: extra.headers,
    body: { error: { message, type: extra.type ?? (status === 429 ? 'rate_limit_exceeded' : 'invalid_request_error'), param: extra.param ?? null, code: extra.code ?? null } },
  };
}

const DEFAULT_FALLBACK: ScriptedReply = () => findingsReply([]);

function isChatPath(url: string): boolean {
  const path = url.split('?')[0];
  return path === '/chat/completions' || path === '/v1/chat/completions';
}

function send(res: ServerResponse, reply: StaticReply): void {
  const status = reply.status ?? 200;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(reply.headers ?? {}) };
  let body: string;
  if (reply.raw !== undefined) body = reply.raw;
  else if (reply.body !== undefined) body = JSON.stringify(reply.body);
  else if (status === 200) body = JSON.stringify(chatCompletion('{"findings":[]}'));
  else body = JSON.stringify({ error: { message: `fake error ${status}`, type: 'server_error', param: null, code: null } });
  res.writeHead(status, headers);
  res.end(body);
}

export async function startFakeOpenAIServer(options: FakeServerOptions = {}): Promise<FakeOpenAIServer> {
  const queue: ScriptedReply[] = [...(options.replies ?? [])];
  let fallback: ScriptedReply = options.fallback ?? DEFAULT_FALLBACK;
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const rawBody = Buffer.concat(chunks).toString('utf8');
        let body: any;
        try {
          body = rawBody ? JSON.parse(rawBody) : undefined;
        } catch {
          body = undefined;
        }
        const url = req.url ?? '/';
        const recorded: RecordedRequest = { method: req.method ?? 'GET', url, headers: req.headers, rawBody, body };
        requests.push(recorded);

        if (req.method === 'GET' && /^\/(v1\/)?models\/?$/.test(url.split('?')[0])) {
          send(res, { body: { object: 'list', data: [{ id: 'fake-model', object: 'model', created: 0, owned_by: 'tally-tests' }] } });
          return;
        }
        if (req.method !== 'POST' || !isChatPath(url)) {
          send(res, errorReply(404, `no route for ${req.method} ${url}`));
          return;
        }
        const scripted = queue.length > 0 ? queue.shift()! : fallback;
        let reply: StaticReply;
        try {
          reply = typeof scripted === 'function' ? await scripted(recorded) : scripted;
        } catch (e) {
          reply = errorReply(500, `scripted reply threw: ${(e as Error).message}`);
        }
        if (reply.hangUp) {
          req.socket.destroy();
          return;
        }
        if (reply.delayMs && reply.delayMs > 0) {
          const timer = setTimeout(() => {
            timers.delete(timer);
            if (!res.destroyed && !res.writableEnded) send(res, reply);
          }, reply.delayMs);
          timers.add(timer);
          // The client gave up (timeout or abort): forget the pending answer.
          res.on('close', () => {
            clearTimeout(timer);
            timers.delete(timer);
          });
          return;
        }
        send(res, reply);
      })();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    get chatRequests() {
      return requests.filter((r) => r.method === 'POST' && isChatPath(r.url));
    },
    enqueue(...replies: ScriptedReply[]) {
      queue.push(...replies);
    },
    setFallback(reply: ScriptedReply) {
      fallback = reply;
    },
    get pending() {
      return queue.length;
    },
    reset() {
      queue.length = 0;
      requests.length = 0;
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The openai client keeps connections alive; without this, close() waits for them to idle out.
        server.closeAllConnections();
      });
    },
  };
}

// ---- Providers -------------------------------------------------------------------------------
// Replies that behave as each provider documents its OpenAI-compatible Chat Completions endpoint,
// so the review is tested against the parameter and response-format rules it meets in the field.

export type Provider =
  /** OpenAI reasoning models (o-series, gpt-5): max_completion_tokens, reasoning_effort, no temperature or max_tokens. */
  | 'openai-reasoning'
  /** DeepSeek's deepseek-reasoner: reasoning_content beside content; json_object but no json_schema. */
  | 'deepseek-reasoner'
  /** Ollama's /v1 endpoint: json_schema supported; a thinking model's content may start with <think>. */
  | 'ollama'
  /** vLLM: json_schema through guided decoding; a reasoning parser moves thinking to reasoning_content. */
  | 'vllm'
  /** An older llama.cpp server: response_format text or json_object only; no max_completion_tokens. */
  | 'llama-cpp';

/** Why `provider` would reject this request body (400), or undefined if it takes it. */
export function providerRejects(provider: Provider, body: any): { message: string; param: string } | undefined {
  const format = body?.response_format?.type;
  switch (provider) {
    case 'openai-reasoning':
      if ('temperature' in body && body.temperature !== 1) return { param: 'temperature', message: `Unsupported value: 'temperature' does not support ${body.temperature} with this model. Only the default (1) value is supported.` };
      if ('max_tokens' in body) return { param: 'max_tokens', message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead." };
      return undefined;
    case 'deepseek-reasoner':
      if (format === 'json_schema') return { param: 'response_format', message: 'This response_format type is unavailable now' };
      if ('temperature' in body) return undefined; // accepted and ignored
      return undefined;
    case 'llama-cpp':
      if (format && format !== 'text' && format !== 'json_object') return { param: 'response_format', message: `response_format type must be one of "text" or "json_object", but got: ${format}` };
      if ('max_completion_tokens' in body) return { param: 'max_completion_tokens', message: "Unrecognized request argument supplied: max_completion_tokens" };
      return undefined;
    default:
      return undefined;
  }
}

/** A reply as `provider` sends it: `content` in its message, its own fields beside it, `usage` as it reports it. */
export function providerCompletion(provider: Provider, content: string, options: { finishReason?: string; reasoning?: string } = {}): Record<string, unknown> {
  const body = chatCompletion(content, { finishReason: options.finishReason, model: provider }) as any;
  const message = body.choices[0].message;
  const reasoning = options.reasoning ?? 'Checking each total against its parts.';
  if (provider === 'openai-reasoning') body.usage = { prompt_tokens: 5120, completion_tokens: 2300, total_tokens: 7420, completion_tokens_details: { reasoning_tokens: 1900 }, prompt_tokens_details: { cached_tokens: 0 } };
  if (provider === 'deepseek-reasoner') {
    message.reasoning_content = reasoning;
    body.usage = { prompt_tokens: 4800, completion_tokens: 1500, total_tokens: 6300, completion_tokens_details: { reasoning_tokens: 1200 }, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 4800 };
  }
  if (provider === 'ollama') {
    message.content = `<think>${reasoning}</think>\n${content}`;
    delete message.refusal;
    body.usage = { prompt_tokens: 4100, completion_tokens: 900, total_tokens: 5000 };
  }
  if (provider === 'vllm') {
    message.reasoning_content = reasoning;
    body.usage = { prompt_tokens: 4000, completion_tokens: 800, total_tokens: 4800 };
  }
  if (provider === 'llama-cpp') {
    delete message.refusal;
    body.usage = { prompt_tokens: 3900, completion_tokens: 700, total_tokens: 4600 };
    body.timings = { prompt_n: 3900, predicted_n: 700 };
  }
  return body;
}

/** A scripted reply that validates the request as `provider` would and answers with `content(request)`. */
export function providerReply(provider: Provider, content: string | ((request: RecordedRequest) => string), options: { finishReason?: string } = {}): ScriptedReply {
  return (request) => {
    const rejected = providerRejects(provider, request.body);
    if (rejected) return errorReply(400, rejected.message, { param: rejected.param });
    return { status: 200, body: providerCompletion(provider, typeof content === 'function' ? content(request) : content, options) };
  };
}
