// Percentages in tables against their count and the column's N: "77 (37%)" under a header
// "N = 209", or under a Total row; a count column next to a "%" column. A column is only judged
// when most of its percentages agree with the same N, so per-row denominators are left alone.

import { formatLike, roundsTo } from '../../numbers.ts';
import type { CheckOutput, PaperText, TableGrid } from '../../types.ts';
import { numbersIn, type Num } from './context.ts';
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

/** A column's pairs against its N, with the verdict on each pair. */
interface Judged {
  c: number;
  N: { n: number; source: string };
  good: Pair[];
  bad: Pair[];
}

function judgeColumn(grid: Grid, c: number): Judged | undefined {
  const pairs = pairsOf(grid, c).filter((p) => p.pct.value <= 100);
  if (!pairs.length) return undefined;
  const N = columnN(grid, c, pairs);
  if (!N) return undefined;
  const body = pairs.filter((p) => p.count.value <= N.n);
  const good = body.filter((p) => consistent(p.pct, p.count.value, N.n));
  const bad = body.filter((p) => !consistent(p.pct, p.count.value, N.n) && !truncates(p.pct, p.count.value, N.n));
  return { c, N, good, bad };
}

function checkTable(paper: PaperText, table: TableGrid, out: CheckOutput): void {
  const grid = readGrid(paper.text, table);
  const judged = new Set<number>();
  const columns = Array.from({ length: grid.width }, (_, c) => (c >= 1 ? judgeColumn(grid, c) : undefined)).filter((j): j is Judged => Boolean(j));
  // The N must be the base of a column: most of its percentages agree with it. A column with too few
  // pairs to tell (one row, or one good and one bad) borrows the evidence of the table's other columns.
  const own = (j: Judged) => j.good.length >= 2 && j.good.length >= 2 * j.bad.length;
  const poolGood = columns.reduce((a, j) => a + j.good.length, 0);
  const poolBad = columns.reduce((a, j) => a + j.bad.length, 0);
  const pooled = poolGood >= 2 && poolGood >= 2 * poolBad;
  for (const j of columns) {
    if (!own(j) && !(pooled && j.bad.length <= 1)) continue;
    for (const p of j.good) verifyPair(paper, grid, p, j.N.n, out, judged);
    for (const p of j.bad) reportPair(paper, grid, p, j.N, out, judged);
  }
  rowPercentages(paper, grid, out, judged);
  fractionCells(paper, grid, out);
  namedRatioColumns(paper, grid, out, judged);
  impossibleShares(paper, grid, out, judged);
}

function verifyPair(paper: PaperText, grid: Grid, p: Pair, n: number, out: CheckOutput, judged: Set<number>): void {
  if (judged.has(p.pct.start)) return;
  judged.add(p.pct.start);
  out.verified.push(makeVerified(paper, 'table-percentage', { start: p.cell.cell.start, end: p.pctCell.cell.end }, `${p.count.value} / ${n} * 100 = ${formatValue((100 * p.count.value) / n, 2)}%`));
}

