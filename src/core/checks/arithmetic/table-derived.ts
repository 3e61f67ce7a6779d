// Table cells that the header says are derived from other cells: a Mean/Average column or row, a
// Δ/Difference column or row, a Ratio (or "A/B", or "×" cells) column, and an Overall mean that
// pools earlier mean columns by the sample sizes of an n row. Read, then judged: the reader turns
// the grid into claim records (result cell, operand cells, relation); the judge recomputes over the
// rounding intervals of the printed operands and decides verified / finding / undecided.

import { formatLike, intervalMeets, roundsTo } from '../../numbers.ts';
import type { CheckOutput, PaperText, TableGrid, TextSpan } from '../../types.ts';
import { inputBounds, numbersIn, type Num } from './context.ts';
import { div, mul, sub, sum, type Interval } from './interval-math.ts';
import { ARITHMETIC_RULE } from './expressions.ts';
import { MEAN_RULE } from './mean.ts';
import { checkTableMeans } from './table-means.ts';
import { checkTableRelations } from './table-relations.ts';
import { cover, formatValue, makeFinding, makeVerified, plain } from './report.ts';
import type { CheckModule } from '../module.ts';

export type Relation = 'mean' | 'difference' | 'ratio' | 'weighted-mean';

/** One derived cell as read: the printed result, its operands, and why it is read so. */
export interface TableClaim {
  relation: Relation;
  result: Num;
  /** difference: [minuend, subtrahend]; ratio: [numerator, denominator]; weighted-mean: values then weights. */
  operands: Num[];
  weights?: Num[];
  /** Where the reading came from: 'named' (header or caption says which cells), 'nearest' (the two cells before it), 'listed' (all cells of the row or column). */
  basis: 'named' | 'nearest' | 'listed';
  /** Alternative readings (other operand pairs) that would also explain the cell: a match there leaves it undecided. */
  alternatives?: Num[][];
  /** The equal-size assumption behind a Total row read as a mean. */
  assumed?: string;
  where: string;
  /** Claims read the same way (one derived column, or one derived row): judged together. */
  group: string;
}

interface Cell {
  span: TextSpan;
  text: string;
  value?: Num;
  /** A value in brackets only ("(0.024)"): a standard error or a note, not an entry. */
  bracketed: boolean;
}

interface Table {
  header: string[];
  /** The lowest header cell over each column: its own name. */
  own: string[];
  body: { label: string; cells: (Cell | undefined)[] }[];
  width: number;
}

const LEAD = /^[\s$€£+~≈<>]*$/;
const TRAIL = /^\s*(?:%|×|\\times|x|-?fold)?\s*(?:\*{1,3}|[†‡§]|[a-d])?\s*(?:\([^()]*\)|\[[^\]]*\])?\s*$/;

function readCell(text: string, span: TextSpan & { text: string }): Cell {
  const t = span.text.trim();
  const nums = numbersIn(text, span);
  const first = nums[0];
  if (!first) return { span, text: t, bracketed: false };
  const before = text.slice(span.start, first.start);
  const after = text.slice(first.end, span.end);
  if (/^\s*[([]\s*$/.test(before) && /^\s*[)\]]\s*$/.test(after)) return { span, text: t, bracketed: true };
  if (!LEAD.test(before) || !TRAIL.test(after)) return { span, text: t, bracketed: false };
  return { span, text: t, value: first, bracketed: false };
}

function isValueRow(cells: (Cell | undefined)[]): boolean {
  const filled = cells.slice(1).filter((c): c is Cell => Boolean(c && c.text && !/^[-–—]$/.test(c.text)));
  return filled.length > 0 && filled.every((c) => c.value || c.bracketed);
}

/** A first row numbering the columns (1 | 2 | 3 ..., scale points, periods) is a heading. */
function isNumberedHeading(cells: (Cell | undefined)[]): boolean {
  const v = cells.slice(1).map((c) => c?.value).filter((n): n is Num => Boolean(n));
  return v.length >= 3 && v.every((n, i) => n.decimals === 0 && !n.percent && (i === 0 || n.value === v[i - 1].value + 1));
}

