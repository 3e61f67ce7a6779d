// Table totals: a row or column labelled Total, Sum, All or Overall against the entries it sums,
// and an aggregate row of percentages or means against the (count-weighted) mean of the rows
// above. Only judged where the structure is unambiguous: another column of the same row must
// confirm that the row is a sum, or a count column must sum exactly to give the weights.

import { formatLike, intervalMeets, roundingInterval } from '../../numbers.ts';
import type { CheckOutput, PaperText, TableGrid } from '../../types.ts';
import { numbersIn, type Num } from './context.ts';
import type { Interval } from './interval-math.ts';
import { cover, formatValue, makeFinding, makeVerified, plain } from './report.ts';
import { isGroupHeading, isTotalLabel, readGrid, span, type Grid, type ParsedCell } from './table-grid.ts';
import type { CheckModule } from '../module.ts';

function countOf(cell: ParsedCell | undefined): Num | undefined {
  if (!cell?.value) return undefined;
  if (cell.kind === 'count-percent') return cell.value;
  if (cell.kind === 'number') return cell.value;
  return undefined;
}

function isPercentColumn(grid: Grid, c: number, rows: number[]): boolean {
  const cells = rows.map((r) => grid.rows[r][c]).filter((x) => x && x.kind !== 'empty');
  return cells.length > 0 && (cells.every((x) => x!.kind === 'percent') || (/%|percent|rate|proportion|share/i.test(grid.columnHeader[c] ?? '') && cells.every((x) => x!.kind === 'number')));
}

// Regression estimates: an overall effect is a weighted average of the group effects, never their
// sum, even when a count column of the same row (the groups' sizes) does add up.
const ESTIMATE_HEADER = /\b(?:ATT|ATE|ITT|coef(?:f?icients?|s?\.?)|estimates?)\b/i;

function isEstimateColumn(grid: Grid, c: number, rows: number[]): boolean {
  if (ESTIMATE_HEADER.test(grid.columnHeader[c] ?? '')) return true;
  return rows.some((r) => /\d\s*\*+$/.test(grid.rows[r][c]?.cell.text.trim() ?? ''));
}

function sumInterval(nums: Num[]): Interval {
  return nums.reduce<Interval>((acc, n) => {
    const [lo, hi] = n.decimals === 0 && n.exponent === 0 ? [n.value, n.value] : roundingInterval(n);
    return [acc[0] + lo, acc[1] + hi];
  }, [0, 0]);
}

export function checkTableTotals(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  for (const table of paper.tables) {
    const grid = readGrid(paper.text, table);
    const own: CheckOutput = { findings: [], verified: [] };
    totalRows(paper, grid, own);
    totalColumns(paper, grid, own);
    sampleSizes(paper, grid, own);
    // The grand total (Total row × Total column) is off whenever an entry is: blame the entry.
    const grand = new Set<number>();
    for (let t = grid.headerRows; t < grid.rows.length; t++) {
      if (!isTotalLabel(grid.labels[t])) continue;
      for (let c = 1; c < grid.width; c++) if (isTotalColumn(grid, c) && grid.rows[t][c]) grand.add(grid.rows[t][c]!.cell.start);
    }
    const others = own.findings.filter((f) => !grand.has(f.claimSpan!.start) && !grand.has(f.span.start));
    for (const f of own.findings) {
      const isGrand = grand.has(f.span.start);
      if (!isGrand || others.length === 0) out.findings.push(f);
    }
    out.verified.push(...own.verified);
  }
  return out;
}

/** The rows a total row may sum: all body rows since the last total, or the last group only. */
function candidateRanges(grid: Grid, t: number): number[][] {
  let start = grid.headerRows;
  for (let r = t - 1; r >= grid.headerRows; r--) {
    if (isTotalLabel(grid.labels[r])) {
      start = r + 1;
      break;
    }
  }
  const all: number[] = [];
  for (let r = start; r < t; r++) if (!isGroupHeading(grid, r)) all.push(r);
  const ranges = [all];
  let g = t - 1;
  while (g >= start && !isGroupHeading(grid, g)) g--;
  if (g >= start) {
    const group: number[] = [];
    for (let r = g + 1; r < t; r++) group.push(r);
    if (group.length >= 2 && group.length < all.length) ranges.push(group);
  }
  return ranges.filter((r) => r.length >= 2);
}

