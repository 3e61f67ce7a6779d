// Shares that a table says make a whole: a column of percentages (or proportions) above a Total
// row of 100% (or 1.00), and a row of percentages whose Total column is 100%. The entries must
// add up to the whole within their rounding. Which entry is off cannot be told, so nothing is
// suggested; a column with subtotals (a row equal to the sum of the rows under it) is left alone.

import { roundingInterval, roundsTo } from '../../numbers.ts';
import type { CheckOutput, PaperText, TextSpan } from '../../types.ts';
import { type Num } from './context.ts';
import { cover, formatValue, makeFinding, makeVerified, plain } from './report.ts';
import { isGroupHeading, isTotalLabel, readGrid, span, type Grid, type ParsedCell } from './table-grid.ts';
import { sum } from './interval-math.ts';
import type { CheckModule } from '../module.ts';
import { TABLE_TOTAL_RULE } from './table-total.ts';

const PERCENT_HEADER = /%|percent|proportion|share|fraction|distribution/i;
const TOTAL_HEADER = /^(?:grand\s+)?(?:total|sum|all|overall)\b/i;

type Whole = 100 | 1;

/** The whole a Total cell states: 100 for "100%" (or 100 under a % header), 1 for "1.00". */
function wholeOf(cell: ParsedCell | undefined, percentHeader: boolean): Whole | undefined {
  const n = cell?.value;
  if (!n || (cell.kind !== 'percent' && cell.kind !== 'number')) return undefined;
  if ((n.percent || percentHeader) && roundsTo(n, 100) && n.value === 100) return 100;
  if (!n.percent && n.value === 1 && (n.decimals >= 1 || percentHeader)) return 1;
  return undefined;
}

/** The share a body cell holds, or undefined when it is not one. */
function shareOf(cell: ParsedCell | undefined, percentHeader: boolean, whole: Whole): Num | undefined {
  const n = cell?.value;
  if (!n || (cell.kind !== 'percent' && cell.kind !== 'number')) return undefined;
  if (whole === 100) return n.percent || percentHeader ? (n.value >= 0 && n.value <= 100 ? n : undefined) : undefined;
  return !n.percent && n.value >= 0 && n.value <= 1 ? n : undefined;
}

/** Some entry equals the sum of the entries right after it: a subtotal, so the list overlaps. */
function hasSubtotal(parts: Num[]): boolean {
  for (let i = 0; i < parts.length; i++) {
    const [tlo, thi] = roundingInterval(parts[i]);
    let lo = 0;
    let hi = 0;
    // Shares are not negative: once past the entry, no longer run can match it. Bounded for huge tables.
    for (let j = i + 1; j < parts.length && j <= i + 64 && lo <= thi; j++) {
      const [a, b] = roundingInterval(parts[j]);
      lo += a;
      hi += b;
      if (j > i + 1 && lo <= thi && hi >= tlo) return true;
    }
  }
  return false;
}

/** Whether shares add up to the whole across their rounding; verified claims are recorded here, as both judges do. */
function addsUp(paper: PaperText, out: CheckOutput, parts: Num[], whole: Whole, claimSpan: TextSpan): { working: string; shown: string } | undefined {
  const [lo, hi] = sum(parts.map((p) => roundingInterval(p)));
  const working = parts.map((p) => plain(p.value)).join(' + ');
  const exact = parts.reduce((a, p) => a + p.value, 0);
  if (lo <= whole * (1 + 1e-9) && hi >= whole * (1 - 1e-9)) {
    out.verified.push(makeVerified(paper, 'table-total', claimSpan, `${working} = ${formatValue(exact, 4)}`));
    return undefined;
  }
  return { working, shown: whole === 100 ? `${formatValue(exact, 2)}%` : formatValue(exact, 3) };
}

function judge(paper: PaperText, out: CheckOutput, parts: Num[], total: ParsedCell, whole: Whole, where: string): void {
  if (parts.length < 2 || hasSubtotal(parts)) return;
  const claimSpan = cover(...parts, span(total));
  const off = addsUp(paper, out, parts, whole, claimSpan);
  if (!off) return;
  const { working, shown } = off;
  out.findings.push(
    makeFinding(paper, {
      kind: 'table-total',
      severity: 'error',
      message: `${where}: the shares add up to ${shown}, not ${whole === 100 ? '100%' : '1'} as the total says.`,
      claimSpan,
      span: total.value!,
      reported: total.value!.text,
      recomputed: shown,
      working,
      related: parts,
    }),
  );
}

function columns(paper: PaperText, grid: Grid, out: CheckOutput): void {
  let start = grid.headerRows;
  for (let t = grid.headerRows; t < grid.rows.length; t++) {
    if (!isTotalLabel(grid.labels[t])) continue;
    const body: number[] = [];
    for (let r = start; r < t; r++) if (!isGroupHeading(grid, r)) body.push(r);
    start = t + 1;
    for (let c = 1; c < grid.width; c++) {
      const percentHeader = PERCENT_HEADER.test(grid.columnHeader[c] ?? '');
      const total = grid.rows[t][c];
      const whole = wholeOf(total, percentHeader);
      if (!whole) continue;
      const parts = body.map((r) => shareOf(grid.rows[r][c], percentHeader, whole));
      if (parts.some((p) => !p)) continue;
      judge(paper, out, parts as Num[], total!, whole, `${grid.labels[t]} row, ${grid.columnHeader[c] || `column ${c + 1}`}`);
    }
  }
}

