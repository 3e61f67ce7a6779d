import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkExpressions } from '../../../src/core/checks/arithmetic/expressions.ts';
import { errors, paper, underlined } from './helpers.ts';

test('a product off by a power of ten, with units stated earlier in the paragraph', () => {
  const p = paper('The reference dose is 7000\u00a0ng/kg\u00a0bw/day. For an adult of 60 kg, this gives 7000 × 60 = 42,000\u00a0ng/day.');
  const out = checkExpressions(p);
  const [f] = errors(out);
  assert.equal(out.findings.length, 1);
  assert.equal(f.kind, 'unit-conversion');
  assert.equal(underlined(p, f), '42,000');
  assert.equal(f.recomputed, '420,000');
  assert.equal(f.suggestion, '420,000');
  assert.equal(f.message, '7000 ng/kg bw/day × 60 kg is 420,000 ng/day, not 42,000 ng/day.');
  assert.match(f.working!, /7000 ng \/ kg \/ day\) \* \(60 kg\) to ng \/ day/);
});

test('plain arithmetic: right and wrong', () => {
  const p = paper('We have 3 + 4 + 5 = 12 and 12/40 = 0.3, and 1.5 × 10^6 × 2 = 3 × 10^6. But 2.5 × 4 = 11 and (20 − 5)/3 = 6.');
  const out = checkExpressions(p);
  assert.deepEqual(errors(out).map((f) => [underlined(p, f), f.recomputed]), [['11', '10'], ['6', '5']]);
  assert.equal(out.verified.length, 3);
});

test('rounded inputs: a result inside the propagated interval is consistent', () => {
  const out = checkExpressions(paper('The ratio was 2.35 / 1.17 = 2.01 and 0.33 × 3 = 1.0.'));
  assert.equal(out.findings.length, 0);
  assert.equal(out.verified.length, 2);
});

test('words: divided by, times', () => {
  const p = paper('Then 10 divided by 4 gives 2.5, and 6 times 7 is 43.');
  const out = checkExpressions(p);
  assert.deepEqual(errors(out).map((f) => underlined(p, f)), ['43']);
});

test('not arithmetic: variables, statistics, ranges, equation parts', () => {
  const out = checkExpressions(paper('We found t(28) = 2.10, p = .045, F(1, 28) = 4.5, ages 18-25 = young, (a + 3) × 2 = 14, x = 2 × 3 + y, and 3 + n = 7.'));
  assert.equal(out.findings.length, 0);
});

test('sums of percentages', () => {
  const p = paper('Together 30.1% + 18.5% = 58.6% of the variance.');
  assert.equal(errors(checkExpressions(p))[0]?.recomputed, '48.6%');
});
