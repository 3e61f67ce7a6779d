// A bounded fuzz run in every `npm test`: freshly mutated PDFs and pathological LaTeX through the CLI
// (fixed seeds, so a failure can be replayed with `node test/fuzz/run.ts --count 1 --seed N`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runFuzz, summarise } from '../../fuzz/run.ts';

test('fuzz: every run ends within its budget with exit 0-3, a one-line reason and under 1 GB', { timeout: 600_000 }, () => {
  const cases = runFuzz({ count: 10, seed: 1600, timeoutMs: 10_000 });
  const summary = summarise(cases);
  console.log(`# ${summary.split('\n')[0]}`);
  assert.equal(cases.filter((c) => c.problem).length, 0, summary);
});
