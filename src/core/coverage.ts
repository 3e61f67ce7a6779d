// What a check run read and how it judged it, by kind: the counts behind "Tally checked 40 claims,
// verified 31, flagged 2, left 7 undecided". Shown in the CLI summary, the report and the JSON.

import { splitSentences } from './text/sentences.ts';
import type { Coverage, Finding, KindCoverage, PaperText, RawUndecided, RawVerified } from './types.ts';

function countProseSentences(paper: PaperText): number {
  let n = 0;
  for (const b of paper.blocks) if (b.kind !== 'table') n += splitSentences(paper.text, b.start, b.end).length;
  return n;
}

/** Coverage from what the checks reported; findings are the located ones (suppressed and off kinds left out). */
export function coverageOf(paper: PaperText, findings: readonly Finding[], verified: readonly RawVerified[], undecided: readonly RawUndecided[]): Coverage {
  const byKind: Coverage['byKind'] = {};
  const entry = (kind: Finding['kind']): KindCoverage => (byKind[kind] ??= { read: 0, verified: 0, flagged: 0, undecided: 0 });
  for (const f of findings) entry(f.kind).flagged++;
  for (const v of verified) entry(v.kind).verified++;
  for (const u of undecided) entry(u.kind).undecided++;
  for (const c of Object.values(byKind)) c.read = c.verified + c.flagged + c.undecided;
  return { byKind, sentences: countProseSentences(paper), tables: paper.tables.length };
}

/** Totals over every kind. */
export function coverageTotals(coverage: Coverage): KindCoverage {
  const total: KindCoverage = { read: 0, verified: 0, flagged: 0, undecided: 0 };
  for (const c of Object.values(coverage.byKind)) {
    total.read += c.read;
    total.verified += c.verified;
    total.flagged += c.flagged;
    total.undecided += c.undecided;
  }
  return total;
}

/** One line per paper: "read 40 claims in 212 sentences and 3 tables: 31 verified, 2 flagged, 7 undecided (percentage 12/10/1/1, ...)". */
export function describeCoverage(coverage: Coverage): string {
  const t = coverageTotals(coverage);
  const kinds = Object.entries(coverage.byKind)
    .filter(([, c]) => c.read > 0)
    .map(([k, c]) => `${k} ${c.read}: ${c.verified} verified, ${c.flagged} flagged, ${c.undecided} undecided`);
  const head = `read ${t.read} ${t.read === 1 ? 'claim' : 'claims'} in ${coverage.sentences} sentences and ${coverage.tables} ${coverage.tables === 1 ? 'table' : 'tables'}: ${t.verified} verified, ${t.flagged} flagged, ${t.undecided} undecided`;
  return kinds.length ? `${head}\n    ${kinds.join('\n    ')}` : head;
}
