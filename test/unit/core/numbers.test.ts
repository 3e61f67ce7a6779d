import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findNumbers, formatLike, intervalMeets, parseReported, roundingInterval, roundsTo } from '../../../src/core/numbers.ts';

function n(text: string) {
  const parsed = parseReported(text);
  assert.ok(parsed, `parses ${text}`);
  return parsed;
}

test('keeps the string and its precision', () => {
  assert.deepEqual({ ...n('65.40'), start: 0, end: 0 }, { text: '65.40', start: 0, end: 0, value: 65.4, decimals: 2, exponent: 0, trailingZeros: 0, percent: false });
  assert.equal(n('.045').value, 0.045);
  assert.equal(n('42,000').value, 42000);
  assert.equal(n('420\u2009000').value, 420000);
  assert.equal(n('\u22123.2').value, -3.2);
  assert.equal(n('1.5 × 10^6').value, 1.5e6);
  assert.equal(n('3e-4').value, 3e-4);
  assert.equal(n('30%').percent, true);
});

test('the BDE-209 case: 42,000 is not 420,000 even read loosely', () => {
  assert.equal(roundsTo(n('42,000'), 420000), false);
  assert.equal(roundsTo(n('42,000'), 420000, true), false);
  assert.equal(roundsTo(n('42,000'), 42000.4), true);
});

test('rounding intervals: 33.3% is right for 1/3, 33.4% is not', () => {
  assert.equal(roundsTo(n('33.3'), 100 / 3), true);
  assert.equal(roundsTo(n('33.4'), 100 / 3), false);
  assert.equal(roundsTo(n('0.3'), 0.1 + 0.2), true);
  assert.deepEqual(roundingInterval(n('2.10')), [2.095, 2.105]);
  // half-way values belong to the interval (either rounding convention)
  assert.equal(roundsTo(n('2.1'), 2.05), true);
  assert.equal(roundsTo(n('2.1'), 2.15), true);
});

test('loose reading of trailing zeros keeps ambiguous integers out of errors', () => {
  assert.equal(roundsTo(n('42,000'), 41800), false);
  assert.equal(roundsTo(n('42,000'), 41800, true), true);
  assert.equal(roundsTo(n('40'), 44, true), true);
  assert.equal(roundsTo(n('40'), 46, true), false);
});

test('negative numbers round symmetrically', () => {
  assert.deepEqual(roundingInterval(n('-1.5')), [-1.55, -1.45]);
  assert.equal(roundsTo(n('-1.5'), -1.46), true);
});

test('interval overlap for results computed from rounded inputs', () => {
  assert.equal(intervalMeets(n('30'), 29.4, 29.6), true);
  assert.equal(intervalMeets(n('30'), 28.1, 29.2), false);
});

test('formatLike writes the recomputed value the way the paper writes numbers', () => {
  assert.equal(formatLike(n('42,000'), 420000), '420,000');
  assert.equal(formatLike(n('.045'), 0.0398), '.040');
  assert.equal(formatLike(n('78%'), 86.73), '87%');
  assert.equal(formatLike(n('6.15'), 6.1005), '6.10');
  assert.equal(formatLike(n('\u22123.2'), -3.04), '\u22123.0');
  assert.equal(formatLike(n('1.5 × 10^6'), 2.25e6), '2.3 × 10^6');
});

test('findNumbers skips words with digits and reference-like tokens, keeps spans', () => {
  const text = 'In 2020, 12 of 40 (30%) had BDE-209 and p = .045.';
  const found = findNumbers(text).map((x) => x.text);
  assert.deepEqual(found, ['2020', '12', '40', '30%', '.045']);
  for (const x of findNumbers(text)) assert.equal(text.slice(x.start, x.end), x.text);
});

test('findNumbers is linear on pathological input', () => {
  const line = '1,'.repeat(200_000) + '1.1.1.'.repeat(50_000);
  const t0 = performance.now();
  findNumbers(line);
  assert.ok(performance.now() - t0 < 2000);
});
