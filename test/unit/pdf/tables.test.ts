import assert from 'node:assert/strict';
import { it } from 'node:test';
import { extractPdf } from '../../../src/core/pdf/index.ts';
import { fixtureBytes, fixtureUri } from './helpers.ts';

it('rebuilds a booktabs table as a grid with its caption and section', async () => {
  const paper = await extractPdf(fixtureBytes('table.pdf'), fixtureUri('table.pdf'));
  assert.equal(paper.tables.length, 1);
  const t = paper.tables[0];
  assert.match(t.caption, /^Table 1: Products by type/);
  assert.equal(t.section, '1 Results');
  const rows = t.rows.map((r) => r.map((c) => c.text));
  assert.deepEqual(rows, [
    ['Product type', 'Detected', 'Not detected', 'Total', 'Share'],
    ['Spatula', '7', '11', '18', '45%'],
    ['Serving spoon', '3', '11', '14', '35%'],
    ['Tongs', '2', '6', '8', '20%'],
    ['Total', '12', '28', '40', '100%'],
  ]);
  for (const row of t.rows) {
    row.forEach((c, i) => {
      assert.equal(c.column, i);
      assert.equal(c.colspan, 1);
      assert.equal(paper.text.slice(c.start, c.end), c.text);
    });
  }
  const block = paper.blocks.find((b) => b.kind === 'table');
  assert.ok(block);
  assert.equal(paper.text.slice(block.start, block.end).split('\n')[1], 'Spatula | 7 | 11 | 18 | 45%');
  assert.equal(block.start, t.start);
  assert.equal(block.end, t.end);
});

it('finds the table of the example paper', async () => {
  const paper = await extractPdf(fixtureBytes('../../../examples/black-spatula.pdf'), 'file:///black-spatula.pdf');
  assert.equal(paper.tables.length, 1);
  assert.deepEqual(
    paper.tables[0].rows.map((r) => r.map((c) => c.text).join(' | ')),
    ['Product type | Detected | Not detected | Total', 'Spatula | 7 | 11 | 18', 'Serving spoon | 3 | 11 | 14', 'Tongs | 2 | 6 | 8', 'Total | 12 | 28 | 40'],
  );
  assert.ok(paper.text.includes('7000 × 60 = 42,000 ng/day'));
});

it('does not take prose for a table', async () => {
  const paper = await extractPdf(fixtureBytes('two-column.pdf'), fixtureUri('two-column.pdf'));
  assert.equal(paper.tables.length, 0);
});
