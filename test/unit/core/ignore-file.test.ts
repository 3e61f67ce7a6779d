import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { addToIgnoreList, readIgnoreList } from '../../../src/core/ignore-file.ts';

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
