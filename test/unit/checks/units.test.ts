import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkUnits } from '../../../src/core/checks/arithmetic/units.ts';
import { unitAt } from '../../../src/core/checks/arithmetic/unit-text.ts';
import { errors, paper, underlined } from './helpers.ts';

test('unit text: body weight is dropped, micro is normalised', () => {
  assert.equal(unitAt('7000 ng/kg bw/day.', 4)?.mathjs, 'ng / kg / day');
  assert.equal(unitAt('5 µg per kg b.w. per day', 1)?.mathjs, 'ug / kg / day');
  assert.equal(unitAt('5 mg kg^-1', 1)?.mathjs, 'mg');
  assert.equal(unitAt('12 mice', 2), undefined);
  assert.equal(unitAt('3 A', 1), undefined);
});

test('a conversion written next to a quantity', () => {
  const p = paper('Each dose contained 0.42 mg (420 µg) of drug, or 2.5 g (25 mg) of salt, over 2 h (120 min).');
  const out = checkUnits(p);
  assert.deepEqual(errors(out).map((f) => [underlined(p, f), f.recomputed]), [['25', '2500']]);
  assert.equal(out.verified.length, 2);
});

test('a product stated in words, off by ten', () => {
  const p = paper('The reference dose is 7000 ng/kg bw/day. For an adult of 60 kg this corresponds to 42,000 ng/day.');
  const [f] = errors(checkUnits(p));
  assert.equal(underlined(p, f), '42,000');
  assert.equal(f.recomputed, '420,000');
});

test('calendar conversions are left alone', () => {
  assert.equal(checkUnits(paper('The study lasted 10 days (2 weeks).')).findings.length, 0);
});

test('an operand of a written product is not a conversion of the result', () => {
  for (const sentence of ['The daily amount is 0.5 mg/kg × 70 kg = 35 mg.', 'A pump at 2 L/min times 30 min = 60 L of flow.', 'Mass: 40 g + 60 g = 0.1 kg.']) {
    assert.equal(errors(checkUnits(paper(sentence))).length, 0, sentence);
  }
  // A quantity restated in another unit with "=" is still read.
  assert.equal(errors(checkUnits(paper('The sample weighed 2.5 kg = 250 g after drying.'))).length, 1);
});