function readTable(text: string, grid: TableGrid): Table {
  const width = Math.max(0, ...grid.rows.map((r) => Math.max(0, ...r.map((c) => c.column + c.colspan))));
  const rows = grid.rows.map((r) => {
    const out: (Cell | undefined)[] = new Array(width).fill(undefined);
    for (const c of r) out[c.column] = readCell(text, c);
    return out;
  });
  let first = rows.findIndex((r, i) => isValueRow(r) && !(i === 0 && isNumberedHeading(r)));
  if (first < 0) first = rows.length;
  const header: string[] = new Array(width).fill('');
  const own: string[] = new Array(width).fill('');
  for (let r = 0; r < first; r++) {
    for (const c of grid.rows[r]) {
      for (let k = c.column; k < c.column + c.colspan && k < width; k++) {
        header[k] = `${header[k]} ${c.text}`.trim();
        if (c.colspan === 1 && c.text.trim()) own[k] = c.text.trim();
      }
    }
  }
  const body = rows.slice(first).map((cells) => ({ label: cells[0]?.text ?? '', cells }));
  return { header, own, body, width };
}

const MEAN_NAME = /^(?:mean|average|avg\.?|ave\.?)(?:\s*[([].*[)\]])?\s*:?$/i;
const DIFF_NAME = /^(?:Δ|∆|\\Delta|diff\.?|difference)(?:\s*[([].*[)\]])?\s*:?$/i;
const RATIO_NAME = /^(?:ratio|speed-?up|×|x|fold(?:[\s-]change)?)(?:\s*[([].*[)\]])?\s*:?$/i;
const TOTAL_NAME = /^total\s*:?$/i;
const N_ROW = /^(?:n|obs\.?|observations|sample size|no\.\s*of\s+\w+)\s*:?$/i;
/** Columns that are not entries a mean, difference or ratio is taken of. */
const NOT_ENTRY = /\b(?:s\.?d\.?|s\.?e\.?|std\.?|dev\.?|sem|ci|p|n|count|total|sum|rank)\b|standard\s+(?:error|deviation)/i;
const POOLED = /\b(?:overall|pooled|combined|total|all)\b/i;

function stripUnit(name: string): string {
  return name.replace(/\s*[([][^()[\]]*[)\]]\s*$/, '').replace(/^[(\s]+|[)\s]+$/g, '').toLowerCase();
}

/** "(T)/(T_OPT)" names two other columns: their indexes, or undefined. */
function namedRatio(t: Table, c: number): [number, number] | undefined {
  const m = /^\(?\s*([^()/]+?)\s*\)?\s*\/\s*\(?\s*([^()/]+?)\s*\)?$/.exec(t.own[c]);
  if (!m) return undefined;
  const find = (name: string) => {
    const hits = t.own.map((h, k) => (k !== c && stripUnit(h) === name.toLowerCase() ? k : -1)).filter((k) => k >= 0);
    return hits.length === 1 ? hits[0] : undefined;
  };
  const a = find(m[1]);
  const b = find(m[2]);
  return a !== undefined && b !== undefined ? [a, b] : undefined;
}

/** "Δ = A − B" written under or above the table: the two columns it names. */
function namedDifference(t: Table, nearby: string): [number, number] | undefined {
  const m = /(?:Δ|∆|\\Delta)\s*=\s*([^=;,.\n]+?)\s*[-−–]\s*([^=;,.\n]+?)\s*(?:[;,.\n]|$)/.exec(nearby);
  if (!m) return undefined;
  const words = (s: string) => s.toLowerCase().replace(/\./g, ' ').split(/\s+/).filter(Boolean);
  const matches = (header: string, name: string) => {
    const hw = words(header);
    return words(name).every((w) => hw.some((h) => h.startsWith(w) || w.startsWith(h)));
  };
  const find = (name: string) => {
    const hits = t.own.map((h, k) => (h && matches(h, name) ? k : -1)).filter((k) => k >= 0);
    return hits.length === 1 ? hits[0] : undefined;
  };
  const a = find(m[1]);
  const b = find(m[2]);
  return a !== undefined && b !== undefined && a !== b ? [a, b] : undefined;
}

