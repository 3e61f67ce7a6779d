import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPercentages } from '../../../src/core/checks/arithmetic/percentage.ts';
import { errors, paper, underlined } from './helpers.ts';

test('explicit fractions: k of N (p%), p% (k/N), k/N (p%), (n = k, p%)', () => {
  const p = paper('Of these, 12 of 40 products (30%) and 10 of the 40 (30%) failed; 25% (10/40) and 9/40 (25%) passed; (n = 12, 30%) of 40 were new.');
  const out = checkPercentages(p);
  assert.deepEqual(errors(out).map((f) => [underlined(p, f), f.suggestion]), [['30%', '25%'], ['25%', '23%']]);
  assert.equal(out.verified.length, 3);
});

test('"33.3%" is right for 1 of 3, "34%" is not', () => {
  const p = paper('Only 1 of 3 (33.3%) responded, and 1 of 3 (34%) replied.');
  assert.deepEqual(errors(checkPercentages(p)).map((f) => underlined(p, f)), ['34%']);
});

test('the total stated earlier in the paragraph, confirmed by a sibling percentage', () => {
  const p = paper('The initial sample consisted of 1053 participants. We excluded 194 participants (14.82%) for failing an attention check, and 23 (2.18%) that were outliers.');
  const out = checkPercentages(p);
  const [f] = errors(out);
  assert.equal(underlined(p, f), '14.82%');
  assert.equal(f.recomputed, '18.42%');
  assert.equal(out.verified.length, 1);
});

test('the total stated in the previous paragraph of the section', () => {
  const p = paper('The survey reached 640 farms (41.2% organic).', 'Among these farms, 72 farms (11.85%) kept bees, and 96 farms (15.00%) kept goats.');
  const [f] = errors(checkPercentages(p));
  assert.equal(underlined(p, f), '11.85%');
  assert.equal(f.recomputed, '11.25%');
});

test('a percentage of the sum of the counts listed with it', () => {
  const p = paper('We mapped 250 plots. Most plots (64%) were grazed (n=120) or mown (n=20). Only 30% (n=75) of plots were left fallow.');
  const [f] = errors(checkPercentages(p));
  assert.equal(underlined(p, f), '64%');
  assert.equal(f.recomputed, '56%');
});

test('no established total: say nothing', () => {
  const p = paper('In 2019 we surveyed 300 households in 12 villages. Of the respondents, 45 (62%) owned livestock.');
  assert.equal(checkPercentages(p).findings.length, 0);
});

test('truncated rather than rounded is not an error', () => {
  assert.equal(checkPercentages(paper('Of these, 2 of 3 (66%) agreed.')).findings.length, 0);
});

test('the whole named first: "Of the 40 products, 12 (45%) ..."', () => {
  const wrong = paper('Of the 40 products, 12 (45%) contained BDE-209, and 8 (20%) contained both.');
  assert.deepEqual(errors(checkPercentages(wrong)).map((f) => [underlined(wrong, f), f.suggestion]), [['45%', '30%']]);
  const right = paper('Among all 120 participants, 45 (37.5%) reported pain; 30 (25%) reported fatigue.');
  const out = checkPercentages(right);
  assert.equal(errors(out).length, 0);
  assert.equal(out.verified.length, 2);
  // A later claim of the same sentence shares the whole unless it is a part of a part.
  const chained = paper('Of the 40 products, 12 (30%) contained A, and 8 (25%) contained B.');
  assert.deepEqual(errors(checkPercentages(chained)).map((f) => underlined(chained, f)), ['25%']);
  const nested = paper('Of the 40 products, 12 (30%) contained A, of which 6 (50%) were new.');
  assert.equal(errors(checkPercentages(nested)).length, 0);
});

test('not a whole named first: a measurement, or a number in the middle of a clause', () => {
  for (const s of ['The mean of 40 mg, 12 (45%) were high.', 'We used the 40 items from Smith, 12 (45%) of them reversed.', 'Scores of 40 points, 12 (45%) above it.']) {
    assert.equal(errors(checkPercentages(paper(s))).length, 0, s);
  }
});

test('percentages in words: "45 percent", "45 per cent", "12 out of 40"', () => {
  const p = paper('Of these, 12 out of 40 products (45 percent) contained it, and 45 per cent (18 of 40) did not.');
  const found = errors(checkPercentages(p));
  assert.deepEqual(found.map((f) => [underlined(p, f), f.suggestion]), [['45 percent', '30 percent']]);
  const ok = paper('In all, 12 out of 40 products (30 per cent) contained it; 5 percentage points more than in 2019.');
  assert.equal(errors(checkPercentages(ok)).length, 0);
});

test('the whole right after the claim: "12 (45%) of the 40 products"', () => {
  const p = paper('In all, 12 (45%) of the 40 products contained it, and 3 (20%) of the 15 others did.');
  const out = checkPercentages(p);
  assert.deepEqual(errors(out).map((f) => [underlined(p, f), f.suggestion]), [['45%', '30%']]);
  assert.equal(out.verified.length, 1);
  assert.equal(errors(checkPercentages(paper('We found 12 (45%) of 2019 samples positive.'))).length, 0);
});
