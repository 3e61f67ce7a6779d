// Operators written as words between noun phrases (times, plus, minus, less), in our own sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkWordedOperations } from '../../../src/core/checks/arithmetic/worded-operations.ts';
import { assertFlagged, assertVerifiedOnce, paper } from './helpers.ts';

const run = (s: string) => checkWordedOperations(paper(s));

// Each consistent sentence, one of its numbers changed, and the severity the change should get.
const PAIRS: [string, string, string, 'error' | 'warning'][] = [
  ['The corpus is 250 tiles times 4 MB, i.e. 1 GB.', '1 GB', '2 GB', 'error'],
  ['We archived 300 recordings multiplied by 2.5 GB each, which gives 750 GB.', '750 GB', '570 GB', 'error'],
  ['The order cost 120 EUR plus 30 EUR for postage, 150 EUR in all.', '150 EUR in', '160 EUR in', 'error'],
  ['The stipend is 900 EUR less 150 EUR in tax, leaving 750 EUR.', '750 EUR', '700 EUR', 'error'],
  ['We kept 480 trials minus 36 rejected trials, that is 444 trials.', '444', '454', 'error'],
  ['Enrolment was 64 pupils plus 12 late entrants, giving 76 pupils.', '76', '78', 'error'],
  ['The run took 2.5 h plus 40 min for setup, about 3.2 h overall.', '3.2 h', '3.9 h', 'warning'],
];

test('worded operations that hold are verified', () => {
  assertVerifiedOnce(run, PAIRS.map(([s]) => s));
});

test('one changed number is flagged', () => {
  for (const [sentence, from, to, severity] of PAIRS) assertFlagged(run, { sentence, from, to, severity });
});

test('folds, comparisons and unrelated results are left alone', () => {
  for (const s of [
    'The new index is 3 times smaller than the 12 GB baseline, 4 GB in all.',
    'We kept 480 trials, less than 500 trials, and 20 were dropped.',
    'The order cost 120 EUR plus shipping, 150 EUR in all.',
    'The stipend is 900 EUR less 150 EUR in tax; rent is 600 EUR.',
    'Each session ran 40 min plus or minus 5 min, 45 min at most.',
  ]) {
    const out = run(s);
    assert.deepEqual([out.findings.map((f) => f.message), out.verified.length], [[], 0], s);
  }
});
