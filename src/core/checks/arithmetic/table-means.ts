// A Mean or Average column (or row) in a table: the mean of the row's values before it (or of the
// column's values above it). The reader finds the cell headed or labelled Mean/Average/Avg. and the
// cells it averages; the judge takes their mean on the printed values. Agreement that needs the
// values to be rounded is left undecided; a row that misses is a warning, an error when the same
// relation holds on two other rows or columns of the table.

import { roundingInterval, roundsTo, type ReportedNumber } from '../../numbers.ts';
import type { CheckOutput, PaperText, TableCell, TableGrid, TextSpan } from '../../types.ts';
import type { CheckModule } from '../module.ts';
import { numbersIn } from './context.ts';
import { MEAN_RULE } from './mean.ts';
import { formatValue, makeFinding, makeVerified } from './report.ts';
import { overTables, readGrid, type Grid, type TableOutput } from './table-grid.ts';

const MEAN_LABEL = /^(?:overall\s+|grand\s+|row\s+|column\s+)?(?:mean|average|avg\.?)$/i;
// Columns that are not values to average: spreads, counts, totals.
const NOT_VALUE = /\b(?:sd|s\.d\.|std|dev|se|s\.e\.|n|total|sum|count|ci|range|min|max|median)\b/i;
const DECORATION = /^[\s$€£¥+*†‡%]*$/;

function cellNumber(text: string, cell: TableCell | undefined): ReportedNumber | undefined {
  if (!cell) return undefined;
  const nums = numbersIn(text, cell);
  if (nums.length !== 1) return undefined;
  const rest = text.slice(cell.start, nums[0].start) + text.slice(nums[0].end, cell.end);
  return DECORATION.test(rest) ? nums[0] : undefined;
}

function clean(s: string): string {
  return s.replace(/[\\{}$*]/g, '').replace(/\s+/g, ' ').trim();
}

interface MeanClaim {
  mean: ReportedNumber;
  values: ReportedNumber[];
  span: TextSpan;
}

type Verdict = 'exact' | 'rounded' | 'breaks';

function judge(c: MeanClaim): { verdict: Verdict; exact: number } {
  const exact = c.values.reduce((a, v) => a + v.value, 0) / c.values.length;
  if (roundsTo(c.mean, exact)) return { verdict: 'exact', exact };
  const lo = c.values.reduce((a, v) => a + roundingInterval(v)[0], 0) / c.values.length;
  const hi = c.values.reduce((a, v) => a + roundingInterval(v)[1], 0) / c.values.length;
  const [mlo, mhi] = roundingInterval(c.mean);
  return { verdict: hi >= mlo && lo <= mhi ? 'rounded' : 'breaks', exact };
}

/** Mean columns: the row's values in the columns between the label and the mean column. */
function columnClaims(grid: Grid, values: (ReportedNumber | undefined)[][]): MeanClaim[] {
  const claims: MeanClaim[] = [];
  grid.table.rows.forEach((row, r) => {
    // "Mean | SD | Mean | SD": each group's mean of a variable, not an average across the row.
    if (row.filter((cell) => MEAN_LABEL.test(clean(cell.text))).length > 1) return;
    for (const cell of row) {
      if (cell.column === 0 || !MEAN_LABEL.test(clean(cell.text))) continue;
      const c = cell.column;
      const headerRow = grid.table.rows.slice(0, r + 1);
      const excluded = (k: number) => headerRow.some((hr) => hr.some((h) => h.column <= k && k < h.column + h.colspan && NOT_VALUE.test(clean(h.text))));
      for (let b = r + 1; b < values.length; b++) {
        const mean = values[b][c];
        const columns = Array.from({ length: c - 1 }, (_, k) => k + 1).filter((k) => !excluded(k));
        const inputs = columns.map((k) => values[b][k]);
        if (mean && inputs.length >= 2 && inputs.every(Boolean)) {
          const cellSpan = grid.rows[b][c]!.cell;
          claims.push({ mean, values: inputs as ReportedNumber[], span: { start: cellSpan.start, end: cellSpan.end } });
        }
      }
    }
  });
  return claims;
}

/** Mean rows: each column's values in the rows above, up to the header. */
function rowClaims(grid: Grid, values: (ReportedNumber | undefined)[][], firstBody: number): MeanClaim[] {
  const claims: MeanClaim[] = [];
  grid.labels.forEach((label, r) => {
    if (r <= firstBody || !MEAN_LABEL.test(clean(label))) return;
    for (let c = 1; c < grid.width; c++) {
      const mean = values[r][c];
      const above = values.slice(firstBody, r).map((row) => row[c]);
      const inputs = above.filter(Boolean) as ReportedNumber[];
      if (!mean || inputs.length < 2 || inputs.length !== above.length) continue;
      const cell = grid.rows[r][c]!.cell;
      claims.push({ mean, values: inputs, span: { start: cell.start, end: cell.end } });
    }
  });
  return claims;
}

function checkTable(paper: PaperText, table: TableGrid, out: TableOutput): void {
  const text = paper.text;
  const grid = readGrid(text, table);
  const values = grid.rows.map((row) => row.map((p) => cellNumber(text, p?.cell)));
  const firstBody = values.findIndex((row) => row.some((v, k) => k > 0 && v));
  if (firstBody < 0) return;
  const claims = [...columnClaims(grid, values), ...rowClaims(grid, values, firstBody)];
  const judged = claims.map((c) => ({ c, ...judge(c) }));
  const holding = judged.filter((j) => j.verdict !== 'breaks').length;
  // A Mean column that breaks on most of its rows is some other mean (of a group, a period): no reading.
  if (judged.length >= 3 && holding * 2 < judged.length) return;
  for (const { c, verdict, exact } of judged) {
    const working = `mean(${c.values.map((v) => v.text).join(', ')}) = ${formatValue(exact)}`;
    if (verdict === 'exact') out.verified.push(makeVerified(paper, MEAN_RULE.id, c.span, working));
    else if (verdict === 'rounded') out.undecided.push({ kind: MEAN_RULE.id, claim: c.mean.text, reason: `${working} gives ${c.mean.text} only if the values were rounded`, span: c.span });
    else {
      out.findings.push(makeFinding(paper, {
        kind: MEAN_RULE.id,
        severity: holding >= 2 ? 'error' : 'warning',
        message: `The mean ${c.mean.text} does not match the values it averages, whose mean is ${formatValue(exact)}.`,
        claimSpan: c.span,
        span: c.span,
        reported: c.mean.text,
        recomputed: formatValue(exact),
        working,
        related: c.values,
      }));
    }
  }
}

export function checkTableMeans(paper: PaperText): CheckOutput {
  return overTables(paper, checkTable);
}

export const tableMeansCheck: CheckModule = {
  name: 'table-means',
  title: 'Mean columns and rows in tables',
  description: 'Recomputes a Mean or Average column from the values of its row, and a Mean row from the values of its column.',
  kinds: [MEAN_RULE],
  shapes: [
    { name: 'mean column', example: 'columns Trial 1, Trial 2, Trial 3 and Mean, a row 4.0 | 5.0 | 6.0 | 5.0' },
    { name: 'mean row', example: 'a last row labelled Average under the rows it averages' },
  ],
  leavesAlone: [
    'Weighted means (the weights are a definition the table does not state).',
    'Rows with an empty cell among the averaged values, and columns of spreads, counts or totals.',
    'Several Mean columns side by side (one per group or period), and a Mean column that breaks on most rows: it is then not the average of the row.',
  ],
  run: checkTableMeans,
};
