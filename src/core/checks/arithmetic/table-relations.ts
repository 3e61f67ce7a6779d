// Columns that are computed from other columns of the same row: a Ratio or speed-up column ("12.3×"),
// a Difference or Δ column, or a header that writes its formula ("A/B", "A − B"). The reader finds
// such a column and the columns it can be computed from; the judge takes the relation that holds on
// the rows (or the one pair the header or the table leaves) and checks every row against it. A row
// that only agrees when its inputs are taken as rounded is left undecided, not verified.

import { roundingInterval, roundsTo, type ReportedNumber } from '../../numbers.ts';
import type { CheckOutput, PaperText, TableCell, TableGrid } from '../../types.ts';
import type { CheckModule } from '../module.ts';
import { numbersIn } from './context.ts';
import { ARITHMETIC_RULE } from './expressions.ts';
import { div, sub, type Interval } from './interval-math.ts';
import { formatValue, makeFinding, makeVerified } from './report.ts';
import { isGroupHeading, overTables, readGrid, type TableOutput } from './table-grid.ts';

type Op = '/' | '-';
const RATIO_HEADER = /\b(?:ratio|speed-?up|times|fold)\b|×/i;
const DIFF_HEADER = /\b(?:difference|diff\.?|change|gain|improvement|profit|net|gap|margin|surplus)\b|Δ|\bdelta\b/i;
const FORMULA_HEADER = /^\(?([^()/−-]+?)\)?\s*(\/|−|-)\s*\(?([^()/−-]+?)\)?$/;
// Test statistics, p-values, effect sizes, spreads and ranks are no operand of a derived column.
const STATISTIC_HEADER = /^(?:[tzFpdrnN]|SE|SD|df|rank|p[- ]?values?|t[- ]?stat\w*|z[- ]?scores?|cohen'?s\s+d|hedges'?\s+g|χ2|chi2?)(?![\p{L}\p{N}])/iu;
// What may stand around a table number: currency, a times sign, a sign, bold or significance marks.
const DECORATION = /^[\s$€£¥+*†‡×x%]*$/;

/** The cell's one number, if the cell is a number with decoration only. */
function cellNumber(text: string, cell: TableCell | undefined): ReportedNumber | undefined {
  if (!cell) return undefined;
  const nums = numbersIn(text, cell);
  // "0.58 ± 0.12": a mean with its spread stands for the mean.
  if (nums.length === 2 && /^\s*(?:±|\+\/?-)\s*$/.test(text.slice(nums[0].end, nums[1].start))) return DECORATION.test(text.slice(cell.start, nums[0].start)) ? nums[0] : undefined;
  if (nums.length !== 1) return undefined;
  const rest = text.slice(cell.start, nums[0].start) + text.slice(nums[0].end, cell.end);
  return DECORATION.test(rest) ? nums[0] : undefined;
}

/** Header without its unit: "T (sec)" → "t". */
function headerName(h: string): string {
  return h.replace(/\([^)]*\)\s*$/, '').replace(/[\s{}\\$]/g, '').toLowerCase();
}

interface Relation {
  i: number;
  j: number;
  op: Op;
}

function compute(op: Op, a: ReportedNumber, b: ReportedNumber): { exact: number; range: Interval | undefined } {
  if (op === '-') return { exact: a.value - b.value, range: sub(roundingInterval(a), roundingInterval(b)) };
  return { exact: a.value / b.value, range: div(roundingInterval(a), roundingInterval(b)) };
}

type Verdict = 'exact' | 'rounded' | 'breaks' | 'n/a';

function judge(row: (ReportedNumber | undefined)[], c: number, rel: Relation): Verdict {
  const [a, b, v] = [row[rel.i], row[rel.j], row[c]];
  if (!a || !b || !v || (rel.op === '/' && b.value === 0)) return 'n/a';
  const { exact, range } = compute(rel.op, a, b);
  if (roundsTo(v, exact)) return 'exact';
  const [vlo, vhi] = roundingInterval(v);
  return range && range[1] >= vlo && range[0] <= vhi ? 'rounded' : 'breaks';
}

/** How far a row's value is from what the relation gives (for naming the nearest relation when none holds). */
function distance(row: (ReportedNumber | undefined)[], c: number, rel: Relation): number {
  const [a, b, v] = [row[rel.i], row[rel.j], row[c]];
  if (!a || !b || !v || (rel.op === '/' && b.value === 0)) return 0;
  const exact = compute(rel.op, a, b).exact;
  return rel.op === '/' ? Math.abs(Math.log(Math.abs(exact) / Math.abs(v.value || 1e-12))) : Math.abs(exact - v.value);
}

function candidates(headers: string[], c: number, numeric: number[]): Relation[] {
  const h = headers[c].trim();
  const formula = FORMULA_HEADER.exec(h);
  if (formula) {
    const find = (name: string) => numeric.find((k) => k !== c && headerName(headers[k]) === headerName(name));
    const [i, j] = [find(formula[1]), find(formula[3])];
    if (i !== undefined && j !== undefined) return [{ i, j, op: formula[2] === '/' ? '/' : '-' }];
  }
  const ops: Op[] = RATIO_HEADER.test(h) ? ['/'] : DIFF_HEADER.test(h) ? ['-'] : [];
  const plain = numeric.filter((k) => k !== c && !STATISTIC_HEADER.test(headers[k].trim()));
  const underived = plain.filter((k) => !RATIO_HEADER.test(headers[k]) && !DIFF_HEADER.test(headers[k]));
  // Changes can be operands too ("Net effect" = one group's change − the other's) when nothing else is.
  const others = underived.length >= 2 ? underived : plain.filter((k) => k < c && !RATIO_HEADER.test(headers[k]));
  const out: Relation[] = [];
  for (const op of ops) for (const i of others) for (const j of others) if (i !== j) out.push({ i, j, op });
  return out;
}

