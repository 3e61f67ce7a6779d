// The consistency checks over the claims corpus (../shared/claims/claims.jsonl), read at test time:
// its consistent passages are real text from 58 papers, so every consistency finding there is a
// false alarm unless reading it shows otherwise. At most one per paper.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CONSISTENCY_CHECKS } from '../../../src/core/checks/consistency/index.ts';
import { checkPaper } from '../../../src/core/engine.ts';
import { extractLatex } from '../../../src/core/latex/extract.ts';

const CORPUS = new URL('../../../../shared/claims/claims.jsonl', import.meta.url);

interface Row {
  id: string;
  source: string;
  text: string;
  verdict: string;
  mutant_of?: string;
}

test('consistency checks over the claims corpus: at most one finding per clean paper', { skip: !existsSync(CORPUS) && 'no ../shared/claims' }, () => {
  const rows = readFileSync(CORPUS, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row);
  const perPaper = new Map<string, string[]>();
  let passages = 0;
  for (const row of rows) {
    if (row.mutant_of || row.verdict !== 'consistent') continue;
    passages++;
    const source = `\\documentclass{article}\n\\begin{document}\n${row.text}\n\\end{document}\n`;
    const result = checkPaper(extractLatex(source, 'file:///corpus/passage.tex'), { checks: CONSISTENCY_CHECKS });
    const paper = row.source.split(' ')[0];
    for (const f of result.findings) perPaper.set(paper, [...(perPaper.get(paper) ?? []), `${row.id} [${f.kind}] ${f.message}`]);
  }
  const all = [...perPaper.values()].flat();
  console.log(`consistency findings over ${passages} consistent corpus passages: ${all.length}${all.length ? '\n  ' + all.join('\n  ') : ''}`);
  for (const [paper, found] of perPaper) assert.ok(found.length <= 1, `${found.length} consistency findings in ${paper}`);
});
