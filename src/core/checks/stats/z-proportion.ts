// A z test of one proportion recomputed from the numbers printed with it: the observed share (a
// count of a whole, a percentage of a whole, or p̂ with n) against the value it is tested against
// ("p0 = .5", "the chance level of 50%"): z = (p̂ − p0) / √(p0(1 − p0)/n). The Wald form (p̂ in
// the SE) and the continuity correction are accepted too. Left alone unless each is written once.

import { parseReported, roundingInterval } from '../../numbers.ts';
import type { ReportedNumber } from '../../numbers.ts';
import type { CheckOutput, PaperText, RawFinding, RawVerified, TextSpan } from '../../types.ts';
import type { CheckModule } from '../module.ts';
import { statsContext } from './context.ts';
import { sig3 } from './p-format.ts';
import { collapse } from './text-util.ts';

type Interval = [number, number];

const NUM = String.raw`(?:\d+(?:\.\d+)?|\.\d+)`;
const SIGNED = String.raw`(?:[-\u2212\u2013]\s?)?${NUM}`;
const Z_STAT = new RegExp(String.raw`(?<![\p{L}\p{N}_\\^])[zZ]\s*=\s*(${SIGNED})(?![\d.]\d)`, 'gu');
// The observed share: "k of n", "k/n", "x% of (the) n", "p̂ = .62 (n = 100)".
const COUNT_OF = /(?<![\d.,])(\d{1,6})\s*(?:of|out\s+of|\/)\s*(?:the\s+|all\s+)?(\d{1,6})(?![\d.,]\d|\s*%)/g;
const PCT_OF = /(?<![\d.,])(\d{1,3}(?:\.\d+)?)\s*%\s*of\s*(?:the\s+|all\s+)?(\d{1,6})(?![\d.,]\d|\s*%)/g;
const P_HAT = new RegExp(String.raw`(?:p̂|\\hat\s?\{?p\}?|\bp_?\{?hat\}?)\s*=\s*(${NUM})(?![\d.]\d)[^.;]{0,40}?\b[nN]\s*=\s*(\d{1,6})`, 'gu');
// The value tested against, as a symbol or after a cue that names it.
const NULL_P = new RegExp(String.raw`(?:\bp_?\{?0\}?|π_?\{?0\}?|\\pi_?\{?0\}?)\s*=\s*(${NUM})(%?)`, 'gu');
const NULL_CUE = new RegExp(
  String.raw`\b(?:against|versus|vs\.?|compared (?:to|with)|differ(?:ed|s|ent)? from|above|below|than)\s+(?:(?:a|an|the)\s+)?(?:(?:hypothesi[sz]ed|expected|chance|null|baseline|reference|population|national|benchmark)\s+)(?:(?:rate|level|proportion|share|value|prevalence)\s+)?(?:of\s+|=\s*|\(\s*)?(${NUM})(?![\d.]\d)(\s*%?)`,
  'giu',
);

interface Share {
  /** The observed proportion across its rounding. */
  p: Interval;
  n: number;
  numbers: ReportedNumber[];
}

function sharesIn(s: string, span: TextSpan): Share[] {
  const text = s.slice(span.start, span.end);
  const out: Share[] = [];
  for (const m of text.matchAll(COUNT_OF)) {
    const k = Number(m[1]);
    const n = Number(m[2]);
    if (n < 2 || k > n) continue;
    const at = span.start + m.index;
    out.push({ p: [k / n, k / n], n, numbers: [parseReported(m[1], at)!, parseReported(m[2], at + m[0].lastIndexOf(m[2]))!] });
  }
  for (const m of text.matchAll(PCT_OF)) {
    const pct = parseReported(m[1], span.start + m.index);
    if (!pct || pct.value > 100) continue;
    const [a, b] = roundingInterval(pct);
    out.push({ p: [a / 100, b / 100], n: Number(m[2]), numbers: [pct] });
  }
  for (const m of text.matchAll(P_HAT)) {
    const p = parseReported(m[1], span.start + m.index + m[0].indexOf(m[1]));
    if (!p || p.value > 1) continue;
    out.push({ p: roundingInterval(p), n: Number(m[2]), numbers: [p] });
  }
  return out;
}

function nullsIn(s: string, span: TextSpan): ReportedNumber[] {
  const text = s.slice(span.start, span.end);
  const out: ReportedNumber[] = [];
  for (const re of [NULL_P, NULL_CUE]) {
    for (const m of text.matchAll(re)) {
      const at = span.start + m.index + m[0].lastIndexOf(m[1], m[0].length - m[2].length);
      const v = parseReported(m[1], at);
      if (!v) continue;
      const percent = m[2].trim() === '%';
      const value = percent ? v.value / 100 : v.value;
      if (value > 0 && value < 1) out.push({ ...v, value, decimals: percent ? v.decimals + 2 : v.decimals });
    }
  }
  return out;
}

