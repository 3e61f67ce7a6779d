// The fixture papers in ../shared/fixtures: every original and mutant extracts without error
// notes, and every injected change maps back to the manifest's line in the mutant file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractLatexProject, findLatexProject } from '../../../src/core/latex/index.ts';
import type { PaperText } from '../../../src/core/types.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../shared/fixtures');
const MANIFEST = path.join(FIXTURES, 'manifest.json');

interface Change { paper: string; file: string; line: number; original: string; mutant: string }

/** How a source snippet reads in the checkable text (\% → %). */
function asText(snippet: string): string {
  return snippet.replace(/\\%/g, '%').replace(/\\\)/g, '').replace(/\\\(/g, '');
}

const available = fs.existsSync(MANIFEST);
const changes: Change[] = available ? JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) : [];
const papers = available ? fs.readdirSync(path.join(FIXTURES, 'papers')) : [];
const cache = new Map<string, PaperText[]>();
function extracted(dir: string): PaperText[] {
  if (!cache.has(dir)) cache.set(dir, extractLatexProject(dir));
  return cache.get(dir)!;
}

for (const paper of papers) {
  for (const version of ['original', 'mutant']) {
    const dir = path.join(FIXTURES, 'papers', paper, version);
    test(`fixture ${paper}/${version} extracts without errors`, { skip: !fs.existsSync(dir) }, () => {
      const { roots } = findLatexProject(dir);
      assert.ok(roots.length >= 1, 'has a root');
      const texts = extracted(dir);
      for (const p of texts) {
        const errors = p.notes.filter((n) => n.level === 'error');
        assert.deepEqual(errors, [], `${p.uri}: ${JSON.stringify(errors)}`);
        assert.equal(p.map.toSource(0, 0).uri.startsWith('file://'), true);
      }
      const main = texts.filter((p) => roots.some((r) => pathToFileURL(r).href === p.uri)).sort((a, b) => b.text.length - a.text.length)[0];
      assert.ok(main.text.length > 1000, 'root has text');
      for (const b of main.blocks) assert.ok(b.end > b.start && b.end <= main.text.length);
    });
  }
}

for (const c of changes) {
  test(`manifest ${c.paper} ${c.file}:${c.line} "${c.mutant}" maps back`, { skip: !available }, () => {
    const dir = path.join(FIXTURES, 'papers', c.paper, 'mutant');
    const uri = pathToFileURL(path.join(dir, c.file)).href;
    const needle = asText(c.mutant);
    const hits: string[] = [];
    for (const p of extracted(dir)) {
      let from = 0;
      for (;;) {
        const at = p.text.indexOf(needle, from);
        if (at < 0) break;
        from = at + 1;
        const r = p.map.toSource(at, at + needle.length);
        hits.push(`${r.uri}:${r.start.line + 1}`);
        if (r.uri === uri && r.start.line + 1 === c.line) {
          const lines = fs.readFileSync(path.join(dir, c.file), 'utf8').split(/\r?\n/);
          // The mapped range covers the snippet as written in the source.
          const written = lines[r.start.line].slice(r.start.character, r.end.line === r.start.line ? r.end.character : undefined);
          assert.equal(asText(written), needle);
          return;
        }
      }
    }
    assert.fail(`"${needle}" not found at ${uri}:${c.line}; found at ${hits.join(', ') || 'nowhere'}`);
  });
}
