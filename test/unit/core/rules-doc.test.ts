import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { RULES, ruleDocUrl } from '../../../src/core/rules.ts';
// @ts-expect-error: a plain .mjs script without type declarations
import { rulesDoc } from '../../../scripts/gen-rules-doc.mjs';

test('docs/rules.md is generated from RULES and up to date', () => {
  assert.equal(readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8'), rulesDoc());
});

test('every rule has an anchor the diagnostics link to', () => {
  const doc = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
  for (const r of RULES) {
    assert.ok(doc.includes(`<a id="${r.id}"></a>`), r.id);
    assert.match(ruleDocUrl(r.id), new RegExp(`docs/rules\\.md#${r.id}$`));
  }
});