function totalRows(paper: PaperText, grid: Grid, out: CheckOutput): void {
  for (let t = grid.headerRows; t < grid.rows.length; t++) {
    if (!isTotalLabel(grid.labels[t])) continue;
    const label = grid.labels[t];
    const ranges = candidateRanges(grid, t);
    for (const rows of ranges) {
      // Sums: count columns where every row above has a number.
      const sums: { c: number; total: Num; parts: Num[]; ok: boolean }[] = [];
      for (let c = 1; c < grid.width; c++) {
        const total = countOf(grid.rows[t][c]);
        if (!total || isPercentColumn(grid, c, rows) || isEstimateColumn(grid, c, [...rows, t])) continue;
        const parts = rows.map((r) => countOf(grid.rows[r][c]));
        if (parts.some((p) => !p)) continue;
        const iv = sumInterval(parts as Num[]);
        sums.push({ c, total, parts: parts as Num[], ok: intervalMeets(total, iv[0], iv[1]) });
      }
      const confirmed = sums.filter((x) => x.ok);
      if (!confirmed.length) {
        // One count column under a Total row over the whole body: the label states the sum, but no
        // other column confirms which rows it covers, so a mismatch is a warning.
        if (sums.length === 1 && rows.length >= 3 && ranges.length === 1 && PLAIN_TOTAL.test(label.trim())) unconfirmedTotal(paper, grid, t, sums[0], out);
        continue;
      }
      for (const x of sums) {
        const working = x.parts.map((p) => plain(p.value)).join(' + ');
        const exact = x.parts.reduce((a, p) => a + p.value, 0);
        const cell = grid.rows[t][x.c]!;
        if (x.ok) {
          out.verified.push(makeVerified(paper, 'table-total', span(cell), `${working} = ${formatValue(exact, 4)}`));
          continue;
        }
        const recomputed = formatLike(x.total, exact);
        out.findings.push(
          makeFinding(paper, {
            kind: 'table-total',
            severity: 'error',
            message: `${label} row, ${grid.columnHeader[x.c] || `column ${x.c + 1}`}: the rows above add up to ${recomputed}, not ${x.total.text}.`,
            claimSpan: span(cell),
            span: x.total,
            reported: x.total.text,
            recomputed,
            working,
            suggestion: recomputed,
            related: x.parts,
          }),
        );
      }
      // Aggregate percentages: the mean of the rows above, weighted by the confirmed count column.
      const weights = confirmed.length === 1 ? confirmed[0] : undefined;
      for (let c = 1; c < grid.width; c++) {
        if (sums.some((x) => x.c === c)) continue;
        const agg = grid.rows[t][c];
        if (!agg?.value || agg.kind !== 'percent') continue;
        const vals = rows.map((r) => grid.rows[r][c]);
        if (vals.some((v) => !v?.value || v.kind !== 'percent')) continue;
        const nums = vals.map((v) => v!.value!);
        // 100% over entries below 100% is no mean: it says the column is shares of a whole (table-shares).
        if (agg.value.value === 100 && nums.some((x) => x.value < 100)) continue;
        const n = nums.length;
        const unweighted: Interval = [nums.reduce((a, x) => a + roundingInterval(x)[0], 0) / n, nums.reduce((a, x) => a + roundingInterval(x)[1], 0) / n];
        const cellSpan = span(agg);
        if (intervalMeets(agg.value, ...unweighted, true)) {
          out.verified.push(makeVerified(paper, 'table-total', cellSpan, `mean(${nums.map((x) => plain(x.value)).join(', ')})`));
          continue;
        }
        if (!weights) continue;
        const w = weights.parts.map((p) => p.value);
        const W = w.reduce((a, x) => a + x, 0);
        const weighted: Interval = [nums.reduce((a, x, i) => a + w[i] * roundingInterval(x)[0], 0) / W, nums.reduce((a, x, i) => a + w[i] * roundingInterval(x)[1], 0) / W];
        const exact = nums.reduce((a, x, i) => a + w[i] * x.value, 0) / W;
        const working = `(${nums.map((x, i) => `${w[i]} * ${plain(x.value)}`).join(' + ')}) / ${W}`;
        if (intervalMeets(agg.value, ...weighted, true)) {
          out.verified.push(makeVerified(paper, 'table-total', cellSpan, `${working} = ${formatValue(exact, 3)}`));
          continue;
        }
        const recomputed = formatLike(agg.value, exact);
        const wName = grid.columnHeader[weights.c] || `column ${weights.c + 1}`;
        out.findings.push(
          makeFinding(paper, {
            kind: 'table-total',
            severity: 'error',
            message: `${label} row, ${grid.columnHeader[c] || `column ${c + 1}`}: the rows above, weighted by ${wName}, average ${recomputed}, not ${agg.value.text}.`,
            claimSpan: cellSpan,
            span: agg.value,
            reported: agg.value.text,
            recomputed,
            working,
            suggestion: recomputed,
            related: nums,
          }),
        );
      }
      break; // the first range that is confirmed as a sum is the one the row totals
    }
  }
}

