// Configuration of the model review: what the CLI reads from the environment and flags, what the
// extension reads from settings, and the defaults both share.

export type ReasoningEffort = 'low' | 'medium' | 'high';

export interface ModelConfig {
  /** OpenAI-compatible endpoint, e.g. "http://localhost:11434/v1". Default: OpenAI's API. */
  baseURL?: string;
  /** Sent as a bearer token, never logged, cached or shown. */
  apiKey: string;
  model: string;
  /** Sent as `reasoning_effort` only when set (other servers may reject the field). */
  reasoningEffort?: ReasoningEffort;
  /** Time for one request, retries included (default 5 minutes): a stalled server is given up on after it. */
  timeoutMs?: number;
  /** Input tokens one request may carry: a paper that fits goes whole, in one request (default 100,000). */
  contextBudgetTokens?: number;
  /** Sent as `max_completion_tokens` when set (reasoning included); unset, the server's default applies. */
  maxOutputTokens?: number;
  /** Retries with exponential backoff on 408/409/429/5xx and connection errors (default 2). */
  maxRetries?: number;
  /** Ask each section this many times and report how many runs agree (default 1, at most 5). */
  selfConsistency?: number;
  /** Directory for cached responses; no cache when unset. */
  cacheDir?: string;
  /** Upper bound on the paper text in one request, context excluded (default 12,000 characters). */
  maxSectionChars?: number;
  /** Requests in flight at once (default 2). */
  concurrency?: number;
  /** Stop after this many sections, noting the rest (default 60). */
  maxSections?: number;
  /** For the consent prompt's cost estimate; no estimate when unset. */
  priceUsdPerMillionTokens?: { input: number; output: number };
}

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_MODEL = 'gpt-5-mini';
// A whole-paper request to a reasoning model can take minutes.
export const DEFAULT_TIMEOUT_MS = 300_000;
// Today's long-context models take 128k tokens and more; this leaves room for the prompt and the answer.
export const DEFAULT_CONTEXT_BUDGET_TOKENS = 100_000;
export const MIN_CONTEXT_BUDGET_TOKENS = 2_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_MAX_SECTION_CHARS = 12_000;
export const DEFAULT_CONCURRENCY = 2;
export const DEFAULT_MAX_SECTIONS = 60;
export const MAX_SELF_CONSISTENCY = 5;

const EFFORTS: readonly string[] = ['low', 'medium', 'high'];

export function isReasoningEffort(v: unknown): v is ReasoningEffort {
  return typeof v === 'string' && EFFORTS.includes(v);
}

/** The configured base URL, or OpenAI's. */
export function baseURLOf(config: Pick<ModelConfig, 'baseURL'>): string {
  return config.baseURL?.trim() || OPENAI_DEFAULT_BASE_URL;
}

/** Host (and port) the paper would be sent to, for notes and the consent prompt. */
export function hostOf(config: Pick<ModelConfig, 'baseURL'>): string {
  try {
    return new URL(baseURLOf(config)).host;
  } catch {
    return 'an invalid address';
  }
}

/** Why a base URL cannot be used, or undefined if it can. */
export function checkBaseURL(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `The model base URL is not a valid URL: ${JSON.stringify(url.slice(0, 200))}.`;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return `The model base URL must start with https:// or http:// (got ${parsed.protocol}).`;
  if (parsed.username || parsed.password) return 'The model base URL must not contain a user name or password; use TALLY_API_KEY for the key.';
  return undefined;
}

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\./.test(h) || h.endsWith('.localhost');
}

/** Warnings for the consent prompt: sending a key over plain HTTP to another machine. */
export function configWarnings(config: Pick<ModelConfig, 'baseURL'>): string[] {
  const warnings: string[] = [];
  try {
    const u = new URL(baseURLOf(config));
    if (u.protocol === 'http:' && !isLoopbackHost(u.hostname)) warnings.push(`The paper and API key would be sent to ${u.host} over unencrypted HTTP.`);
  } catch {
    // checkBaseURL reports it.
  }
  return warnings;
}

/** The CLI's flags that bear on the model review (all optional). */
export interface ModelFlags {
  baseUrl?: string;
  modelName?: string;
  reasoningEffort?: string;
  selfConsistency?: number | string;
  timeoutMs?: number | string;
  /** --model-timeout, in seconds. */
  timeoutSeconds?: number | string;
  contextBudgetTokens?: number | string;
  cacheDir?: string;
}

