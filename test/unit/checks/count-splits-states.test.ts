// A whole with words between its number and its noun ("the 96 newly installed sensors"), split into
// two counts named by opposite states ("complete" and "partial", "valid" and "invalid"), in our own
// sentences: the split that adds up is verified, one that does not is a warning on the whole.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCountSplits } from '../../../src/core/checks/arithmetic/count-splits.ts';
import { complementary } from '../../../src/core/text/lexicon.ts';
import { assertFlagged, assertVerifiedOnce, paper } from './helpers.ts';

const run = (s: string) => checkCountSplits(paper(s));

// Each consistent sentence, one part as changed, and the whole the warning should underline.
const PAIRS: [string, string, string, string][] = [
  ['Of the 212 archived field notebooks, 187 were legible and 25 were illegible.', '25 were', '35 were', '212'],
  ['Among the 96 newly installed sensors, 81 were functional and 15 were faulty.', '81 were', '71 were', '96'],
  ['Of the 64 registered clinical trials, 49 were published and 15 were unpublished.', '15 were', '51 were', '64'],
  ['Of the 350 submitted grant proposals, 70 were funded and 280 were unfunded.', '280', '270', '350'],
  ['Of the 75 collected water samples, 58 were valid and 17 were invalid.', '58 were', '56 were', '75'],
  ['Of the 120 scanned hospital records, 93 were complete and 27 were incomplete.', '27 were', '37 were', '120'],
  ['Across the 48 surveyed dairy farms, 30 were organic and 18 were conventional.', '30 were', '33 were', '48'],
  ['Of the 140 returned paper questionnaires, 121 were complete and 19 were partial.', '19 were', '29 were', '140'],
];

test('two counts in opposite states that make their whole are verified', () => {
  assertVerifiedOnce(run, PAIRS.map(([s]) => s));
});

test('a changed part is a warning on the whole, with the sum of the parts', () => {
  for (const [sentence, from, to, whole] of PAIRS) assertFlagged(run, { sentence, from, to, severity: 'warning', underlines: whole });
});

test('counts in states that can overlap, or in other clauses, are not a split', () => {
  for (const s of [
    'Of the 130 returned surveys, 112 were complete and 18 were from rural schools.',
    'Of the 130 returned surveys, 112 were complete; 25 partial responses came from a pilot.',
    'Of the 200 enrolled patients, 150 were smokers and 120 were diabetic.',
    'Of the 130 returned surveys, 112 were complete, and of the 90 late surveys, 18 were partial.',
    'The 40 valid and 12 invalid ballots were counted separately from the 60 postal votes.',
    'Of the 130 complete surveys, 112 were returned by mail and 28 in person.',
    'Of the 90 indexed articles, 60 were cited and 45 were indirect replications.',
    'Of the 300 invited firms, 120 were public, and 90 of the 150 respondents were private.',
  ]) {
    assert.deepEqual(run(s).findings, [], s);
  }
});

test('a negating prefix makes opposites only with a word it can negate', () => {
  for (const [a, b] of [['valid', 'invalid'], ['legible', 'illegible'], ['mature', 'immature'], ['regular', 'irregular'], ['paid', 'unpaid'], ['smoker', 'non-smoker'], ['complete', 'partial']]) {
    assert.ok(complementary(a, b) && complementary(b, a), `${a} / ${b}`);
  }
  for (const [a, b] of [['port', 'import'], ['side', 'inside'], ['come', 'income'], ['tern', 'intern'], ['put', 'input'], ['press', 'impress'], ['direct', 'direct']]) {
    assert.ok(!complementary(a, b), `${a} / ${b}`);
  }
});
