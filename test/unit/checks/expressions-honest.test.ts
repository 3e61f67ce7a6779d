// Written-out arithmetic with labelled operands, and honest verification, in our own sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkExpressions } from '../../../src/core/checks/arithmetic/expressions.ts';
import { errors, paper } from './helpers.ts';

const run = (s: string) => checkExpressions(paper(s));

test('operands labelled with nouns or notes still form the calculation', () => {
  assert.equal(run('The design gives 12 schools × 30 pupils = 360 pupils.').verified.length, 1);
  assert.match(run('The design gives 12 schools × 30 pupils = 380 pupils.').findings[0].message, /360, not 380/);
  assert.equal(run('Setup took 4 min (install) + 6 min (warm-up) = 10 min.').verified.length, 1);
  assert.equal(run('Setup took 4 min (install) + 6 min (warm-up) = 12 min.').findings[0].severity, 'error');
});

test('a result that needs the inputs to be rounded is a warning that says so, never verified', () => {
  const out = run('Hence 0.3 × 15 = 4.2 extra days.');
  assert.equal(out.verified.length, 0);
  assert.equal(out.findings[0].severity, 'warning');
  assert.match(out.findings[0].message, /holds only if 0\.3 was rounded from a value between 0\.25 and 0\.35/);
  assert.equal(run('Hence 0.3 × 15 = 4.5 extra days.').verified.length, 1);
});

test('labels do not join numbers that no operator joins', () => {
  assert.equal(run('We kept 12 schools and 30 pupils = a sample.').findings.length, 0);
  assert.equal(run('Of 12 schools, 30 pupils took part.').findings.length, 0);
});

test('a whole-number calculation is exact: a result with a trailing zero is not read as rounded to tens', () => {
  for (const [sentence, wrong] of [['Then 300 divided by 4 gives 70.', true], ['We ran 12 × 5 = 60 trials.', false], ['A budget of 150 / 4 = 40 hours each.', true]] as const) {
    const out = checkExpressions(paper(sentence));
    assert.equal(errors(out).length, wrong ? 1 : 0, sentence);
    assert.equal(out.verified.length, wrong ? 0 : 1, sentence);
  }
  // With a rounded input, a result rounded to tens is still read as rounded.
  assert.equal(errors(checkExpressions(paper('About 0.21 × 22,000 = 4,600 cases were expected.'))).length, 0);
});
