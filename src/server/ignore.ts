// The paper's ignore list as the server sees it: the `tally.ignore` setting plus the nearest
// .tally-ignore.json at or above the paper's root. The quick fix writes a readable entry there
// (or creates the file beside the root).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IGNORE_FILE_NAME, addToIgnoreList, findIgnoreFile, readIgnoreList, removeFromIgnoreList, today } from '../core/ignore-file.ts';
import type { IgnoreEntry } from '../core/ignore-file.ts';
import type { IgnoreIdParams } from '../shared/protocol.ts';

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export function ignoreIdsFor(uri: string, fromSettings: readonly string[], log: (message: string) => void): string[] {
  const file = pathOf(uri);
  if (!file) return [...fromSettings];
  const list = readIgnoreList(dirname(file));
  if (list.error) log(list.error);
  return [...new Set([...fromSettings, ...list.ids])];
}

/** A quoted sentence longer than this is cut (a table row read as one sentence can run long). */
const MAX_SENTENCE = 400;

/** The entry to write for a finding hidden from `ignoreFile`'s folder. */
export function ignoreEntry(params: IgnoreIdParams, ignoreFile: string, date = today()): IgnoreEntry {
  const entry: IgnoreEntry = { id: params.id };
  if (params.kind) entry.kind = params.kind;
  if (params.claim) entry.claim = params.claim;
  const sentence = params.sentence?.replace(/\s+/g, ' ').trim();
  if (sentence) entry.sentence = sentence.length > MAX_SENTENCE ? `${sentence.slice(0, MAX_SENTENCE - 1)}…` : sentence;
  const where = params.range ? pathOf(params.range.uri) : pathOf(params.uri);
  if (where) entry.file = relative(dirname(ignoreFile), where).split('\\').join('/');
  if (params.range?.page !== undefined) entry.page = params.range.page;
  else if (params.range) entry.line = params.range.start.line + 1;
  entry.hidden = date;
  if (params.reason) entry.reason = params.reason;
  return entry;
}

/**
 * Adds a readable entry for the finding to the ignore file at or above the paper's root `rootUri`
 * (else creates one beside the root); returns the file written.
 */
export function addIgnoredId(rootUri: string, params: IgnoreIdParams): string {
  const root = pathOf(rootUri);
  if (!root) throw new Error(`Cannot keep an ignore list for ${rootUri}: not a file on disk`);
  const file = findIgnoreFile(dirname(root)) ?? join(dirname(root), IGNORE_FILE_NAME);
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  writeFileSync(file, addToIgnoreList(existing, ignoreEntry(params, file)));
  return file;
}

/**
 * Removes the finding's entries from the ignore file at or above the paper's root `rootUri` (Undo
 * after a hide); returns the file and whether it listed the finding. Writes nothing when it did not.
 */
export function removeIgnoredId(rootUri: string, id: string): { file?: string; removed: boolean } {
  const root = pathOf(rootUri);
  if (!root) throw new Error(`Cannot keep an ignore list for ${rootUri}: not a file on disk`);
  const file = findIgnoreFile(dirname(root));
  if (!file) return { removed: false };
  const { text, removed } = removeFromIgnoreList(readFileSync(file, 'utf8'), id);
  if (removed) writeFileSync(file, text);
  return { file, removed };
}

/** The ignore-list entries that apply to a paper (for the report's "hidden" part). */
export function ignoreEntriesFor(rootUri: string): IgnoreEntry[] {
  const root = pathOf(rootUri);
  return root ? readIgnoreList(dirname(root)).entries : [];
}