function rows(paper: PaperText, grid: Grid, out: CheckOutput): void {
  for (let t = 2; t < grid.width; t++) {
    if (!TOTAL_HEADER.test((grid.columnHeader[t] ?? '').trim())) continue;
    for (let r = grid.headerRows; r < grid.rows.length; r++) {
      const total = grid.rows[r][t];
      const whole = wholeOf(total, PERCENT_HEADER.test(grid.columnHeader[t] ?? ''));
      if (!whole) continue;
      const parts: Num[] = [];
      let clean = true;
      for (let c = 1; c < t; c++) {
        const cell = grid.rows[r][c];
        if (!cell || cell.kind === 'empty') continue;
        const share = shareOf(cell, PERCENT_HEADER.test(grid.columnHeader[c] ?? '') || cell.kind === 'percent', whole);
        if (!share) {
          clean = false;
          break;
        }
        parts.push(share);
      }
      if (clean) judge(paper, out, parts, total!, whole, grid.labels[r] || `row ${r + 1}`);
    }
  }
}

/**
 * Columns that are distributions with no Total row: a run of proportions (or percentages) in several
 * columns. When most columns add up to the whole, the relation is discovered and a column that
 * breaks it is a finding on that column; when fewer than two do, the table gets nothing.
 */
function discoveredColumns(paper: PaperText, grid: Grid, out: CheckOutput): void {
  if (grid.rows.some((_, r) => r >= grid.headerRows && isTotalLabel(grid.labels[r]))) return; // columns() reads it
  const body = shareRun(grid);
  if (body.length < 3) return;
  const candidates: { c: number; parts: Num[]; whole: Whole; ok: boolean }[] = [];
  for (let c = 1; c < grid.width; c++) {
    const percentHeader = PERCENT_HEADER.test(grid.columnHeader[c] ?? '');
    const cells = body.map((r) => grid.rows[r][c]);
    const whole: Whole = cells.every((x) => x?.kind === 'number' && x.value!.value <= 1 && x.value!.decimals >= 1) ? 1 : 100;
    const parts = cells.map((x) => shareOf(x, percentHeader, whole));
    if (parts.some((p) => !p) || hasSubtotal(parts as Num[])) continue;
    const [lo, hi] = sum((parts as Num[]).map((p) => roundingInterval(p)));
    candidates.push({ c, parts: parts as Num[], whole, ok: lo <= whole * (1 + 1e-9) && hi >= whole * (1 - 1e-9) });
  }
  const good = candidates.filter((x) => x.ok).length;
  if (good < 2 || good < 2 * (candidates.length - good)) return;
  for (const x of candidates) {
    const total = grid.rows[body[body.length - 1]][x.c]!;
    judgeDiscovered(paper, out, x.parts, total, x.whole, grid.columnHeader[x.c] || `column ${x.c + 1}`);
  }
}

/** The longest run of body rows whose number cells are all shares (no counts, no N row). */
function shareRun(grid: Grid): number[] {
  let best: number[] = [];
  let run: number[] = [];
  for (let r = grid.headerRows; r <= grid.rows.length; r++) {
    const row = grid.rows[r];
    const shares = row && row.slice(1).every((x) => !x || x.kind === 'empty' || x.kind === 'percent' || (x.kind === 'number' && x.value!.value <= 100 && x.value!.value >= 0));
    const anyNumber = row?.slice(1).some((x) => x?.kind === 'percent' || x?.kind === 'number');
    if (row && shares && anyNumber && !isGroupHeading(grid, r)) {
      run.push(r);
      continue;
    }
    if (run.length > best.length) best = run;
    run = [];
  }
  return best;
}

function judgeDiscovered(paper: PaperText, out: CheckOutput, parts: Num[], last: ParsedCell, whole: Whole, where: string): void {
  const claimSpan = cover(...parts);
  const off = addsUp(paper, out, parts, whole, claimSpan);
  if (!off) return;
  const { working, shown } = off;
  out.findings.push(
    makeFinding(paper, {
      kind: 'table-total',
      severity: 'error',
      message: `${where}: the shares add up to ${shown}, not ${whole === 100 ? '100%' : '1'} as the table's other columns do.`,
      claimSpan,
      // Which entry is off cannot be told: the column's last share carries the finding.
      span: parts[parts.length - 1],
      reported: shown,
      recomputed: whole === 100 ? '100%' : '1',
      working,
      related: [span(last)],
    }),
  );
}

export function checkTableShares(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  for (const table of paper.tables) {
    const grid = readGrid(paper.text, table);
    columns(paper, grid, out);
    rows(paper, grid, out);
    discoveredColumns(paper, grid, out);
  }
  return out;
}

export const tableSharesCheck: CheckModule = {
  name: 'table-shares',
  title: 'Table shares',
  description: 'Adds up a column or row of shares above a Total of 100%.',
  kinds: [TABLE_TOTAL_RULE],
  shapes: [
    { name: 'shares to 100', example: 'a percentage column whose Total row reads 100' },
    { name: 'distributions without a Total', example: 'several columns of proportions that each add up to 1, and one that does not' },
  ],
  leavesAlone: [
    'Columns with subtotals.',
    'Columns of shares with no Total when fewer than two columns add up to the whole (no relation is discovered).',
  ],
  run: checkTableShares,
};
