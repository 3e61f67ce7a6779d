// Projects on disk: roots, included files, orphans.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractLatexProject, findLatexProject } from '../../../src/core/latex/index.ts';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/latex/project');

test('findLatexProject: roots, orphans; included files and node_modules are not orphans', () => {
  const { roots, orphans } = findLatexProject(DIR);
  assert.deepEqual(roots, [path.join(DIR, 'main.tex')]);
  assert.deepEqual(orphans, [path.join(DIR, 'other/orphan.tex')]);
  assert.deepEqual(findLatexProject(path.join(DIR, 'other/orphan.tex')), { roots: [], orphans: [path.join(DIR, 'other/orphan.tex')] });
  assert.deepEqual(findLatexProject(path.join(DIR, 'missing')), { roots: [], orphans: [] });
});

test('extractLatexProject: one PaperText per root and orphan, mapped to the right files', () => {
  const papers = extractLatexProject(DIR);
  assert.equal(papers.length, 2);
  const [main, orphan] = papers;
  assert.equal(main.uri, pathToFileURL(path.join(DIR, 'main.tex')).href);
  assert.equal(
    main.text,
    'Methods\n\nAn adult of 60 kg took 7000 ng/kg/day, i.e. 7000 × 60 = 420,000 ng a day.\n\nResults\n\nOf 40 mice, 12 (30%) died.',
  );
  const at = main.text.indexOf('12 (30%)');
  const r = main.map.toSource(at, at + 8);
  assert.equal(r.uri, pathToFileURL(path.join(DIR, 'sections/results.tex')).href);
  assert.deepEqual([r.start.line, r.start.character, r.end.line, r.end.character], [1, 12, 1, 21]);
  assert.equal(main.suppressed.length, 1);
  assert.equal(main.text.slice(main.suppressed[0].start, main.suppressed[0].end), 'Of 40 mice, 12 (30%) died.');
  assert.deepEqual(main.blocks.map((b) => `${b.kind}:${b.section}`), ['heading:Methods', 'paragraph:Methods', 'heading:Results', 'paragraph:Results']);
  assert.equal(orphan.text, 'A stray note: 3 + 4 = 7.');
  assert.equal(orphan.uri, pathToFileURL(path.join(DIR, 'other/orphan.tex')).href);
});
