// The abstract, highlights and conclusion against the body: a sample count the body states
// otherwise, a value for a named row and column of a table that holds another, and a range of
// ratios ("2x to 9x faster") whose top the body's own values never reach.

import { ledgerFor, type Ledger, type LedgerEntry } from '../../ledger/index.ts';
import { SEX_WORDS } from '../../ledger/lexicon.ts';
import { formatValue, halfUnit, roundsTo, type ReportedNumber } from '../../numbers.ts';
import type { CheckOutput, PaperText } from '../../types.ts';
import { someSubsetSums } from './groups.ts';
import { cellsNamedIn, comparable, comparesRatherThanStates, indexCells, sameValue, tooCrowded } from './table-cells.ts';
import { linkedFinding, placeName } from './where.ts';

const SUMMARY = new Set(['abstract', 'highlights', 'conclusion']);
const SAMPLE_STAGES = ['final', 'total', 'recruited', 'completed'];

function isSummary(e: LedgerEntry): boolean {
  return SUMMARY.has(e.place);
}

function isBody(e: LedgerEntry): boolean {
  return !SUMMARY.has(e.place) && e.place !== 'footnote';
}

/** Whether the body prints the value anywhere, as any kind of number. */
function bodyPrints(body: readonly LedgerEntry[], n: ReportedNumber): boolean {
  return body.some((b) => roundsTo(n, b.number.value) || roundsTo(b.number, n.value));
}

function checkCounts(paper: PaperText, ledger: Ledger, body: LedgerEntry[], out: CheckOutput): void {
  // Several studies: an abstract's count may add them up or describe one of them.
  if (ledger.entries.some((e) => e.study)) return;
  const countsByNoun = new Map<string, LedgerEntry[]>();
  for (const b of body) {
    if (b.role !== 'count') continue;
    const list = countsByNoun.get(b.noun);
    if (list) list.push(b);
    else countsByNoun.set(b.noun, [b]);
  }
  for (const s of ledger.entries) {
    if (!isSummary(s) || s.role !== 'count' || s.stages.includes('excluded') || s.stages.includes('subset')) continue;
    if (s.noun.length < 4 || SEX_WORDS.has(s.noun)) continue;
    const same = countsByNoun.get(s.noun) ?? [];
    const statements = same.filter((b) => SAMPLE_STAGES.some((st) => b.stages.includes(st)) && !b.stages.includes('excluded') && !b.stages.includes('subset'));
    if (!statements.length || bodyPrints(body, s.number)) continue;
    if (someSubsetSums(same.map((b) => b.number.value), s.number.value)) continue;
    const other = statements[statements.length - 1];
    out.findings.push(
      linkedFinding(paper, {
        kind: 'summary-consistency',
        severity: 'warning',
        message: `${s.number.text} ${s.noun} here (${placeName(paper, s)}); ${other.number.text} ${other.noun} in ${placeName(paper, other)}.`,
        here: s,
        claimSpan: s.clause,
        others: [{ span: other, message: `${other.number.text} ${other.noun} here` }],
      }),
    );
  }
}

function checkNamedCells(paper: PaperText, ledger: Ledger, out: CheckOutput): void {
  const cells = ledger.entries.filter((e) => e.cell);
  if (!cells.length) return;
  const index = indexCells(cells);
  const perClause = new Map<number, number>();
  for (const e of ledger.entries) if (isSummary(e)) perClause.set(e.clause.start, (perClause.get(e.clause.start) ?? 0) + 1);
  for (const s of ledger.entries) {
    if (!isSummary(s) || s.role === 'count' || s.role === 'bound' || s.noun || comparesRatherThanStates(paper, s)) continue;
    if (tooCrowded(paper, s, perClause.get(s.clause.start) ?? 0)) continue;
    const named = cellsNamedIn(paper.text.slice(s.clause.start, s.clause.end), index).filter((c) => comparable(s.number, c.entry.number));
    if (!named.length || named.some((c) => sameValue(s.number, c.entry.number))) continue;
    const keys = new Set(named.map((c) => `${c.entry.cell!.table}:${c.entry.cell!.row}:${c.entry.cell!.column}`));
    if (keys.size !== 1) continue;
    const cell = named[0];
    out.findings.push(
      linkedFinding(paper, {
        kind: 'summary-consistency',
        severity: 'warning',
        message: `${s.number.text} here for ${cell.rowLabel}, ${cell.columnLabel}; ${placeName(paper, cell.entry)} gives ${cell.entry.number.text}.`,
        here: s,
        claimSpan: s.clause,
        others: [{ span: cell.entry, message: `${cell.entry.number.text} for ${cell.rowLabel}, ${cell.columnLabel}` }],
      }),
    );
  }
}

function checkRatioRanges(paper: PaperText, ledger: Ledger, body: LedgerEntry[], out: CheckOutput): void {
  const ratios = body.filter((b) => b.role === 'ratio');
  const isRatio = (e: LedgerEntry) => e.role === 'ratio' || (e.role === 'bound' && /fold|^x$|×|times/.test(e.unit));
  if (!ratios.length) return;
  const largest = ratios.reduce((a, b) => (b.number.value > a.number.value ? b : a));
  for (const s of ledger.entries) {
    if (!isSummary(s) || !isRatio(s)) continue;
    const before = paper.text.slice(Math.max(s.clause.start, s.start - 40), s.start);
    // The top of a range ("2x to 9x", "between 2 and 9 times", "up to 9x"), not a single typical value.
    if (!/(?:\bto|\band|[-\u2013]|\bup\s+to)\s*$/i.test(before)) continue;
    if (largest.number.value + halfUnit(largest.number) >= s.number.value - halfUnit(s.number)) continue;
    out.findings.push(
      linkedFinding(paper, {
        kind: 'summary-consistency',
        severity: 'warning',
        message: `Up to ${s.number.text}${s.unit === 'x' || s.unit === '×' ? '' : ' ' + s.unit} here; the largest ratio the body reports is ${largest.number.text} (${placeName(paper, largest)}), so the top of this range is never reached there (${formatValue(largest.number.value)} < ${formatValue(s.number.value)}).`,
        here: s,
        claimSpan: s.clause,
        others: [{ span: largest, message: `largest ratio in the body: ${largest.number.text}` }],
      }),
    );
  }
}

export function checkSummaryAgainstBody(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  const ledger = ledgerFor(paper);
  if (!ledger.entries.some(isSummary)) return out;
  const body = ledger.entries.filter(isBody);
  checkCounts(paper, ledger, body, out);
  checkNamedCells(paper, ledger, out);
  checkRatioRanges(paper, ledger, body, out);
  return out;
}
