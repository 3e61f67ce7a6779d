import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { addToIgnoreList, readIgnoreList, removeFromIgnoreList } from '../../../src/core/ignore-file.ts';

test('the nearest .tally-ignore.json above a paper applies', () => {
  const root = mkdtempSync(join(tmpdir(), 'tally-ignore-'));
  mkdirSync(join(root, 'sections'));
  writeFileSync(join(root, '.tally-ignore.json'), addToIgnoreList(undefined, 'abc123'));
  assert.deepEqual(readIgnoreList(join(root, 'sections')).ids, ['abc123']);
});

test('adding keeps other keys and ids, without duplicates', () => {
  const next = addToIgnoreList('{"ignore":["b"],"note":"x"}', 'a');
  assert.deepEqual(JSON.parse(addToIgnoreList(next, 'a')), { ignore: ['a', 'b'], note: 'x' });
});

test('a broken ignore file is reported, not thrown', () => {
  const root = mkdtempSync(join(tmpdir(), 'tally-ignore-'));
  writeFileSync(join(root, '.tally-ignore.json'), '{ not json');
  const r = readIgnoreList(root);
  assert.deepEqual(r.ids, []);
  assert.ok(r.error);
});

test('entries are readable: id, kind, claim, file, line, date; old bare ids still load beside them', () => {
  const root = mkdtempSync(join(tmpdir(), 'tally-ignore-'));
  const entry = { id: 'f00d', kind: 'percentage', claim: 'nine of ten (80%)', file: 'sections/results.tex', line: 12, hidden: '2026-01-02' };
  writeFileSync(join(root, '.tally-ignore.json'), addToIgnoreList('{"ignore":["abc123"]}', entry));
  const r = readIgnoreList(root);
  assert.deepEqual(r.ids.sort(), ['abc123', 'f00d']);
  assert.deepEqual(r.entries.find((e) => e.id === 'f00d'), entry);
  assert.deepEqual(r.entries.find((e) => e.id === 'abc123'), { id: 'abc123' });
});

test('a bare id never overwrites the readable entry for it; a new entry replaces the old one', () => {
  const first = addToIgnoreList(undefined, { id: 'x', kind: 'mean', hidden: '2026-01-01' });
  assert.deepEqual(JSON.parse(addToIgnoreList(first, 'x')).ignore, [{ id: 'x', kind: 'mean', hidden: '2026-01-01' }]);
  assert.deepEqual(JSON.parse(addToIgnoreList(first, { id: 'x', kind: 'mean', hidden: '2026-02-02' })).ignore, [{ id: 'x', kind: 'mean', hidden: '2026-02-02' }]);
});

test('the server writes the entry beside the paper root, with the file relative to it and a 1-based line', async () => {
  const { addIgnoredId } = await import('../../../src/server/ignore.ts');
  const { pathToFileURL } = await import('node:url');
  const { readFileSync } = await import('node:fs');
  const root = mkdtempSync(join(tmpdir(), 'tally-ignore-'));
  mkdirSync(join(root, 'paper', 'sections'), { recursive: true });
  const rootUri = pathToFileURL(join(root, 'paper', 'main.tex')).href;
  const inputUri = pathToFileURL(join(root, 'paper', 'sections', 'results.tex')).href;
  const range = { uri: inputUri, start: { line: 4, character: 3 }, end: { line: 4, character: 6 } };
  const file = addIgnoredId(rootUri, { id: 'beef', uri: inputUri, kind: 'percentage', claim: 'a claim', range });
  assert.equal(file, join(root, 'paper', '.tally-ignore.json'));
  const [entry] = JSON.parse(readFileSync(file, 'utf8')).ignore;
  assert.equal(entry.file, 'sections/results.tex');
  assert.equal(entry.line, 5);
  assert.equal(entry.kind, 'percentage');
  assert.equal(entry.claim, 'a claim');
  assert.match(entry.hidden, /^\d{4}-\d{2}-\d{2}$/);
});

test('undo takes out every entry for the id, readable or bare, and keeps the rest and other keys', () => {
  const text = JSON.stringify({ note: 'kept', ignore: [{ id: 'a', kind: 'mean', page: 2 }, 'b', 'a', { id: 'c' }] });
  const { text: after, removed } = removeFromIgnoreList(text, 'a');
  assert.equal(removed, true);
  assert.deepEqual(JSON.parse(after), { note: 'kept', ignore: ['b', { id: 'c' }] });
  assert.deepEqual(removeFromIgnoreList(after, 'a'), { text: after, removed: false });
  assert.deepEqual(removeFromIgnoreList('{"other":1}', 'a'), { text: '{"other":1}', removed: false });
  assert.throws(() => removeFromIgnoreList('{ not json', 'a'));
  assert.throws(() => removeFromIgnoreList('["a"]', 'a'), /"ignore" array/);
});

test('the server hides a PDF finding and undoes it: the entry comes and goes, other entries stay', async () => {
  const { addIgnoredId, removeIgnoredId } = await import('../../../src/server/ignore.ts');
  const { pathToFileURL } = await import('node:url');
  const { readFileSync } = await import('node:fs');
  const root = mkdtempSync(join(tmpdir(), 'tally-ignore-'));
  const pdfUri = pathToFileURL(join(root, 'paper.pdf')).href;
  assert.deepEqual(removeIgnoredId(pdfUri, 'p1'), { removed: false }, 'no ignore file: nothing to undo, nothing written');
  const range = { uri: pdfUri, page: 3, start: { line: 1, character: 0 }, end: { line: 1, character: 4 } };
  addIgnoredId(pdfUri, { id: 'keep', uri: pdfUri });
  const file = addIgnoredId(pdfUri, { id: 'p1', uri: pdfUri, kind: 'percentage', claim: '12%', sentence: 'A sentence of the paper.', range });
  const hidden = JSON.parse(readFileSync(file, 'utf8')).ignore.find((e: { id: string }) => e.id === 'p1');
  assert.deepEqual({ ...hidden, hidden: 'date' }, { id: 'p1', kind: 'percentage', claim: '12%', sentence: 'A sentence of the paper.', file: 'paper.pdf', page: 3, hidden: 'date' });
  assert.deepEqual(removeIgnoredId(pdfUri, 'p1'), { file, removed: true });
  assert.deepEqual(readIgnoreList(root).ids, ['keep']);
  assert.deepEqual(removeIgnoredId(pdfUri, 'p1'), { file, removed: false });
  assert.throws(() => removeIgnoredId('untitled:paper.pdf', 'p1'), /not a file on disk/);
});
