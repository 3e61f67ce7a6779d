import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPercentages } from '../../../src/core/checks/arithmetic/percentage.ts';
import { paper, underlined } from './helpers.ts';

function flagged(text: string): string[] {
  const p = paper(text);
  return checkPercentages(p).findings.map((f) => `${f.severity}:${underlined(p, f)}`);
}

function verifiedCount(text: string): number {
  return checkPercentages(paper(text)).verified.length;
}

test('a fraction with words before the bracket that holds its share', () => {
  assert.equal(verifiedCount('The device detected residue on 18 of 24 samples from the lower shelf (75.0%).'), 1);
  assert.deepEqual(flagged('The device detected residue on 18 of 24 samples from the lower shelf (57.0%).'), ['error:57.0%']);
  assert.equal(verifiedCount('Most of the teams (9 out of 12, 75%) finished on time.'), 1);
  assert.deepEqual(flagged('Most of the teams (9 out of 12, 57%) finished on time.'), ['error:57%']);
  assert.equal(verifiedCount('We could use 33 usable recordings out of a total of 60 (55%).'), 1);
  assert.equal(verifiedCount('Weighted, 12.6 imputed cases out of 40 (31.5%) remained.'), 1);
});

test('a share followed by its fraction in brackets, with words around it', () => {
  assert.equal(verifiedCount('Roughly 62% of the planned interviews (31 out of 50 households) took place.'), 1);
  assert.deepEqual(flagged('Roughly 62% of the planned interviews (13 out of 50 households) took place.'), ['error:62%']);
});

test('the whole named first, with a long description before the comma', () => {
  assert.equal(verifiedCount('Out of the 800 pupils enrolled in the spring term without gaps, 200 (25.0%) joined a club.'), 1);
  assert.deepEqual(flagged('Out of the 800 pupils enrolled in the spring term without gaps, 120 (25.0%) joined a club.'), ['error:25.0%']);
});

test('two counts that make the whole: "the remaining"', () => {
  assert.equal(verifiedCount('In 300 flats (60.00%) the boiler was new, while in the remaining 200 flats (40.00%) it was not.'), 2);
  const found = flagged('In 300 flats (62.00%) the boiler was new, while in the remaining 200 flats (40.00%) it was not.');
  assert.deepEqual(found, ['warning:62.00%']);
});

test('shares of groups named before them, in the same order', () => {
  assert.equal(verifiedCount('We wrote to 40 clinics and 25 pharmacies, of which 30 (75.0%) and 10 (40.0%) answered.'), 2);
  assert.deepEqual(flagged('We wrote to 40 clinics and 25 pharmacies, of which 30 (75.0%) and 10 (44.0%) answered.'), ['warning:44.0%']);
});

test('negatives: fractions that are not the share printed next to them', () => {
  // A rate with its own denominator: "of" between numbers that are not a count and its whole.
  assert.deepEqual(flagged('Scores rose by 3 of 10 points in 45 schools (12%).'), []);
  // Two shares of different wholes, no word that makes them one whole.
  assert.deepEqual(flagged('In 300 flats (62%) the boiler was new, and in 200 houses (40%) it was old.'), []);
  // A range, not a fraction.
  assert.deepEqual(flagged('Between 4 and 9 visits (35%) were missed.'), []);
});

test('a subgroup counted with its own share becomes the whole of the shares in later sentences', () => {
  const text = (x: string) => `Among the 500 members polled, 120 (24.0%) gave a reason. The reason named most was cost, by 60 (50%). The next ones were time 36 (${x}) and distance 24 (20%).`;
  assert.deepEqual(flagged(text('30%')), []);
  assert.equal(verifiedCount(text('30%')), 4);
  assert.deepEqual(flagged(text('35%')).map((f) => f.replace(/^\w+:/, '')), ['35%']);
});

test('a share restated after the fraction without a bracket: "that is", "i.e.", "or", "a … rate of"', () => {
  assert.equal(verifiedCount('Of the trees we tagged, 30 of 120 had died by spring, that is 25%.'), 1);
  assert.equal(verifiedCount('The filter dropped 18 out of 600 frames, i.e. 3%, in the first run.'), 1);
  assert.equal(verifiedCount('The model flagged 42 of 350 invoices, an error rate of 12%.'), 1);
  assert.deepEqual(flagged('The model flagged 42 of 350 invoices, an error rate of 15%.'), ['error:15%']);
  assert.deepEqual(flagged('We kept 70 out of 200 replies, or 45%, for coding.'), ['error:45%']);
  // A percentage of something else after the fraction: not a restatement.
  assert.deepEqual(flagged('The model flagged 42 of 350 invoices, and 15% of the budget went to review.'), []);
});

test('"A of them (x%)": the whole is the count the pronoun points back to', () => {
  assert.equal(verifiedCount('Some 250 farms joined the scheme; 60 of them (24%) grew maize.'), 1);
  assert.deepEqual(flagged('Some 250 farms joined the scheme; 60 of them (42%) grew maize.'), ['error:42%']);
  // Something counted in between: the pronoun may point to it.
  assert.deepEqual(flagged('Some 250 farms joined, 90 left after a year, and 60 of them (42%) grew maize.'), []);
});

test('"x% of the B things (A things)": a share of a whole, its count in a bracket after', () => {
  assert.equal(verifiedCount('About 12% of the 450 wells (54 wells) were dry by August.'), 1);
  assert.deepEqual(flagged('About 12% of the 450 wells (64 wells) were dry by August.').map((f) => f.replace(/^\w+:/, '')), ['12%']);
  // A bracket that holds something else than the count: a year.
  assert.deepEqual(flagged('About 12% of the 450 wells (2019) were dry by August.'), []);
});

test('"A things … (n = B; x%)": the count, then its whole and its share in one bracket', () => {
  assert.equal(verifiedCount('Rashes were seen in 9 children of the younger cohort (n = 60; 15.0%).'), 1);
  assert.deepEqual(flagged('Rashes were seen in 9 children of the younger cohort (n = 60; 25.0%).').map((f) => f.replace(/^\w+:/, '')), ['25.0%']);
});

test('"Among the B things, x% (n = A)": a whole that opens the sentence', () => {
  assert.equal(verifiedCount('Among the 800 drivers stopped, 6.5% (n = 52) had no licence.'), 1);
  assert.deepEqual(flagged('Among the 800 drivers stopped, 6.5% (n = 62) had no licence.').map((f) => f.replace(/^\w+:/, '')), ['6.5%']);
  // Another count between the whole and the share: the share may be of that one.
  assert.deepEqual(flagged('Among the 800 drivers stopped, 120 were tested and 6.5% (n = 62) had no licence.'), []);
});

test('"the remaining B (y%)" is the rest of the whole the sentence named, or of every part listed before it', () => {
  // The whole was named with the first part: the remainder is of that whole, not of the last two parts.
  assert.deepEqual(flagged('Pines made up 30 of the 60 trees (50%), oaks 18 (30%) and birches the remaining 12 (20%).'), []);
  assert.deepEqual(flagged('Pines made up 30 of the 60 trees (50%), oaks 18 (30%) and birches the remaining 12 (25%).').map((f) => f.replace(/^\w+:/, '')), ['25%']);
  // No whole named: every part listed with a share makes it.
  assert.deepEqual(flagged('Pines 30 (50%), oaks 18 (30%) and the remaining 12 (20%) were birches.'), []);
});
