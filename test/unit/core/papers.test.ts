// What the papers of a folder are: a root with its \input files is one paper; a fragment is not;
// a PDF compiled from a root goes with that paper.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { findPapers, paperHeading, paperTitle } from '../../../src/core/papers.ts';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tally-papers-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const ROOT = '\\documentclass{article}\n\\title{On Counting\\thanks{Funded.} Sheep}\n\\begin{document}\n\\input{sections/results}\n\\end{document}\n';

test('a root and its \\input files are one paper; its compiled PDF goes with it', () => {
  const dir = folder({ 'main.tex': ROOT, 'sections/results.tex': 'Of 10 sheep, 5 (50\\%) slept.\n', 'main.pdf': '%PDF-1.4\n', 'build/main.pdf': '%PDF-1.4\n' });
  const { papers, fragments } = findPapers(dir);
  assert.equal(papers.length, 1);
  assert.equal(papers[0].kind, 'latex');
  assert.deepEqual(papers[0].files, [join(dir, 'main.tex'), join(dir, 'sections/results.tex')]);
  assert.deepEqual(papers[0].compiledPdfs, [join(dir, 'build/main.pdf'), join(dir, 'main.pdf')]);
  assert.equal(papers[0].title, 'On Counting Sheep');
  assert.deepEqual(fragments, []);
});

test('a fragment no root reads is not a paper; a PDF with no source here is', () => {
  const dir = folder({ 'main.tex': ROOT, 'sections/results.tex': 'x', 'notes/draft.tex': 'Of 3, 1 (33\\%).', 'other.pdf': '%PDF-1.4\n' });
  const { papers, fragments } = findPapers(dir);
  assert.deepEqual(papers.map((p) => [p.kind, p.root]), [['latex', join(dir, 'main.tex')], ['pdf', join(dir, 'other.pdf')]]);
  assert.deepEqual(fragments, [join(dir, 'notes/draft.tex')]);
});

test('a folder of loose fragments and nothing else still has them checked', () => {
  const dir = folder({ 'a.tex': 'Of 3, 1 (33\\%).', 'b.tex': 'Two plus two is 4.' });
  assert.deepEqual(findPapers(dir).papers.map((p) => p.root), [join(dir, 'a.tex'), join(dir, 'b.tex')]);
});

test('headings: the title, else the path relative to the workspace folder', () => {
  assert.equal(paperHeading({ root: '/w/p/main.tex', title: 'A Title' }, '/w'), 'A Title');
  assert.equal(paperHeading({ root: '/w/p/main.tex' }, '/w'), 'p/main.tex');
  assert.equal(paperTitle('% \\title{Not this}\n\\title[Short]{Long \\emph{and} Wide\\\\ Title}'), 'Long and Wide Title');
  assert.equal(paperTitle('\\section{No title here}'), undefined);
});

test('Check Workspace plans one paper for a root, its \\input file and its compiled PDF; skips what is not a paper', async () => {
  const { planWorkspace } = await import('../../../src/server/workspace-papers.ts');
  const { pathToFileURL } = await import('node:url');
  const dir = folder({ 'main.tex': ROOT, 'sections/results.tex': 'x', 'main.pdf': '%PDF-1.4\n', 'notes/draft.tex': 'y' });
  const uri = (f: string) => pathToFileURL(join(dir, f)).href;
  const uris = ['main.tex', 'sections/results.tex', 'main.pdf', 'notes/draft.tex'].map(uri);
  const folderUri = pathToFileURL(dir).href;
  const withPdf = planWorkspace(uris, [folderUri], 'withPaper', (u) => u);
  assert.equal(withPdf.papers, 1);
  assert.deepEqual(withPdf.jobs.map((j) => [j.uri, j.paper]), [[uri('main.tex'), uri('main.tex')], [uri('main.pdf'), uri('main.tex')]]);
  assert.equal(withPdf.jobs[0].label, 'On Counting Sheep');
  assert.deepEqual(withPdf.skipped, [uri('notes/draft.tex')]);
  const skip = planWorkspace(uris, [folderUri], 'skip', (u) => u);
  assert.deepEqual(skip.jobs.map((j) => j.uri), [uri('main.tex')]);
  assert.deepEqual(skip.skipped.sort(), [uri('main.pdf'), uri('notes/draft.tex')].sort());
});

test('a paper\'s files are read only inside its folder: no file outside, no link leaving it, no FIFO', { skip: process.platform === 'win32' }, async () => {
  const { execFileSync } = await import('node:child_process');
  const { symlinkSync } = await import('node:fs');
  const outer = mkdtempSync(join(tmpdir(), 'tally-papers-outer-'));
  writeFileSync(join(outer, 'secret.tex'), 'The key is 1234.\n');
  const dir = join(outer, 'paper');
  mkdirSync(dir);
  writeFileSync(join(dir, 'main.tex'), '\\documentclass{article}\n\\begin{document}\n\\input{../secret}\n\\input{leak}\n\\input{pipe}\n\\input{inside}\n\\end{document}\n');
  writeFileSync(join(dir, 'inside.tex'), 'Of 4 cats, 2 (50\\%) slept.\n');
  symlinkSync(join(outer, 'secret.tex'), join(dir, 'leak.tex'));
  execFileSync('mkfifo', [join(dir, 'pipe.tex')]);
  // A FIFO read by a blocking reader would never return: the test would hang rather than fail.
  const { papers } = findPapers(dir);
  assert.equal(papers.length, 1);
  assert.deepEqual(papers[0].files, [join(dir, 'main.tex'), join(dir, 'inside.tex')]);
});
