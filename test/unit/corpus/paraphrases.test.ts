// Our own paraphrases of each claim shape (test/unit/corpus/paraphrases.jsonl): sentences written for
// Tally, never taken from a paper, each consistent one with a one-number mutant. They were written blind
// (before the readers that now catch them) to measure how claim reading carries over to wording it was
// not built on; the corpus test measures real passages. Held to what is reached; raise, never lower.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkPaper } from '../../../src/core/engine.ts';
import { extractLatex } from '../../../src/core/latex/extract.ts';

interface Row { id: string; shape: string; text: string; mutant_of?: string }

const MIN_FLAGGED = 0.97;

test('own paraphrases: mutants flagged, no consistent sentence raised', () => {
  const rows: Row[] = readFileSync(new URL('./paraphrases.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  let mutants = 0, flagged = 0;
  const falseAlarms: string[] = [];
  const missed: string[] = [];
  for (const row of rows) {
    const source = `\\documentclass{article}\n\\begin{document}\n${row.text}\n\\end{document}\n`;
    const raised = checkPaper(extractLatex(source, 'file:///paraphrase.tex')).findings.filter((f) => f.severity !== 'info');
    if (row.mutant_of) {
      mutants++;
      if (raised.length) flagged++;
      else missed.push(row.id);
    } else if (raised.length) falseAlarms.push(`${row.id}: ${raised.map((f) => f.kind).join(', ')}`);
  }
  console.log(`own paraphrases: ${flagged}/${mutants} mutants flagged; missed ${missed.join(' ')}`);
  assert.deepEqual(falseAlarms, [], 'consistent paraphrases with a warning or error');
  assert.ok(flagged / mutants >= MIN_FLAGGED, `${flagged}/${mutants} mutants flagged, want ≥ ${MIN_FLAGGED}`);
});
