import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ExpressionRejected, MAX_EXPRESSION_LENGTH, evaluateExpression, exactSum, lockedMath, tryEvaluate } from '../../../src/core/math.ts';

test('evaluates arithmetic and unit products in the unit asked for', () => {
  assert.equal(evaluateExpression('7000 ng/kg/day * 60 kg', 'ng/day').value, 420000);
  assert.equal(evaluateExpression('(150 + 20) / 196 * 100').value.toFixed(2), '86.73');
  assert.equal(Math.round(evaluateExpression('2.5 mg to ug').value * 1e6) / 1e6, 2500);
  assert.equal(evaluateExpression('sqrt(16) + mean(1, 2, 3)').value, 6);
});

test('hostile expressions are rejected, never run', () => {
  const hostile = [
    'import({x: 1})',
    'createUnit("foo")',
    'evaluate("1+1")',
    'parse("1")',
    'f(x) = x',
    'x = 5',
    '[1, 2, 3]',
    '"text"',
    'a ? b : c',
    '10^100000',
    'cos.constructor("return process")()',
    'unit.constructor',
    '{}',
    'factorial(1e9)',
    'range(1, 1e9)',
    'ones(1e6, 1e6)',
    '1'.repeat(MAX_EXPRESSION_LENGTH + 1),
    '(' .repeat(300) + '1' + ')'.repeat(300),
    'this',
    'process.exit(1)',
  ];
  for (const expr of hostile) {
    assert.throws(() => evaluateExpression(expr), ExpressionRejected, expr);
    assert.equal(tryEvaluate(expr), undefined);
  }
});

test('the instance itself is locked: import, createUnit, evaluate and parse throw', () => {
  assert.throws(() => lockedMath.import({ x: 1 }, {}));
  assert.throws(() => lockedMath.createUnit('furlongs'));
  assert.throws(() => lockedMath.evaluate('1'));
  assert.throws(() => lockedMath.parse('1'));
});

test('exact sums avoid binary floating point drift', () => {
  assert.equal(exactSum([0.1, 0.2]), 0.3);
  assert.equal(exactSum([30.1, 20.05, 10.01, 5.01]), 65.17);
});
