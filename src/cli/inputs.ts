// Turns the CLI's PATH arguments into papers: .tex roots (following \input), orphan .tex files, PDFs.

import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listFiles, projectReader, readFileUri } from '../core/files.ts';
import { extractLatex, findLatexProject } from '../core/latex/index.ts';
import { extractPdf } from '../core/pdf/index.ts';
import type { PaperText } from '../core/types.ts';

export class InputError extends Error {}

export interface PdfOptions {
  maxPages?: number;
  timeoutMs?: number;
}

/** A root and what it includes; \input files must lie inside `projectDir` (the folder named, or the file's own). */
function texPaper(file: string, projectDir: string): PaperText {
  const uri = pathToFileURL(file).href;
  const source = readFileUri(uri);
  if (source === undefined) throw new InputError(`cannot read ${file} (missing, or not a regular file)`);
  return extractLatex(source, uri, { readFile: projectReader(projectDir) });
}

async function pdfPaper(file: string, options: PdfOptions): Promise<PaperText> {
  let data: Uint8Array;
  try {
    data = new Uint8Array(readFileSync(file));
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return extractPdf(data, pathToFileURL(file).href, options);
}

// A paper's PDF may sit in a build folder (out/, dist/), so only node_modules is passed over.
const PDF_SKIP_DIRS = new Set(['node_modules']);

/**
 * Every paper named by `path`. A folder is a LaTeX project (its roots and orphan .tex files);
 * its PDFs are checked only when it has no .tex files, since they are usually the compiled paper.
 */
export async function papersFor(path: string, options: PdfOptions): Promise<PaperText[]> {
  const full = resolve(path);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    throw new InputError(`no such file or folder: ${path}`);
  }
  if (stat.isDirectory()) {
    const { roots, orphans } = findLatexProject(full);
    const tex = [...roots, ...orphans];
    if (tex.length) return tex.map((f) => texPaper(f, full));
    const pdfs = listFiles(full, '.pdf', PDF_SKIP_DIRS).sort();
    if (!pdfs.length) throw new InputError(`no .tex or .pdf files in ${path}`);
    return Promise.all(pdfs.map((f) => pdfPaper(f, options)));
  }
  const ext = extname(full).toLowerCase();
  if (ext === '.pdf') return [await pdfPaper(full, options)];
  if (ext === '.tex' || ext === '.ltx' || ext === '.latex') return [texPaper(full, dirname(full))];
  throw new InputError(`not a .tex or .pdf file: ${path}`);
}
