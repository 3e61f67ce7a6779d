import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CHECK_MODULES, enabledChecks } from '../../../src/core/checks/index.ts';
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

test('RULES is generated from the check registry and up to date', async () => {
  // @ts-expect-error: a plain .mjs script without type declarations
  const { rulesModule } = await import('../../../scripts/gen-rules.mjs');
  assert.equal(readFileSync(new URL('../../../src/core/rules.generated.ts', import.meta.url), 'utf8'), rulesModule());
});

test('every check describes itself: kinds, shapes with examples, what it leaves alone', () => {
  const names = new Set<string>();
  for (const m of CHECK_MODULES) {
    assert.ok(!names.has(m.name), `duplicate check name ${m.name}`);
    names.add(m.name);
    assert.ok(m.kinds.length > 0 && m.shapes.length > 0, m.name);
    for (const k of m.kinds) assert.ok(RULES.some((r) => r.id === k.id), `${m.name}: ${k.id}`);
    for (const s of m.shapes) assert.ok(s.name && s.example, m.name);
  }
});

test('a check whose kinds are all off is not run; one with a kind still on is', () => {
  const shares = CHECK_MODULES.find((m) => m.name === 'shares')!;
  const partsOff = enabledChecks({ 'parts-total': 'off' });
  assert.ok(!partsOff.includes(shares));
  const pValue = CHECK_MODULES.find((m) => m.name === 'p-value')!;
  assert.ok(enabledChecks({ 'p-value': 'off' }).includes(pValue));
  assert.ok(enabledChecks({ 'p-value': 'off', 'p-decision': 'off' }).includes(pValue), 'p-range and p-zero are still on');
  assert.ok(!enabledChecks({ 'p-value': 'off', 'p-decision': 'off', 'p-range': 'off', 'p-zero': 'off' }).includes(pValue));
});
