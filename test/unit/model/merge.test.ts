import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeFindingsDetailed } from '../../../src/core/model/merge.ts';
import type { Finding } from '../../../src/core/types.ts';

const range = { uri: 'file:///p.tex', start: { line: 4, character: 10 }, end: { line: 4, character: 14 } };
const base: Finding = { id: 'd', kind: 'arithmetic', severity: 'error', origin: 'deterministic', message: '12 × 5 is 60, not 50.', claim: '12 cages of 5 mice, 50 mice', recomputed: '60', range, related: [], section: 'Methods' };

test('the same claim found twice is shown once; a disagreement is shown beside the deterministic finding', () => {
  const same: Finding = { ...base, id: 'm1', origin: 'model', confirmed: true, message: '12 × 5 is 60, not 50.' };
  const other: Finding = { ...base, id: 'm2', origin: 'model', severity: 'warning', kind: 'model', confirmed: false, message: "50 may be wrong (the model proposes 55): … Not confirmed: Tally's own check recomputes it as 60 (12 × 5)." };
  const merged = mergeFindingsDetailed([base], [same, other]);
  assert.deepEqual(merged.findings.map((f) => f.id).sort(), ['d', 'm2']);
  assert.deepEqual(merged.duplicates.map((d) => d.model.id), ['m1']);
});
