// An effect size printed with the F test it comes from: partial eta squared, R² of the model, and
// Cohen's f² follow from F and its two df alone (η²p = F·df1 / (F·df1 + df2), R² the same for the
// model's F, f² = F·df1 / df2). Read, then judged: the reader pairs "F(df1, df2) = x" with the
// effect size printed after it in the same sentence; the judge recomputes from the printed F and
// compares at the effect size's printed precision, across the rounding of F.

import { parseReported, roundingInterval, roundsTo } from '../../numbers.ts';
import type { ReportedNumber } from '../../numbers.ts';
import type { CheckOutput, PaperText, RawFinding, RawVerified, TextSpan } from '../../types.ts';
import type { CheckModule } from '../module.ts';
import { statsContext } from './context.ts';
import { collapse } from './text-util.ts';

const NUM = String.raw`(?:\d+(?:\.\d+)?|\.\d+)`;
const F_TEST = new RegExp(String.raw`(?<![\p{L}\p{N}_\\])F\s?\(\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*\)\s*=\s*(${NUM})(?![\d.]\d)`, 'gu');
/** How far after the F its effect size may be printed (a p-value and an MSE may come between). */
const WINDOW = 90;
// Another statistic or a sentence end closes the window: the effect size would belong to it.
const CLOSES = /(?<![\p{L}\\])(?:[tFrzQ]\s?\(|χ|[.;](?:\s+\p{Lu}|\s*$))/u;

type Measure = 'partial-eta' | 'r-squared' | 'f-squared';

const HAT = '\\u0302?';
const SQUARED = String.raw`(?:\^\s?\{?2\}?|²)`;
const P_SUB = String.raw`_\s?\{?\s?p\s?\}?`;
// η²p in its spellings: η_p^2, η^2_p, η²p, partial η^2, partial eta squared (a hat for an estimate).
const PARTIAL_ETA = new RegExp(String.raw`(?:partial\s+(?:η${HAT}\s?${SQUARED}|eta[- ]squared)|η${HAT}\s?(?:${P_SUB}\s?${SQUARED}|${SQUARED}\s?(?:${P_SUB}|p\b)))`, 'u');
// Plain R² of a model: not adjusted, not a change (ΔR²), not a subscripted variant.
const R_SQUARED = new RegExp(String.raw`(?<![ΔΔ∆\p{L}\\])R\s?${SQUARED}(?!\s?_|\s?\(?adj)`, 'u');
const F_SQUARED = new RegExp(String.raw`(?<![\p{L}\\])(?:Cohen'?s\s+)?f\s?${SQUARED}(?!\s?_)`, 'u');
const VALUE_AFTER = new RegExp(String.raw`^\s*=\s*(${NUM})(?![\d.]\d)`);

export interface EffectSizeClaim {
  measure: Measure;
  df1: number;
  df2: number;
  f: ReportedNumber;
  effect: ReportedNumber;
  /** From the F to the effect size. */
  span: TextSpan;
}

function valueOf(measure: Measure, f: number, df1: number, df2: number): number {
  return measure === 'f-squared' ? (f * df1) / df2 : (f * df1) / (f * df1 + df2);
}

/** The effect size printed after one F test, if its label is one the F determines. */
function effectAfter(s: string, from: number): { measure: Measure; effect: ReportedNumber } | undefined {
  let window = s.slice(from, Math.min(s.length, from + WINDOW));
  const close = CLOSES.exec(window);
  if (close) window = window.slice(0, close.index);
  const found: { measure: Measure; effect: ReportedNumber }[] = [];
  for (const [measure, label] of [['partial-eta', PARTIAL_ETA], ['r-squared', R_SQUARED], ['f-squared', F_SQUARED]] as const) {
    const m = label.exec(window);
    if (!m || /adj|change|Δ|∆|generali[sz]ed/i.test(window.slice(Math.max(0, m.index - 12), m.index))) continue;
    const labelEnd = m.index + m[0].length;
    const v = VALUE_AFTER.exec(window.slice(labelEnd));
    if (!v) continue;
    const at = from + labelEnd + v[0].length - v[1].length;
    const effect = parseReported(v[1], at);
    if (effect) found.push({ measure, effect });
  }
  // Two labels after one F (η²p and R²): the reading is not certain.
  return found.length === 1 ? found[0] : undefined;
}

export function readEffectSizes(s: string): EffectSizeClaim[] {
  const out: EffectSizeClaim[] = [];
  for (const m of s.matchAll(F_TEST)) {
    const [df1, df2] = [Number(m[1]), Number(m[2])];
    const f = parseReported(m[3], m.index + m[0].length - m[3].length);
    if (!f || !(df1 > 0) || !(df2 > 0)) continue;
    const e = effectAfter(s, m.index + m[0].length);
    if (!e) continue;
    if (e.measure !== 'f-squared' && e.effect.value >= 1) continue;
    out.push({ measure: e.measure, df1, df2, f, effect: e.effect, span: { start: m.index, end: e.effect.end } });
  }
  return out;
}

const NAME: Record<Measure, string> = { 'partial-eta': 'partial η²', 'r-squared': 'R²', 'f-squared': "Cohen's f²" };
const FORMULA: Record<Measure, string> = { 'partial-eta': 'F·df1 / (F·df1 + df2)', 'r-squared': 'F·df1 / (F·df1 + df2)', 'f-squared': 'F·df1 / df2' };
const fmt = (x: number): string => Number(x.toPrecision(4)).toString();

export function judgeEffectSize(s: string, c: EffectSizeClaim, findings: RawFinding[], verified: RawVerified[]): void {
  const exact = valueOf(c.measure, c.f.value, c.df1, c.df2);
  const [flo, fhi] = roundingInterval(c.f);
  // Monotone in F: the F's rounding interval maps to an interval of the effect size.
  const [lo, hi] = [valueOf(c.measure, Math.max(0, flo), c.df1, c.df2), valueOf(c.measure, fhi, c.df1, c.df2)];
  const [elo, ehi] = roundingInterval(c.effect);
  const claim = collapse(s.slice(c.span.start, c.span.end));
  const working = `${NAME[c.measure]} = ${FORMULA[c.measure]} = ${c.f.text}·${c.df1} / ${c.measure === 'f-squared' ? c.df2 : `(${c.f.text}·${c.df1} + ${c.df2})`} = ${fmt(exact)}`;
  if (roundsTo(c.effect, exact)) {
    verified.push({ kind: EFFECT_SIZE_RULE.id, claim, working, span: { start: c.effect.start, end: c.effect.end } });
    return;
  }
  if (hi >= elo && lo <= ehi) return; // agrees only across the F's rounding: left undecided
  // A model's R² may come with another F (a coefficient's) in some write-ups: a warning only.
  const certain = c.measure === 'partial-eta' && Number.isInteger(c.df1) && Number.isInteger(c.df2);
  findings.push({
    kind: EFFECT_SIZE_RULE.id,
    severity: certain ? 'error' : 'warning',
    message: `F(${c.df1}, ${c.df2}) = ${c.f.text} gives ${NAME[c.measure]} = ${fmt(exact)}, not ${c.effect.text}.`,
    claim,
    reported: c.effect.text,
    recomputed: fmt(exact),
    working,
    explanation: `With df1 and df2 degrees of freedom, ${NAME[c.measure]} = ${FORMULA[c.measure]}, so the F test fixes it; the printed value does not agree even across the rounding of F.`,
    span: { start: c.effect.start, end: c.effect.end },
    claimSpan: c.span,
    related: [{ start: c.f.start, end: c.f.end }],
  });
}

export function checkEffectSizes(paper: PaperText): CheckOutput {
  const s = statsContext(paper).text;
  const findings: RawFinding[] = [];
  const verified: RawVerified[] = [];
  if (!s.includes('F')) return { findings, verified };
  for (const c of readEffectSizes(s)) judgeEffectSize(s, c, findings, verified);
  return { findings, verified };
}

export const EFFECT_SIZE_RULE = {
  id: 'effect-size',
  title: 'Effect size from its F test',
  description: 'An effect size printed with its F test (partial eta squared, the model R², Cohen\'s f²) does not follow from F and its degrees of freedom.',
  defaultSeverity: 'error',
} as const;

export const effectSizeCheck: CheckModule = {
  name: 'effect-size',
  title: 'Effect size from its F test',
  description: 'Recomputes partial eta squared and a model\'s R² as F·df1 / (F·df1 + df2), and Cohen\'s f² as F·df1 / df2, from the F test printed just before them.',
  kinds: [EFFECT_SIZE_RULE],
  shapes: [
    { name: 'partial eta squared after F', example: 'a main effect of load, F(2, 88) = 6.10, p = .003, η²p = .12' },
    { name: 'R² of a one-predictor model', example: 'the slope was reliable, F(1, 30) = 9.0, p = .005, R² = .23' },
    { name: "Cohen's f²", example: 'F(3, 120) = 4.0, f² = 0.10' },
  ],
  leavesAlone: [
    'Plain and generalized eta squared and omega squared: they need sums of squares the text does not give.',
    'Adjusted R² and ΔR², and an effect size printed before its F or after another statistic.',
    'Values that agree only across the rounding of F (left undecided).',
  ],
  run: checkEffectSizes,
};
