import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseReported } from '../../../src/core/numbers.ts';
import { verifyClaim } from '../../../src/core/model/verify.ts';

const n = (s: string) => parseReported(s)!;

test('confirms a wrong sum and formats the correction like the paper', () => {
  const v = verifyClaim('7000 * 60', n('42,000'));
  assert.equal(v.status, 'confirmed');
  assert.equal(v.status === 'confirmed' && v.recomputed, '420,000');
});

test('drops a claim mathjs finds consistent, rounding included', () => {
  assert.equal(verifyClaim('12 + 30', n('42')).status, 'consistent');
  // 42/120 = 35.0%: the model was wrong.
  assert.equal(verifyClaim('42 / 120 * 100', n('35%')).status, 'consistent');
  // A fraction against a percentage.
  assert.equal(verifyClaim('42 / 120', n('35%')).status, 'consistent');
  // Rounded inputs: 1.25 * 3.35 = 4.1875, but 1.25 may be 1.245..1.255 and 3.35 3.345..3.355, so 4.2 is fine.
  assert.equal(verifyClaim('1.25 * 3.35', n('4.2')).status, 'consistent');
});

test('confirms a wrong percentage', () => {
  const v = verifyClaim('42 / 120 * 100', n('53%'));
  assert.equal(v.status, 'confirmed');
  assert.equal(v.status === 'confirmed' && v.recomputed, '35%');
});

test('works in the reported unit', () => {
  assert.equal(verifyClaim('7000 ng/kg/day * 60 kg', n('420'), 'µg/day').status, 'consistent');
  const v = verifyClaim('7000 ng/kg/day * 60 kg', n('42'), '\u00b5g/day');
  assert.equal(v.status, 'confirmed');
  assert.equal(v.status === 'confirmed' && v.recomputed, '420');
});

test('anything mathjs will not evaluate is unverifiable', () => {
  for (const expr of ['import({}, {})', 'foo + 1', 'evaluate("1+1")', '1 +', 'x = 3', '"a"']) {
    assert.equal(verifyClaim(expr, n('2')).status, 'unverifiable', expr);
  }
  assert.equal(verifyClaim(null, n('2')).status, 'unverifiable');
  assert.equal(verifyClaim('1 + 1', undefined).status, 'unverifiable');
  // Units on one side only.
  assert.equal(verifyClaim('60 kg * 2', n('120')).status, 'unverifiable');
});

test('inputs the paper does not print are flagged', async () => {
  const { foreignInputs, printedValues } = await import('../../../src/core/model/verify.ts');
  const known = printedValues('Of 120 rats, 42 (35%) survived; dose 1.5 × 10^6 ng; p = .045.');
  assert.deepEqual(foreignInputs('42 / 120 * 100', known), []);
  assert.deepEqual(foreignInputs('0.35 * 120', known), []);
  assert.deepEqual(foreignInputs('1.5 * 10^6 / 1000', known), []);
  assert.deepEqual(foreignInputs('0.045 * 2', known), []);
  assert.deepEqual(foreignInputs('43 / 120 * 100', known), ['43']);
  assert.deepEqual(foreignInputs('8.5 + 11', known), ['8.5', '11']);
});