function reportPair(paper: PaperText, grid: Grid, p: Pair, N: { n: number; source: string }, out: CheckOutput, judged: Set<number>): void {
  if (judged.has(p.pct.start)) return;
  judged.add(p.pct.start);
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

/**
 * Row percentages: "n (%)" cells against the row's own N, stated in its label ("Group A (n = 164)")
 * or in a Total column whose cell is "N (100%)". A Total column states the base; a label N is
 * judged when most rows with one agree with it.
 */
function rowPercentages(paper: PaperText, grid: Grid, out: CheckOutput, judged: Set<number>): void {
  const rows: { pairs: Pair[]; N: { n: number; source: string }; stated: boolean }[] = [];
  for (let r = grid.headerRows; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    const cells = row.map((cell, c) => ({ cell, c })).filter(({ cell, c }) => c >= 1 && cell?.kind === 'count-percent' && cell.value && cell.pct);
    const totalCell = cells.find(({ cell, c }) => TOTAL_HEADER.test(grid.columnHeader[c] ?? '') && roundsTo(cell!.pct!, 100));
    const labelN = headerN(grid.labels[r]);
    const N = totalCell ? { n: totalCell.cell!.value!.value, source: `the ${grid.columnHeader[totalCell.c].trim()} column` } : labelN ? { n: labelN, source: `n = ${labelN} in the row label` } : undefined;
    if (!N) continue;
    const pairs = cells.filter((x) => x !== totalCell && x.cell!.value!.value <= N.n).map(({ cell }) => ({ r, count: cell!.value!, pct: cell!.pct!, cell: cell!, pctCell: cell! }));
    rows.push({ pairs, N, stated: Boolean(totalCell) });
  }
  const fits = (p: Pair, n: number) => consistent(p.pct, p.count.value, n) || truncates(p.pct, p.count.value, n);
  const labelled = rows.filter((x) => !x.stated).flatMap((x) => x.pairs.map((p) => fits(p, x.N.n)));
  const good = labelled.filter(Boolean).length;
  const labelBase = good >= 2 && good >= 2 * (labelled.length - good);
  for (const x of rows) {
    if (!x.stated && !labelBase) continue;
    for (const p of x.pairs) {
      if (fits(p, x.N.n)) verifyPair(paper, grid, p, x.N.n, out, judged);
      else reportPair(paper, grid, p, x.N, out, judged);
    }
  }
}

const TOTAL_HEADER = /^(?:grand\s+)?(?:total|sum|all|overall)\b/i;

/**
 * Cells that carry their own fraction: "52 / 644 (8.1%)", "8.1% (52/644)". A percentage whose pair
 * reads as successes and failures ("75% (300/100)") is taken as a / (a + b) when a / b cannot be a share.
 */
function fractionCells(paper: PaperText, grid: Grid, out: CheckOutput): void {
  for (let r = 0; r < grid.rows.length; r++) {
    for (const cell of grid.rows[r]) {
      if (!cell || cell.kind === 'empty') continue;
      const f = readFraction(paper.text, cell);
      if (!f) continue;
      const { a, b, pct } = f;
      const claimSpan = span(cell);
      const share = a.value <= b.value;
      const exact = share ? (100 * a.value) / b.value : (100 * a.value) / (a.value + b.value);
      const working = share ? `${a.value} / ${b.value} * 100` : `${a.value} / (${a.value} + ${b.value}) * 100`;
      if (roundsTo(pct, exact) || truncates(pct, a.value, share ? b.value : a.value + b.value)) {
        out.verified.push(makeVerified(paper, 'table-percentage', claimSpan, `${working} = ${formatValue(exact, 2)}%`));
        continue;
      }
      const recomputed = formatLike(pct, exact);
      out.findings.push(
        makeFinding(paper, {
          kind: 'table-percentage',
          severity: share ? 'error' : 'warning',
          message: share
            ? `${a.text} / ${b.text} is ${recomputed}${pct.percent ? '' : '%'}, not ${pct.text}${pct.percent ? '' : '%'}.`
            : `${pct.text} is neither ${a.text} / ${b.text} nor ${a.text} out of ${a.text} + ${b.text} (${recomputed}${pct.percent ? '' : '%'}).`,
          claimSpan,
          span: pct,
          reported: pct.text,
          recomputed,
          working,
          suggestion: share ? recomputed : undefined,
          related: [a, b],
        }),
      );
    }
  }
}

function readFraction(text: string, cell: ParsedCell): { a: Num; b: Num; pct: Num } | undefined {
  const t = cell.cell.text;
  if (!t.includes('/')) return undefined;
  const nums = numbersIn(text, cell.cell);
  if (nums.length !== 3) return undefined;
  const gap = (x: Num, y: Num) => text.slice(x.end, y.start);
  const tail = text.slice(nums[2].end, cell.cell.end);
  // "a / b (p%)"
  if (/^\s*\/\s*$/.test(gap(nums[0], nums[1])) && /^\s*[([]\s*$/.test(gap(nums[1], nums[2])) && /^\s*%?\s*[)\]]\s*$/.test(tail) && isCount(nums[0]) && isCount(nums[1])) {
    return { a: nums[0], b: nums[1], pct: nums[2] };
  }
  // "p% (a/b)"
  if (nums[0].percent && /^\s*[([]\s*$/.test(gap(nums[0], nums[1])) && /^\s*\/\s*$/.test(gap(nums[1], nums[2])) && /^\s*[)\]]\s*$/.test(tail) && isCount(nums[1]) && isCount(nums[2])) {
    return { a: nums[1], b: nums[2], pct: nums[0] };
  }
  return undefined;
}

function isCount(n: Num): boolean {
  return n.decimals === 0 && n.exponent === 0 && !n.percent && n.value >= 0;
}

const DENOMINATOR_HEADER = /\b(?:total|n|N|all|denominator|attempts|trials)\s*$/;
const SHARE_HEADER = /%|percent|\brate\b|proportion|share/i;

interface RatioRow {
  pair: Pair;
  n: number;
  ok: boolean;
}

/** The rows of a count column k over a base column d against the share column c. */
function ratioRows(grid: Grid, k: number, d: number, c: number): RatioRow[] {
  const rows: RatioRow[] = [];
  for (let r = grid.headerRows; r < grid.rows.length; r++) {
    const [num, den, pctCell] = [grid.rows[r][k], grid.rows[r][d], grid.rows[r][c]];
    if (num?.kind !== 'number' || den?.kind !== 'number' || !pctCell?.value || (pctCell.kind !== 'number' && pctCell.kind !== 'percent')) continue;
    if (!isCount(num.value!) || !isCount(den.value!) || num.value!.value > den.value!.value || den.value!.value === 0) continue;
    const pair: Pair = { r, count: num.value!, pct: pctCell.value, cell: num, pctCell };
    const n = den.value!.value;
    rows.push({ pair, n, ok: consistent(pctCell.value, pair.count.value, n) || truncates(pctCell.value, pair.count.value, n) });
  }
  return rows;
}

/** Most rows agree: at least two, and twice as many as disagree. */
function mostHold(rows: RatioRow[]): boolean {
  const good = rows.filter((x) => x.ok).length;
  return good >= 2 && good >= 2 * (rows.length - good);
}

/**
 * A percentage column beside a count column and a column headed as their base ("correct | total |
 * in %"): the percentage is the count over the base. Judged row by row when exactly one count
 * column can be the numerator. With no header naming the base ("completed | enrolled | %"), the one
 * pair of count columns whose quotient gives the percentage on most rows is taken; a Total row is
 * then judged as its own quotient, the pooled share, not the mean of the rows' shares.
 */
function namedRatioColumns(paper: PaperText, grid: Grid, out: CheckOutput, judged: Set<number>): void {
  for (let c = 1; c < grid.width; c++) {
    if (!SHARE_HEADER.test(grid.columnHeader[c] ?? '')) continue;
    const found = namedPair(grid, c) ?? discoveredPair(grid, c);
    if (!found) continue;
    const N = (n: number) => ({ n, source: `the ${grid.columnHeader[found.d].trim() || 'base'} column` });
    for (const x of found.rows) {
      if (x.ok) verifyPair(paper, grid, x.pair, x.n, out, judged);
      else reportPair(paper, grid, x.pair, N(x.n), out, judged);
    }
  }
}

function namedPair(grid: Grid, c: number): { d: number; rows: RatioRow[] } | undefined {
  const base = [...Array(grid.width).keys()].filter((k) => k >= 1 && k !== c && DENOMINATOR_HEADER.test((grid.columnHeader[k] ?? '').trim()) && !SHARE_HEADER.test(grid.columnHeader[k] ?? ''));
  if (base.length !== 1) return undefined;
  const numerators = [...Array(grid.width).keys()].filter((k) => k >= 1 && k !== c && k !== base[0] && !SHARE_HEADER.test(grid.columnHeader[k] ?? '') && columnOfCounts(grid, k));
  if (numerators.length !== 1) return undefined;
  const d = base[0];
  const rows = ratioRows(grid, numerators[0], d, c);
  // Few rows: the header must name the base a total; more rows: the relation must hold on most of them.
  const stated = /\btotal\s*$/i.test(grid.columnHeader[d].trim()) && /%|percent/i.test(grid.columnHeader[c]);
  return (rows.length < 3 ? stated : mostHold(rows)) ? { d, rows } : undefined;
}

/** The one pair of count columns (part, whole) whose quotient is the share on most of at least three rows. */
function discoveredPair(grid: Grid, c: number): { d: number; rows: RatioRow[] } | undefined {
  const counts = [...Array(grid.width).keys()].filter((k) => k >= 1 && k !== c && !SHARE_HEADER.test(grid.columnHeader[k] ?? '') && columnOfCounts(grid, k));
  const fits: { d: number; rows: RatioRow[] }[] = [];
  for (const k of counts) {
    for (const d of counts) {
      if (k === d) continue;
      const rows = ratioRows(grid, k, d, c);
      if (rows.length >= 3 && rows.length === bodyRows(grid, c) && mostHold(rows)) fits.push({ d, rows });
    }
  }
  return fits.length === 1 ? fits[0] : undefined;
}

/** Body rows with a number in column c. */
function bodyRows(grid: Grid, c: number): number {
  let n = 0;
  for (let r = grid.headerRows; r < grid.rows.length; r++) if (grid.rows[r][c]?.value) n++;
  return n;
}

/**
 * An "n (%)" cell no base could give: no whole number of cases N makes k / N round (or truncate) to
 * the printed percentage. Said as a warning (weighted percentages beside raw counts are a reason),
 * for cells no other reading judged.
 */
function impossibleShares(paper: PaperText, grid: Grid, out: CheckOutput, judged: Set<number>): void {
  for (let r = grid.headerRows; r < grid.rows.length; r++) {
    for (const cell of grid.rows[r]) {
      if (cell?.kind !== 'count-percent' || !cell.value || !cell.pct || judged.has(cell.pct.start)) continue;
      const k = cell.value.value;
      const p = cell.pct;
      if (k < 1 || p.value > 100 || !isCount(cell.value)) continue;
      const h = 0.5 * 10 ** -p.decimals;
      if (p.value - h <= 0) continue;
      // Rounded or truncated: the exact share lies in [p - h, p + 2h).
      const nLo = Math.max(k, Math.ceil((100 * k) / Math.min(100, p.value + 2 * h) - 1e-9));
      const nHi = Math.floor((100 * k) / (p.value - h) + 1e-9);
      if (nLo <= nHi) continue;
      out.findings.push(
        makeFinding(paper, {
          kind: 'table-percentage',
          severity: 'warning',
          message: `${grid.labels[r] || `Row ${r + 1}`}: no whole number of cases gives ${p.text}${p.percent ? '' : '%'} from ${cell.value.text} (the base would lie between ${formatValue((100 * k) / (p.value + h), 2)} and ${formatValue((100 * k) / (p.value - h), 2)}).`,
          claimSpan: span(cell),
          span: p,
          reported: p.text,
          working: `100 * ${k} / N = ${p.value} for a whole N`,
          related: [cell.value],
        }),
      );
    }
  }
}

function columnOfCounts(grid: Grid, k: number): boolean {
  let counts = 0;
  for (let r = grid.headerRows; r < grid.rows.length; r++) {
    const cell = grid.rows[r][k];
    if (!cell || cell.kind === 'empty') continue;
    if (cell.kind !== 'number' || !isCount(cell.value!)) return false;
    counts++;
  }
  return counts > 0;
}

export const TABLE_PERCENTAGE_RULE = { id: 'table-percentage', title: 'Table percentage', description: 'A percentage in a table does not match its count and the column or row N.', defaultSeverity: 'error' } as const;

export const tablePercentageCheck: CheckModule = {
  name: 'table-percentage',
  title: 'Table percentages',
  description: 'Recomputes n (%) cells against the column N or Total row.',
  kinds: [TABLE_PERCENTAGE_RULE],
  shapes: [
    { name: 'n (%) under N', example: 'a cell 12 (40%) under a header N = 30' },
    { name: 'one row under column Ns', example: 'a single row of n (%) cells under headers N = 120, N = 80, N = 40' },
    { name: 'row n in the label', example: 'a row labelled Drug (n = 150) with cells 96 (64.0%)' },
    { name: 'Total column of 100%', example: 'cells 2560 (64.0%) beside a Total cell 4000 (100.0%)' },
    { name: 'fraction in the cell', example: '37 / 412 (9.0%) or 12.5% (25/200)' },
    { name: 'count, total and % columns', example: 'columns correct | total | accuracy in %' },
    { name: 'part and whole columns found by the rows', example: 'columns returned | mailed | response (%), a Total row 97 | 148 | 65.5 (the pooled share)' },
    { name: 'no whole-number base', example: 'a cell 74 (55.8%): no whole N gives 55.8% from 74 (a warning)' },
  ],
  leavesAlone: [
    'Columns whose percentages use per-row denominators.',
    'A column N that most of the table\'s percentages disagree with (the base is something else).',
    'A percentage beside a count and a base when more than one column could be the count.',
    'A share column that no single pair of count columns gives on most rows (at least three).',
  ],
  run: checkTablePercentages,
};
