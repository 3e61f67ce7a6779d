import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkChanges } from '../../../src/core/checks/arithmetic/change.ts';
import { errors, paper, underlined } from './helpers.ts';

test('percent change from a to b', () => {
  const p = paper('Concentrations rose from 2.1 to 8.4 µg/g, a 300% increase. Sales decreased by 25% from 80 to 60 units. Costs rose from 50 to 60, a 25% increase.');
  const out = checkChanges(p);
  assert.deepEqual(errors(out).map((f) => [underlined(p, f), f.recomputed]), [['25%', '20%']]);
  assert.equal(out.verified.length, 2);
});

test('two values with the same unit before the change, years ignored', () => {
  const p = paper('The median was 2.1 µg/g in 2020 and 8.4 µg/g in 2023, a 200% increase.');
  const [f] = checkChanges(p).findings;
  assert.equal(underlined(p, f), '200%');
  assert.equal(f.severity, 'warning');
});

test('fold change', () => {
  const p = paper('Expression increased from 2.0 to 8.0, a 4-fold increase; it fell from 9 to 3, a 2-fold decrease.');
  const out = checkChanges(p);
  assert.deepEqual(errors(out).map((f) => underlined(p, f)), ['2']);
});

test('percentage points are not a relative change', () => {
  assert.equal(checkChanges(paper('Uptake rose from 40% to 50%, a 10 percentage point increase.')).findings.length, 0);
});
