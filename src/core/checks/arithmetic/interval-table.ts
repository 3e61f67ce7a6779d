// Estimates and their intervals inside tables. The shapes a table prints them in:
//   - one cell holding both, "1.42 (1.10, 1.83)" or "1.42 [1.10–1.83]", under a CI header or in brackets;
//   - an interval cell ("0.50, 1.62", "[-9.2, -2.4]", "(95% CI: 9,703–21,417)") right of the estimate's cell;
//   - two cells under a header that spans both ("95% CI" over "Lower" and "Upper"), or columns
//     headed Lower / Upper, right of the estimate;
//   - a row of bracketed intervals under the estimate's row (coefficient, then its SE and p rows, then the CI).
// The judge is the same as for prose (interval.ts).

import type { CheckOutput, PaperText, TableGrid } from '../../types.ts';
import { numbersIn, type Num } from './context.ts';
import { INTERVAL_MARKER, RATIO_NAME, type IntervalClaim } from './interval-read.ts';
import { judgeInterval } from './interval-judge.ts';
import { overTables, readGrid, type Grid, type ParsedCell } from './table-grid.ts';

const CI_WORDS = new RegExp(`${INTERVAL_MARKER.source}|\\binterval\\b`, 'i');
const RANGE_WORDS = /\b(?:range|IQR|min(?:imum)?\s*[-–,]\s*max(?:imum)?)\b/i;
/** Columns whose number is not an estimate an interval belongs to. */
const SPREAD_HEADER = /^\(?(?:SD|SE|SEM|s\.d\.|s\.e\.|std\.?\s*(?:err(?:or)?|dev(?:iation)?)\.?|standard\s+(?:error|deviation))\)?$/i;
const NOT_ESTIMATE_HEADER = /\b(?:SD|SE|SEM|s\.d\.|s\.e\.|std\.?|n|N|p|p-value|t|z|F|df|χ2|chi2|count)\b/;
const LOWER_HEADER = /^(?:lower(?:\s+(?:bound|limit|CI|95%?\s*CI))?|LL|LCL|LB|2\.5\s*%)$/i;
const UPPER_HEADER = /^(?:upper(?:\s+(?:bound|limit|CI|95%?\s*CI))?|UL|UCL|UB|97\.5\s*%)$/i;
const LEVEL_AFTER = /^\s*(?:CI|CrI|HDI|HPD|UI|confidence|credible)\b/;
const SEP = String.raw`\s*(?:,|;|–|—|-|−|to)\s*\+?`;

/** The cell's numbers without an interval's level ("95% CI"). */
function cellNumbers(text: string, cell: ParsedCell): Num[] {
  return numbersIn(text, cell.cell).filter((n) => !(n.percent && LEVEL_AFTER.test(text.slice(n.end, n.end + 16))));
}

/** A cell holding one number and at most a currency sign, a unit percent or a footnote mark. */
function singleNumber(text: string, cell: ParsedCell | undefined): Num | undefined {
  if (!cell) return undefined;
  const nums = cellNumbers(text, cell);
  if (nums.length !== 1) return undefined;
  const n = nums[0];
  const rest = (text.slice(cell.cell.start, n.start) + '#' + text.slice(n.end, cell.cell.end)).trim();
  return /^[+$€£¥]?\s*#\s*(?:[*†‡§]{1,3}|\^?[a-d])?$/.test(rest) ? n : undefined;
}

/** "lo, hi", "[lo, hi]", "(lo–hi)", "Gamma (95% CI: lo–hi)": a cell that is an interval and nothing else. */
function intervalCell(text: string, cell: ParsedCell | undefined): { lo: Num; hi: Num; square: boolean; marked: boolean } | undefined {
  if (!cell) return undefined;
  const nums = cellNumbers(text, cell);
  if (nums.length !== 2) return undefined;
  const [lo, hi] = nums;
  const before = text.slice(cell.cell.start, lo.start);
  const between = text.slice(lo.end, hi.start);
  const after = text.slice(hi.end, cell.cell.end);
  if (!new RegExp(`^${SEP}$`).test(between)) return undefined;
  // Nothing before the bounds, or a word or two and an opening bracket ("Gamma (95% CI: ").
  const open = /^[\p{L}\s]*([[(])\s*(?:\d{2}\s*%\s*)?(?:(?:CI|CrI|HDI)\s*[:=]?\s*)?\+?$/u.exec(before);
  if (!open && before.trim()) return undefined;
  if (!/^\s*[)\]]?\s*[*†‡§]{0,3}\s*$/.test(after) || Boolean(open) !== /[)\]]/.test(after)) return undefined;
  return { lo, hi, square: open?.[1] === '[', marked: CI_WORDS.test(before) };
}

/** "1.42 (1.10, 1.83)", "1.42 [1.10–1.83]": an estimate and its interval in one cell. */
function estimateWithInterval(text: string, cell: ParsedCell): { estimate: Num; lo: Num; hi: Num; square: boolean } | undefined {
  const nums = cellNumbers(text, cell);
  if (nums.length !== 3) return undefined;
  const [estimate, lo, hi] = nums;
  if (!/^[+$€£¥]?\s*$/.test(text.slice(cell.cell.start, estimate.start))) return undefined;
  const open = /^\s*([[(])\s*\+?$/.exec(text.slice(estimate.end, lo.start));
  if (!open || !new RegExp(`^${SEP}$`).test(text.slice(lo.end, hi.start))) return undefined;
  if (!/^\s*[)\]]\s*[*†‡§]{0,3}\s*$/.test(text.slice(hi.end, cell.cell.end))) return undefined;
  return { estimate, lo, hi, square: open[1] === '[' };
}

