// Numbered display formulas in tightly spaced text (made with scripts/build-example-pdf.sh
// --fixtures): the formula's lines, its equation number and a fraction's parts are a block of
// their own, not words of the sentences around them.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { checkPaper } from '../../../src/core/engine.ts';
import { extractPdf } from '../../../src/core/pdf/index.ts';
import { fixtureBytes, fixtureUri } from './helpers.ts';

const read = () => extractPdf(fixtureBytes('display-formula.pdf'), fixtureUri('display-formula.pdf'));

it('sets a numbered display formula apart from the prose before and after it', async () => {
  const paper = await read();
  const blocks = paper.blocks.map((b) => ({ kind: b.kind, text: paper.text.slice(b.start, b.end) }));
  const formulas = blocks.filter((b) => b.kind === 'display-math');
  assert.ok(formulas.some((b) => /\(1\)/.test(b.text) && /H_pest/.test(b.text) && /H_clean/.test(b.text)), JSON.stringify(formulas));
  assert.ok(formulas.some((b) => /\(2\)/.test(b.text) && /G_t/.test(b.text)), JSON.stringify(formulas));
  const prose = blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
  assert.ok(prose.some((t) => t.startsWith('A loss of Λ = 0.12 thus stands for')), JSON.stringify(prose));
  assert.ok(prose.some((t) => t.endsWith('we write it as')), JSON.stringify(prose));
  for (const t of prose) assert.doesNotMatch(t, /\(\d\)|H_clean|G_t/);
});

it('reads no amount of a sentence from the equation number above it', async () => {
  const result = checkPaper(await read());
  assert.deepEqual(result.findings.map((f) => f.message), []);
});
