// Developer tool: show claims-corpus passages with what Tally reads in them.
//   node scripts/corpus-show.ts ID [ID ...]      (ids as printed by TALLY_CORPUS_MISSES=1 in the corpus test)
// The passages are read from ../shared at run time; nothing of them is kept in this repository.
import { readFileSync } from 'node:fs';
import { checkPaper } from '../src/core/engine.ts';
import { extractLatex } from '../src/core/latex/extract.ts';

interface Row { id: string; shape: string; text: string; relation: string; verdict: string; note?: string; changed?: string }

const corpus = new URL('../../shared/claims/claims.jsonl', import.meta.url);
const rows = new Map<string, Row>(readFileSync(corpus, 'utf8').split('\n').filter(Boolean).map((l) => {
  const row = JSON.parse(l) as Row;
  return [row.id, row];
}));

for (const id of process.argv.slice(2)) {
  const row = rows.get(id);
  if (!row) { console.log(`${id}: not in the corpus`); continue; }
  const source = `\\documentclass{article}\n\\begin{document}\n${row.text}\n\\end{document}\n`;
  const result = checkPaper(extractLatex(source, 'file:///corpus/passage.tex'));
  console.log(`── ${id} [${row.shape}, ${row.verdict}${row.changed ? `, changed ${row.changed}` : ''}]`);
  console.log(row.text);
  console.log(`relation: ${row.relation}${row.note ? `\nnote: ${row.note}` : ''}`);
  for (const f of result.findings) console.log(`  finding ${f.severity} ${f.kind}: ${f.message}`);
  for (const v of result.verified) console.log(`  verified ${v.kind}: ${v.claim}  [${v.working}]`);
  console.log('');
}
