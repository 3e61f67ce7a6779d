// Check Workspace checks papers, not files: the papers of each workspace folder (src/core/papers.ts),
// each LaTeX paper once through its root, with its compiled PDFs checked alongside it (or skipped,
// per `tally.workspace.compiledPdfs`), and fragments that no root reads left alone.

import { fileURLToPath, pathToFileURL } from 'node:url';
import { findPapers } from '../core/papers.ts';
import { normalizeUri } from './papers.ts';

export type CompiledPdfs = 'withPaper' | 'skip';

export interface WorkspaceJob {
  /** The root to check (a .tex root or a PDF) and the paper it counts towards. */
  uri: string;
  paper: string;
  /** The paper's title or relative path, for progress messages. */
  label: string;
}

export interface WorkspacePlan {
  jobs: WorkspaceJob[];
  papers: number;
  /** Files named by the client that are not papers (fragments), or compiled PDFs skipped by the setting. */
  skipped: string[];
}

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What Check Workspace checks, given the files the client found (`uris`, already filtered by
 * `tally.fileTypes`) and the workspace folders. Files outside every folder are checked as before,
 * each through its root (`rootFor`).
 */
export function planWorkspace(uris: readonly string[], folders: readonly string[], compiledPdfs: CompiledPdfs, rootFor: (uri: string) => string): WorkspacePlan {
  const wanted = new Set(uris.map(normalizeUri));
  const covered = new Set<string>();
  const jobs: WorkspaceJob[] = [];
  const skipped: string[] = [];
  let papers = 0;
  const href = (p: string) => normalizeUri(pathToFileURL(p).href);
  for (const folder of folders) {
    const dir = pathOf(folder);
    if (!dir) continue;
    const found = findPapers(dir);
    for (const p of found.papers) {
      const root = href(p.root);
      for (const f of [...p.files, ...p.compiledPdfs]) covered.add(href(f));
      if (!wanted.has(root)) continue;
      papers++;
      const label = p.title ?? p.root.slice(dir.length + 1);
      jobs.push({ uri: root, paper: root, label });
      for (const pdf of p.compiledPdfs.map(href)) {
        if (!wanted.has(pdf)) continue;
        if (compiledPdfs === 'withPaper') jobs.push({ uri: pdf, paper: root, label: `${label} (compiled PDF)` });
        else skipped.push(pdf);
      }
    }
    for (const f of found.fragments) if (wanted.has(href(f))) skipped.push(href(f));
    for (const f of found.fragments) covered.add(href(f));
  }
  // Files outside the workspace folders: each through its root, once.
  const seen = new Set(jobs.map((j) => j.paper));
  for (const uri of uris) {
    if (covered.has(normalizeUri(uri))) continue;
    const root = normalizeUri(rootFor(uri));
    if (seen.has(root)) continue;
    seen.add(root);
    papers++;
    jobs.push({ uri: root, paper: root, label: root.split('/').pop() ?? root });
  }
  return { jobs, papers, skipped };
}
