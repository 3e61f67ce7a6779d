// Numbers no claim may use: labels that name things (Study 2, Tables 1 and 2, cohort 3), clock times,
// and "one" as a pronoun. The count right after a singular label and a comma ("In Experiment 4, 30
// of ...") is a quantity again, as is a ratio written with a colon.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numbersIn, sentencesOf } from '../../../src/core/checks/arithmetic/context.ts';
import { checkPaper } from '../../../src/core/engine.ts';
import { paper } from './helpers.ts';

function marked(sentence: string, reason: string): string[] {
  const p = paper(sentence);
  return sentencesOf(p).sentences.flatMap((s) => numbersIn(p.text, s).filter((n) => n.noise === reason).map((n) => n.text));
}
const labelled = (sentence: string) => marked(sentence, 'label');

test('label words mark their numbers, and plural ones the lists after them', () => {
  assert.deepEqual(labelled('As Tables 3, 4 and 6 and Figs. 2, 5 show, the effect held.'), ['3', '4', '6', '2', '5']);
  assert.deepEqual(labelled('Sections 2-4 describe the data; see Appendix 1 for the items.'), ['2', '4', '1']);
});

test('a count after a singular label and a comma is a quantity', () => {
  assert.deepEqual(labelled('In Experiment 4, 30 of the 75 adults chose the left door.'), ['4']);
  assert.deepEqual(labelled('Within wave 2, 118 households answered every item.'), ['2']);
  assert.deepEqual(labelled('Model 3, 12 predictors in all, fitted best.'), ['3']);
});

test('a share after a labelled clause is checked against its count', () => {
  const wrong = checkPaper(paper('In Experiment 4, 30 of the 75 adults chose the left door (45%).'));
  assert.ok(wrong.findings.some((f) => f.kind === 'percentage' && /40\.?0?%/.test(f.message)), JSON.stringify(wrong.findings));
  const right = checkPaper(paper('Of the 64 seedlings in plot 7, 16 survived the frost (25%).'));
  assert.ok(right.verified.some((v) => v.kind === 'percentage'));
  assert.equal(right.findings.length, 0);
});

test('clock times are not quantities; ratios with a colon are', () => {
  assert.deepEqual(marked('Sessions ran from 9:15 to 11:45, with a call at 6 pm and another at 8 a.m.', 'time'), ['9', '15', '11', '45', '6', '8']);
  assert.deepEqual(marked('Samples were diluted 1:20 and mixed 3:1 with buffer.', 'time'), []);
});

test('times of day listed after a count are not its parts', () => {
  const r = checkPaper(paper('For the next fifty days, users were prompted daily (at 11am and 9pm) to report their mood.'));
  assert.deepEqual(r.findings, []);
});

test('"one" as a pronoun is not a listed part', () => {
  const r = checkPaper(paper("Trust has three sides, namely one's belief in skill; one's belief in care; and belief in honesty."));
  assert.deepEqual(r.findings, []);
  const counted = checkPaper(paper('The kit has three parts (one lid, one base and two clips).'));
  assert.ok(counted.findings.some((f) => f.kind === 'parts-total'), JSON.stringify(counted.findings));
});

test('numbers joined by operators after "i.e." are a calculation, not a list of parts', () => {
  const calc = checkPaper(paper('The daily dose came to 350 mg, i.e. 3 × 100 + 50 mg in two portions.'));
  assert.deepEqual(calc.findings, []);
  const list = checkPaper(paper('The 40 samples, i.e. 12, 15 and 23 per site, were frozen.'));
  assert.ok(list.findings.some((f) => f.kind === 'parts-total'), JSON.stringify(list.findings));
});

test('spreads, test statistics, rate bases and percent-range ends are not the amounts of a change', () => {
  for (const sentence of [
    'Flats near the line sell for 4.1 percent less than others (SE = 0.015, p = 0.01).',
    'The coefficient of 0.212 (s.e. = 0.090, p = 0.02) implies a roughly 24 percent rise in visits.',
    'That is a 30-35% cut relative to the earlier mean of 212 per 100,000.',
  ]) {
    assert.deepEqual(checkPaper(paper(sentence)).findings, [], sentence);
  }
});

test('a bound in words ("at least one") is not a part', () => {
  const r = checkPaper(paper('Of the 180 farms, 75 kept at least one cow; the remaining 105 kept none.'));
  assert.deepEqual(r.findings, []);
});

test('a percent change with a round figure is verified only at its printed precision', () => {
  // 400 to 500 is a 25% rise; "20%" (the fall from 500 to 400) must not be verified as well as flagged.
  const r = checkPaper(paper('Sales rose by 20% (from 400 to 500).'));
  assert.ok(r.findings.some((f) => f.kind === 'percent-change'));
  assert.deepEqual(r.verified.filter((v) => v.kind === 'percent-change'), []);
});

test('negative effects are not the two amounts of a percent change', () => {
  const r = checkPaper(paper('The baseline rate is 250. An effect of -60 is a 24% cut relative to it (the interval of -48 to -66 gives 19-26%).'));
  assert.deepEqual(r.findings.filter((f) => f.kind === 'percent-change'), []);
});
