// One Chat Completions request through the official `openai` client, and what its failures mean.
// The client does retries with exponential backoff (408/409/429/5xx, connection errors) and timeouts;
// this module configures it and turns its errors into sentences a user can act on.

import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { baseURLOf, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, hostOf, type ModelConfig } from './config.ts';
import { responseFormat, type ChatMessage, type ResponseMode } from './prompt.ts';
import { oneLine } from './redact.ts';

const MAX_REDIRECTS = 5;
export const REDIRECT_REFUSED = 'tally_redirect_refused';

/**
 * fetch that follows redirects within the configured origin only: a redirect elsewhere would carry
 * the paper and the key to a server the user never named. It becomes a 400 the review reports.
 */
export function sameOriginFetch(baseURL: string): typeof fetch {
  const origin = new URL(baseURL).origin;
  return async (input, init) => {
    let url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const res = await fetch(url, { ...init, redirect: 'manual' });
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return res;
      const next = new URL(location, url);
      if (next.origin !== origin) {
        await res.body?.cancel();
        const message = `the server redirected the request to another address (${next.host}); Tally does not follow redirects away from ${new URL(baseURL).host}`;
        return new Response(JSON.stringify({ error: { message, type: 'invalid_request_error', code: REDIRECT_REFUSED, param: null } }), {
          status: 400,
          headers: { 'content-type': 'application/json' },
        });
      }
      await res.body?.cancel();
      url = next.href;
    }
    throw new Error(`more than ${MAX_REDIRECTS} redirects`);
  };
}

export function createClient(config: ModelConfig): OpenAI {
  return new OpenAI({
    baseURL: baseURLOf(config),
    apiKey: config.apiKey,
    fetch: sameOriginFetch(baseURLOf(config)),
    timeout: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: config.maxRetries ?? DEFAULT_MAX_RETRIES,
    // The SDK must not print to the console (the extension host's, the CLI's stdout): we report ourselves.
    logLevel: 'off',
    // Nothing ambient from the environment (OPENAI_ORG_ID, OPENAI_ADMIN_KEY, ...): only what Tally was given.
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
  });
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  /** Part of outputTokens spent on reasoning, when the server says. */
  reasoningTokens: number;
}

export interface Answer {
  /** The message content ('' when the server sent none). */
  content: string;
  finishReason: string | null;
  refusal: string | null;
  usage?: Usage;
}

/** How this server wants optional parameters, learnt from its 400s during a run. */
export interface ServerQuirks {
  maxTokensField: 'max_completion_tokens' | 'max_tokens';
  sendReasoningEffort: boolean;
}

export function defaultQuirks(): ServerQuirks {
  return { maxTokensField: 'max_completion_tokens', sendReasoningEffort: true };
}

/** The request deadline passed (retries included): reported as a timeout, not a cancel. */
export class DeadlineExceeded extends Error {}

function count(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0;
}

function usageOf(completion: unknown): Usage | undefined {
  const u = (completion as { usage?: Record<string, unknown> }).usage;
  if (!u || typeof u !== 'object') return undefined;
  const details = u.completion_tokens_details as Record<string, unknown> | undefined;
  return { inputTokens: count(u.prompt_tokens), outputTokens: count(u.completion_tokens), reasoningTokens: count(details?.reasoning_tokens) };
}

/**
 * One request. Never sends `temperature` (reasoning models reject it). `max_completion_tokens` and
 * `reasoning_effort` go only when configured, in the form the server accepts (see `quirks`). The whole
 * request, the client's own retries included, is given up after the configured timeout.
 */
