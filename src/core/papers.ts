// What the papers of a folder are. A LaTeX root (a .tex file with \documentclass) and the files it
// \input's are one paper; a fragment no root reads is not a paper while the folder has a root; a PDF
// compiled from a root in the folder belongs to that paper, never a paper of its own.

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { listFiles, projectReader, readFileUri } from './files.ts';
import { findLatexProject } from './latex/project.ts';
import { extractLatex } from './latex/extract.ts';
import { paperTitle } from './paper-title.ts';

// The title helpers live apart so a report can name a paper without loading the LaTeX reader.
export { paperHeading, paperTitle } from './paper-title.ts';

export interface FolderPaper {
  kind: 'latex' | 'pdf';
  /** Absolute path of the root .tex file, or of the PDF. */
  root: string;
  /** Every source file of the paper (root first); a PDF's is itself. */
  files: string[];
  /** PDFs in the folder compiled from this LaTeX paper (same name as the root). */
  compiledPdfs: string[];
  /** The paper's \title as plain text, when it has one. */
  title?: string;
}

export interface FolderPapers {
  papers: FolderPaper[];
  /** .tex files that are not papers: fragments with no \documentclass that no root reads. */
  fragments: string[];
}

// Compiled PDFs may sit in a build folder (out/, build/), so only node_modules is passed over.
const PDF_SKIP_DIRS = new Set(['node_modules']);

function stem(file: string): string {
  return path.basename(file).replace(/\.[^.]+$/, '').toLowerCase();
}

/** The root and the files it reads, through the confined reader: only regular files inside `folder`. */
function filesRead(root: string, folder: string): string[] {
  const paper = extractLatex(readFileUri(root) ?? '', pathToFileURL(root).href, { readFile: projectReader(folder), parser: 'simple' });
  const out = [root];
  for (const uri of paper.files) {
    try {
      const file = path.resolve(fileURLToPath(uri));
      if (!out.includes(file)) out.push(file);
    } catch {
      // not a file URI
    }
  }
  return out;
}

/** The papers of `folder`: LaTeX roots with their files and compiled PDFs, then PDFs with no source here. */
export function findPapers(folder: string): FolderPapers {
  const { roots, orphans } = findLatexProject(folder);
  // Loose fragments are all there is to check when the folder has no root at all.
  const texRoots = roots.length ? roots : orphans;
  const papers: FolderPaper[] = texRoots.map((root) => ({ kind: 'latex', root, files: filesRead(root, folder), compiledPdfs: [], title: paperTitle(readFileUri(root) ?? '') }));
  const byStem = new Map<string, FolderPaper>();
  for (const p of papers) if (!byStem.has(stem(p.root))) byStem.set(stem(p.root), p);
  const pdfs = listFiles(path.resolve(folder), '.pdf', PDF_SKIP_DIRS).sort();
  for (const pdf of pdfs) {
    const source = byStem.get(stem(pdf));
    if (source) source.compiledPdfs.push(pdf);
    else papers.push({ kind: 'pdf', root: pdf, files: [pdf], compiledPdfs: [] });
  }
  return { papers, fragments: roots.length ? orphans : [] };
}
