// Shares of one whole listed in a sentence, in our own sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkShareLists } from '../../../src/core/checks/arithmetic/share-lists.ts';
import { paper } from './helpers.ts';

function run(text: string) {
  const out = checkShareLists(paper(text));
  return { warned: out.findings.map((f) => f.message), verified: out.verified.map((v) => v.working) };
}

test('a split of one whole that makes 100% within rounding is verified', () => {
  assert.deepEqual(run('The fleet was 55% diesel, 30% petrol and 15% electric.').verified, ['55% + 30% + 15% = 100%']);
  assert.deepEqual(run('Respondents answered never 10.4%, sometimes 49.7%, or often 39.9% of the time.').verified.length, 1);
  assert.deepEqual(run('Of the staff, 88 percent came by bus and 12 percent walked.').verified, ['88% + 12% = 100%']);
});

test('a stated split that misses 100% is a warning, when the sentence says it is a split', () => {
  assert.match(run('The fleet composition was 55% diesel, 40% petrol and 15% electric.').warned[0], /add up to 110%/);
  assert.match(run('Respondents answered never 10%, sometimes 40%, or often 40% of the time.').warned[0], /add up to 90%/);
  assert.match(run('Budgets went to rent, food and travel at 60%, 35% and 15%, respectively.').warned[0], /110%/);
});

test('rates that are not shares of one whole are left alone', () => {
  assert.deepEqual(run('Recall was 81% in the first batch and 64% in the second.').warned, []);
  assert.deepEqual(run('Of 50 sites, 20 (40%) were dry and 35 (70%) were grazed.').warned, []);
  assert.deepEqual(run('Other studies report 30% and 45% uptake.').warned, []);
  assert.deepEqual(run('Costs rose 12% and yields fell 5%.').warned, []);
});
