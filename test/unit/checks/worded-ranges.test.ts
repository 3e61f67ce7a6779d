// A range told in words ("between 40 and 60") is neither a count per group nor a list of parts, whatever check reads the sentence.
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
