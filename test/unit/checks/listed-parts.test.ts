// A whole and the counts listed as its parts, in our own sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkListedParts } from '../../../src/core/checks/arithmetic/listed-parts.ts';
import { paper, underlined } from './helpers.ts';

function run(text: string) {
  const p = paper(text);
  const out = checkListedParts(p);
  return { p, out, warned: out.findings.map((f) => underlined(p, f)), verified: out.verified.map((v) => v.working) };
}

test('parts in brackets after the whole: verified when they add up, a warning when not', () => {
  assert.deepEqual(run('We surveyed 64 hives (40 managed, 24 wild) in spring.').verified, ['40 + 24 = 64']);
  const off = run('We surveyed 64 hives (40 managed, 34 wild) in spring.');
  assert.deepEqual(off.warned, ['64']);
  assert.equal(off.out.findings[0].severity, 'warning');
  assert.equal(off.out.findings[0].recomputed, '74');
});

test('parts after a cue, with number words and descriptive statistics between them', () => {
  assert.deepEqual(run('The panel had 30 judges, of whom 18 were lawyers and twelve were not.').verified, ['18 + 12 = 30']);
  assert.deepEqual(run('A cohort of 52 pupils, comprising 20 eight-year-olds (mean = 8.4, range = 8-9) and 32 older pupils, took part.').verified, ['20 + 32 = 52']);
  assert.deepEqual(run('A cohort of 52 pupils, comprising 20 younger pupils (mean = 8.4, range = 8-9) and 22 older pupils, took part.').warned, ['52']);
});

test('named sizes in one bracket, and parts listed before "out of" the whole', () => {
  assert.deepEqual(run('The held-out set (N = 90, N_a = 50, N_b = 40) was never trained on.').verified, ['50 + 40 = 90']);
  assert.deepEqual(run('The held-out set (N = 90, N_a = 50, N_b = 45) was never trained on.').warned, ['90']);
  assert.deepEqual(run('We saw 12 failures, 3 timeouts and 5 crashes out of 20 runs.').verified, ['12 + 3 + 5 = 20']);
  assert.deepEqual(run('We saw 12 failures, 3 timeouts and 8 crashes out of 20 runs.').warned, ['20']);
});

test('"including" may name only some parts: a shortfall is not flagged, an excess is', () => {
  assert.deepEqual(run('The archive holds 80 letters, including 30 from Lyon and 20 from Turin.').warned, []);
  assert.deepEqual(run('The archive holds 80 letters, including 50 from Lyon and 40 from Turin.').warned, ['80']);
});

test('lists that are not parts of the number before them are left alone', () => {
  // Ratios, estimates in brackets, and a "whole" smaller than its supposed parts.
  assert.deepEqual(run('Chance was 25%, i.e., 1 out of 4 doors; for adults 1 out of 6 doors.').warned, []);
  assert.deepEqual(run('Group 3 (OR 1.8; 95% CI 1.2-2.6; p = 0.004) differed.').warned, []);
  assert.deepEqual(run('Within five days, among those, 120 were sold and 80 were kept.').warned, []);
  assert.deepEqual(run('Across 4 sites we counted 25 nests and 31 burrows.').warned, []);
});
