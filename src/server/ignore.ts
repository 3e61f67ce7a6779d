// The project's ignore list as the server sees it: the `tally.ignore` setting plus the nearest
// .tally-ignore.json above the paper. The quick fix writes to that file (or creates one).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IGNORE_FILE_NAME, addToIgnoreList, findIgnoreFile, readIgnoreList } from '../core/ignore-file.ts';

function dirOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? dirname(fileURLToPath(uri)) : undefined;
  } catch {
    return undefined;
  }
}

export function ignoreIdsFor(uri: string, fromSettings: readonly string[], log: (message: string) => void): string[] {
  const dir = dirOf(uri);
  if (!dir) return [...fromSettings];
  const list = readIgnoreList(dir);
  if (list.error) log(list.error);
  return [...new Set([...fromSettings, ...list.ids])];
}

/** Adds `id` to the nearest ignore file (else creates one in `fallbackDir`); returns the file written. */
export function addIgnoredId(uri: string, id: string, workspaceFolderPath: string | undefined): string {
  const dir = dirOf(uri);
  if (!dir) throw new Error(`Cannot keep an ignore list for ${uri}: not a file on disk`);
  const file = findIgnoreFile(dir) ?? join(workspaceFolderPath ?? dir, IGNORE_FILE_NAME);
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  writeFileSync(file, addToIgnoreList(existing, id));
  return file;
}