function derivedColumn(t: Table, c: number): Relation | undefined {
  const own = t.own[c];
  // Several columns called Mean are a table of means (Mean | SD per group), not a mean column.
  if (MEAN_NAME.test(own)) return t.own.filter((h) => MEAN_NAME.test(h)).length === 1 ? 'mean' : undefined;
  if (DIFF_NAME.test(own)) return 'difference';
  if (RATIO_NAME.test(own) || namedRatio(t, c)) return 'ratio';
  const cells = t.body.map((r) => r.cells[c]).filter((x): x is Cell => Boolean(x?.value));
  if (cells.length && cells.every((x) => /(?:×|\\times|\dx)\s*$/.test(x.text))) return 'ratio';
  return undefined;
}

/** The columns before c that hold entries (not derived, not a spread or a count). */
function entryColumns(t: Table, c: number): number[] {
  const out: number[] = [];
  for (let k = 1; k < c; k++) {
    if (derivedColumn(t, k) || NOT_ENTRY.test(t.own[k] || t.header[k])) continue;
    if (t.body.some((r) => r.cells[k]?.value)) out.push(k);
  }
  return out;
}

function columnClaims(t: Table, nearby: string, claims: TableClaim[]): void {
  for (let c = 1; c < t.width; c++) {
    const relation = derivedColumn(t, c);
    if (!relation) continue;
    const name = t.own[c] || `column ${c + 1}`;
    const entries = entryColumns(t, c);
    const named = relation === 'ratio' ? namedRatio(t, c) : relation === 'difference' ? namedDifference(t, nearby) : undefined;
    const rows = t.body.filter((r) => r.cells[c]?.value);
    const read: TableClaim[] = [];
    for (const r of rows) {
      const result = r.cells[c]!.value!;
      const where = `${r.label || 'row'}, ${name}`;
      const val = (k: number) => r.cells[k]?.value;
      if (relation === 'mean') {
        const ops = entries.map(val);
        if (ops.length < 2 || ops.some((x) => !x)) continue;
        read.push({ relation, result, operands: ops as Num[], basis: 'listed', where, group: `column ${c}` });
        continue;
      }
      const pair = named ?? (entries.length >= 2 ? [entries[entries.length - 2], entries[entries.length - 1]] : undefined);
      if (!pair) continue;
      const [a, b] = [val(pair[0]), val(pair[1])];
      if (!a || !b) continue;
      // Unnamed: later − earlier or later / earlier is the usual layout, the other order is read too.
      const operands = relation === 'difference' ? [b, a] : [b, a];
      const others: Num[][] = [];
      if (!named) {
        others.push([a, b]);
        for (const i of entries) for (const j of entries) if (i !== j && val(i) && val(j) && !(pair.includes(i) && pair.includes(j))) others.push([val(i)!, val(j)!]);
      }
      const ops = named ? (relation === 'ratio' ? [a, b] : [a, b]) : operands;
      read.push({ relation, result, operands: ops, basis: named ? 'named' : 'nearest', alternatives: others, where, group: `column ${c}` });
    }
    claims.push(...read);
  }
}

