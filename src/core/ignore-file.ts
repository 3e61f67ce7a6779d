// The per-project ignore list: `.tally-ignore.json` beside the paper (or in a parent folder),
// `{ "ignore": ["<finding id>", ...] }`. Shared by the CLI and the language server.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const IGNORE_FILE_NAME = '.tally-ignore.json';

/** The nearest ignore file at or above `startDir` (stops at the filesystem root). */
export function findIgnoreFile(startDir: string): string | undefined {
  let dir = startDir;
  for (;;) {
    const candidate = join(dir, IGNORE_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function parseIgnoreList(text: string): string[] {
  const data: unknown = JSON.parse(text);
  const list = (data as { ignore?: unknown })?.ignore;
  if (!Array.isArray(list)) throw new Error(`${IGNORE_FILE_NAME} must be an object with an "ignore" array of finding ids`);
  return list.filter((x): x is string => typeof x === 'string');
}

export function readIgnoreList(startDir: string): { file?: string; ids: string[]; error?: string } {
  const file = findIgnoreFile(startDir);
  if (!file) return { ids: [] };
  try {
    return { file, ids: parseIgnoreList(readFileSync(file, 'utf8')) };
  } catch (e) {
    return { file, ids: [], error: `${file}: ${(e as Error).message}` };
  }
}

/** The ignore file's new text with `id` added (keeps other keys; sorted, no duplicates). */
export function addToIgnoreList(existing: string | undefined, id: string): string {
  let data: Record<string, unknown> = {};
  if (existing?.trim()) {
    const parsed: unknown = JSON.parse(existing);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
  }
  const ids = new Set(Array.isArray(data.ignore) ? data.ignore.filter((x): x is string => typeof x === 'string') : []);
  ids.add(id);
  data.ignore = [...ids].sort();
  return JSON.stringify(data, null, 2) + '\n';
}
