// A result in words whose units follow from two quantities, bound by "i.e." or "that is" as well as "gives".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkUnits } from '../../../src/core/checks/arithmetic/units.ts';
import { paper } from './helpers.ts';

test('a product of quantities restated after "i.e." or "that is" is recomputed', () => {
  const ok = checkUnits(paper('The pump ran at 3 L/min for 20 min, that is 60 L.'));
  assert.deepEqual([ok.findings.length, ok.verified.length], [0, 1]);
  const wrong = checkUnits(paper('The heater drew 2 kW for 3 h, i.e. 12 kWh.'));
  assert.deepEqual(wrong.findings.map((f) => f.severity), ['error']);
});

test('a result that holds only with an input at the edge of its rounding is not verified', () => {
  const edge = checkUnits(paper('The heater drew 2 kW for 3 h, which gives 8 kWh.'));
  assert.deepEqual([edge.findings.length, edge.verified.length], [0, 0]);
});
