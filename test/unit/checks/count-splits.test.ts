import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCountSplits } from '../../../src/core/checks/arithmetic/count-splits.ts';
import { paper, underlined } from './helpers.ts';

function run(...paras: string[]): { flagged: string[]; verified: number } {
  const p = paper(...paras);
  const out = checkCountSplits(p);
  return { flagged: out.findings.map((f) => `${f.severity}:${underlined(p, f)}`), verified: out.verified.length };
}

test('the remaining count completes the parts told before it', () => {
  assert.deepEqual(run('Of the 60 jars we shipped, 14 broke in transit; the remaining 46 jars were sold.'), { flagged: [], verified: 1 });
  assert.deepEqual(run('Of the 60 jars we shipped, 14 broke in transit; the remaining 64 jars were sold.').flagged, ['error:64']);
  assert.deepEqual(run('The sorter accepted 88 out of 120 parcels, and the remaining 32 parcels went back.'), { flagged: [], verified: 1 });
  assert.deepEqual(run('The sorter accepted 88 out of 120 parcels, and the remaining 23 parcels went back.').flagged, ['error:23']);
  assert.deepEqual(run('From the 250 forms returned, 30 were blank and 12 were illegible. The remaining 208 were coded.'), { flagged: [], verified: 1 });
  assert.deepEqual(run('From the 250 forms returned, 30 were blank and 12 were illegible. The remaining 280 were coded.').flagged, ['warning:250']);
});

test('the counts after "among those" split the count before it', () => {
  assert.deepEqual(run('We found 80 out of 300 bids that arrived late and, among those, 50 came from abroad and 30 from local firms.'), { flagged: [], verified: 1 });
  assert.deepEqual(run('We found 80 out of 300 bids that arrived late and, among those, 50 came from abroad and 38 from local firms.').flagged, ['warning:80']);
  assert.deepEqual(run('Some 75 wells ran dry in summer; of these, 40 were shallow and 35 were deep.'), { flagged: [], verified: 1 });
});

test('a stated number of groups and a list of exactly that many counts', () => {
  assert.deepEqual(run('The study enrolled 90 pupils. Pupils were placed in one of three classes: red (n = 28), blue (n = 31), and green (n = 31).'), { flagged: [], verified: 1 });
  assert.deepEqual(run('The study enrolled 90 pupils. Pupils were placed in one of three classes: red (n = 28), blue (n = 13), and green (n = 31).').flagged, ['warning:90']);
  assert.deepEqual(run('Our panel had 64 firms from four regions. It counted 20 firms from the north, 14 from the south, 18 firms from the east and 12 firms from the west.'), { flagged: [], verified: 1 });
  assert.deepEqual(run('In total 45 plants fell into five classes: 9 tall, 12 medium, 10 short, 8 creeping and 6 floating.'), { flagged: [], verified: 1 });
});

test('those that did and those that did not', () => {
  assert.deepEqual(run('We sent 700 letters, where 420 recipients replied and 280 did not.'), { flagged: [], verified: 1 });
  assert.deepEqual(run('We sent 700 letters, where 420 recipients replied and 208 did not.').flagged, ['warning:700']);
});

test('negatives: lists that are not all of the count before them', () => {
  // The number of groups does not match the list: some groups left out.
  assert.deepEqual(run('We tested 40 mice in three conditions: 12 in the first and 10 in the second.'), { flagged: [], verified: 0 });
  // Doses with a unit are not counts of the mice.
  assert.deepEqual(run('We tested 40 mice in three conditions: 5 mg, 10 mg and 20 mg.'), { flagged: [], verified: 0 });
  // "The remaining" with no whole introduced before it.
  assert.deepEqual(run('We ran 12 trials on day one; the remaining 30 ran on day two.'), { flagged: [], verified: 0 });
  // Negation that is not a complement of the same whole.
  assert.deepEqual(run('Last year we had 700 members; 420 voted in May and 150 did not renew.'), { flagged: [], verified: 0 });
});

test('negatives: parts printed with shares of another whole, and "the other k" groups', () => {
  // Each count has its own share of its own group: not a split of the last group.
  assert.deepEqual(run('We asked 30 clinics and 50 pharmacies, of which 24 (80%) and 20 (40%) replied.'), { flagged: [], verified: 0 });
  // "The other three" lists some of the groups, after the largest was named.
  assert.deepEqual(run('The largest class was grass, with 90 (45%). The other three classes were: herbs 50 (25%), shrubs 40 (20%) and trees 20 (10%).'), { flagged: [], verified: 0 });
  // A number word in the clause before the cue is not the whole.
  assert.deepEqual(run('Of 900 games, 300 ended within two minutes of the end and, among those, 170 went to the home side and 130 to the visitors.'), { flagged: [], verified: 1 });
});

