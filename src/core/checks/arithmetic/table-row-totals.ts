// A Total column: in each row, the sum of the columns it totals — those under the same spanning
// header when there is one ("Cost: A | B | Total"), else every value column between the row label and
// the total. Cells "n (p%)" count with their n. A row that agrees only when its values are taken as
// rounded is left undecided; a row that misses is a warning, an error once two other rows agree.

import { roundsTo, type ReportedNumber } from '../../numbers.ts';
import type { CheckOutput, PaperText, TableCell, TableGrid } from '../../types.ts';
import type { CheckModule } from '../module.ts';
import { inputBounds, numbersIn } from './context.ts';
import { formatValue, makeFinding, makeVerified } from './report.ts';
import { isGroupHeading, overTables, readGrid, type TableOutput } from './table-grid.ts';
import { TABLE_TOTAL_RULE } from './table-total.ts';

const TOTAL_HEADER = /^(?:grand\s+)?total\b/i;
const NOT_PART = /\b(?:sd|std|dev|se|mean|average|avg|median|ratio|rate|total|%|percent|p-?value|ci)\b/i;
const DECORATION = /^[\s$€£¥+*†‡]*$/;

/** The cell's number, or the n of an "n (p%)" cell. */
function cellCount(text: string, cell: TableCell | undefined): ReportedNumber | undefined {
  if (!cell) return undefined;
  const nums = numbersIn(text, cell);
  if (nums.length === 2 && nums[1].percent !== undefined && /^\s*[([]/.test(text.slice(nums[0].end, nums[1].start)) && /\(\s*[\d.]+\s*%?\s*\)\s*$/.test(cell.text.trim())) return nums[0];
  if (nums.length !== 1) return undefined;
  const rest = text.slice(cell.start, nums[0].start) + text.slice(nums[0].end, cell.end);
  return DECORATION.test(rest) && !nums[0].percent ? nums[0] : undefined;
}

function clean(s: string): string {
  return s.replace(/[\\{}$*]/g, '').replace(/\([^)]*\)/g, '').replace(/\s+/g, ' ').trim();
}

/** The columns a Total column sums: its spanning group, else the value columns before it. */
function partsOf(table: TableGrid, headerRows: number, c: number, isValue: (k: number) => boolean): number[] {
  for (let r = 0; r < headerRows; r++) {
    const group = table.rows[r].find((h) => h.colspan > 1 && h.column <= c && c < h.column + h.colspan);
    if (group) return Array.from({ length: group.colspan }, (_, k) => group.column + k).filter((k) => k !== c && isValue(k));
  }
  return Array.from({ length: c - 1 }, (_, k) => k + 1).filter(isValue);
}

function checkTable(paper: PaperText, table: TableGrid, out: TableOutput): void {
  const text = paper.text;
  const grid = readGrid(text, table);
  const values = grid.rows.map((row) => row.map((p) => cellCount(text, p?.cell)));
  const first = values.findIndex((row) => row.some((v, k) => k > 0 && v));
  if (first < 1) return;
  const header = (k: number) => grid.table.rows[first - 1].find((h) => h.column <= k && k < h.column + h.colspan)?.text ?? '';
  const body = values.map((_, r) => r).filter((r) => r >= first && !isGroupHeading(grid, r));
  for (let c = 2; c < grid.width; c++) {
    if (!TOTAL_HEADER.test(clean(header(c)))) continue;
    const isValue = (k: number) => k > 0 && !NOT_PART.test(header(k)) && body.some((r) => values[r][k]);
    const parts = partsOf(grid.table, first, c, isValue);
    if (parts.length < 2) continue;
    const judged = body.flatMap((r) => {
      const total = values[r][c];
      const inputs = parts.map((k) => values[r][k]);
      if (!total || !inputs.every(Boolean)) return [];
      const exact = inputs.reduce((a, v) => a + v!.value, 0);
      // Whole numbers are counts, taken as exact; decimals as rounded.
      const lo = inputs.reduce((a, v) => a + inputBounds(v!)[0], 0);
      const hi = inputs.reduce((a, v) => a + inputBounds(v!)[1], 0);
      const [tlo, thi] = inputBounds(total);
      const verdict = roundsTo(total, exact) ? 'exact' : hi >= tlo && lo <= thi ? 'rounded' : 'breaks';
      return [{ r, total, inputs: inputs as ReportedNumber[], exact, verdict }];
    });
    const holding = judged.filter((j) => j.verdict !== 'breaks').length;
    for (const j of judged) {
      const cell = grid.rows[j.r][c]!.cell;
      const span = { start: cell.start, end: cell.end };
      const working = `${j.inputs.map((v) => v.text).join(' + ')} = ${formatValue(j.exact)}`;
      if (j.verdict === 'exact') out.verified.push(makeVerified(paper, TABLE_TOTAL_RULE.id, span, working));
      else if (j.verdict === 'rounded') out.undecided.push({ kind: TABLE_TOTAL_RULE.id, claim: j.total.text, reason: `${working} gives ${j.total.text} only if the values were rounded`, span });
      else out.findings.push(makeFinding(paper, {
        kind: TABLE_TOTAL_RULE.id,
        severity: holding >= 2 ? 'error' : 'warning',
        message: `The total ${j.total.text} does not match the sum of the row's values, ${formatValue(j.exact)}.`,
        claimSpan: span,
        span: j.total,
        reported: j.total.text,
        recomputed: formatValue(j.exact),
        working,
        related: j.inputs,
      }));
    }
  }
}

export function checkRowTotals(paper: PaperText): CheckOutput {
  return overTables(paper, checkTable);
}

export const rowTotalsCheck: CheckModule = {
  name: 'table-row-totals',
  title: 'Total columns',
  description: 'Adds up the values a Total column totals in each row: the columns under its spanning header, or the value columns before it.',
  kinds: [TABLE_TOTAL_RULE],
  shapes: [
    { name: 'total after its parts', example: 'columns Small, Medium, Large, Total, a row 10 | 20 | 5 | 35' },
    { name: 'total inside a header group', example: 'a header Cost spanning Fuel, Labour and Total' },
    { name: 'counts with percentages', example: 'cells 30 (60%) | 20 (40%) | 50 (100%)' },
  ],
  leavesAlone: [
    'Columns of means, spreads, ratios or percentages: they do not add up to a total.',
    'Rows with an empty cell among the parts.',
  ],
  run: checkRowTotals,
};
