// Numbers that name things (Study 2, Tables 1 and 2, cohort 3) are labels no claim may use; the
// count right after a singular label and a comma ("In Experiment 4, 30 of ...") is a quantity again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numbersIn, sentencesOf } from '../../../src/core/checks/arithmetic/context.ts';
import { checkPaper } from '../../../src/core/engine.ts';
import { paper } from './helpers.ts';

function labelled(sentence: string): string[] {
  const p = paper(sentence);
  return sentencesOf(p).sentences.flatMap((s) => numbersIn(p.text, s).filter((n) => n.noise === 'label').map((n) => n.text));
}

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
