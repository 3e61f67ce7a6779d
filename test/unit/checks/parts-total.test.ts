import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPartsTotals } from '../../../src/core/checks/arithmetic/parts-total.ts';
import { errors, paper, underlined } from './helpers.ts';

test('variance explained by the stated number of factors', () => {
  const p = paper('The scale loaded on 3 factors (explaining 47.30% of variance). The first factor (21.40%) grouped the mood items. The second factor (14.60%) grouped sleep, and the third (8.30%) grouped appetite.');
  const [f] = errors(checkPartsTotals(p));
  assert.equal(underlined(p, f), '47.30%');
  assert.equal(f.recomputed, '44.30%');
});

test('variance explained with the parts in parentheses, and cumulative shares', () => {
  const p = paper('Two factors explained 50.2% of the variance (factor 1: 30.1%, factor 2: 20.1%). Three components explained 65.2% of the variance (30.1%, 48.6%, 65.2% cumulatively).');
  const out = checkPartsTotals(p);
  assert.equal(out.findings.length, 0);
  assert.equal(out.verified.length, 2);
});

test('the remaining share', () => {
  const p = paper('Of the respondents, 85% were women and the remaining 25% men. Spatulas made up 45%, spoons 35% and tongs the remaining 20%.');
  const out = checkPartsTotals(p);
  assert.deepEqual(errors(out).map((f) => [underlined(p, f), f.recomputed]), [['25%', '15%']]);
  assert.equal(out.verified.length, 1);
});

test('a stated total of counts and its parts', () => {
  const p = paper('We found a total of 196 evaluations (150 cost-effective, 20 cost-saving and 36 not cost-effective).');
  const [f] = errors(checkPartsTotals(p));
  assert.equal(f.recomputed, '206');
});

test('a rest split into further shares is their sum, not one share', () => {
  const ok = checkPartsTotals(paper('Most homes heat with gas (58%), the rest with oil (27%) or wood (15%).'));
  assert.deepEqual(ok.findings, []);
  assert.equal(ok.verified.length, 1);
});

test('a share that remains above, below or at a level is not the remainder of the one before', () => {
  const quiet = checkPartsTotals(
    paper(
      'Imports covered about 41% of demand in the first year, falling slowly but remaining above 25% for a decade.',
      'The vacancy rate rose to 12% in spring and remained at roughly 9% through the autumn.',
    ),
  );
  assert.deepEqual(quiet.findings, []);
  // The remainder itself is still read.
  const p = paper('Imports covered about 41% of demand, and local farms the remaining 49%.');
  assert.deepEqual(errors(checkPartsTotals(p)).map((f) => [underlined(p, f), f.recomputed]), [['49%', '59%']]);
});