function checkTable(paper: PaperText, table: TableGrid, out: TableOutput): void {
  const text = paper.text;
  const grid = readGrid(text, table);
  const all = grid.rows.map((row) => row.map((p) => cellNumber(text, p?.cell)));
  // Header rows: those before the first row with a number past its label (decorated numbers count).
  const first = all.findIndex((row) => row.some((v, k) => k > 0 && v));
  if (first < 0) return;
  const headers = grid.columnHeader.map((_, k) => grid.rows.slice(0, first).map((row) => row[k]?.cell.text ?? '').join(' ').trim());
  const body = grid.rows.map((_, r) => r).filter((r) => r >= first && !isGroupHeading(grid, r));
  const values = body.map((r) => all[r]);
  const numeric = headers.map((_, k) => k).filter((k) => values.some((row) => row[k]));
  for (const c of numeric) {
    const rels = candidates(headers, c, numeric);
    if (!rels.length) continue;
    const scored = rels.map((rel) => ({ rel, verdicts: values.map((row) => judge(row, c, rel)) }));
    const holds = (s: (typeof scored)[number]) => s.verdicts.filter((v) => v === 'exact' || v === 'rounded').length;
    const miss = (rel: Relation) => values.reduce((sum, row) => sum + distance(row, c, rel), 0);
    scored.sort((x, y) => holds(y) - holds(x) || y.verdicts.filter((v) => v === 'exact').length - x.verdicts.filter((v) => v === 'exact').length || miss(x.rel) - miss(y.rel));
    const best = scored[0];
    // The relation is known when the header writes it, when it is the only pair, or when it holds on other rows.
    const pinned = rels.length === 1 || (rels.length === 2 && rels[0].i === rels[1].j && rels[0].j === rels[1].i);
    best.verdicts.forEach((v, k) => {
      const row = values[k];
      const cell = grid.rows[body[k]][c]!;
      const working = `${row[best.rel.i]?.text} ${best.rel.op === '/' ? '/' : '−'} ${row[best.rel.j]?.text}`;
      const span = { start: cell.cell.start, end: cell.cell.end };
      if (v === 'exact') out.verified.push(makeVerified(paper, ARITHMETIC_RULE.id, span, `${working} = ${row[c]!.text}`));
      else if (v === 'rounded') out.undecided.push({ kind: ARITHMETIC_RULE.id, claim: row[c]!.text, reason: `${working} gives ${row[c]!.text} only if the inputs were rounded`, span });
      else if (v === 'breaks') {
        // Evidence for an unwritten relation: it holds on at least as many rows as it breaks on.
        const othersHold = holds(best) >= 1 && holds(best) >= best.verdicts.filter((x) => x === 'breaks').length;
        // The only pair breaking: a finding in a one-row table; with more rows, only if the pair holds as often as it breaks.
        const judgedRows = best.verdicts.filter((x) => x !== 'n/a').length;
        const anyPinnedPair = pinned && scored.every((s) => s.verdicts[k] === 'breaks') && (judgedRows === 1 || othersHold);
        if (!othersHold && !anyPinnedPair) return;
        const exact = compute(best.rel.op, row[best.rel.i]!, row[best.rel.j]!).exact;
        out.findings.push(makeFinding(paper, {
          kind: ARITHMETIC_RULE.id,
          severity: holds(best) >= 2 && holds(best) > best.verdicts.filter((x) => x === 'breaks').length ? 'error' : 'warning',
          message: `${headers[c].trim() || 'This column'} ${row[c]!.text} does not match ${working} = ${formatValue(exact)}${othersHold ? ', the relation that holds on the other rows' : ''}.`,
          claimSpan: span,
          span,
          reported: row[c]!.text,
          recomputed: formatValue(exact),
          working: `${working} = ${formatValue(exact)}`,
          related: [row[best.rel.i]!, row[best.rel.j]!],
        }));
      }
    });
  }
}

export function checkTableRelations(paper: PaperText): CheckOutput {
  return overTables(paper, checkTable);
}

export const tableRelationsCheck: CheckModule = {
  name: 'table-relations',
  title: 'Computed table columns',
  description: 'Recomputes a Ratio, speed-up, Difference or Δ column, or a column whose header writes its formula, from the other columns of each row.',
  kinds: [ARITHMETIC_RULE],
  shapes: [
    { name: 'ratio column', example: 'columns Old (s), New (s) and Speed-up, a row 9.0 | 3.0 | 3.0×' },
    { name: 'difference column', example: 'columns Before, After and Δ, a row 40.1 | 42.6 | +2.5' },
    { name: 'named difference column', example: 'columns Income, Costs and Profit (or Net, Gap, Margin), rows 120.5 | 98.2 | 22.3' },
    { name: 'net of two changes, one row', example: 'columns Arm 1 change, Arm 2 change, Net effect, t, p with cells -1.10 ± 0.90 | -1.85 ± 1.02 | -0.75 ± 0.61' },
    { name: 'formula header', example: 'a column headed A/B next to columns A and B' },
  ],
  leavesAlone: [
    'A derived column with several candidate pairs and no row that shows which one is meant.',
    'A named column whose best pair breaks on more rows than it holds on.',
    'Test statistics, p-values, effect sizes and ranks as operands.',
    'Rows that agree only if the inputs were rounded from other values: left undecided.',
  ],
  run: checkTableRelations,
};
