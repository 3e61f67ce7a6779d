// Tests reported in tables: a header row with unambiguous statistic, df and p columns
// ("t", "df", "p"), and data rows whose cells in those columns are plain numbers.

import { parseReported } from '../../numbers.ts';
import type { ReportedNumber } from '../../numbers.ts';
import type { PaperText, TableCell } from '../../types.ts';
import type { TestType } from './distributions.ts';
import { parseDf } from './parse-tests.ts';
import type { ReportedP } from './parse-tests.ts';
import type { LocatedTest } from './p-value.ts';
import { normaliseForStats } from './text-util.ts';

const KEY_DROPPED = /[\s\u200b${}\\]/g;
const KEY_PARENS = /^\((.*)\)$/;
const T_HEADER = /^t(?:-?(?:value|stat(?:istic)?))?$/;
const F_HEADER = /^F(?:-?(?:value|ratio|stat(?:istic)?))?$/;
const Z_HEADER = /^[zZ](?:-?(?:value|score|stat(?:istic)?))?$/;
const CHI2_HEADER = /^(?:χ\^?2|χ²|X\^?2|X²|[Cc]hi-?(?:square|\^?2))$/;
const DF_HEADER = /^(?:df|d\.f\.|DF)$/;
const DF1_HEADER = /^(?:df_?1|df_?num|numdf|df_?effect)$/i;
const DF2_HEADER = /^(?:df_?2|df_?den|dendf|df_?error|df_?resid(?:ual)?)$/i;
const P_HEADER = /^(?:p|p-?value|Pr\(>\|[tzF]\|\)|Sig\.?|p\(two-tailed\))$/i;
/** No header pattern above matches a key longer than this ("p(two-tailed)" is 13). */
const LONGEST_HEADER = 13;

function headerKey(text: string): string {
  return normaliseForStats(text).replace(KEY_DROPPED, '').replace(KEY_PARENS, '$1');
}

function statType(h: string): TestType | undefined {
  if (h.length > LONGEST_HEADER) return undefined;
  if (T_HEADER.test(h)) return 't';
  if (F_HEADER.test(h)) return 'F';
  if (Z_HEADER.test(h)) return 'z';
  if (CHI2_HEADER.test(h)) return 'chi2';
  return undefined;
}

const isDf = (h: string): boolean => h.length <= LONGEST_HEADER && DF_HEADER.test(h);
const isDf1 = (h: string): boolean => h.length <= LONGEST_HEADER && DF1_HEADER.test(h);
const isDf2 = (h: string): boolean => h.length <= LONGEST_HEADER && DF2_HEADER.test(h);
const isP = (h: string): boolean => h.length <= LONGEST_HEADER && P_HEADER.test(h);
const NS_CELL = /^(?:ns|n\.s\.)$/;

function cellAt(row: TableCell[], col: number): TableCell | undefined {
  return row.find((c) => col >= c.column && col < c.column + c.colspan);
}

// Scientific notation as extractors write it: "6.97 × 10^-3", "6.97e-3", "6.97E-03".
const NUM = String.raw`(?:\d+(?:\.\d+)?|\.\d+)(?:\s*[×x·]\s*10\s?\^\s?\{?[-\u2212]?\d+\}?|[eE][-\u2212]?\d+)?`;
const STAT_CELL = new RegExp(String.raw`^\s*([-\u2212\u2013])?\s*(${NUM})\s*[*†‡]*\s*$`);
const P_CELL = new RegExp(String.raw`^\s*(<|>|=|≤|≥|<=|>=)?\s*(${NUM})\s*[*†‡]*\s*$`);

function statFrom(cell: TableCell): ReportedNumber | undefined {
  const m = STAT_CELL.exec(cell.text);
  if (!m) return undefined;
  const at = cell.start + cell.text.indexOf(m[2]);
  const n = parseReported(m[2], at);
  if (!n) return undefined;
  return m[1] ? { ...n, value: -n.value, text: m[1] + n.text } : n;
}

