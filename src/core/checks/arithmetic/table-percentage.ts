// Percentages in tables against their count and the column's N: "77 (37%)" under a header
// "N = 209", or under a Total row; a count column next to a "%" column. A column is only judged
// when most of its percentages agree with the same N, so per-row denominators are left alone.

import { formatLike, roundsTo } from '../../numbers.ts';
import type { CheckOutput, PaperText, TableGrid } from '../../types.ts';
import type { Num } from './context.ts';
import { formatValue, makeFinding, makeVerified } from './report.ts';
import { headerN, isTotalLabel, overTables, readGrid, span, type Grid, type ParsedCell } from './table-grid.ts';
import type { CheckModule } from '../module.ts';

interface Pair {
  r: number;
  count: Num;
  pct: Num;
  cell: ParsedCell;
  pctCell: ParsedCell;
}

function consistent(pct: Num, k: number, n: number): boolean {
  if (n <= 0) return false;
  const exact = (100 * k) / n;
  if (roundsTo(pct, exact)) return true;
  // Proportions written as 0.37 under a "%" or "proportion" header.
  return pct.value <= 1 && !pct.percent && roundsTo(pct, k / n);
}

function truncates(pct: Num, k: number, n: number): boolean {
  const exact = (100 * k) / n;
  return exact >= pct.value - 1e-9 && exact < pct.value + 10 ** -pct.decimals;
}

/** Pairs of count and percentage in one column ("n (%)") or in a count column and the % column after it. */
function pairsOf(grid: Grid, c: number): Pair[] {
  const pairs: Pair[] = [];
  const pctHeader = /%|percent|proportion/i.test(grid.columnHeader[c + 1] ?? '') && !/%|percent/i.test(grid.columnHeader[c] ?? '');
  for (let r = grid.headerRows; r < grid.rows.length; r++) {
    const cell = grid.rows[r][c];
    if (!cell) continue;
    if (cell.kind === 'count-percent' && cell.value && cell.pct) {
      pairs.push({ r, count: cell.value, pct: cell.pct, cell, pctCell: cell });
    } else if (pctHeader && cell.kind === 'number' && cell.value && cell.value.decimals === 0) {
      const next = grid.rows[r][c + 1];
      if (next && (next.kind === 'percent' || next.kind === 'number') && next.value) pairs.push({ r, count: cell.value, pct: next.value, cell, pctCell: next });
    }
  }
  return pairs;
}

/** The column's N: from its header, or from a Total row's count. */
function columnN(grid: Grid, c: number, pairs: Pair[]): { n: number; source: string } | undefined {
  const fromHeader = headerN(grid.columnHeader[c] ?? '') ?? headerN(grid.columnHeader[c + 1] ?? '');
  if (fromHeader) return { n: fromHeader, source: `N = ${fromHeader} in the column header` };
  for (let r = grid.headerRows; r < grid.rows.length; r++) {
    if (!isTotalLabel(grid.labels[r])) continue;
    const cell = grid.rows[r][c];
    if (cell?.value && (cell.kind === 'number' || cell.kind === 'count-percent')) {
      if (cell.pct && !roundsTo(cell.pct, 100)) continue;
      return { n: cell.value.value, source: `the ${grid.labels[r]} row's ${cell.value.text}` };
    }
  }
  // N stated in the caption or a header row for the whole table ("N = 209") when only one column has pairs.
  void pairs;
  return undefined;
}

export function checkTablePercentages(paper: PaperText): CheckOutput {
  return overTables(paper, checkTable);
}

function checkTable(paper: PaperText, table: TableGrid, out: CheckOutput): void {
  const grid = readGrid(paper.text, table);
  for (let c = 1; c < grid.width; c++) {
    const pairs = pairsOf(grid, c).filter((p) => p.pct.value <= 100);
    if (pairs.length < 2) continue;
    const N = columnN(grid, c, pairs);
    if (!N) continue;
    const body = pairs.filter((p) => p.count.value <= N.n);
    const good = body.filter((p) => consistent(p.pct, p.count.value, N.n));
    const bad = body.filter((p) => !consistent(p.pct, p.count.value, N.n) && !truncates(p.pct, p.count.value, N.n));
    // The N must be the base of this column: most of its percentages agree with it.
    if (good.length < 2 || good.length < 2 * bad.length) continue;
    for (const p of good) {
      out.verified.push(makeVerified(paper, 'table-percentage', { start: p.cell.cell.start, end: p.pctCell.cell.end }, `${p.count.value} / ${N.n} * 100 = ${formatValue((100 * p.count.value) / N.n, 2)}%`));
    }
    for (const p of bad) {
      const exact = (100 * p.count.value) / N.n;
      const value = p.pct.value <= 1 && !p.pct.percent && N.n > 1 && p.pct.decimals >= 2 ? exact / 100 : exact;
      const recomputed = formatLike(p.pct, value);
      const label = grid.labels[p.r] || `row ${p.r + 1}`;
      out.findings.push(
        makeFinding(paper, {
          kind: 'table-percentage',
          severity: 'error',
          message: `${label}: ${p.count.text} of ${N.n} (${N.source}) is ${recomputed}${p.pct.percent ? '' : '%'}, not ${p.pct.text}${p.pct.percent ? '' : '%'}.`,
          claimSpan: { start: p.cell.cell.start, end: p.pctCell.cell.end },
          span: p.pct,
          reported: p.pct.text,
          recomputed,
          working: `${p.count.value} / ${N.n} * 100`,
          suggestion: recomputed,
          related: [span(p.cell)],
        }),
      );
    }
  }
}

export const TABLE_PERCENTAGE_RULE = { id: 'table-percentage', title: 'Table percentage', description: 'A percentage in a table does not match its count and the column or row N.', defaultSeverity: 'error' } as const;

export const tablePercentageCheck: CheckModule = {
  name: 'table-percentage',
  title: 'Table percentages',
  description: 'Recomputes n (%) cells against the column N or Total row.',
  kinds: [TABLE_PERCENTAGE_RULE],
  shapes: [
    { name: 'n (%) under N', example: 'a cell 12 (40%) under a header N = 30' },
  ],
  leavesAlone: [
    'Columns whose percentages use per-row denominators.',
  ],
  run: checkTablePercentages,
};
