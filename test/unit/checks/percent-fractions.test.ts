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
