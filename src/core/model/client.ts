// One Chat Completions request through the official `openai` client, and what its failures mean.
// The client does retries with exponential backoff (408/409/429/5xx, connection errors) and timeouts;
// this module configures it and turns its errors into sentences a user can act on.

import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { baseURLOf, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, hostOf, type ModelConfig } from './config.ts';
import { responseFormat, type ChatMessage, type ResponseMode } from './prompt.ts';
import { oneLine } from './redact.ts';

export function createClient(config: ModelConfig): OpenAI {
  return new OpenAI({
    baseURL: baseURLOf(config),
    apiKey: config.apiKey,
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

export interface Answer {
  /** The message content ('' when the server sent none). */
  content: string;
  finishReason: string | null;
  refusal: string | null;
}

export async function requestCompletion(client: OpenAI, config: ModelConfig, messages: ChatMessage[], mode: ResponseMode, signal: AbortSignal): Promise<Answer> {
  const format = responseFormat(mode);
  const params: Record<string, unknown> = { model: config.model, messages };
  if (format) params.response_format = format;
  if (config.reasoningEffort) params.reasoning_effort = config.reasoningEffort;
  const completion = await client.chat.completions.create(params as unknown as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming, { signal });
  const choice = (completion as { choices?: unknown }).choices;
  const first = Array.isArray(choice) ? (choice[0] as { message?: { content?: unknown; refusal?: unknown }; finish_reason?: unknown } | undefined) : undefined;
  const content = first?.message?.content;
  return {
    content: typeof content === 'string' ? content : '',
    finishReason: typeof first?.finish_reason === 'string' ? first.finish_reason : null,
    refusal: typeof first?.message?.refusal === 'string' ? first.message.refusal : null,
  };
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
  if (e instanceof APIUserAbortError || (e instanceof Error && e.name === 'AbortError')) return { fatal: true, message: 'cancelled' };
  if (e instanceof APIConnectionTimeoutError) {
    const ms = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const within = ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
    return { fatal: true, message: `${host} did not answer within ${within}${tries}` };
  }
  if (e instanceof APIConnectionError) {
    const code = causeCode(e);
    const why = code === 'ECONNREFUSED' ? 'connection refused: is the server running?' : code === 'ENOTFOUND' ? 'host not found' : code ? code : 'connection failed';
    return { fatal: true, message: `could not reach ${host} (${why})${tries}` };
  }
  if (e instanceof APIError) {
    const status = e.status;
    const detail = oneLine(errorText(e), 160);
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
