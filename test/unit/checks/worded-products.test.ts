// Products and shares told in words (an amount per thing times the things; an amount shared equally), in our own sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkWordedProducts } from '../../../src/core/checks/arithmetic/worded-products.ts';
import { assertFlagged, assertVerifiedOnce, paper } from './helpers.ts';

const run = (s: string) => checkWordedProducts(paper(s));

// Each consistent sentence, one of its numbers changed, and the severity the change should get.
const PAIRS: [string, string, string, 'error' | 'warning'][] = [
  ['Each of the 15 coders made 60 judgements, which gives 900 judgements.', '900', '960', 'error'],
  ['Each of our 40 labellers tagged 250 tweets, 10,000 labels altogether.', '10,000', '12,000', 'warning'],
  ['We hired 12 raters, each scoring 150 photos, for 1,800 scores.', '1,800', '1,600', 'warning'],
  ['Seven volunteers each walked 12 km, giving 84 km.', '84 km', '94 km', 'error'],
  ['Six annotators who each judged 300 pairs produced a total of 1,800 judgements.', '1,800', '2,800', 'warning'],
  ['The model was trained with 5 seeds of 20 episodes each, yielding 100 episodes.', '100 episodes', '120 episodes', 'error'],
  ['We ran four batches of 32 images apiece, 128 images overall.', '128', '132', 'error'],
  ['The tracer was given at 0.5 mg per mouse for 24 mice, i.e. 12 mg.', '12 mg', '1.2 mg', 'error'],
  ['Storage is 2.5 GB per camera over 400 cameras, that is 1 TB.', '1 TB', '2 TB', 'error'],
  ['Our 400 cameras at 2.5 GB per camera come to 1,000 GB.', '1,000 GB', '1,100 GB', 'error'],
  ['The 4 shards each hold 2.5 million records, 10 million records in total.', '10 million', '12 million', 'error'],
  ['We sampled 30 leaves from each of the 9 trees, which gives 270 leaves.', '270', '290', 'error'],
  ['The 96 tasks were split evenly among 8 workers, 12 each.', '12 each', '14 each', 'warning'],
  ['A budget of 450 EUR was shared equally between 3 labs, giving 150 EUR per lab.', '150 EUR', '250 EUR', 'warning'],
  ['Dividing the 144 trials by the 12 blocks gives 12.', 'gives 12', 'gives 14', 'error'],
  ['Ten reviewers read 45 papers apiece, 450 reviews altogether.', '450', '540', 'warning'],
  ['Eight students wrote 3 essays each, which gives 24 essays.', '24 essays', '26 essays', 'error'],
  ['With 25 patients per arm and 4 arms, that is 100 patients.', '100 patients', '110 patients', 'error'],
  ['We ran 120 trials over 8 sessions, or 15 per session.', '15 per', '18 per', 'error'],
  ['We kept half of the 1,200 images, i.e. 600 images.', '600', '500', 'error'],
  ['A third of the 90 pupils (30) reported headaches.', '(30)', '(40)', 'warning'],
  ['The second dose was twice the 40 mg first dose, i.e. 80 mg.', '80 mg', '60 mg', 'error'],
  ['Three quarters of the 48 plots (n = 36) were irrigated.', '36', '32', 'warning'],
  ['Every clip runs 8 s, so the 450 clips take 3,600 s.', '3,600', '4,600', 'error'],
  ['Each interview lasted 40 min; the 12 interviews took 8 h in total.', '8 h', '9 h', 'error'],
  ['At 0.25 s per page, the 2,000 pages took 500 s.', '500 s', '800 s', 'error'],
  ['Each kit costs 15 EUR, and the 30 kits cost 450 EUR.', '450', '540', 'error'],
  ['The 3,000 scans came from 40 hospitals, an average of 75 scans per hospital.', '75 scans', '85 scans', 'warning'],
];

test('worded products and shares that hold are verified', () => {
  assertVerifiedOnce(run, PAIRS.map(([s]) => s));
});

test('one changed number is flagged, as an error only when the words fix the reading', () => {
  for (const [sentence, from, to, severity] of PAIRS) assertFlagged(run, { sentence, from, to, severity });
});

test('the same numbers without a product the words state are left alone', () => {
  for (const s of [
    // Ranges and bounds: the product is not exact.
    'Each of the 3 groups had between 20 and 30 members, 75 in total.',
    'Each of the 4 clinics saw at least 50 patients, 230 patients in total.',
    'Each of the 5 teams handled about 200 cases, 1,100 cases in total.',
    // A part of a whole, not a product.
    'Two of the 12 sessions were cancelled, and 10 sessions were held.',
    // A duration after "for": not the total of the product.
    'Each of the 5 teams handled 200 cases for 3 days.',
    // Per capita of one population, total of another.
    'Spending was 500 EUR per resident in the 12 districts, and the national budget was 3 billion EUR.',
    // Blocks of trials with a different noun after a weak cue.
    'Each participant completed 4 blocks of 20 trials for 10 minutes.',
    // An average whose unit is not the amount's: minutes per session after a count of trials.
    'We ran 120 trials over 8 sessions, or 15 minutes per session.',
    'The 3,000 scans came from 40 hospitals, an average of 75 beds per hospital.',
    // What each thing has is not what the total counts.
    'Each image has 3 channels, and the 100 images took 20 minutes to label.',
    'Each participant completed 4 blocks; the 30 participants took 2 hours.',
    // A hedged or bounded fraction, and a fraction whose result is not restated.
    'About half of the 1,200 images, i.e. 640 images, were blurred.',
    'More than half of the 90 pupils (52) reported headaches.',
    'Half of the 12 sessions, 4 in the morning, were recorded.',
    // A share told without "equally" and without a per-share result.
    'The 96 tasks were split among 8 workers, and 14 were left over.',
  ]) {
    const out = run(s);
    assert.deepEqual([out.findings.map((f) => f.message), out.verified.length], [[], 0], s);
  }
});

test('a total of time after a count of something else is not the product', () => {
  const out = run('The 3 models were each trained for 100 epochs, for a total of 450 GPU hours.');
  assert.deepEqual([out.findings.length, out.verified.length], [0, 0]);
});
