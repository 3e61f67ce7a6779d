// A synthetic statistics-heavy paper: APA-style methods and results paragraphs with samples,
// demographics, descriptives on rating scales and counts, and t, F, r, χ² and z tests (consistent,
// except one misreported p in every seventh section). Deterministic, so timings and counts compare across runs.

import { pValue } from '../../../src/core/checks/stats/distributions.ts';
import { binarySd } from '../../../src/core/checks/stats/granularity.ts';

const GROUPS = ['participants', 'students', 'patients', 'adults', 'volunteers'];
const SCALES = ['a 7-point Likert scale', 'a 5-item scale (1 = never, 5 = always)', 'the number of errors'];

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** p at three decimals in APA style (".045"); "< .001" below that. */
function apaP(p: number): string {
  return p < 0.001 ? '< .001' : `= ${p.toFixed(3).replace(/^0/, '')}`;
}

/** One methods-and-results section; `i` varies the numbers. Every seventh section has one misreported p. */
export function syntheticSection(i: number): string {
  const r = lcg(i + 1);
  const n = 20 + Math.floor(r() * 180);
  const women = Math.floor(n * (0.3 + r() * 0.4));
  const pctW = ((100 * women) / n).toFixed(1);
  const pctM = ((100 * (n - women)) / n).toFixed(1);
  const group = GROUPS[i % GROUPS.length];
  const scale = SCALES[i % SCALES.length];
  const half = Math.floor(n / 2);
  const mean = (Math.floor(half * (1 + r() * 4)) / half).toFixed(2);
  const yes = Math.floor(n * (0.2 + r() * 0.6));
  const df = n - 2;
  const t = Number((1 + r() * 3).toFixed(2));
  const f = Number((1 + r() * 8).toFixed(2));
  const rr = Number((r() * 0.5).toFixed(2));
  const chi = Number((1 + r() * 10).toFixed(2));
  const z = Number((r() * 3).toFixed(2));
  const pt = pValue({ type: 't', df1: df }, t);
  const wrong = i % 7 === 3 ? 0.5 : 0;
  return (
    `Study ${i + 1}\n\n` +
    `We recruited ${n} ${group} (Mean age = ${(20 + r() * 30).toFixed(1)}, SD = ${(2 + r() * 8).toFixed(1)}; ${pctW}% women, ${pctM}% men). ` +
    `Of these, ${women} (${pctW}%) were women. The binary outcome (coded 0 and 1) had M = ${(yes / n).toFixed(2)}, SD = ${binarySd(yes, n).toFixed(2)}, n = ${n}).\n\n` +
    `Ratings on ${scale} were higher in the treatment condition (M = ${mean}, SD = ${(0.5 + r() * 1.2).toFixed(2)}, n = ${half}) than in the control condition, t(${df}) = ${t.toFixed(2)}, p ${apaP(pt + wrong)}, d = 0.${Math.floor(r() * 90) + 10}. ` +
    `A one-way ANOVA showed an effect of condition, F(2, ${n - 3}) = ${f.toFixed(2)}, p ${apaP(pValue({ type: 'F', df1: 2, df2: n - 3 }, f))}, η^2 = .${Math.floor(r() * 20) + 10}. ` +
    `The correlation between the two measures was r(${df}) = ${rr.toFixed(2).replace(/^0/, '')}, p ${apaP(pValue({ type: 'r', df1: df }, rr))}, and the association with gender was χ^2(1, N = ${n}) = ${chi.toFixed(2)}, p ${apaP(pValue({ type: 'chi2', df1: 1 }, chi))}. ` +
    `The indirect effect was z = ${z.toFixed(2)}, p ${apaP(pValue({ type: 'z' }, z))}. ` +
    `The effect remained after Bonferroni correction, t(${df}) = ${(t + 0.5).toFixed(2)}, p ${apaP(Math.min(1, 3 * pValue({ type: 't', df1: df }, t + 0.5)))}, 95% CI [0.12, 0.88].\n\n`
  );
}

/** A paper of about `chars` characters made of synthetic sections. */
export function syntheticPaper(chars: number): string {
  let s = '';
  for (let i = 0; s.length < chars; i++) s += syntheticSection(i);
  return s;
}
