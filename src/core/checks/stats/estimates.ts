// Beyond statcheck: an estimate reported with its standard error, confidence interval, test
// statistic and p, as in "b = 0.45, SE = 0.12, t(80) = 3.75, p < .001" or "β = −0.48, 95% CI
// [−0.82, −0.14], z = −2.74, p = .006". What the numbers allow is checked: t (or z) = b / SE, a
// CI's half-width = critical value × SE (or × b / t), and the CI against the p (a 95% CI that
// excludes 0, or 1 for a ratio, goes with p < .05). Each item is parsed with sticky patterns
// after its estimate, so the scan is linear.

import tCdf from '@stdlib/stats-base-dists-t-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { halfUnit, parseReported, roundingInterval } from '../../numbers.ts';
import type { ReportedNumber } from '../../numbers.ts';
import type { CheckOutput, PaperText, RawFinding, RawVerified, Severity, TextSpan } from '../../types.ts';
import { statsContext } from './context.ts';
import { collapse } from './text-util.ts';
import type { CheckModule } from '../module.ts';

const NUM = String.raw`(?:\d+(?:\.\d+)?|\.\d+)`;
const SIGNED = String.raw`(?:[-\u2212\u2013]\s?)?${NUM}`;
// Unstandardised coefficients (b, B, estimate), standardised ones (β), ratios (OR, HR, RR) and
// differences (d, g, MD): the name, optional hat or subscript, then "= value".
const ESTIMATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_\\])(b|B|β|beta|[Ee]st(?:imate)?|[Cc]oef(?:ficient)?|OR|HR|RR|IRR|d|g|MD|Δ|[Mm]ean difference)\p{M}*(?:_\{?[\p{L}\p{N}]{1,8}\}?)?\s*=\s*(${SIGNED})(?!\d|\.\d)`,
  'gu',
);
const SEP = /\s*[,;]\s*/y;
const SE_ITEM = new RegExp(String.raw`(?:SE|S\.E\.|s\.e\.|[Ss]td\.? ?[Ee]rr(?:or)?)\s*=\s*(${NUM})(?!\d|\.\d)`, 'y');
const CI_ITEM = new RegExp(
  String.raw`(?:(\d{2}(?:\.\d+)?)\s?%\s?)?(?:CI|C\.I\.|confidence interval)\s*[:=]?\s*[\[(]\s*(${SIGNED})\s*(?:,|;|to|–)\s*(${SIGNED})\s*[\])]`,
  'y',
);
const STAT_ITEM = new RegExp(String.raw`(t|z|Z)(?:\s?\(\s*(\d+(?:\.\d+)?)\s*\))?\s*=\s*(${SIGNED})(?!\d|\.\d)`, 'y');
const P_ITEM = new RegExp(String.raw`p\s*(=|<|>|≤|≥)\s*(${NUM})(?!\d|\.\d)`, 'y');
const OTHER_ITEM = new RegExp(String.raw`[^\s=,;()\[\]]{1,12}\s*=\s*${SIGNED}%?`, 'uy');

interface Clause {
  name: string;
  est: ReportedNumber;
  se?: ReportedNumber;
  ci?: { level: number; lo: ReportedNumber; hi: ReportedNumber };
  stat?: { type: 't' | 'z'; df?: number; value: ReportedNumber };
  p?: { relation: '=' | '<' | '>'; value: ReportedNumber };
  span: TextSpan;
}

function at(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

/** The items that follow an estimate, in any order, up to the first thing that is none of them. */
export function parseClause(s: string, m: RegExpExecArray): Clause | undefined {
  const est = parseReported(m[2], m.index + m[0].length - m[2].length);
  if (!est) return undefined;
  const clause: Clause = { name: m[1], est, span: { start: m.index, end: m.index + m[0].length } };
  let pos = clause.span.end;
  for (let k = 0; k < 6; k++) {
    const sep = at(SEP, s, pos);
    if (!sep) break;
    const from = pos + sep[0].length;
    let hit: RegExpExecArray | null;
    if (!clause.se && (hit = at(SE_ITEM, s, from))) clause.se = parseReported(hit[1], from + hit[0].length - hit[1].length);
    else if (!clause.ci && (hit = at(CI_ITEM, s, from))) {
      const lo = parseReported(hit[2], from + hit[0].indexOf(hit[2], hit[0].search(/[[(]/)));
      const hiAt = hit[0].lastIndexOf(hit[3]);
      const hi = parseReported(hit[3], from + hiAt);
      if (lo && hi) clause.ci = { level: hit[1] ? Number(hit[1]) : 95, lo, hi };
    } else if (!clause.stat && (hit = at(STAT_ITEM, s, from))) {
      const value = parseReported(hit[3], from + hit[0].length - hit[3].length);
      if (value) clause.stat = { type: hit[1] === 't' ? 't' : 'z', df: hit[2] ? Number(hit[2]) : undefined, value };
    } else if (!clause.p && (hit = at(P_ITEM, s, from))) {
      const value = parseReported(hit[2], from + hit[0].length - hit[2].length);
      if (value) clause.p = { relation: hit[1] === '=' ? '=' : hit[1] === '<' || hit[1] === '≤' ? '<' : '>', value };
    } else if ((hit = at(OTHER_ITEM, s, from)) && !at(ESTIMATE_STICKY, s, from)) {
      // another statistic in between (an R², a df): skipped
    } else break;
    pos = from + hit![0].length;
    clause.span.end = pos;
  }
  return clause;
}
const ESTIMATE_STICKY = new RegExp(ESTIMATE.source, 'uy');

/**
 * Whether this check reads the estimate ending at `estimateEnd` with both an SE and a CI (so judges
 * their agreement itself): other readers of the same numbers leave it to this one.
 */
export function readsSeAndInterval(text: string, estimateEnd: number): boolean {
  const re = new RegExp(ESTIMATE.source, 'gu');
  re.lastIndex = Math.max(0, estimateEnd - 48);
  for (let m = re.exec(text); m && m.index < estimateEnd; m = re.exec(text)) {
    if (m.index + m[0].length !== estimateEnd) continue;
    const clause = parseClause(text, m);
    return Boolean(clause?.se && clause.ci);
  }
  return false;
}

const RATIO = /^(?:OR|HR|RR|IRR)$/;
const STANDARDISED = /^(?:β|beta)$/;

/** The two-sided critical value of a CI at `level` percent: z, or t with df. */
export function criticalValue(level: number, df?: number): number {
  const target = (1 + level / 100) / 2;
  const cdf = df === undefined ? (x: number) => normalCdf(x, 0, 1) : (x: number) => tCdf(x, df);
  // Searched up to 60 (t with 1 df at a level of about 98.9%); a wider critical value comes out as 60.
  let lo = 0;
  let hi = 60;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

type Interval = [number, number];
const SLACK = 1e-9;
const meets = (a: Interval, b: Interval): boolean => a[1] >= b[0] - SLACK && a[0] <= b[1] + SLACK;
const abs = (x: Interval): Interval => (x[0] >= 0 ? x : x[1] <= 0 ? [-x[1], -x[0]] : [0, Math.max(-x[0], x[1])]);
const fmt = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(1) : Number(x.toPrecision(3)).toString());

/** |b| / SE across the rounding of both (SE > 0). */
function ratioInterval(b: ReportedNumber, se: ReportedNumber): Interval | undefined {
  const [b0, b1] = abs(roundingInterval(b));
  const [s0, s1] = roundingInterval(se);
  if (!(s1 > 0)) return undefined;
  return [b0 / s1, s0 > 0 ? b1 / s0 : Infinity];
}

interface Out {
  findings: RawFinding[];
  verified: RawVerified[];
}

function finding(kind: RawFinding['kind'], severity: Severity, c: Clause, s: string, target: ReportedNumber, message: string, working: string, explanation: string): RawFinding {
  return { kind, severity, message, claim: collapse(s.slice(c.span.start, c.span.end)), reported: target.text, working, explanation, span: { start: target.start, end: target.end }, claimSpan: c.span, related: [{ start: c.est.start, end: c.est.end }] };
}

/** t (or z) = b / SE. */
function checkCoefficientT(c: Clause, s: string, out: Out): void {
  if (!c.se || !c.stat || RATIO.test(c.name)) return;
  const q = ratioInterval(c.est, c.se);
  if (!q) return;
  const t = abs(roundingInterval(c.stat.value));
  const working = `|${c.est.text}| / ${c.se.text} = ${fmt(Math.abs(c.est.value) / c.se.value)} (from ${fmt(q[0])} to ${fmt(q[1])} across rounding); reported |${c.stat.type}| = ${fmt(Math.abs(c.stat.value.value))}`;
  const claim = collapse(s.slice(c.span.start, c.span.end));
  if (meets(q, t)) {
    out.verified.push({ kind: 'coef-t', claim, working, span: c.stat.value });
    return;
  }
  // β may be standardised while the SE is the raw coefficient's, as SPSS tables print them.
  const severity: Severity = STANDARDISED.test(c.name) ? 'warning' : 'error';
  out.findings.push(
    finding('coef-t', severity, c, s, c.stat.value, `${c.name} = ${c.est.text} with SE = ${c.se.text} gives ${c.stat.type} = ${fmt(Math.abs(c.est.value) / c.se.value)}, not ${c.stat.value.text}.`, working, `A ${c.stat.type} statistic for a coefficient is the coefficient divided by its standard error, and ${c.est.text} / ${c.se.text} does not round to ${c.stat.value.text}; one of the three is likely mistyped.`),
  );
}

/** A CI's half-width against the SE (or against b / t): half = critical value × SE. */
function checkIntervalWidth(c: Clause, s: string, out: Out): void {
  if (!c.ci || RATIO.test(c.name)) return;
  const [lo0, lo1] = roundingInterval(c.ci.lo);
  const [hi0, hi1] = roundingInterval(c.ci.hi);
  const half: Interval = [(hi0 - lo1) / 2, (hi1 - lo0) / 2];
  if (!(half[1] > 0)) return;
  // The critical value is z's for a z test; for a t test it is t's with its df, or z's when the
  // interval is a normal-approximation (Wald) one, as mixed-model software prints; without df it
  // lies between z and t with 10 df (a CI of a small sample is wider).
  const df = c.stat?.type === 't' ? c.stat.df : undefined;
  const exact = c.stat?.type === 'z' || df !== undefined;
  const z = criticalValue(c.ci.level);
  const t = criticalValue(c.ci.level, df ?? 10);
  const crit: Interval = c.stat?.type === 'z' ? [z, z] : [Math.min(z, t), Math.max(z, t)];
  // Profile-likelihood and bootstrap intervals are not exactly symmetric: 5% leeway.
  const lee: Interval = [half[0] * 0.95, half[1] * 1.05];
  let se: Interval | undefined;
  let basis = '';
  if (c.se) {
    se = roundingInterval(c.se);
    basis = `SE = ${c.se.text}`;
  } else if (c.stat && exact) {
    const q = abs(roundingInterval(c.est));
    const t = abs(roundingInterval(c.stat.value));
    if (!(t[0] > 0)) return;
    se = [q[0] / t[1], q[1] / t[0]];
    basis = `SE = |${c.est.text}| / ${c.stat.value.text}`;
  }
  if (!se) return;
  const expected: Interval = [crit[0] * se[0], crit[1] * se[1]];
  const claim = collapse(s.slice(c.span.start, c.span.end));
  const critText = crit[0] === crit[1] ? fmt(crit[0]) : `${fmt(crit[0])} to ${fmt(crit[1])}`;
  const working = `half-width (${c.ci.hi.text} − ${c.ci.lo.text}) / 2 = ${fmt((c.ci.hi.value - c.ci.lo.value) / 2)}; ${critText} × ${basis} = ${fmt(expected[0])} to ${fmt(expected[1])}`;
  if (meets(lee, expected)) {
    out.verified.push({ kind: 'ci-se', claim, working, span: c.ci.hi });
    return;
  }
  out.findings.push(
    finding('ci-se', 'warning', c, s, c.se ?? c.stat!.value, `The ${c.ci.level}% CI [${c.ci.lo.text}, ${c.ci.hi.text}] is ${fmt((c.ci.hi.value - c.ci.lo.value) / 2)} wide on each side, but ${basis} makes it about ${fmt((expected[0] + expected[1]) / 2)}.`, working, `A ${c.ci.level}% confidence interval reaches about ${exact ? fmt(crit[0]) : '2'} standard errors either side of the estimate, so its width and the standard error (or the test statistic) reported with it should agree; here they do not, so one of them is likely mistyped.`),
  );
}

/** A CI that excludes the null value goes with p below 1 − level, and one that includes it with p above. */
function checkIntervalAgainstP(c: Clause, s: string, out: Out): void {
  if (!c.ci || !c.p) return;
  const nullValue = RATIO.test(c.name) ? 1 : 0;
  const alpha = 1 - c.ci.level / 100;
  const [lo0, lo1] = roundingInterval(c.ci.lo);
  const [hi0, hi1] = roundingInterval(c.ci.hi);
  const excludes = lo0 > nullValue || hi1 < nullValue;
  const includes = lo1 < nullValue && hi0 > nullValue;
  const v = c.p.value.value;
  const h = halfUnit(c.p.value);
  const significant = c.p.relation === '<' ? v <= alpha + SLACK : c.p.relation === '=' ? v + h < alpha : false;
  const notSignificant = c.p.relation === '>' ? v >= alpha - SLACK : c.p.relation === '=' ? v - h > alpha : false;
  const claim = collapse(s.slice(c.span.start, c.span.end));
  const ciText = `${c.ci.level}% CI [${c.ci.lo.text}, ${c.ci.hi.text}]`;
  const working = `${ciText} ${excludes ? 'excludes' : includes ? 'includes' : 'touches'} ${nullValue}; p ${c.p.relation} ${c.p.value.text} against α = ${fmt(alpha)}`;
  if ((excludes && significant) || (includes && notSignificant)) {
    out.verified.push({ kind: 'ci-p', claim, working, span: c.p.value });
    return;
  }
  if (!((excludes && notSignificant) || (includes && significant))) return;
  // A Wald interval (estimate ± z·SE) next to a p from t with few df: the normal p agrees with the interval.
  if (c.stat?.type === 't' && c.stat.df !== undefined) {
    const pz = 2 * normalCdf(-Math.abs(c.stat.value.value), 0, 1);
    if (pz < alpha === excludes) return;
  }
  const message = excludes
    ? `The ${ciText} excludes ${nullValue}, so the result is significant at ${fmt(alpha)}, but p ${c.p.relation} ${c.p.value.text}.`
    : `The ${ciText} includes ${nullValue}, so the result is not significant at ${fmt(alpha)}, but p ${c.p.relation} ${c.p.value.text}.`;
  out.findings.push(
    finding('ci-p', 'warning', c, s, c.p.value, message, working, `A ${c.ci.level}% confidence interval holds the values the test does not reject at ${fmt(alpha)}, so an interval that leaves out ${nullValue} (no effect) goes with p < ${fmt(alpha)}, and one that contains it with p > ${fmt(alpha)}.`),
  );
}

export function checkEstimates(paper: PaperText): CheckOutput {
  const c = statsContext(paper);
  const s = c.text;
  const out: Out = { findings: [], verified: [] };
  for (const m of s.matchAll(ESTIMATE)) {
    const clause = parseClause(s, m);
    if (!clause || (!clause.se && !clause.ci)) continue;
    checkCoefficientT(clause, s, out);
    checkIntervalWidth(clause, s, out);
    checkIntervalAgainstP(clause, s, out);
  }
  checkRegressionTables(paper, s, out);
  return out;
}

// Regression tables: an estimate column and an SE column, with a t or z column or significance
// stars whose legend the table states ("* p < .05").
const EST_HEADER = /^(?:b|B|β|beta|Beta|Est\.?|Estimate|Coef\.?|Coefficient)$/;
const SE_HEADER = /^(?:SE|S\.E\.|SEB|SE\(?B\)?|Std\.?Err(?:or)?\.?|Std\.?error|s\.e\.)$/i;
const STAT_HEADER = /^(?:(t|z)(?:-?value|-?stat(?:istic)?)?)$/i;
const HEADER_DROPPED = /[\s\u200b${}\\]/g;
const COEF_CELL = new RegExp(String.raw`^\s*(${SIGNED})\s*(\*{0,3})\s*$`);
const SE_CELL = new RegExp(String.raw`^\s*\(?\s*(${NUM})\s*\)?\s*$`);
const STAR_LEGEND = /(\*{1,3})\s*(?:=\s*)?p\s*[<≤]\s*(0?\.\d+)/g;

function legendOf(text: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const m of text.matchAll(STAR_LEGEND)) if (!out.has(m[1].length)) out.set(m[1].length, Number(m[2]));
  return out;
}

function cellIn(row: readonly { column: number; colspan: number }[], col: number): number {
  return row.findIndex((c) => col >= c.column && col < c.column + c.colspan);
}

function checkRegressionTables(paper: PaperText, s: string, out: Out): void {
  for (const table of paper.tables) {
    let cols: { est: number; se: number; stat?: number; type?: 't' | 'z' } | undefined;
    let legend: Map<number, number> | undefined;
    for (const row of table.rows) {
      const keys = row.map((c) => c.text.replace(HEADER_DROPPED, ''));
      const est = keys.findIndex((k) => EST_HEADER.test(k));
      const se = keys.findIndex((k) => SE_HEADER.test(k));
      if (est >= 0 && se >= 0) {
        const stat = keys.findIndex((k) => STAT_HEADER.test(k));
        cols = { est: row[est].column, se: row[se].column, stat: stat >= 0 ? row[stat].column : undefined, type: stat >= 0 ? (keys[stat][0].toLowerCase() as 't' | 'z') : undefined };
        continue;
      }
      if (!cols) continue;
      const e = row[cellIn(row, cols.est)];
      const sCell = row[cellIn(row, cols.se)];
      if (!e || !sCell || e === sCell) continue;
      const em = COEF_CELL.exec(e.text);
      const sm = SE_CELL.exec(sCell.text);
      if (!em || !sm) continue;
      const estimate = parseReported(em[1], e.start + e.text.indexOf(em[1]));
      const seNum = parseReported(sm[1], sCell.start + sCell.text.indexOf(sm[1]));
      if (!estimate || !seNum) continue;
      const span = { start: Math.min(...row.map((c) => c.start)), end: Math.max(...row.map((c) => c.end)) };
      const clause: Clause = { name: 'b', est: estimate, se: seNum, span };
      if (cols.stat !== undefined) {
        const t = row[cellIn(row, cols.stat)];
        const tm = t ? COEF_CELL.exec(t.text) : null;
        const value = tm ? parseReported(tm[1], t!.start + t!.text.indexOf(tm[1])) : undefined;
        if (value) {
          clause.stat = { type: cols.type ?? 't', value };
          checkCoefficientT(clause, s, out);
        }
      }
      if (em[2]) {
        legend ??= legendOf(`${table.caption} ${s.slice(table.start, Math.min(s.length, table.end + 400))}`);
        checkStars(clause, em[2].length, legend, s, out);
      }
    }
  }
}

/** Stars claim p below the legend's threshold; b / SE as a z gives the smallest p the row can have. */
function checkStars(c: Clause, stars: number, legend: Map<number, number>, s: string, out: Out): void {
  const threshold = legend.get(stars);
  if (threshold === undefined || !c.se) return;
  const q = ratioInterval(c.est, c.se);
  if (!q) return;
  // A t with any df gives a larger p than the normal curve, so this p is the row's smallest.
  const smallestP = 2 * normalCdf(-q[1], 0, 1);
  if (smallestP <= threshold) return;
  out.findings.push({
    kind: 'coef-t',
    severity: 'error',
    message: `${c.est.text} with SE ${c.se.text} gives z = ${fmt(Math.abs(c.est.value) / c.se.value)} (p ≥ ${fmt(smallestP)}), too weak for ${'*'.repeat(stars)} (p < ${threshold}).`,
    claim: collapse(s.slice(c.span.start, c.span.end)),
    reported: '*'.repeat(stars),
    working: `|b| / SE ≤ ${fmt(q[1])} across rounding; two-sided normal p ≥ ${fmt(smallestP)}, and a t with any df gives more`,
    explanation: 'Significance stars stand for a p below the threshold in the table note, and the coefficient divided by its standard error is the test statistic behind that p; here it is too small for the stars shown.',
    span: { start: c.est.start, end: c.est.end },
    claimSpan: c.span,
  });
}

export const COEF_T_RULE = { id: 'coef-t', title: 'Coefficient, SE and t', description: 'A coefficient divided by its standard error does not give the t or z reported with it, or the significance stars next to it.', defaultSeverity: 'error' } as const;
export const CI_SE_RULE = { id: 'ci-se', title: 'Interval width vs SE', description: 'A confidence interval is not about 1.96 standard errors wide on each side of its estimate, given the SE or test statistic reported with it.', defaultSeverity: 'warning' } as const;
export const CI_P_RULE = { id: 'ci-p', title: 'Interval vs p-value', description: 'A 95% confidence interval excludes zero (or 1 for a ratio) while p is above .05, or includes it while p is below .05.', defaultSeverity: 'warning' } as const;

export const estimatesCheck: CheckModule = {
  name: 'estimates',
  title: 'Estimates with SE, CI and test',
  description: 'Checks an estimate against its own standard error, confidence interval, test statistic, p-value and significance stars, in text and regression tables.',
  kinds: [COEF_T_RULE, CI_SE_RULE, CI_P_RULE],
  shapes: [
    { name: 'coefficient, SE and t', example: 'b = 0.36, SE = 0.09, t(120) = 4.00' },
    { name: 'estimate, CI and z', example: 'β = 0.41, 95% CI [0.22, 0.60], z = 4.23, p < .001' },
    { name: 'effect size, CI and p', example: 'd = 0.18, 95% CI [−0.05, 0.41], p = .12' },
    { name: 'ratio, CI and p', example: 'OR = 1.6, 95% CI [1.1, 2.3], p = .01 (null value 1)' },
    { name: 'regression table', example: 'columns B, SE, t (or z), or stars with a legend such as * p < .05' },
  ],
  leavesAlone: [
    'Widths of ratio intervals (symmetric only on the log scale).',
    'An interval with a bound on the null value, or a p near the threshold within rounding.',
    'Stars without a legend in the table or its note (conventions differ between fields).',
    'Estimates whose items are not listed together in one clause.',
  ],
  run: checkEstimates,
};
