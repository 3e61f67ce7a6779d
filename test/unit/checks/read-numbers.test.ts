import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readNumbersFast } from '../../../src/core/checks/arithmetic/read-numbers.ts';
import { findNumbers } from '../../../src/core/numbers.ts';

const SAMPLES = [
  '12 of 40 (30%), 7000 × 60 = 420,000 ng/day, 1.5 × 10^6 and 2e-3, −3.2 and –0.5, .045, 0.0 and 000',
  'BDE-209, COVID-19, 1,2345, 12,345.678, 100, 1000 % and 3 %, x^{2}, 10^{-3}, 1e400, 3e5x, 2.5E6.',
  'N\u00a0=\u00a01\u2009053, 4\u202f000, 1.20, -0, 0.50%, (23.59%), [12, 13], v2.3.1, 2020-01-05',
  '9'.repeat(400) + ' and ' + '1'.repeat(20) + '.5 and 0.000001 and 007',
];

test('the fast number reader reads exactly what findNumbers reads', () => {
  for (const s of SAMPLES) assert.deepEqual(readNumbersFast(s, 17), findNumbers(s, 17));
  // Random strings over the characters numbers are made of.
  const alphabet = '0123456789., %-−–×x^{}eE\u00a0\u2009ab';
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let k = 0; k < 3000; k++) {
    let s = '';
    for (let i = 0; i < 30; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
    assert.deepEqual(readNumbersFast(s), findNumbers(s), s);
  }
});
