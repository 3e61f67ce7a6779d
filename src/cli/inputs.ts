// Turns the CLI's PATH arguments into papers to check, without reading them: LaTeX roots (with what
// they \input), orphan .tex files and PDFs. A folder's LaTeX papers and its PDFs are both checked;
// a PDF that is a root compiled (main.pdf next to main.tex) is reported with its source instead.

import { statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { listFiles } from '../core/files.ts';
import { findLatexProject } from '../core/latex/project.ts';
import type { WorkItem } from './work.ts';

export class InputError extends Error {
  override name = 'InputError';
}

// A paper's PDF may sit in a build folder (out/, dist/), so only node_modules is passed over.
const PDF_SKIP_DIRS = new Set(['node_modules']);

function stem(file: string): string {
  return basename(file).replace(/\.[^.]+$/, '').toLowerCase();
}

function folderItems(folder: string, path: string): WorkItem[] {
  const { roots, orphans } = findLatexProject(folder);
  const pdfs = listFiles(folder, '.pdf', PDF_SKIP_DIRS).sort();
  if (!roots.length && !orphans.length && !pdfs.length) throw new InputError(`no .tex or .pdf files in ${path}`);
  // main.pdf in the root's folder (or a build folder below it) is main.tex compiled.
  const compiledOf = (pdf: string): string | undefined => roots.find((r) => stem(r) === stem(pdf) && dirname(pdf).startsWith(dirname(r)));
  const items: WorkItem[] = [...roots, ...orphans].map((file) => ({ kind: 'latex', file, projectDir: folder, compiled: pdfs.filter((p) => compiledOf(p) === file) }));
  for (const file of pdfs) if (!compiledOf(file)) items.push({ kind: 'pdf', file });
  return items;
}

/** Every paper named by `path`. */
export function papersFor(path: string): WorkItem[] {
  const full = resolve(path);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    throw new InputError(`no such file or folder: ${path}`);
  }
  if (stat.isDirectory()) return folderItems(full, path);
  if (!stat.isFile()) throw new InputError(`not a regular file: ${path}`);
  const ext = extname(full).toLowerCase();
  if (ext === '.pdf') return [{ kind: 'pdf', file: full }];
  if (ext === '.tex' || ext === '.ltx' || ext === '.latex') return [{ kind: 'latex', file: full, projectDir: dirname(full) }];
  throw new InputError(`not a .tex or .pdf file: ${path}`);
}
