// Which LaTeX root a .tex file belongs to: a `% !TEX root` comment, a \documentclass of its own,
// a root already known to read it, or a root nearby that \input's it.

import { readdirSync } from 'node:fs';
import { readFileUri } from '../core/files.ts';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Only spaces and tabs inside a line: `\s*` at a line start ran over every following blank line,
// which made the pattern quadratic in runs of newlines (seconds per keystroke on the main thread).
const MAGIC_ROOT = /^[ \t]*%[ \t]*![ \t]*TeX[ \t]+root[ \t]*=[ \t]*(\S.*?)[ \t]*$/im;
/** Editors read the magic comment from the top of the file; only this much is searched. */
const MAGIC_SCAN_CHARS = 8192;
/** A root found by looking around is read only up to this size (the main thread reads it). */
const MAX_NEARBY_ROOT_BYTES = 2 * 1024 * 1024;

function stripComments(text: string): string {
  return text.replace(/(?<!\\)%.*$/gm, '');
}

export function isRootText(text: string): boolean {
  return /\\documentclass\b/.test(stripComments(text));
}

function filePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** Roots in `dir` and its parent whose text \input's, \include's or \subfile's `file`. */
function findIncludingRoot(file: string, stopAt: string | undefined): string | undefined {
  const stem = basename(file).replace(/\.tex$/i, '');
  const mention = new RegExp(`\\\\(?:input|include|subfile|import|subimport)\\s*(?:\\{[^}]*\\}\\s*)?\\{[^}]*\\b${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\.tex)?\\s*\\}`);
  let dir = dirname(file);
  for (let depth = 0; depth < 3; depth++) {
    let entries: string[] = [];
    try {
      entries = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.tex'));
    } catch {
      /* unreadable folder */
    }
    for (const name of entries) {
      const candidate = join(dir, name);
      if (candidate === file) continue;
      // Regular files only, opened without blocking (readFileUri): a FIFO or a link to /dev/zero named
      // .tex must not stall the server.
      const text = readFileUri(candidate);
      if (text !== undefined && text.length <= MAX_NEARBY_ROOT_BYTES && isRootText(text) && mention.test(stripComments(text))) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir || (stopAt && !parent.startsWith(stopAt))) break;
    dir = parent;
  }
  return undefined;
}

/**
 * The root URI for a .tex document. `knownRootOf` gives the root an earlier check found to read
 * this file; `workspaceFolder` bounds the search upwards.
 */
export function resolveRoot(uri: string, text: string, knownRootOf: (uri: string) => string | undefined, workspaceFolder?: string): string {
  const path = filePath(uri);
  const magic = MAGIC_ROOT.exec(text.slice(0, MAGIC_SCAN_CHARS));
  if (magic && path) {
    const target = resolve(dirname(path), magic[1].endsWith('.tex') ? magic[1] : `${magic[1]}.tex`);
    return pathToFileURL(target).href;
  }
  if (isRootText(text)) return uri;
  const known = knownRootOf(uri);
  if (known) return known;
  if (!path) return uri;
  const including = findIncludingRoot(path, workspaceFolder ? filePath(workspaceFolder) : undefined);
  return including ? pathToFileURL(including).href : uri;
}
