// Which LaTeX root a .tex file belongs to: a `% !TEX root` comment, a \documentclass of its own,
// a root already known to read it, or a root nearby that \input's it. The language server's main
// thread uses only rootHint (bounded work, no file system); the search of nearby folders runs in the
// check worker.

import { closeSync, constants, fstatSync, openSync, readSync, readdirSync } from 'node:fs';
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
 * The first `max` characters of a file that is not open in the editor (enough for rootHint), or ''
 * when it is missing or not a regular file. Opened without blocking (a FIFO does not wait for a writer).
 */
export function readPrefix(uri: string, max = 65_536): string {
  const path = filePath(uri);
  if (!path || /^\/(proc|sys|dev)\//.test(path)) return '';
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return '';
    const buffer = Buffer.alloc(max);
    const n = readSync(fd, buffer, 0, max, 0);
    return buffer.toString('utf8', 0, n);
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** \documentclass belongs to the preamble: only this much of a document is looked at (bounded work per keystroke). */
const ROOT_SCAN_CHARS = 65_536;

export interface RootHint {
  root: string;
  /** False when nothing said which root this is and the folders around it were not searched yet. */
  final: boolean;
}

/**
 * The root of a .tex document from what is at hand, without touching the disk: a `% !TeX root`
 * comment, a \documentclass of its own, the root an earlier check found to read it (`knownRootOf`),
 * or the result of an earlier search of the folders around it (`nearbyRootOf`: null when none was found).
 * Only bounded prefixes of the text are searched, so this is cheap on the server's main thread.
 */
export function rootHint(uri: string, text: string, knownRootOf: (uri: string) => string | undefined, nearbyRootOf: (uri: string) => string | null | undefined): RootHint {
  const path = filePath(uri);
  const magic = MAGIC_ROOT.exec(text.slice(0, MAGIC_SCAN_CHARS));
  if (magic && path) {
    const target = resolve(dirname(path), magic[1].endsWith('.tex') ? magic[1] : `${magic[1]}.tex`);
    return { root: pathToFileURL(target).href, final: true };
  }
  if (isRootText(text.slice(0, ROOT_SCAN_CHARS))) return { root: uri, final: true };
  const known = knownRootOf(uri);
  if (known) return { root: known, final: true };
  if (!path) return { root: uri, final: true };
  const nearby = nearbyRootOf(uri);
  if (nearby !== undefined) return { root: nearby ?? uri, final: true };
  return { root: uri, final: false };
}

/** The root found by searching the folders around `uri` (file-system work: the check worker runs it). */
export function searchNearbyRoot(uri: string, workspaceFolder?: string): string | null {
  const path = filePath(uri);
  if (!path) return null;
  const including = findIncludingRoot(path, workspaceFolder ? filePath(workspaceFolder) : undefined);
  return including ? pathToFileURL(including).href : null;
}

/** The root of a .tex document, searching nearby folders when nothing closer says (blocking: not for the main thread). */
export function resolveRoot(uri: string, text: string, knownRootOf: (uri: string) => string | undefined, workspaceFolder?: string): string {
  const hint = rootHint(uri, text, knownRootOf, () => undefined);
  if (hint.final) return hint.root;
  return searchNearbyRoot(uri, workspaceFolder) ?? uri;
}
