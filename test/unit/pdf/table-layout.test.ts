// Golden tests for tables found by their layout (made with scripts/build-example-pdf.sh --fixtures):
// no caption, merged header cells, a sideways page, a table over a page break.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { checkPaper } from '../../../src/core/engine.ts';
import { extractPdf } from '../../../src/core/pdf/index.ts';
import type { PaperText, TableGrid } from '../../../src/core/types.ts';
import { fixtureBytes, fixtureUri, pageOf } from './helpers.ts';

const read = (name: string) => extractPdf(fixtureBytes(name), fixtureUri(name));
const cells = (t: TableGrid) => t.rows.map((r) => r.map((c) => c.text));

function assertCellsMatchText(paper: PaperText): void {
  for (const t of paper.tables) for (const row of t.rows) for (const c of row) assert.equal(paper.text.slice(c.start, c.end), c.text);
}

it('finds tables that have no caption, and keeps their rows out of the prose', async () => {
  const paper = await read('table-nocaption.pdf');
  assert.equal(paper.tables.length, 2);
  assert.deepEqual(cells(paper.tables[0]), [
    ['District', 'Households', 'With savings', 'Share'],
    ['North', '50', '20', '40%'],
    ['South', '30', '6', '20%'],
    ['Both', '80', '26', '33%'],
  ]);
  assert.deepEqual(cells(paper.tables[1])[4], ['65 and over', '8', '10%']);
  assert.equal(paper.tables[0].caption, '');
  assertCellsMatchText(paper);
  // Every table row is in a table block, none in a paragraph.
  for (const b of paper.blocks.filter((x) => x.kind !== 'table')) assert.ok(!/North|65 and over/.test(paper.text.slice(b.start, b.end)), paper.text.slice(b.start, b.end));
  // The heading and the sentence above the first table stay prose.
  assert.ok(paper.blocks.some((b) => b.kind === 'heading' && paper.text.slice(b.start, b.end) === '1 Results'));
  assert.ok(paper.blocks.some((b) => b.kind === 'paragraph' && paper.text.slice(b.start, b.end).startsWith('We surveyed 80 households')));
});

it('gives no error on a clean paper whose tables have no caption', async () => {
  const result = checkPaper(await read('table-nocaption.pdf'));
  assert.deepEqual(result.findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
});

it('rebuilds header cells that span two columns', async () => {
  const paper = await read('table-merged.pdf');
  assert.equal(paper.tables.length, 1);
  const [top, second, ...body] = paper.tables[0].rows;
  assert.deepEqual(
    top.map((c) => [c.text, c.column, c.colspan]),
    [
      ['', 0, 1],
      ['Treatment', 1, 2],
      ['Control', 3, 2],
    ],
  );
  assert.deepEqual(second.map((c) => c.text), ['Outcome', 'n', '%', 'n', '%']);
  assert.deepEqual(body.map((r) => r[0].text), ['Recovered', 'Improved', 'Unchanged', 'Total']);
  assert.deepEqual(body[3].map((c) => c.column), [0, 1, 2, 3, 4]);
  assertCellsMatchText(paper);
});

it('reads a table set sideways on a landscape page', async () => {
  const paper = await read('table-rotated.pdf');
  assert.equal(paper.tables.length, 1);
  const t = paper.tables[0];
  assert.match(t.caption, /^Table 1: Yield by site and season/);
  assert.deepEqual(cells(t)[0], ['Site', 'Spring', 'Summer', 'Autumn', 'Winter', 'Total', 'Mean']);
  assert.deepEqual(cells(t)[4], ['All sites', '40', '52', '32', '16', '140', '35.0']);
  assert.equal(pageOf(paper, 'River farm'), 2);
  // The page after the sideways one is read upright again.
  assert.equal(pageOf(paper, 'The river farm gave the highest yield'), 3);
  assertCellsMatchText(paper);
});

it('joins a table continued on the next page, without its repeated header', async () => {
  const paper = await read('table-pagebreak.pdf');
  assert.equal(paper.tables.length, 1);
  const rows = cells(paper.tables[0]);
  assert.deepEqual(rows[0], ['Item', 'Counted', 'Expected', 'Difference']);
  assert.equal(rows.length, 13);
  assert.equal(rows.filter((r) => r[0] === 'Item').length, 1);
  assert.deepEqual(rows[12], ['Seals', '82', '80', '2']);
  assert.equal(pageOf(paper, 'Bolts'), 1);
  assert.equal(pageOf(paper, 'Seals'), 2);
  assertCellsMatchText(paper);
});

it('keeps count (percent) cells of groups of different size in their columns, with no error', async () => {
  const paper = await read('table-groups.pdf');
  assert.equal(paper.tables.length, 1);
  const rows = cells(paper.tables[0]);
  assert.deepEqual(rows[0], ['', 'Students (n = 80)', 'Staff (n = 60)']);
  assert.deepEqual(rows[2], ['Male', '36 (45.0%)', '24 (40.0%)']);
  assert.equal(rows.length, 6);
  const result = checkPaper(paper);
  assert.deepEqual(result.findings.filter((f) => f.severity !== 'info').map((f) => f.message), []);
});
