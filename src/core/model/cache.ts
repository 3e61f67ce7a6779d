// On-disk cache of model answers, so re-running a review on an unchanged section costs no request.
// Keyed by sha256 of the prompt version, model, host, response mode and the exact messages (which
// hold the section text and its context). Stores the answer's content only: never the key, never the
// full base URL (it may carry tokens in its path or query).

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export interface CacheKeyParts {
  promptVersion: string;
  model: string;
  host: string;
  reasoningEffort?: string;
  mode: string;
  messages: readonly { role: string; content: string }[];
  /** Self-consistency run index: each run is its own answer. */
  run: number;
}

export function cacheKey(parts: CacheKeyParts): string {
  return createHash('sha256')
    .update(JSON.stringify([parts.promptVersion, parts.model, parts.host, parts.reasoningEffort ?? '', parts.mode, parts.messages, parts.run]))
    .digest('hex');
}

interface CacheEntry {
  version: 1;
  model: string;
  host: string;
  createdAt: string;
  content: string;
}

function pathFor(dir: string, key: string): string {
  return join(dir, `${key}.json`);
}

export function cacheHas(dir: string | undefined, key: string): boolean {
  return dir !== undefined && existsSync(pathFor(dir, key));
}

/** The cached content, or undefined (missing, unreadable or corrupt entries are misses). */
export function cacheGet(dir: string | undefined, key: string): string | undefined {
  if (!dir) return undefined;
  try {
    const entry = JSON.parse(readFileSync(pathFor(dir, key), 'utf8')) as Partial<CacheEntry>;
    return entry.version === 1 && typeof entry.content === 'string' ? entry.content : undefined;
  } catch {
    return undefined;
  }
}

/** Writes atomically (temp file + rename). Returns an error message instead of throwing. */
export function cachePut(dir: string | undefined, key: string, entry: { model: string; host: string; content: string }): string | undefined {
  if (!dir) return undefined;
  try {
    mkdirSync(dir, { recursive: true });
    const file = pathFor(dir, key);
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    const value: CacheEntry = { version: 1, model: entry.model, host: entry.host, createdAt: new Date().toISOString(), content: entry.content };
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, file);
    return undefined;
  } catch (e) {
    return `could not write the model cache in ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  }
}
