// Turns the CLI's PATH arguments into papers to check, without reading them: LaTeX roots (with what
// they \input), orphan .tex files and PDFs. A folder's LaTeX papers and its PDFs are both checked;
// a PDF that is a root compiled (main.pdf next to main.tex) is reported with its source instead.

import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { projectReader, readFileUri } from '../core/files.ts';
import type { PaperText } from '../core/types.ts';
import { dirname, extname, resolve } from 'node:path';
import type { WorkItem } from './work.ts';

export class InputError extends Error {
  override name = 'InputError';
}

/**
 * The folder's papers as src/core/papers.ts decides them (a root and its \input files; PDFs without
 * a source here). Loaded only for folders: it brings the LaTeX reader, which a PDF check never needs.
 */
async function folderItems(folder: string, path: string): Promise<WorkItem[]> {
  const { findPapers } = await import('../core/papers.ts');
  const { papers, fragments } = findPapers(folder);
  if (!papers.length && !fragments.length) throw new InputError(`no .tex or .pdf files in ${path}`);
  const items = papers.map((p): WorkItem => (p.kind === 'latex' ? { kind: 'latex', file: p.root, projectDir: folder, compiled: p.compiledPdfs } : { kind: 'pdf', file: p.root }));
  // The command line checks everything it was pointed at: .tex files no root reads are checked on their own.
  for (const file of fragments) items.push({ kind: 'latex', file, projectDir: folder });
  return items;
}

/** Every paper named by `path`, as work for the pool. */
export async function workItemsFor(path: string): Promise<WorkItem[]> {
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

export interface PdfOptions {
  maxPages?: number;
  timeoutMs?: number;
}

/** The papers named by `path`, extracted in this thread (for tests and tools that want the text itself). */
export async function papersFor(path: string, options: PdfOptions): Promise<PaperText[]> {
  const { extractLatex } = await import('../core/latex/index.ts');
  const { extractPdf } = await import('../core/pdf/index.ts');
  const papers: PaperText[] = [];
  for (const item of await workItemsFor(path)) {
    const uri = pathToFileURL(item.file).href;
    if (item.kind === 'latex') papers.push(extractLatex(readFileUri(uri) ?? '', uri, { readFile: projectReader(item.projectDir) }));
    else papers.push(await extractPdf(new Uint8Array(readFileSync(item.file)), uri, options));
  }
  return papers;
}