test('two parts named by opposite words, an either-or pair of reasons, a classification', () => {
  assert.deepEqual(run('The crew of 15 had 9 paid staff and 6 unpaid helpers.'), { flagged: [], verified: 1 });
  assert.deepEqual(run('The crew of 15 had 9 paid staff and 8 unpaid helpers.').flagged, ['warning:15']);
  assert.deepEqual(run('The rig has 10 sensors with 7 wired active probes and 3 passive tags.'), { flagged: [], verified: 1 });
  assert.deepEqual(run('We dropped 50 files because either the header was missing (20) or the body was empty (30).'), { flagged: [], verified: 1 });
  assert.deepEqual(run('We dropped 50 files because either the header was missing (20) or the body was empty (13).').flagged, ['warning:50']);
  assert.deepEqual(run('Two raters classified 40 of the 100 essays as strong, 45 essays as fair, and 15 essays as weak.'), { flagged: [], verified: 1 });
  assert.deepEqual(run('Two raters classified 40 of the 100 essays as strong, 54 essays as fair, and 15 essays as weak.').flagged, ['warning:100']);
});

test('negatives: words that do not oppose, either-or with other numbers, "of" without "as"', () => {
  assert.deepEqual(run('The crew of 15 had 9 paid staff and 8 trained helpers.'), { flagged: [], verified: 0 });
  assert.deepEqual(run('We dropped 50 files because either the header was missing (20, 40%) or the body was empty (13).'), { flagged: [], verified: 0 });
  assert.deepEqual(run('Two raters classified 40 of the 100 essays within a day, 54 essays in a week, and 15 later.'), { flagged: [], verified: 0 });
});

test('group sizes in brackets after the sample size', () => {
  assert.deepEqual(run('We pooled N = 90 pupils from two schools, the first (N = 50) and the second (N = 22 boys; N = 18 girls).'), { flagged: [], verified: 1 });
  assert.deepEqual(run('We pooled N = 90 pupils from two schools, the first (N = 50) and the second (N = 22 boys; N = 81 girls).').flagged, ['warning:90']);
  // Other numbers among the sizes (ages, a third level): not read.
  assert.deepEqual(run('We pooled N = 90 pupils from two schools, the first (N = 50, aged 12) and the second (N = 22 boys; N = 81 girls).'), { flagged: [], verified: 0 });
});

test('the rest given in brackets, and a whole told in the sentence before "Of these"', () => {
  assert.deepEqual(run('Of the 72 hives inspected, 45 were healthy, and the rest (27) showed mites.'), { flagged: [], verified: 1 });
  assert.deepEqual(run('Of the 72 hives inspected, 45 were healthy, and the rest (29) showed mites.').flagged, ['error:29']);
  assert.deepEqual(run('Of the 72 hives, 45 were healthy, while the other hives (n = 27) showed mites.'), { flagged: [], verified: 1 });
  assert.deepEqual(run('Of the 72 hives, 45 were healthy, while the other hives (n = 25) showed mites.').flagged, ['error:25']);
  assert.deepEqual(run('We inspected 72 hives. Of these, 45 were healthy and the remaining 27 showed mites.'), { flagged: [], verified: 1 });
  assert.deepEqual(run('We inspected 72 hives. Of these, 45 were healthy and the remaining 17 showed mites.').flagged, ['error:17']);
  assert.deepEqual(run('We inspected 72 hives. Among them, forty-five were healthy; the other twenty-seven showed mites.'), { flagged: [], verified: 1 });
});

test('a bracketed count that is not the rest, or no whole before "Of these", stays silent', () => {
  assert.deepEqual(run('Of the 72 hives, 45 were healthy, and the rest showed mites (27 of them severe, Table 2).').flagged, []);
  assert.deepEqual(run('The 72 hives were weighed. Of these, 45 were healthy and the remaining 20 kg of honey was sold.').flagged, []);
  assert.deepEqual(run('Inspections took a week. Of these, 45 were healthy and the remaining 27 showed mites.').flagged, []);
});

test('parts that exclude each other may not add to more than the whole', () => {
  assert.deepEqual(run('Of the 77 guests, 47 were based in Spain, 23 in France and 7 in Italy.'), { flagged: [], verified: 1 });
  assert.deepEqual(run('Of the 77 guests, 47 were based in Spain, 23 in France and 12 in Italy.').flagged, ['warning:77']);
  assert.deepEqual(run('Among the 60 patients, 31 were diagnosed as mild, 20 as moderate and 14 as severe.').flagged, ['warning:60']);
  // Fewer than the whole: some may be unplaced; overlapping traits are never added.
  assert.deepEqual(run('Of the 77 guests, 47 were based in Spain and 20 in France.').flagged, []);
  assert.deepEqual(run('Of the 77 guests, 60 had a car and 52 had a bike.').flagged, []);
  assert.deepEqual(run('Of the 77 guests, 47 were born in Spain and 40 lived in a city.').flagged, []);
});