/** Mean and Difference rows, and a Total row of distributions that is their average. */
function rowClaims(t: Table, claims: TableClaim[]): void {
  let start = 0;
  t.body.forEach((row, r) => {
    const label = row.label.trim();
    const isGroup = label && row.cells.slice(1).every((x) => !x || !x.text);
    if (isGroup) {
      start = r + 1;
      return;
    }
    const relation: Relation | undefined = MEAN_NAME.test(label) ? 'mean' : DIFF_NAME.test(label) ? 'difference' : TOTAL_NAME.test(label) ? 'mean' : undefined;
    if (!relation) return;
    const above = t.body.slice(start, r).filter((x) => !x.cells.slice(1).some((c) => c?.bracketed) && !MEAN_NAME.test(x.label) && !DIFF_NAME.test(x.label) && !N_ROW.test(x.label.trim()));
    start = r + 1;
    let assumed: string | undefined;
    // Rows with gaps (sub-rows, missing cells): which rows the paper averaged is not certain.
    const numeric = row.cells.map((c, k) => (k > 0 && c?.value ? k : -1)).filter((k) => k > 0);
    if (above.some((x) => numeric.some((k) => !x.cells[k]?.value))) assumed = 'every row above with a value in the column is averaged';
    if (TOTAL_NAME.test(label)) {
      // A Total row is a sum unless every row is a distribution over 100%: then it is their average.
      if (above.length < 2 || !above.every((x) => Math.abs(rowSum(x.cells) - 100) <= 1.5)) return;
      assumed = 'the rows have the same number of responses';
    }
    const columns = row.cells.map((c, k) => (k > 0 && c?.value ? k : -1)).filter((k) => k > 0);
    for (const k of columns) {
      const result = row.cells[k]!.value!;
      const where = `${label} row, ${t.own[k] || t.header[k] || `column ${k + 1}`}`;
      if (relation === 'mean') {
        const ops = above.map((x) => x.cells[k]?.value).filter((x): x is Num => Boolean(x));
        if (ops.length < 2) continue;
        claims.push({ relation, result, operands: ops, basis: 'listed', assumed, where, group: `row ${r}` });
      } else {
        if (above.length < 2) continue;
        const [a, b] = [above[above.length - 2].cells[k]?.value, above[above.length - 1].cells[k]?.value];
        if (!a || !b) continue;
        claims.push({ relation, result, operands: [a, b], basis: 'nearest', alternatives: [[b, a]], where, group: `row ${r}` });
      }
    }
  });
}

function rowSum(cells: (Cell | undefined)[]): number {
  return cells.slice(1).reduce((acc, c) => acc + (c?.value && !c.value.percent ? c.value.value : c?.value?.value ?? 0), 0);
}

/** An Overall/Pooled mean column against the earlier mean columns, weighted by an n row. */
function pooledClaims(t: Table, claims: TableClaim[]): void {
  const nRow = t.body.find((r) => N_ROW.test(r.label.trim()));
  if (!nRow) return;
  const stat = (h: string) => /\b(mean|average|share|proportion|rate)\b/i.exec(h)?.[1]?.toLowerCase();
  for (let c = 1; c < t.width; c++) {
    const word = stat(t.own[c]);
    const nc = nRow.cells[c]?.value;
    if (!word || !POOLED.test(t.own[c]) || !nc) continue;
    // The earlier columns of the same statistic whose n add up exactly to the pooled n.
    const parts = [];
    let total = 0;
    for (let k = c - 1; k >= 1 && total < nc.value; k--) {
      const nk = nRow.cells[k]?.value;
      if (!nk || stat(t.own[k]) !== word || POOLED.test(t.own[k])) continue;
      parts.unshift(k);
      total += nk.value;
    }
    if (parts.length < 2 || total !== nc.value) continue;
    for (const r of t.body) {
      if (r === nRow) continue;
      const result = r.cells[c]?.value;
      const ops = parts.map((k) => r.cells[k]?.value);
      if (!result || ops.some((x) => !x)) continue;
      claims.push({ relation: 'weighted-mean', result, operands: ops as Num[], weights: parts.map((k) => nRow.cells[k]!.value!), basis: 'named', where: `${r.label || 'row'}, ${t.own[c]}`, group: `pooled ${c}` });
    }
  }
}

/** Reads every derived cell of a table. */
export function readTableClaims(text: string, grid: TableGrid, nearby = ''): TableClaim[] {
  const t = readTable(text, grid);
  const claims: TableClaim[] = [];
  columnClaims(t, nearby, claims);
  rowClaims(t, claims);
  pooledClaims(t, claims);
  return claims;
}

