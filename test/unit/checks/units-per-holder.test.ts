// A dose per body mass, or a rate per area, applied to a stated body mass or area, with the amount
// it gives stated after a verb of intake or use ("so a 20 kg child receives ..."), in our own sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkUnits } from '../../../src/core/checks/arithmetic/units.ts';
import { assertFlagged, assertVerifiedOnce, IN_REPLACEMENT, paper } from './helpers.ts';

const run = (s: string) => checkUnits(paper(s));

// Each consistent sentence, its result as changed (an error on the result: the units fix the product).
const PAIRS: [string, string, string][] = [
  ['The antibiotic is dosed at 15 mg/kg, so a 20 kg child receives 300 mg.', '300 mg', '30 mg'],
  ['With a reference dose of 0.3 µg per kg body weight per day, a 60 kg adult would ingest 18 µg per day.', '18 µg', '180 µg'],
  ['Anaesthetic was given at 2.5 mg/kg, and a 0.4 kg rat thus received 1.0 mg.', '1.0 mg', '10 mg'],
  ['A seeding rate of 150 kg/ha means a 12 ha field needs 1,800 kg of seed.', '1,800 kg', '1,500 kg'],
  ['At 12 g/m², a 40 m² room needs 480 g of sealant.', '480 g', '48 g'],
  ['Feed was offered at 25 g per kg of body weight per day, so a 600 kg cow consumed 15 kg per day.', '15 kg', '150 kg'],
  ['Nitrogen was applied at 120 kg/ha, so each 2.5 ha plot received 300 kg.', '300 kg', '240 kg'],
  // The body named after the result it is for: "equals R for a B kg adult".
  ['A tolerable daily intake of 4 µg/kg/day is equivalent to 280 µg/day for a 70 kg adult.', '280 µg', '28 µg'],
  ['The guideline of 50 mg/kg/day corresponds to 1,000 mg/day for a 20 kg child.', '1,000 mg', '10,000 mg'],
  ['Lime at 2,500 kg/ha amounts to 7,500 kg for a 3 ha paddock.', '7,500 kg', '75,000 kg'],
];

test('a dose per body mass or a rate per area that gives the stated amount is verified', () => {
  assertVerifiedOnce(run, PAIRS.map(([s]) => s));
});

test('a changed amount is an error on the amount', () => {
  for (const [sentence, from, to] of PAIRS) assertFlagged(run, { sentence, from, to, severity: 'error', underlines: IN_REPLACEMENT });
});

test('intakes compared with a limit, contrasted with the dose, or not of the body named are left alone', () => {
  for (const s of [
    'An intake of 40 ng/kg/day for a 70 kg adult is far below the limit of 7,000 ng/kg/day.',
    'The label dose is 5 mg/kg, but a 60 kg patient received 200 mg by mistake.',
    'At 15 mg/kg, a 20 kg child receives more than the 250 mg cap.',
    'At 15 mg/kg, a 20 kg child receives 250 mg less than an adult.',
    'Doses of 5 mg/kg were used; a 60 kg patient received 200 mg on day 2.',
    'A 70 kg adult consuming 2 L of water per day takes in 30 ng per day at 15 ng/L.',
    'The limit is 300 ng/kg/day; a 70 kg adult eating this diet takes in 2,100 ng per day, well within it.',
    'A fertiliser rate of 150 kg/ha was planned, although a 12 ha field needed only 900 kg.',
    'The measured intake was 30 µg/day, below the tolerable 4 µg/kg/day for a 70 kg adult.',
    'The dose of 5 mg/kg corresponds to 200 mg in total, which is safe for a 60 kg adult.',
    'A dose of 3 mg/kg/day equals 210 mg/day in the trial, whatever the weight of the 50 kg patients.',
  ]) {
    assert.deepEqual(run(s).findings, [], s);
  }
});
