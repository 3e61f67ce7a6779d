// The per-paper ignore list: `.tally-ignore.json` beside the paper's root (or in a parent folder).
// Each entry says what was hidden, so a reader of the file (or of the report) can tell:
//   { "ignore": [ { "id", "kind", "claim", "sentence", "file", "line" | "page", "hidden" } ] }
// Files of the older form, `{ "ignore": ["<finding id>", ...] }`, still load. Shared by the CLI,
// the language server and the PDF viewer.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const IGNORE_FILE_NAME = '.tally-ignore.json';

/** One hidden finding, as written in the ignore file. */
export interface IgnoreEntry {
  id: string;
  /** The finding's kind (rule id). */
  kind?: string;
  /** The claim as written in the paper. */
  claim?: string;
  /** The sentence the claim stands in, as the report quotes it. */
  sentence?: string;
  /** Where it was when hidden: path relative to the ignore file's folder, 1-based line (LaTeX) or page (PDF). */
  file?: string;
  line?: number;
  page?: number;
  /** The date it was hidden, YYYY-MM-DD. */
  hidden?: string;
  /** Why, when the person hiding it said. */
  reason?: string;
}

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

function toEntry(x: unknown): IgnoreEntry | undefined {
  if (typeof x === 'string') return x ? { id: x } : undefined;
  if (!x || typeof x !== 'object' || typeof (x as IgnoreEntry).id !== 'string') return undefined;
  const e = x as Record<string, unknown>;
  const out: IgnoreEntry = { id: e.id as string };
  for (const key of ['kind', 'claim', 'sentence', 'file', 'hidden', 'reason'] as const) if (typeof e[key] === 'string') out[key] = e[key];
  for (const key of ['line', 'page'] as const) if (typeof e[key] === 'number') out[key] = e[key];
  return out;
}

/** The entries of an ignore file's text (bare ids and readable entries alike). Throws on a malformed file. */
export function parseIgnoreEntries(text: string): IgnoreEntry[] {
  const data: unknown = JSON.parse(text);
  const list = (data as { ignore?: unknown })?.ignore;
  if (!Array.isArray(list)) throw new Error(`${IGNORE_FILE_NAME} must be an object with an "ignore" array of findings`);
  return list.map(toEntry).filter((e): e is IgnoreEntry => !!e);
}

export function parseIgnoreList(text: string): string[] {
  return parseIgnoreEntries(text).map((e) => e.id);
}

export function readIgnoreList(startDir: string): { file?: string; ids: string[]; entries: IgnoreEntry[]; error?: string } {
  const file = findIgnoreFile(startDir);
  if (!file) return { ids: [], entries: [] };
  try {
    const entries = parseIgnoreEntries(readFileSync(file, 'utf8'));
    return { file, ids: entries.map((e) => e.id), entries };
  } catch (e) {
    return { file, ids: [], entries: [], error: `${file}: ${(e as Error).message}` };
  }
}

/** Today as YYYY-MM-DD (UTC), the date an entry records. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The ignore file's new text with `entry` added (a bare id is accepted too). Keeps other keys and
 * older entries (bare ids stay bare); an entry for an id already listed replaces it.
 */
export function addToIgnoreList(existing: string | undefined, entry: IgnoreEntry | string): string {
  let data: Record<string, unknown> = {};
  if (existing?.trim()) {
    const parsed: unknown = JSON.parse(existing);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
  }
  const added = typeof entry === 'string' ? { id: entry } : entry;
  const before = Array.isArray(data.ignore) ? data.ignore : [];
  // A bare id never overwrites a readable entry for it.
  if (Object.keys(added).length === 1 && before.some((x) => toEntry(x)?.id === added.id)) {
    data.ignore = before;
    return JSON.stringify(data, null, 2) + '\n';
  }
  const kept = before.filter((x) => {
    const e = toEntry(x);
    return e && e.id !== added.id;
  });
  const readable = Object.keys(added).length > 1;
  const all = [...kept, readable ? added : added.id];
  const idOf = (x: unknown) => (typeof x === 'string' ? x : (x as IgnoreEntry).id);
  data.ignore = all.sort((a, b) => idOf(a).localeCompare(idOf(b)));
  return JSON.stringify(data, null, 2) + '\n';
}

/**
 * The ignore file's new text without the entries for `id` (readable or bare), and whether there was
 * one: what Undo after a hide writes. Other keys and entries stay as they were. Throws on a malformed file.
 */
export function removeFromIgnoreList(existing: string, id: string): { text: string; removed: boolean } {
  const parsed: unknown = JSON.parse(existing);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${IGNORE_FILE_NAME} must be an object with an "ignore" array of findings`);
  const data = parsed as Record<string, unknown>;
  const before = Array.isArray(data.ignore) ? data.ignore : [];
  const kept = before.filter((x) => toEntry(x)?.id !== id);
  if (kept.length === before.length) return { text: existing, removed: false };
  data.ignore = kept;
  return { text: JSON.stringify(data, null, 2) + '\n', removed: true };
}
