// Where a paper states how many people (or cases) a sample has: "26 participants",
// "30 university students", "N = 26", "a sample of 26", "26 in the final sample". Percentages of
// the sample are checked against these; the final or analysed sample is told apart from the
// people first recruited or excluded.

import type { TextSpan } from '../../types.ts';

export interface SampleSize extends TextSpan {
  n: number;
  /** "26 participants" or "N = 26"; a lowercase "n = 26" is often a subgroup's count. */
  strong: boolean;
  /** Said to be the study's (final, analysed, total) sample, not a pool or an exclusion. */
  principal: boolean;
}

export const PEOPLE =
  'participants|subjects|respondents|patients|students|people|persons|individuals|children|adults|volunteers|infants|adolescents|undergraduates|employees|workers|migrants|women|men|couples|families|users|cases|pupils|teachers|nurses|physicians|residents|members|voters|consumers|athletes|players|twins|raters|judges|annotators|coders';
const COUNT = String.raw`(\d{1,3}(?:,\d{3})+|\d+)`;
const SAMPLE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,%])${COUNT}\s+(?:[\p{L}.-]{2,20}\s+){0,2}?(?:${PEOPLE})\b|(?<![\p{L}])(?<!total\s)[Nn]\s*=\s*${COUNT}(?![\d.])` +
    String.raw`|\bsample (?:size )?of\s+(?:[Nn]\s*=\s*)?${COUNT}(?![\d.,%])|(?<![\p{L}\p{N}.,%])${COUNT}\s+(?:(?:were|was)\s+)?in the (?:final |analy[sz]ed |analytic |study )?sample\b`,
  'gu',
);
const PRINCIPAL_BEFORE = /\b(?:final|analy[sz]ed|analytic|remaining|included|retained|total of|sample of|sample size of|consisted of|comprised|comprising|consists of)\b[^.;]{0,40}$/i;
const PRINCIPAL_AFTER = /^[^.;]{0,30}\b(?:in the (?:final|analy[sz]ed|analytic) sample|remained|were (?:included|analy[sz]ed|retained))\b/i;
const NOT_PRINCIPAL_BEFORE = /\b(?:initial(?:ly)?|pool of|originally|excluded|excluding|dropped|removed|target(?:ed)?|recruited an additional)\b[^.;]{0,30}$/i;

export function findSampleSizes(s: string): SampleSize[] {
  const out: SampleSize[] = [];
  for (const m of s.matchAll(SAMPLE)) {
    const digits = m[1] ?? m[2] ?? m[3] ?? m[4];
    const n = Number(digits.replace(/,/g, ''));
    if (!(n >= 2)) continue;
    const at = m.index + m[0].indexOf(digits);
    const strong = m[2] === undefined || m[0].startsWith('N');
    const before = s.slice(Math.max(0, at - 60), at);
    const after = s.slice(at + digits.length, at + digits.length + 50);
    const principal = strong && !NOT_PRINCIPAL_BEFORE.test(before) && (m[3] !== undefined || m[4] !== undefined || PRINCIPAL_BEFORE.test(before) || PRINCIPAL_AFTER.test(after));
    out.push({ n, start: at, end: at + digits.length, strong, principal });
  }
  return out;
}
