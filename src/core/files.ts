// Reading papers from disk, shared by the LaTeX project finder, the CLI and the language server.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Reads a file:// URI (or a path), or undefined when it is missing or not a regular file. */
export function readFileUri(uri: string): string | undefined {
  try {
    const p = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
    if (!fs.statSync(p).isFile()) return undefined;
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

const MAX_FILES = 5000;

/**
 * Files below `dir` whose names end with `extension`, skipping hidden folders and `skipDirs`;
 * unreadable folders are passed over, and the walk stops at 5000 files.
 */
export function listFiles(dir: string, extension: string, skipDirs: ReadonlySet<string>, out: string[] = []): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (out.length >= MAX_FILES) break;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!skipDirs.has(e.name) && !e.name.startsWith('.')) listFiles(p, extension, skipDirs, out);
    } else if (e.isFile() && e.name.toLowerCase().endsWith(extension)) out.push(p);
  }
  return out;
}
