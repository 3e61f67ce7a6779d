// Two statistics printed for one test: "F(1, 28) = 4.41 (t = 2.10)" must have F = t², and
// "r(48) = .31, t = 2.26" must have t = r·√df / √(1 − r²). Each is checked across the rounding of
// both numbers. Pairs are read with sticky patterns right after the first statistic: linear.

import { parseReported, roundingInterval } from '../../numbers.ts';
import type { CheckOutput, PaperText, RawFinding, RawVerified } from '../../types.ts';
import type { CheckModule } from '../module.ts';
import { statsContext } from './context.ts';
import { rToT } from './distributions.ts';
import { collapse } from './text-util.ts';

const NUM = String.raw`(?:\d+(?:\.\d+)?|\.\d+)`;
const SIGNED = String.raw`(?:[-\u2212\u2013]\s?)?${NUM}`;
// The first statistic: F with one numerator df, or a correlation with its df.
const FIRST = new RegExp(String.raw`(?<![\p{L}\p{N}_\\])(F|r)\s?\(\s*(?:(1)\s*,\s*)?(\d+(?:\.\d+)?)\s*\)\s*=\s*(${SIGNED})(?!\d|\.\d)`, 'gu');
// The second, within a few characters: "(t = 2.10", ", t(28) = 2.10".
const SECOND = new RegExp(String.raw`\s*[,;(]?\s*(?:or\s+|i\.e\.,?\s+)?t\s?(?:\(\s*(\d+(?:\.\d+)?)\s*\))?\s*=\s*(${SIGNED})(?!\d|\.\d)`, 'uy');

const fmt = (x: number): string => Number(x.toPrecision(4)).toString();

export function checkStatPairs(paper: PaperText): CheckOutput {
  const c = statsContext(paper);
  const s = c.text;
  const findings: RawFinding[] = [];
  const verified: RawVerified[] = [];
  for (const m of s.matchAll(FIRST)) {
    const isF = m[1] === 'F';
    if (isF !== (m[2] === '1')) continue;
    const df = Number(m[3]);
    const first = parseReported(m[4], m.index + m[0].length - m[4].length);
    SECOND.lastIndex = m.index + m[0].length;
    const t2 = SECOND.exec(s);
    if (!first || !t2 || !(df > 0)) continue;
    if (t2[1] !== undefined && Number(t2[1]) !== df) continue;
    const t = parseReported(t2[2], t2.index + t2[0].length - t2[2].length);
    if (!t) continue;
    const [t0, t1] = roundingInterval(t).map(Math.abs).sort((a, b) => a - b);
    const [a0, a1] = roundingInterval(first).map(Math.abs).sort((a, b) => a - b);
    // What the first statistic says |t| must be, across its rounding.
    const implied: [number, number] = isF ? [Math.sqrt(a0), Math.sqrt(a1)] : [rToT(Math.min(a0, 1), df), rToT(Math.min(a1, 1), df)];
    const claimSpan = { start: m.index, end: t2.index + t2[0].length };
    const claim = collapse(s.slice(claimSpan.start, claimSpan.end));
    const rule = isF ? `√F = √${first.text} = ${fmt(Math.sqrt(Math.abs(first.value)))}` : `r·√df / √(1 − r²) = ${fmt(rToT(Math.abs(first.value), df))}`;
    const working = `${rule} (from ${fmt(implied[0])} to ${fmt(implied[1])} across rounding); reported |t| = ${fmt(Math.abs(t.value))}`;
    if (implied[1] >= t0 - 1e-9 && implied[0] <= t1 + 1e-9) {
      verified.push({ kind: 'stat-pair', claim, working, span: t });
      continue;
    }
    findings.push({
      kind: 'stat-pair',
      severity: 'error',
      message: isF ? `F(1, ${df}) = ${first.text} is t = ${fmt(Math.sqrt(Math.abs(first.value)))}, not ${t.text}.` : `r(${df}) = ${first.text} is t(${df}) = ${fmt(rToT(Math.abs(first.value), df))}, not ${t.text}.`,
      claim,
      reported: t.text,
      working,
      explanation: isF
        ? 'An F test with one numerator degree of freedom is the square of a t test with the same error df, so F must equal t squared; here the two printed values do not agree.'
        : 'A correlation from n pairs is tested with t = r·√(n − 2)/√(1 − r²), so the printed r, its df and the t must agree; here they do not.',
      span: { start: t.start, end: t.end },
      claimSpan,
      related: [{ start: first.start, end: first.end }],
    });
  }
  return { findings, verified };
}

export const STAT_PAIR_RULE = { id: 'stat-pair', title: 'Two statistics for one test', description: 'Two statistics printed for one test disagree: F(1, df) must equal t², and a correlation r must give t = r·√df / √(1 − r²).', defaultSeverity: 'error' } as const;

export const statPairsCheck: CheckModule = {
  name: 'stat-pairs',
  title: 'Two statistics for one test',
  description: 'Checks an F with one numerator df against the t printed with it (F = t²), and a correlation against its t.',
  kinds: [STAT_PAIR_RULE],
  shapes: [
    { name: 'F and its t', example: 'F(1, 52) = 6.76 (t = 2.60)' },
    { name: 'correlation and its t', example: 'r(38) = .42, t(38) = 2.85' },
  ],
  leavesAlone: ['An F with more than one numerator df (no single t), and a t with another df than the first statistic.'],
  run: checkStatPairs,
};