function recompute(relation: Relation, ops: Num[], weights?: Num[]): { iv: Interval; value: number } | undefined {
  const b = ops.map(inputBounds);
  if (relation === 'mean') {
    const s = sum(b);
    return { iv: [s[0] / ops.length, s[1] / ops.length], value: ops.reduce((a, n) => a + n.value, 0) / ops.length };
  }
  if (relation === 'difference') return { iv: sub(b[0], b[1]), value: ops[0].value - ops[1].value };
  if (relation === 'ratio') {
    const iv = div(b[0], b[1]);
    return iv ? { iv, value: ops[0].value / ops[1].value } : undefined;
  }
  const w = (weights ?? []).map(inputBounds);
  const num = sum(b.map((x, i) => mul(x, w[i])));
  const den = sum(w);
  const iv = div(num, den);
  const value = ops.reduce((a, n, i) => a + n.value * weights![i].value, 0) / weights!.reduce((a, n) => a + n.value, 0);
  return iv ? { iv, value } : undefined;
}

function holds(claim: TableClaim, ops: Num[]): boolean {
  const r = recompute(claim.relation, ops, claim.weights);
  return Boolean(r && intervalMeets(claim.result, r.iv[0], r.iv[1], true));
}

function working(relation: Relation, ops: Num[], weights?: Num[]): string {
  const v = ops.map((n) => plain(n.value));
  if (relation === 'mean') return `mean(${v.join(', ')})`;
  if (relation === 'difference') return `${v[0]} - ${v[1]}`;
  if (relation === 'ratio') return `${v[0]} / ${v[1]}`;
  const w = (weights ?? []).map((n) => plain(n.value));
  return `(${v.map((x, i) => `${x} * ${w[i]}`).join(' + ')}) / (${w.join(' + ')})`;
}

const WORD: Record<Relation, string> = { mean: 'mean', difference: 'difference', ratio: 'ratio', 'weighted-mean': 'weighted mean' };

/** Judges the claims of one table: a reading confirmed by the other rows turns a miss into an error. */
export function judgeTableClaims(paper: PaperText, claims: TableClaim[], out: CheckOutput): void {
  const orderOf = (c: TableClaim) => (c.alternatives?.[0] && !holds(c, c.operands) && holds(c, c.alternatives[0]) ? 1 : 0);
  // Several rows read the same way: the orientation that holds on most of them is the table's.
  const groups = new Map<string, TableClaim[]>();
  for (const c of claims) {
    groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  }
  for (const group of groups.values()) {
    const flipped = group.filter((c) => orderOf(c) === 1).length;
    const straight = group.filter((c) => holds(c, c.operands)).length;
    const useFlip = flipped > straight;
    const good = useFlip ? flipped : straight;
    for (const c of group) {
      const ops = useFlip && c.alternatives?.[0] ? c.alternatives[0] : c.operands;
      const kind = c.relation === 'mean' || c.relation === 'weighted-mean' ? MEAN_RULE.id : ARITHMETIC_RULE.id;
      const claimSpan = cover(c.result, ...ops, ...(c.weights ?? []));
      const r = recompute(c.relation, ops, c.weights);
      if (!r) continue;
      const work = working(c.relation, ops, c.weights);
      const used = holds(c, ops) ? ops : c.basis === 'nearest' && c.alternatives?.[0] && holds(c, c.alternatives[0]) ? c.alternatives[0] : undefined;
      if (used) {
        // Verified only when the printed entries give the printed cell at its precision.
        const exact = recompute(c.relation, used, c.weights)!.value;
        if (roundsTo(c.result, exact)) out.verified.push(makeVerified(paper, kind, claimSpan, `${working(c.relation, used, c.weights)} = ${formatValue(exact, 4)}`));
        else (out.undecided ??= []).push({ kind, claim: c.where, reason: `the ${WORD[c.relation]} ${formatValue(exact, 4)} rounds to ${c.result.text} only if the entries were rounded`, span: claimSpan });
        continue;
      }
      if (c.alternatives?.slice(1).some((alt) => holds(c, alt))) {
        (out.undecided ??= []).push({ kind, claim: c.where, reason: `the ${WORD[c.relation]} matches another pair of columns; which ones it is of is not stated`, span: claimSpan });
        continue;
      }
      // Other rows where the reading holds make the miss an error; alone (or on an assumption), a warning.
      if (group.length > 2 && good * 2 < group.length) continue; // the reading does not fit this table
      const confirmed = (c.basis === 'named' || (good >= 1 && group.length >= 2)) && !c.assumed;
      const severity = confirmed ? 'error' : 'warning';
      const recomputed = formatLike(c.result, r.value);
      out.findings.push(
        makeFinding(paper, {
          kind,
          severity,
          message: `${c.where}: the ${WORD[c.relation]} of the entries it is read from is ${recomputed}, not ${c.result.text}${c.assumed ? ` (assuming ${c.assumed})` : ''}.`,
          claimSpan,
          span: c.result,
          reported: c.result.text,
          recomputed,
          working: work,
          related: ops,
        }),
      );
    }
  }
}