/** A label that says Total and nothing else ("All non-drug" names a subset). */
const PLAIN_TOTAL = /^(?:grand\s+)?(?:total|totals|sum|overall)\s*:?$/i;

function unconfirmedTotal(paper: PaperText, grid: Grid, t: number, x: { c: number; total: Num; parts: Num[] }, out: CheckOutput): void {
  const exact = x.parts.reduce((a, p) => a + p.value, 0);
  if (x.parts.some((p) => p.value > x.total.value)) return; // not parts of this total
  const recomputed = formatLike(x.total, exact);
  out.findings.push(
    makeFinding(paper, {
      kind: 'table-total',
      severity: 'warning',
      message: `${grid.labels[t]} row, ${grid.columnHeader[x.c] || `column ${x.c + 1}`}: the rows above add up to ${recomputed}, not ${x.total.text} (if the ${grid.labels[t]} row is their sum).`,
      claimSpan: span(grid.rows[t][x.c]!),
      span: x.total,
      reported: x.total.text,
      recomputed,
      working: x.parts.map((p) => plain(p.value)).join(' + '),
      related: x.parts,
    }),
  );
}

function isTotalColumn(grid: Grid, t: number): boolean {
  const header = (grid.columnHeader[t] ?? '').trim();
  return t >= 2 && /^(?:grand\s+)?(?:total|sum|all|overall)\b/i.test(header);
}

function totalColumns(paper: PaperText, grid: Grid, out: CheckOutput): void {
  for (let t = 2; t < grid.width; t++) {
    const header = grid.columnHeader[t] ?? '';
    if (!isTotalColumn(grid, t)) continue;
    // Count columns between the label column and the total column, after the last percentage column.
    const results: { r: number; total: Num; parts: Num[]; ok: boolean }[] = [];
    for (let r = grid.headerRows; r < grid.rows.length; r++) {
      const total = countOf(grid.rows[r][t]);
      if (!total) continue;
      const parts: Num[] = [];
      let clean = true;
      for (let c = 1; c < t; c++) {
        const cell = grid.rows[r][c];
        if (!cell || cell.kind === 'empty') continue;
        const n = countOf(cell);
        if (!n || cell.kind === 'percent') {
          clean = false;
          break;
        }
        parts.push(n);
      }
      if (!clean || parts.length < 2) continue;
      const iv = sumInterval(parts);
      results.push({ r, total, parts, ok: intervalMeets(total, iv[0], iv[1]) });
    }
    const okCount = results.filter((x) => x.ok).length;
    if (okCount < 2 || okCount < results.length / 2) continue;
    for (const x of results) {
      const cell = grid.rows[x.r][t]!;
      const working = x.parts.map((p) => plain(p.value)).join(' + ');
      const exact = x.parts.reduce((a, p) => a + p.value, 0);
      if (x.ok) {
        out.verified.push(makeVerified(paper, 'table-total', span(cell), `${working} = ${formatValue(exact, 4)}`));
        continue;
      }
      const recomputed = formatLike(x.total, exact);
      const label = grid.labels[x.r] || `row ${x.r + 1}`;
      out.findings.push(
        makeFinding(paper, {
          kind: 'table-total',
          severity: 'error',
          message: `${label}: the entries of the row add up to ${recomputed}, not ${x.total.text} (${header}).`,
          claimSpan: { start: grid.rows[x.r].find((c) => c)?.cell.start ?? cell.cell.start, end: cell.cell.end },
          span: x.total,
          reported: x.total.text,
          recomputed,
          working,
          suggestion: recomputed,
          related: x.parts,
        }),
      );
    }
  }
}

const OVERALL_HEADER = /\b(?:overall|total|all|full\s+sample|pooled|combined|whole\s+sample)\b/i;
const N_LABEL = /^(?:n|N|obs\.?|observations|sample\s+size|participants|respondents)\s*$/;