/** The nearest cell left of column c in the row, if it holds an estimate. */
function estimateLeftOf(text: string, grid: Grid, r: number, c: number, skipSpread = false): { estimate?: Num; ratio: boolean } {
  for (let k = c - 1; k >= 1; k--) {
    const cell = grid.rows[r][k];
    if (!cell) continue;
    const header = lastHeaderCell(grid, k);
    // "Estimate | SE | 95% CI": the estimate's spread sits between it and its interval (a range
    // column is no interval of the estimate).
    if (skipSpread && SPREAD_HEADER.test(header)) continue;
    if (NOT_ESTIMATE_HEADER.test(header)) break;
    return { estimate: singleNumber(text, cell), ratio: RATIO_NAME.test(header) };
  }
  return { ratio: false };
}

/** The lowest header text over column k (the sub-header of a spanning header; panel labels skipped). */
function lastHeaderCell(grid: Grid, k: number): string {
  for (let r = grid.headerRows - 1; r >= 0; r--) {
    const cell = grid.table.rows[r].find((c) => c.column <= k && k < c.column + c.colspan);
    // A label across the whole table ("Panel A: ...") heads a block of rows, not this column.
    if (cell && cell.text.trim() && cell.colspan < grid.width) return cell.text.trim().replace(/\^?\d$/, '');
  }
  return '';
}

/** An estimate above an interval in the same column: the nearest row up whose cell is a plain number. */
function estimateAbove(text: string, grid: Grid, r: number, c: number): Num | undefined {
  for (let k = r - 1; k >= Math.max(grid.headerRows, r - 4); k--) {
    const cell = grid.rows[k][c];
    if (!cell || cell.kind === 'empty') continue;
    const t = cell.cell.text.trim();
    if (/^\(.*\)$/.test(t) || /^[pt]\s*[=<>]/i.test(t)) continue; // its SE or its test
    return singleNumber(text, cell);
  }
  return undefined;
}

/** Two single-number cells under one header that names an interval, or under Lower and Upper. */
function boundPairs(grid: Grid): [number, number][] {
  const pairs: [number, number][] = [];
  for (let r = 0; r < grid.headerRows; r++) {
    for (const h of grid.table.rows[r]) {
      if (h.colspan === 2 && CI_WORDS.test(h.text)) pairs.push([h.column, h.column + 1]);
    }
  }
  for (let c = 1; c + 1 < grid.width; c++) {
    const named = LOWER_HEADER.test(lastHeaderCell(grid, c)) && UPPER_HEADER.test(lastHeaderCell(grid, c + 1));
    if (named && !pairs.some(([a]) => a === c)) pairs.push([c, c + 1]);
  }
  return pairs;
}

function claimsOfRow(text: string, grid: Grid, r: number, pairs: readonly [number, number][], tableMarked: boolean): IntervalClaim[] {
  const claims: IntervalClaim[] = [];
  const row = grid.rows[r];
  for (let c = 1; c < grid.width; c++) {
    const cell = row[c];
    if (!cell || cell.kind === 'empty') continue;
    const header = grid.columnHeader[c];
    const headerMarked = CI_WORDS.test(header);
    const both = estimateWithInterval(text, cell);
    if (both && (both.square || headerMarked || tableMarked || RANGE_WORDS.test(header))) {
      claims.push({ estimate: both.estimate, lo: both.lo, hi: both.hi, marked: headerMarked || tableMarked, ratio: RATIO_NAME.test(header) });
      continue;
    }
    const iv = intervalCell(text, cell);
    const marked = Boolean(iv) && (headerMarked || iv!.marked || tableMarked);
    if (!iv || !(iv.square || marked || RANGE_WORDS.test(header))) continue;
    const left = estimateLeftOf(text, grid, r, c, marked || iv.square);
    const estimate = left.estimate ?? (iv.square ? estimateAbove(text, grid, r, c) : undefined);
    claims.push({ estimate, lo: iv.lo, hi: iv.hi, marked, ratio: left.ratio });
  }
  for (const [a, b] of pairs) {
    const lo = singleNumber(text, row[a]);
    const hi = singleNumber(text, row[b]);
    if (lo && hi) claims.push({ ...estimateLeftOf(text, grid, r, a, true), lo, hi, marked: true });
  }
  return claims;
}

function checkTable(paper: PaperText, table: TableGrid, out: CheckOutput): void {
  const grid = readGrid(paper.text, table);
  const pairs = boundPairs(grid);
  const tableMarked = CI_WORDS.test(table.caption);
  // Every row: a one-row table may have no row the grid takes for data.
  for (let r = 0; r < grid.rows.length; r++) {
    for (const claim of claimsOfRow(paper.text, grid, r, pairs, tableMarked)) judgeInterval(paper, claim, out);
  }
}

export function checkTableIntervals(paper: PaperText): CheckOutput {
  return overTables(paper, checkTable);
}
