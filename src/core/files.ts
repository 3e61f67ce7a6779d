// Reading papers from disk, shared by the LaTeX project finder, the CLI and the language server.
// A paper reads only its own project: a cloned repository can ship `\input{../../.ssh/id_rsa}`, a
// symlink to /etc/passwd or /dev/zero, or a FIFO named x.tex, and none of these may become paper text.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A file the reader will not read; the message says why (for a note naming the path). */
export class FileRefused extends Error {
  override name = 'FileRefused';
}

/** Larger files are not LaTeX sources anyone wrote (and would only be cut to the paper's budget). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Kernel and device trees: their "files" report sizes of 0 and can block or never end. */
const SPECIAL_TREES = ['/proc', '/sys', '/dev'];

function toPath(uriOrPath: string): string {
  return uriOrPath.startsWith('file:') ? fileURLToPath(uriOrPath) : uriOrPath;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function realOrUndefined(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

/**
 * Reads a regular file without ever blocking: opened non-blocking (a FIFO does not wait for a writer),
 * then checked on the open descriptor (no swap between the check and the read).
 */
function readRegular(real: string, shown: string): string {
  if (SPECIAL_TREES.some((t) => isInside(real, t))) throw new FileRefused(`${shown} is a system file, not part of a paper`);
  const fd = fs.openSync(real, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new FileRefused(`${shown} is not a regular file`);
    if (stat.size > MAX_FILE_BYTES) throw new FileRefused(`${shown} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads a file:// URI (or a path) the user named, or undefined when it is missing or not a regular
 * file (a FIFO, a device, a folder, a file under /proc).
 */
export function readFileUri(uri: string): string | undefined {
  try {
    const p = toPath(uri);
    const real = fs.realpathSync(p);
    return readRegular(real, p);
  } catch {
    return undefined;
  }
}

/**
 * A reader for the files a paper includes: only regular files inside `projectDir` (after following
 * symlinks) are read. Missing files give undefined; anything else throws FileRefused naming the path.
 */
export function projectReader(projectDir: string): (uri: string) => string | undefined {
  const boundary = realOrUndefined(projectDir) ?? path.resolve(projectDir);
  return (uri) => {
    let p: string;
    try {
      p = path.resolve(toPath(uri));
    } catch {
      return undefined;
    }
    if (!isInside(p, path.resolve(projectDir)) && !isInside(p, boundary)) throw new FileRefused(`${p} is outside the paper's folder (${projectDir})`);
    const real = realOrUndefined(p);
    if (real === undefined) return undefined;
    if (!isInside(real, boundary)) throw new FileRefused(`${p} is a link to ${real}, outside the paper's folder`);
    try {
      return readRegular(real, p);
    } catch (e) {
      if (e instanceof FileRefused) throw e;
      return undefined;
    }
  };
}

const MAX_FILES = 5000;

/**
 * Regular files below `dir` whose names end with `extension`, skipping hidden folders and `skipDirs`.
 * Symbolic links are not followed (a link can lead out of the project, or to a device or FIFO);
 * unreadable folders are passed over, and the walk stops at 5000 files.
 */
export function listFiles(dir: string, extension: string, skipDirs: ReadonlySet<string>, out: string[] = []): string[] {
  const pending = [dir];
  while (pending.length && out.length < MAX_FILES) {
    const current = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    const subdirs: string[] = [];
    for (const e of entries) {
      if (out.length >= MAX_FILES) break;
      const p = path.join(current, e.name);
      if (e.isDirectory()) {
        if (!skipDirs.has(e.name) && !e.name.startsWith('.')) subdirs.push(p);
      } else if (e.isFile() && e.name.toLowerCase().endsWith(extension)) out.push(p);
    }
    // Depth first, in directory order, as the recursive walk did.
    for (let i = subdirs.length - 1; i >= 0; i--) pending.push(subdirs[i]);
  }
  return out;
}
