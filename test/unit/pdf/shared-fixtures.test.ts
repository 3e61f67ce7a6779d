// The fixture papers' PDFs (../shared/fixtures) extract without error notes, and each injected
// change is printed in the text on the page the manifest gives.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { extractPdf } from '../../../src/core/pdf/index.ts';
import type { PaperText } from '../../../src/core/types.ts';

const ROOT = process.env.TALLY_FIXTURES ?? '/work/shared/fixtures';
const present = existsSync(join(ROOT, 'manifest.json'));

interface Change {
  paper: string;
  mutant: string;
  pdf_page: number | null;
}

/** The LaTeX of a change as it prints: \% -> %, math delimiters and ~ dropped. */
function printed(latex: string): string {
  return latex.replace(/\\%/g, '%').replace(/\\[()[\]]/g, '').replace(/\$/g, '').replace(/~/g, ' ');
}

describe('shared fixture PDFs', { skip: !present && 'shared fixtures not found' }, () => {
  const papers = present ? readdirSync(join(ROOT, 'papers')).filter((p) => existsSync(join(ROOT, 'papers', p, 'pdf'))) : [];
  const cache = new Map<string, Promise<PaperText>>();
  const load = (file: string) => {
    if (!cache.has(file)) cache.set(file, extractPdf(new Uint8Array(readFileSync(file)), pathToFileURL(file).href));
    return cache.get(file)!;
  };
  for (const paper of papers) {
    for (const version of ['original', 'mutant']) {
      const file = join(ROOT, 'papers', paper, 'pdf', `${version}.pdf`);
      if (!existsSync(file)) continue;
      it(`${paper}/${version}.pdf extracts without error notes`, async () => {
        const p = await load(file);
        assert.deepEqual(p.notes.filter((n) => n.level === 'error' || n.level === 'warning'), []);
        assert.ok(p.text.length > 5000);
        assert.ok(p.blocks.length > 10);
      });
    }
  }
  const changes: Change[] = present ? JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) : [];
  for (const c of changes.filter((x) => x.pdf_page && papers.includes(x.paper))) {
    it(`${c.paper}: "${printed(c.mutant)}" is on page ${c.pdf_page}`, async () => {
      const p = await load(join(ROOT, 'papers', c.paper, 'pdf', 'mutant.pdf'));
      const needle = printed(c.mutant);
      const pages: number[] = [];
      for (let i = p.text.indexOf(needle); i >= 0; i = p.text.indexOf(needle, i + 1)) pages.push(p.map.toSource(i, i + needle.length).page ?? 0);
      assert.ok(pages.includes(c.pdf_page!), `found on pages [${pages}]`);
    });
  }
});