/** z across the rounding of p̂ and p0, with the null SE, the Wald SE and a continuity correction. */
function zRange(share: Share, p0: ReportedNumber): Interval {
  const [q0, q1] = p0.decimals > 0 ? roundingInterval(p0) : [p0.value, p0.value];
  const zs: number[] = [];
  for (const p of share.p) {
    for (const q of [q0, q1]) {
      const nullSe = Math.sqrt((q * (1 - q)) / share.n);
      const waldSe = Math.sqrt((p * (1 - p)) / share.n);
      const corrected = Math.max(0, Math.abs(p - q) - 0.5 / share.n) * Math.sign(p - q);
      zs.push((p - q) / nullSe, corrected / nullSe);
      if (waldSe > 0) zs.push((p - q) / waldSe);
    }
  }
  return [Math.min(...zs.map(Math.abs)), Math.max(...zs.map(Math.abs))];
}


export function checkZProportion(paper: PaperText): CheckOutput {
  const c = statsContext(paper);
  const s = c.text;
  const findings: RawFinding[] = [];
  const verified: RawVerified[] = [];
  for (const m of s.matchAll(Z_STAT)) {
    const sentence = c.layout.sentenceAt(m.index);
    const span = { start: Math.max(sentence.start, m.index - 300), end: m.index };
    const shares = sharesIn(s, span);
    const nulls = nullsIn(s, span);
    if (shares.length !== 1 || nulls.length !== 1) continue;
    const zText = m[1];
    const zAt = m.index + m[0].length - zText.length;
    const z = parseReported(zText.replace(/^[-\u2212\u2013]\s?/, ''), zAt + zText.length - zText.replace(/^[-\u2212\u2013]\s?/, '').length);
    if (!z) continue;
    const [share, p0] = [shares[0], nulls[0]];
    const range = zRange(share, p0);
    const reported = roundingInterval(z);
    const mid = (share.p[0] + share.p[1]) / 2;
    const expected = (mid - p0.value) / Math.sqrt((p0.value * (1 - p0.value)) / share.n);
    const claimSpan = { start: Math.min(...share.numbers.map((x) => x.start), p0.start), end: z.end };
    const claim = collapse(s.slice(claimSpan.start, claimSpan.end));
    const working = `(${sig3(mid)} − ${sig3(p0.value)}) / √(${sig3(p0.value)} × ${sig3(1 - p0.value)} / ${share.n}) = ${sig3(expected)} (|z| from ${sig3(range[0])} to ${sig3(range[1])} across rounding, Wald SE and continuity correction); reported z = ${zText}`;
    if (range[1] >= reported[0] - 1e-9 && range[0] <= reported[1] + 1e-9) {
      verified.push({ kind: 'z-prop', claim, working, span: z });
      continue;
    }
    findings.push({
      kind: 'z-prop',
      severity: 'warning',
      message: `A share of ${sig3(mid)} out of n = ${share.n} against ${sig3(p0.value)} gives z = ${sig3(expected)}, not ${zText}.`,
      claim,
      reported: zText,
      recomputed: sig3(expected),
      working,
      explanation: 'A z test of one proportion divides the difference between the observed share and the tested value by the standard error √(p0(1 − p0)/n); the printed share, n and tested value do not give the printed z.',
      span: { start: z.start, end: z.end },
      claimSpan,
      related: [...share.numbers, p0].map((x) => ({ start: x.start, end: x.end })),
    });
  }
  return { findings, verified };
}

export const Z_PROP_RULE = { id: 'z-prop', title: 'z for a proportion', description: 'A z statistic does not follow from the observed share, its n and the value it is tested against.', defaultSeverity: 'warning' } as const;

export const zProportionCheck: CheckModule = {
  name: 'z-proportion',
  title: 'z for a proportion',
  description: 'Recomputes a one-proportion z test from the share, n and tested value printed before it.',
  kinds: [Z_PROP_RULE],
  shapes: [
    { name: 'count of a whole against a stated value', example: '68 of 100 guessed right, above the chance level of 50%, z = 3.60' },
    { name: 'p-hat and n against p0', example: 'p̂ = .41 (n = 400), p0 = .35, z = 2.52' },
  ],
  leavesAlone: ['A z with several shares or tested values before it in the sentence, or none.', 'A two-proportion z test (two shares).'],
  run: checkZProportion,
};
