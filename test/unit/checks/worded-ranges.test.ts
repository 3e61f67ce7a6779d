// A range told in words ("between 40 and 60"), a rate with its base ("3 per 1,000") and the sides of a ratio ("3:1") are
// neither counts per group nor lists of parts, whatever check reads the sentence.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPaper } from '../../../src/core/engine.ts';
import { extractLatex } from '../../../src/core/latex/extract.ts';

const check = (text: string) => checkPaper(extractLatex(`\\documentclass{article}\n\\begin{document}\n${text}\n\\end{document}\n`, 'file:///ranges.tex'));

test('the ends of a range are not multiplied or added up', () => {
  for (const s of [
    'Each of the 12 pupils answered between 40 and 60 items, 600 items in total.',
    'Every one of the 5 wards admitted between 10 and 30 patients, 100 patients overall.',
    'The 4 labs each ran between 25 and 35 assays, giving 120 assays.',
  ]) assert.deepEqual(check(s).findings.map((f) => f.message), [], s);
});

test('a rate with its base and the sides of a ratio are not parts of a whole', () => {
  for (const s of [
    'We found 36 deaths among 12,000 children, i.e. 3 per 1,000.',
    'The treated arm had 90 events versus 30 in controls (3:1).',
  ]) assert.deepEqual(check(s).findings.map((f) => f.message), [], s);
});