export async function requestCompletion(client: OpenAI, config: ModelConfig, messages: ChatMessage[], mode: ResponseMode, signal: AbortSignal, quirks: ServerQuirks = defaultQuirks()): Promise<Answer> {
  const format = responseFormat(mode);
  const params: Record<string, unknown> = { model: config.model, messages };
  if (format) params.response_format = format;
  if (config.reasoningEffort && quirks.sendReasoningEffort) params.reasoning_effort = config.reasoningEffort;
  if (config.maxOutputTokens) params[quirks.maxTokensField] = config.maxOutputTokens;
  const deadline = AbortSignal.timeout(config.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let completion: unknown;
  try {
    completion = await client.chat.completions.create(params as unknown as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming, { signal: AbortSignal.any([signal, deadline]) });
  } catch (e) {
    if (deadline.aborted && !signal.aborted) throw new DeadlineExceeded('deadline');
    throw e;
  }
  const choice = (completion as { choices?: unknown }).choices;
  const first = Array.isArray(choice) ? (choice[0] as { message?: { content?: unknown; refusal?: unknown }; finish_reason?: unknown } | undefined) : undefined;
  const content = first?.message?.content;
  return {
    content: typeof content === 'string' ? content : '',
    finishReason: typeof first?.finish_reason === 'string' ? first.finish_reason : null,
    refusal: typeof first?.message?.refusal === 'string' ? first.message.refusal : null,
    usage: usageOf(completion),
  };
}

/** A 400 naming an optional parameter the server does not take: adjusts `quirks` and says so, or returns undefined. */
export function adaptToRejection(e: unknown, quirks: ServerQuirks): string | undefined {
  if (!(e instanceof APIError) || e.status !== 400) return undefined;
  const text = `${errorText(e)} ${String((e.error as { param?: unknown } | undefined)?.param ?? '')}`;
  if (quirks.maxTokensField === 'max_completion_tokens' && /max_completion_tokens/i.test(text)) {
    quirks.maxTokensField = 'max_tokens';
    return 'does not take max_completion_tokens; sending max_tokens';
  }
  if (quirks.maxTokensField === 'max_tokens' && /max_tokens/i.test(text) && /max_completion_tokens/i.test(text)) return undefined;
  if (quirks.sendReasoningEffort && /reasoning_effort|reasoning effort/i.test(text)) {
    quirks.sendReasoningEffort = false;
    return 'does not take reasoning_effort; leaving it out';
  }
  return undefined;
}

/** A 400 that says the server does not support the structured-output mode we asked for. */
export function rejectsResponseFormat(e: unknown): boolean {
  return e instanceof APIError && e.status === 400 && /response_format|json_schema|json_object|structured|schema/i.test(errorText(e));
}

function errorText(e: APIError): string {
  const body = e.error as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : e.message;
}

export interface Failure {
  /** Stop the whole review (the next section would fail the same way), or just skip this section. */
  fatal: boolean;
  /** One line, no stack. May contain server text: the caller redacts the key. */
  message: string;
}

/** What went wrong, in one line, and whether it is worth trying the other sections. */
export function describeFailure(e: unknown, config: ModelConfig): Failure {
  const host = hostOf(config);
  const retries = config.maxRetries ?? DEFAULT_MAX_RETRIES;
  const tries = retries > 0 ? ` after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';
  if (e instanceof DeadlineExceeded || e instanceof APIConnectionTimeoutError) {
    const ms = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const within = ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
    return { fatal: true, message: `${host} did not answer within ${within} (the model timeout)` };
  }
  if (e instanceof APIUserAbortError || (e instanceof Error && e.name === 'AbortError')) return { fatal: true, message: 'cancelled' };
  if (e instanceof APIConnectionError) {
    const code = causeCode(e);
    const why = code === 'ECONNREFUSED' ? 'connection refused: is the server running?' : code === 'ENOTFOUND' ? 'host not found' : code ? code : 'connection failed';
    return { fatal: true, message: `could not reach ${host} (${why})${tries}` };
  }
  if (e instanceof APIError) {
    const status = e.status;
    const detail = oneLine(errorText(e), 160);
    if (e.code === REDIRECT_REFUSED) return { fatal: true, message: detail };
    if (status === 401) return { fatal: true, message: `${host} rejected the API key (401 Unauthorized); check TALLY_API_KEY or the key set in VS Code` };
    if (status === 403) return { fatal: true, message: `${host} refused access (403 Forbidden): ${detail}` };
    if (status === 404) return { fatal: true, message: `${host} has no model "${oneLine(config.model, 80)}" or no Chat Completions endpoint (404): ${detail}` };
    if (status === 429) return { fatal: true, message: `${host} is rate-limiting or the quota is used up (429)${tries}: ${detail}` };
    if (status !== undefined && status >= 500) return { fatal: true, message: `${host} had a server error (${status})${tries}` };
    return { fatal: false, message: `${host} rejected the request (${status ?? 'error'}): ${detail}` };
  }
  return { fatal: false, message: oneLine(e instanceof Error ? e.message : String(e), 200) };
}

function causeCode(e: Error): string | undefined {
  let cur: unknown = e;
  for (let depth = 0; depth < 5 && cur; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}
