// Golden tests of the text reconstruction on pages made with pdflatex (test/fixtures/pdf/*.tex,
// rebuilt with scripts/build-example-pdf.sh --fixtures). UPDATE_GOLDEN=1 rewrites the goldens.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { extractPdf } from '../../../src/core/pdf/index.ts';
import { FIXTURES, fixtureBytes, fixtureUri, renderBlocks } from './helpers.ts';

for (const name of ['two-column', 'table', 'typography']) {
  it(`reconstructs ${name}.pdf as in ${name}.expected.txt`, async () => {
    const paper = await extractPdf(fixtureBytes(`${name}.pdf`), fixtureUri(`${name}.pdf`));
    assert.deepEqual(paper.notes, []);
    const actual = renderBlocks(paper);
    const file = join(FIXTURES, `${name}.expected.txt`);
    if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual);
    assert.equal(actual, readFileSync(file, 'utf8'));
  });
}

describe('text conventions shared with the LaTeX extractor', () => {
  it('rejoins hyphenated words, splits ligatures, writes exponents, subscripts and signs', async () => {
    const { text } = await extractPdf(fixtureBytes('typography.pdf'), fixtureUri('typography.pdf'));
    for (const s of ['recalibration', 'efficient fluorescence workflow first filtered', '420\u2009000 people', '4.2 × 10^6', '−3.2', '2.5 ± 0.3', 'χ^2(2) = 6.30, p = .043', 'x_1 ≤ 5', 'x_2 ≥ 2', 'α = 0.05']) {
      assert.ok(text.includes(s), `missing ${JSON.stringify(s)} in ${text}`);
    }
    assert.ok(!/[\uFB00-\uFB06]/.test(text), 'ligature characters left in the text');
  });

  it('reads the left column before the right one and keeps a paragraph whole across the column break', async () => {
    const paper = await extractPdf(fixtureBytes('two-column.pdf'), fixtureUri('two-column.pdf'));
    const { text } = paper;
    const left = text.indexOf('We bought 40 black plastic');
    const right = text.indexOf('The estimated intake of 34,700');
    assert.ok(left >= 0 && right > left);
    assert.ok(text.includes('from the bottom of the left column to the top of the right column, where it goes on without a break until it ends with this sentence.'));
    // Page numbers stay out of the sentences.
    assert.ok(!/\n\n1\n\n|\n\n1$/.test(text));
    const para = paper.blocks.find((b) => text.slice(b.start, b.end).startsWith('A second paragraph'));
    assert.equal(para?.kind, 'paragraph');
    assert.equal(para?.section, '1 Samples');
    assert.ok(text.includes('t(28) = 2.10, p = .045'));
  });

  it('separates blocks with a blank line and joins the lines of a paragraph with single spaces', async () => {
    const paper = await extractPdf(fixtureBytes('two-column.pdf'), fixtureUri('two-column.pdf'));
    for (let i = 1; i < paper.blocks.length; i++) assert.equal(paper.text.slice(paper.blocks[i - 1].end, paper.blocks[i].start), '\n\n');
    for (const b of paper.blocks.filter((x) => x.kind === 'paragraph')) assert.ok(!/\n| {2}/.test(paper.text.slice(b.start, b.end)));
  });
});
