import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRatios, readRatioClaims } from '../../../src/core/checks/arithmetic/ratio.ts';
import { sentencesOf } from '../../../src/core/checks/arithmetic/context.ts';
import { checkUnits } from '../../../src/core/checks/arithmetic/units.ts';
import { errors, paper, underlined } from './helpers.ts';

test('a fraction restated as a percentage, either order', () => {
  const ok = paper('Each of the six doors was equally likely to be chosen (1/6 or 16.7%). Guessing gives 25%, i.e., 1 out of 4 cards.');
  const out = checkRatios(ok);
  assert.equal(out.findings.length, 0);
  assert.equal(out.verified.length, 2);
  const bad = paper('Guessing gives 20%, i.e., 1 out of 4 cards.');
  assert.deepEqual(errors(checkRatios(bad)).map((f) => [underlined(bad, f), f.recomputed]), [['20%', '25%']]);
});

test('a fraction with its percentage in brackets is left to the percentage check; a range is no fraction', () => {
  const p = paper('Of the pilots, 3/12 (25%) reported fatigue. Scores ran from 2 out of 10 or higher.');
  const s = sentencesOf(p).sentences;
  assert.deepEqual(s.flatMap((x) => readRatioClaims(p.text, x)), []);
});

test('a rate over a duration gives a count', () => {
  const ok = paper('The sensor logs 50 readings/minute for 2 hours, which gives 6000 readings.');
  assert.equal(checkRatios(ok).verified.length, 1);
  const bad = paper('The sensor logs 50 readings per minute for 2 hours, giving 600 readings.');
  assert.deepEqual(errors(checkRatios(bad)).map((f) => [underlined(bad, f), f.recomputed]), [['600', '6000']]);
  // Not a time rate: nothing read.
  assert.equal(checkRatios(paper('We used 50 readings/site for 2 sites, which gives 100 readings.')).verified.length, 0);
});

test('a conversion holds when either side, taken as printed, rounds to the other', () => {
  const p = paper('The rig carried a 9 kg (20 lb) load. Each trial lasted 4 minutes (240 seconds).');
  assert.equal(checkUnits(p).findings.length, 0);
  assert.equal(checkUnits(p).verified.length, 2);
  // 210 s is 3.5 minutes: on the rounding boundary of "4", so not taken as agreeing.
  const bad = paper('Each trial lasted 4 minutes (210 seconds).');
  assert.deepEqual(errors(checkUnits(bad)).map((f) => f.recomputed), ['240']);
});