function nonEmpty(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t ? t : undefined;
}

function positiveInt(v: number | string | undefined, name: string, max: number): number | { error: string } | undefined {
  if (v === undefined || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max) return { error: `${name} must be a whole number from 1 to ${max} (got ${String(v).slice(0, 40)}).` };
  return n;
}

/**
 * The CLI's model configuration.
 * Key: TALLY_API_KEY, then OPENAI_API_KEY (never a flag: flags show up in process lists and shell history).
 * Base URL: --base-url, then TALLY_BASE_URL, then OPENAI_BASE_URL, else OpenAI's API.
 * Model: --model-name, then TALLY_MODEL, else DEFAULT_MODEL.
 * Reasoning effort: --reasoning-effort, then TALLY_REASONING_EFFORT, else the server's default.
 */
export function modelConfigFromEnv(env: Readonly<Record<string, string | undefined>>, flags: ModelFlags = {}): ModelConfig | { error: string } {
  const apiKey = nonEmpty(env.TALLY_API_KEY) ?? nonEmpty(env.OPENAI_API_KEY);
  if (!apiKey) return { error: 'No API key for the model review: set TALLY_API_KEY (or OPENAI_API_KEY).' };
  const baseURL = nonEmpty(flags.baseUrl) ?? nonEmpty(env.TALLY_BASE_URL) ?? nonEmpty(env.OPENAI_BASE_URL) ?? OPENAI_DEFAULT_BASE_URL;
  const bad = checkBaseURL(baseURL);
  if (bad) return { error: bad };
  const model = nonEmpty(flags.modelName) ?? nonEmpty(env.TALLY_MODEL) ?? DEFAULT_MODEL;
  const effort = nonEmpty(flags.reasoningEffort) ?? nonEmpty(env.TALLY_REASONING_EFFORT);
  if (effort !== undefined && !isReasoningEffort(effort)) return { error: `Reasoning effort must be low, medium or high (got ${JSON.stringify(effort.slice(0, 40))}).` };
  const selfConsistency = positiveInt(flags.selfConsistency, 'Self-consistency runs', MAX_SELF_CONSISTENCY);
  if (typeof selfConsistency === 'object') return selfConsistency;
  const timeoutMs = positiveInt(flags.timeoutMs, 'The model timeout (ms)', 3_600_000);
  if (typeof timeoutMs === 'object') return timeoutMs;
  const timeoutSeconds = positiveInt(flags.timeoutSeconds ?? nonEmpty(env.TALLY_MODEL_TIMEOUT), 'The model timeout (--model-timeout, seconds)', 3600);
  if (typeof timeoutSeconds === 'object') return timeoutSeconds;
  const budget = positiveInt(flags.contextBudgetTokens ?? nonEmpty(env.TALLY_CONTEXT_BUDGET), 'The context budget (tokens)', 10_000_000);
  if (typeof budget === 'object') return budget;
  const config: ModelConfig = { baseURL, apiKey, model };
  if (effort !== undefined) config.reasoningEffort = effort as ReasoningEffort;
  if (selfConsistency !== undefined) config.selfConsistency = selfConsistency;
  if (timeoutMs !== undefined) config.timeoutMs = timeoutMs;
  if (timeoutSeconds !== undefined) config.timeoutMs = timeoutSeconds * 1000;
  if (budget !== undefined) config.contextBudgetTokens = Math.max(MIN_CONTEXT_BUDGET_TOKENS, budget);
  if (nonEmpty(flags.cacheDir)) config.cacheDir = nonEmpty(flags.cacheDir);
  return config;
}

/** The `tally.model.*` settings of the extension (the key lives in SecretStorage, never in settings). */
export interface ModelSettings {
  enabled?: boolean;
  baseUrl?: string;
  model?: string;
  reasoningEffort?: ReasoningEffort;
  selfConsistency?: number;
  timeoutSeconds?: number;
  maxRetries?: number;
  contextBudgetTokens?: number;
  maxOutputTokens?: number;
}

