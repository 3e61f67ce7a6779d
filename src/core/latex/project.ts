// LaTeX projects on disk: which .tex files are roots, which are included by them, which are
// orphans (checked on their own).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PaperText } from '../types.ts';
import { extractLatex } from './extract.ts';
import { listFiles, projectReader, readFileUri } from '../files.ts';

export { readFileUri };

const SKIP_DIRS = new Set(['node_modules', '.git', '.svn', '.hg', 'dist', 'out']);

function stripComments(text: string): string {
  return text.replace(/(?<!\\)%.*$/gm, '');
}

function isRoot(text: string): boolean {
  return /\\documentclass\b/.test(stripComments(text));
}

/**
 * Roots are the .tex files with \documentclass; orphans are the .tex files no root reaches.
 * Given a file, the project is its folder's, restricted to what concerns that file.
 */
export function findLatexProject(folderOrFile: string): { roots: string[]; orphans: string[] } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folderOrFile);
  } catch {
    return { roots: [], orphans: [] };
  }
  if (stat.isFile()) {
    const text = readFileUri(folderOrFile) ?? '';
    return isRoot(text) ? { roots: [path.resolve(folderOrFile)], orphans: [] } : { roots: [], orphans: [path.resolve(folderOrFile)] };
  }
  const folder = path.resolve(folderOrFile);
  const all = listFiles(folder, '.tex', SKIP_DIRS).sort();
  const readFile = projectReader(folder);
  const roots = all.filter((f) => isRoot(readFileUri(f) ?? ''));
  const reached = new Set<string>();
  for (const r of roots) {
    for (const uri of extractLatex(readFileUri(r) ?? '', pathToFileURL(r).href, { readFile, parser: 'simple' }).files) {
      try {
        reached.add(path.resolve(fileURLToPath(uri)));
      } catch {
        // not a file URI
      }
    }
  }
  const orphans = all.filter((f) => !roots.includes(f) && !reached.has(f));
  return { roots, orphans };
}

/** The folder a paper's \input files must lie in: the folder checked, or a lone file's own folder. */
export function projectFolder(folderOrFile: string): string {
  try {
    return fs.statSync(folderOrFile).isDirectory() ? path.resolve(folderOrFile) : path.dirname(path.resolve(folderOrFile));
  } catch {
    return path.dirname(path.resolve(folderOrFile));
  }
}

/** One PaperText per root and per orphan of a folder (or for one file). */
export function extractLatexProject(folderOrFile: string): PaperText[] {
  const { roots, orphans } = findLatexProject(folderOrFile);
  const readFile = projectReader(projectFolder(folderOrFile));
  return [...roots, ...orphans].map((f) => extractLatex(readFileUri(f) ?? '', pathToFileURL(f).href, { readFile }));
}
