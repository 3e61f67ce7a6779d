// Unreadable and awkward PDFs give clear notes, never an exception and never a hang.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { it } from 'node:test';
import { extractPdf } from '../../../src/core/pdf/index.ts';
import type { PaperText } from '../../../src/core/types.ts';
import { Budget, Stop } from '../../../src/core/pdf/budget.ts';
import { layoutPage } from '../../../src/core/pdf/layout.ts';
import { fixtureBytes, fixtureUri, minimalPdf } from './helpers.ts';

const errors = (p: PaperText) => p.notes.filter((n) => n.level === 'error');

it('says a password-protected PDF cannot be read', async () => {
  const paper = await extractPdf(fixtureBytes('encrypted.pdf'), fixtureUri('encrypted.pdf'));
  assert.equal(paper.text, '');
  assert.equal(errors(paper).length, 1);
  assert.match(errors(paper)[0].message, /encrypted\.pdf is protected with a password/);
});

it('says random bytes are not a PDF', async () => {
  const paper = await extractPdf(new Uint8Array(randomBytes(4096)), 'file:///random.pdf');
  assert.equal(paper.text, '');
  assert.match(errors(paper)[0]?.message ?? '', /random\.pdf is not a readable PDF/);
});

it('says an empty file is empty', async () => {
  const paper = await extractPdf(new Uint8Array(0), 'file:///empty.pdf');
  assert.match(errors(paper)[0]?.message ?? '', /empty\.pdf is empty/);
});

it('reads what it can of a truncated PDF, or says it cannot', async () => {
  const whole = fixtureBytes('two-column.pdf');
  for (const fraction of [0.9, 0.5, 0.1]) {
    const cut = whole.slice(0, Math.floor(whole.length * fraction));
    const paper = await extractPdf(cut, 'file:///truncated.pdf');
    assert.ok(paper.text.length > 0 || paper.notes.some((n) => n.level === 'error' || n.level === 'warning'), `fraction ${fraction}: no text and no note`);
    assert.doesNotThrow(() => paper.map.toSource(0, 10));
  }
});

it('survives corrupted bytes in the middle of a PDF', async () => {
  const bytes = fixtureBytes('typography.pdf');
  const rand = randomBytes(2000);
  bytes.set(rand, Math.floor(bytes.length / 3));
  const paper = await extractPdf(bytes, 'file:///corrupted.pdf');
  assert.ok(Array.isArray(paper.notes));
});

it('says an image-only PDF has no text layer', async () => {
  const paper = await extractPdf(fixtureBytes('image-only.pdf'), fixtureUri('image-only.pdf'));
  assert.equal(paper.text, '');
  assert.match(errors(paper)[0]?.message ?? '', /no text layer/);
});

it('warns about a scanned page among text pages and checks the rest', async () => {
  const paper = await extractPdf(fixtureBytes('mixed.pdf'), fixtureUri('mixed.pdf'));
  assert.ok(paper.text.includes('12 (30%)'));
  assert.deepEqual(
    paper.notes.map((n) => [n.level, n.message]),
    [['warning', 'page 2 has no text layer; scanned pages are not checked.']],
  );
});

it('keeps to the page budget, with a note', async () => {
  const paper = await extractPdf(fixtureBytes('mixed.pdf'), fixtureUri('mixed.pdf'), { maxPages: 1 });
  assert.ok(paper.text.includes('12 (30%)'));
  assert.ok(paper.notes.some((n) => n.level === 'warning' && /has 2 pages; only the first 1 were checked/.test(n.message)));
});

it('keeps to the time budget, with a note', async () => {
  const started = Date.now();
  const paper = await extractPdf(fixtureBytes('two-column.pdf'), fixtureUri('two-column.pdf'), { timeoutMs: 1 });
  assert.ok(Date.now() - started < 5000);
  assert.ok(paper.notes.some((n) => /time budget/.test(n.message)), JSON.stringify(paper.notes));
});

it('stops when cancelled', async () => {
  const paper = await extractPdf(fixtureBytes('two-column.pdf'), fixtureUri('two-column.pdf'), { signal: AbortSignal.abort() });
  assert.ok(paper.notes.some((n) => /cancelled/.test(n.message)));
});

it('leaves the caller\'s buffer intact (pdfjs takes ownership of what it is given)', async () => {
  const bytes = fixtureBytes('table.pdf');
  const length = bytes.length;
  await extractPdf(bytes, fixtureUri('table.pdf'));
  assert.equal(bytes.length, length);
});

it('reads a page with text at a huge font size without hanging', async () => {
  const started = Date.now();
  const paper = await extractPdf(minimalPdf('BT /F1 1e30 Tf 72 700 Td (Huge) Tj ET BT /F1 12 Tf 72 600 Td (Of the 40 products, 12 were tested.) Tj ET'), 'file:///huge.pdf', { timeoutMs: 10_000 });
  assert.ok(Date.now() - started < 10_000);
  assert.ok(paper.text.includes('Of the 40 products'), paper.text);
});

it('refuses, with a note and at once, a content stream that saves the graphics state thousands of times', async () => {
  const started = Date.now();
  const paper = await extractPdf(minimalPdf('q 1 0 0 1 0 0 cm\n'.repeat(40_000) + 'BT /F1 12 Tf 72 700 Td (Hello) Tj ET'), 'file:///nested.pdf', { timeoutMs: 10_000 });
  assert.ok(Date.now() - started < 5000);
  assert.equal(paper.text, '');
  assert.match(errors(paper)[0]?.message ?? '', /nested\.pdf saves the graphics state 40000 times without restoring it/);
});

it('reads a content stream whose saves are balanced, however many', async () => {
  const paper = await extractPdf(minimalPdf('q Q\n'.repeat(20_000) + 'BT /F1 12 Tf 72 700 Td (Hello) Tj ET'), 'file:///balanced.pdf');
  assert.equal(paper.text, 'Hello');
});

it('stops laying out a page when the time is up, not only between pages', () => {
  const frags = Array.from({ length: 20_000 }, (_, i) => ({ text: 'w', x0: (i % 100) * 6, x1: (i % 100) * 6 + 5, y: 700 - Math.floor(i / 100) * 0.01, size: 10, ux0: 0, uy0: 0, ux1: 0, uy1: 0, script: 0, font: 'f' }));
  const budget = new Budget(Date.now() + 50);
  const started = Date.now();
  assert.throws(() => layoutPage(1, frags, [0, 0, 612, 792], budget), (e: unknown) => e instanceof Stop && e.why === 'timeout');
  assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms`);
});