/** A column's sample size: "N = 436" in its header, or its cell in a body row labelled N. */
function sampleSizeOf(paper: PaperText, grid: Grid, c: number): Num | undefined {
  for (let r = 0; r < grid.rows.length; r++) {
    const cell = grid.table.rows[r].find((x) => x.column === c && x.colspan === 1);
    if (!cell) continue;
    if (r < grid.headerRows || grid.headerRows === grid.rows.length) {
      const m = /\b[Nn]\s*=\s*/.exec(cell.text);
      if (!m) continue;
      const n = numbersIn(paper.text, cell).find((x) => x.start >= cell.start + m.index + m[0].length);
      if (n && n.decimals === 0 && !n.percent) return n;
    } else if (N_LABEL.test(grid.labels[r])) {
      const n = countOf(grid.rows[r][c]);
      if (n && n.decimals === 0) return n;
    }
  }
  return undefined;
}

/**
 * Sample sizes across column groups: an Overall (Total, All) column's N against the Ns of the group
 * columns beside it ("Overall N = 500 | No N = 320 | Yes N = 180"). Equal is verified; a sum that
 * differs is a warning (people may be missing from the groups), unless some of the groups already
 * make up the total (overlapping groupings).
 */
function sampleSizes(paper: PaperText, grid: Grid, out: CheckOutput): void {
  const ns = new Map<number, Num>();
  for (let c = 1; c < grid.width; c++) {
    const n = sampleSizeOf(paper, grid, c);
    if (n) ns.set(c, n);
  }
  if (ns.size < 3) return;
  const cols = [...ns.keys()];
  const isOverall = (c: number) => OVERALL_HEADER.test(grid.columnHeader[c] ?? '');
  for (const t of cols.filter(isOverall)) {
    const i = cols.indexOf(t);
    const parts: number[] = [];
    if (i === 0) for (let j = 1; j < cols.length && !isOverall(cols[j]); j++) parts.push(cols[j]);
    else for (let j = i - 1; j >= 0 && !isOverall(cols[j]); j--) parts.unshift(cols[j]);
    if (parts.length < 2) continue;
    const total = ns.get(t)!;
    const nums = parts.map((c) => ns.get(c)!);
    const exact = nums.reduce((a, n) => a + n.value, 0);
    const working = nums.map((n) => plain(n.value)).join(' + ');
    if (exact === total.value) {
      out.verified.push(makeVerified(paper, 'table-total', cover(total, ...nums), `${working} = ${formatValue(exact, 4)}`));
      continue;
    }
    let run = 0;
    if (nums.some((n) => (run += n.value) === total.value)) continue;
    out.findings.push(
      makeFinding(paper, {
        kind: 'table-total',
        severity: 'warning',
        message: `The group sizes ${nums.map((n) => n.text).join(', ')} add up to ${formatValue(exact, 4)}, not the ${grid.columnHeader[t].trim()} ${total.text}; this holds only if some are missing from the groups.`,
        claimSpan: cover(total, ...nums),
        span: total,
        reported: total.text,
        recomputed: formatValue(exact, 4),
        working,
        related: nums,
      }),
    );
  }
}

export type { TableGrid };

export const TABLE_TOTAL_RULE = { id: 'table-total', title: 'Table total', description: 'A Total, Sum or aggregate row or column does not match the entries it summarises.', defaultSeverity: 'error' } as const;

export const tableTotalCheck: CheckModule = {
  name: 'table-total',
  title: 'Table totals',
  description: 'Adds up the entries a Total, Sum or aggregate row or column summarises.',
  kinds: [TABLE_TOTAL_RULE],
  shapes: [
    { name: 'total row', example: 'a last row labelled Total under counts per group' },
    { name: 'total column', example: 'a column Total next to counts per category' },
    { name: 'group sizes against Overall', example: 'headers Overall N = 500, No N = 320, Yes N = 180, or a row labelled N' },
    { name: 'Total row over one column', example: 'a Total row under a single column of counts (a warning when it differs)' },
  ],
  leavesAlone: [
    'Aggregate rows whose structure is ambiguous (no other column confirms the sum), except a plain Total over one column, which is a warning.',
    'Group sizes that do not add to the Overall N when some of the groups already do (overlapping groupings).',
    'Columns of estimates (significance stars, or headed ATT, coefficient, estimate): an overall effect is an average of the groups\' effects.',
  ],
  run: checkTableTotals,
};