/** Text next to a table where a derived column may be defined ("Δ = A − B"). */
function nearbyText(paper: PaperText, grid: TableGrid): string {
  return `${grid.caption}\n${paper.text.slice(grid.end, Math.min(paper.text.length, grid.end + 400))}`;
}

/** Where the cells another table check read end: a cell is judged once, by the first check that reads it. */
function endsReadBy(output: CheckOutput): Set<number> {
  const ends = new Set<number>();
  for (const f of output.findings) ends.add(f.span.end);
  for (const v of output.verified) ends.add(v.span.end);
  for (const u of output.undecided ?? []) ends.add(u.span.end);
  return ends;
}

function readElsewhere(ends: Set<number>, n: Num): boolean {
  for (let k = 0; k <= 3; k++) if (ends.has(n.end + k)) return true;
  return false;
}

/** `alone` judges every derived cell; by default cells the table-means and table-relations checks read are left to them. */
export function checkTableDerived(paper: PaperText, alone = false): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [], undecided: [] };
  if (!paper.tables.length) return out;
  // Mean columns and rows, and computed columns, that the table-means and table-relations checks
  // already judge are left to them: one finding per cell.
  const none = new Set<number>();
  const means = alone ? none : endsReadBy(checkTableMeans(paper));
  const relations = alone ? none : endsReadBy(checkTableRelations(paper));
  for (const grid of paper.tables) {
    const claims = readTableClaims(paper.text, grid, nearbyText(paper, grid)).filter((c) =>
      !readElsewhere(c.relation === 'mean' || c.relation === 'weighted-mean' ? means : relations, c.result));
    judgeTableClaims(paper, claims, out);
  }
  return out;
}

export const tableDerivedCheck: CheckModule = {
  name: 'table-derived',
  title: 'Derived table cells',
  description: 'Recomputes table cells the header names as derived: Mean or Average columns and rows, Δ or Difference columns and rows, Ratio (or "A/B", or "×") columns, and an Overall mean pooled from earlier means by an n row.',
  kinds: [MEAN_RULE, ARITHMETIC_RULE],
  shapes: [
    { name: 'mean column', example: 'Site | Jan | Feb | Mar | Mean, with 2.0 | 4.0 | 6.0 | 4.0' },
    { name: 'mean row', example: 'a last row Average under the rows it averages' },
    { name: 'difference', example: 'Before | After | Δ with 10.5 | 12.0 | +1.5; a Difference row under two rows' },
    { name: 'ratio', example: 'Time A | Time B | Speed-up with 8.0 | 2.0 | 4.0×; a column headed (A)/(B)' },
    { name: 'pooled mean', example: 'Group 1 Mean | Group 2 Mean | Overall Mean with an n row 100 | 300 | 400' },
  ],
  leavesAlone: [
    'Columns whose header does not say they are derived: discovering relations between unnamed columns is the table check\'s work.',
    'A Δ whose operands are not the two columns before it, unless a "Δ = A − B" line names them.',
    'A Total row that is a sum (the table total check reads those).',
  ],
  run: (paper) => checkTableDerived(paper),
};