function pFrom(cell: TableCell): ReportedP | undefined {
  const t = cell.text.trim();
  if (NS_CELL.test(t)) {
    const at = cell.start + cell.text.indexOf(t);
    return { relation: '>', text: t, span: { start: at, end: at + t.length }, subscript: '' };
  }
  const m = P_CELL.exec(cell.text);
  if (!m) return undefined;
  const at = cell.start + cell.text.indexOf(m[2], m[1] ? cell.text.indexOf(m[1]) + m[1].length : 0);
  const value = parseReported(m[2], at);
  if (!value || value.value > 1) return undefined;
  const r = m[1] ?? '=';
  const relation = r === '=' ? '=' : r.startsWith('<') || r === '≤' ? '<' : '>';
  return { relation, value, text: cell.text.trim(), span: { start: value.start, end: value.end }, subscript: '' };
}

/** Complete tests in table rows below a header that names the statistic, df and p columns. */
export function findTableTests(paper: PaperText): LocatedTest[] {
  const out: LocatedTest[] = [];
  for (const table of paper.tables) {
    let layout: { type: TestType; stat: number; df?: number; df1?: number; df2?: number; p: number } | undefined;
    for (const row of table.rows) {
      const keys = row.map((c) => headerKey(c.text));
      const stats = keys.map((k, i) => [statType(k), i] as const).filter(([t]) => t !== undefined);
      const ps = keys.map((k, i) => [isP(k), i] as const).filter(([b]) => b);
      if (stats.length === 1 && ps.length === 1) {
        const type = stats[0][0]!;
        const dfs = keys.flatMap((k, i) => (isDf(k) ? [i] : []));
        const df1s = keys.flatMap((k, i) => (isDf1(k) ? [i] : []));
        const df2s = keys.flatMap((k, i) => (isDf2(k) ? [i] : []));
        const col = (i: number): number => row[i].column;
        if (type === 'z' && dfs.length === 0) layout = { type, stat: col(stats[0][1]), p: col(ps[0][1]) };
        else if (dfs.length === 1 && df1s.length === 0) layout = { type, stat: col(stats[0][1]), df: col(dfs[0]), p: col(ps[0][1]) };
        else if (type === 'F' && df1s.length === 1 && df2s.length === 1) layout = { type, stat: col(stats[0][1]), df1: col(df1s[0]), df2: col(df2s[0]), p: col(ps[0][1]) };
        else layout = undefined;
        continue;
      }
      if (!layout) continue;
      const statCell = cellAt(row, layout.stat);
      const pCell = cellAt(row, layout.p);
      if (!statCell || !pCell || statCell === pCell) continue;
      const stat = statFrom(statCell);
      const p = pFrom(pCell);
      if (!stat || !p) continue;
      let dfText = '';
      if (layout.df !== undefined) dfText = cellAt(row, layout.df)?.text ?? '';
      else if (layout.df1 !== undefined && layout.df2 !== undefined) dfText = `${cellAt(row, layout.df1)?.text ?? ''}, ${cellAt(row, layout.df2)?.text ?? ''}`;
      let df: { df1: number; df2?: number } | undefined;
      if (layout.type !== 'z') {
        df = parseDf(layout.type, dfText);
        if (!df) continue;
      }
      if (layout.type === 'F' && stat.value < 0) continue;
      if (layout.type === 'chi2' && stat.value < 0) continue;
      const start = Math.min(...row.map((c) => c.start));
      const end = Math.max(...row.map((c) => c.end));
      out.push({
        type: layout.type,
        statRelation: '=',
        name: layout.type === 'chi2' ? 'χ²' : layout.type,
        df1: df?.df1,
        df2: df?.df2,
        dfText,
        stat,
        p,
        span: { start, end },
        claimText: row.map((c) => c.text.trim()).join(' | '),
        sentence: table.caption,
      });
    }
  }
  return out;
}