const SETTING_VALIDATORS: { [K in keyof ModelSettings]-?: (v: unknown) => boolean } = {
  enabled: (v) => typeof v === 'boolean',
  baseUrl: (v) => typeof v === 'string' && v.trim() !== '' && checkBaseURL(v.trim()) === undefined,
  model: (v) => typeof v === 'string' && v.trim() !== '',
  reasoningEffort: isReasoningEffort,
  selfConsistency: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_SELF_CONSISTENCY,
  timeoutSeconds: (v) => typeof v === 'number' && v > 0 && v <= 3600,
  maxRetries: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10,
  contextBudgetTokens: (v) => Number.isInteger(v) && (v as number) >= MIN_CONTEXT_BUDGET_TOKENS && (v as number) <= 10_000_000,
  maxOutputTokens: (v) => Number.isInteger(v) && (v as number) >= 256 && (v as number) <= 1_000_000,
};

function cleanSettings(values: Readonly<Record<string, unknown>> | undefined, ignored: string[], scope: string): ModelSettings {
  const out: Record<string, unknown> = {};
  if (!values) return out;
  for (const [key, value] of Object.entries(values)) {
    // An empty value is the settings UI's "not set" (e.g. reasoning effort: nothing is sent).
    if (value === undefined || value === null || value === '') continue;
    const valid = (SETTING_VALIDATORS as Record<string, ((v: unknown) => boolean) | undefined>)[key];
    if (!valid) {
      // Unknown keys, and above all anything key-like ("apiKey"), are never taken from settings.
      ignored.push(`${scope} tally.model.${key} (not a model setting)`);
      continue;
    }
    if (!valid(value)) {
      ignored.push(`${scope} tally.model.${key} (invalid value)`);
      continue;
    }
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out as ModelSettings;
}

/**
 * Merges user- and workspace-level `tally.model.*` settings (keys without the prefix, e.g. { baseUrl }).
 * In a trusted workspace the workspace values win, as in VS Code. In an untrusted (restricted) workspace
 * every workspace-level model setting is ignored: a cloned repository must not be able to turn the
 * review on or redirect the paper and the user's key to its own server (baseUrl). `ignored` lists what
 * was dropped, so the extension can say so.
 */
export function untrustedSafeModelSettings(
  workspaceValues: Readonly<Record<string, unknown>> | undefined,
  userValues: Readonly<Record<string, unknown>> | undefined,
  trusted: boolean,
): { settings: ModelSettings; ignored: string[] } {
  const ignored: string[] = [];
  const user = cleanSettings(userValues, ignored, 'user');
  if (!trusted) {
    for (const [key, value] of Object.entries(workspaceValues ?? {})) {
      if (value !== undefined && value !== null) ignored.push(`workspace tally.model.${key} (untrusted workspace)`);
    }
    return { settings: user, ignored };
  }
  const workspace = cleanSettings(workspaceValues, ignored, 'workspace');
  return { settings: { ...user, ...workspace }, ignored };
}

/** The extension's model configuration from merged settings and the key from SecretStorage. */
export function modelConfigFromSettings(settings: ModelSettings, apiKey: string | undefined, extras: { cacheDir?: string } = {}): ModelConfig | { error: string } {
  if (settings.enabled === false) return { error: 'The model review is turned off (tally.model.enabled).' };
  const key = apiKey?.trim();
  if (!key) return { error: 'No API key for the model review: run "Tally: Set Model API Key".' };
  const baseURL = settings.baseUrl?.trim() || OPENAI_DEFAULT_BASE_URL;
  const bad = checkBaseURL(baseURL);
  if (bad) return { error: bad };
  const config: ModelConfig = { baseURL, apiKey: key, model: settings.model?.trim() || DEFAULT_MODEL };
  if (settings.reasoningEffort) config.reasoningEffort = settings.reasoningEffort;
  if (settings.selfConsistency) config.selfConsistency = settings.selfConsistency;
  if (settings.timeoutSeconds) config.timeoutMs = Math.round(settings.timeoutSeconds * 1000);
  if (settings.maxRetries !== undefined) config.maxRetries = settings.maxRetries;
  if (settings.contextBudgetTokens) config.contextBudgetTokens = settings.contextBudgetTokens;
  if (settings.maxOutputTokens) config.maxOutputTokens = settings.maxOutputTokens;
  if (extras.cacheDir) config.cacheDir = extras.cacheDir;
  return config;
}
