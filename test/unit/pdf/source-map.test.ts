// Every character of the text maps back to its page, line and box.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { extractPdf } from '../../../src/core/pdf/index.ts';
import { fixtureBytes, fixtureUri } from './helpers.ts';

it('maps a number to its page, line and box', async () => {
  const uri = fixtureUri('two-column.pdf');
  const paper = await extractPdf(fixtureBytes('two-column.pdf'), uri);
  const i = paper.text.indexOf('34,700');
  const r = paper.map.toSource(i, i + 6);
  assert.equal(r.uri, uri);
  assert.equal(r.page, 1);
  assert.ok(r.box);
  const [x0, y0, x1, y1] = r.box;
  // Right column of a 16 cm (453.5 pt) wide page, in PDF user space (origin bottom left).
  assert.ok(x0 > 453.5 / 2 && x1 < 453.5 && x1 > x0, `box ${r.box}`);
  assert.ok(y1 > y0 && y1 - y0 < 15, `box ${r.box}`);
  // The width of six characters of 10 pt text.
  assert.ok(x1 - x0 > 15 && x1 - x0 < 40, `box ${r.box}`);
  assert.equal(r.start.line, r.end.line);
  assert.equal(r.end.character - r.start.character, 6);
  // Page 2 holds the statistics.
  const j = paper.text.indexOf('t(28) = 2.10');
  assert.equal(paper.map.toSource(j, j + 12).page, 2);
});

it('maps every character to a page and clamps out-of-range offsets', async () => {
  const paper = await extractPdf(fixtureBytes('typography.pdf'), fixtureUri('typography.pdf'));
  for (let i = 0; i < paper.text.length; i += 7) {
    const r = paper.map.toSource(i, i + 1);
    assert.equal(r.page, 1);
    assert.ok(r.box && r.box.every(Number.isFinite));
  }
  assert.doesNotThrow(() => paper.map.toSource(-5, 1e9));
  assert.equal(paper.map.toSource(-5, 1e9).page, 1);
});

it('gives boxes that move right along a line', async () => {
  const paper = await extractPdf(fixtureBytes('table.pdf'), fixtureUri('table.pdf'));
  const row = paper.tables[0].rows[1];
  const xs = row.map((c) => paper.map.toSource(c.start, c.end).box![0]);
  for (let k = 1; k < xs.length; k++) assert.ok(xs[k] > xs[k - 1], `cells out of order: ${xs}`);
  const lines = row.map((c) => paper.map.toSource(c.start, c.end).start.line);
  assert.equal(new Set(lines).size, 1);
});
