// Where a paper states how many people (or cases) a sample has: "26 participants",
// "30 university students", "N = 26". Percentages of the sample are checked against these.

import type { TextSpan } from '../../types.ts';

export interface SampleSize extends TextSpan {
  n: number;
  /** "26 participants" or "N = 26"; a lowercase "n = 26" is often a subgroup's count. */
  strong: boolean;
}

const PEOPLE =
  'participants|subjects|respondents|patients|students|people|persons|individuals|children|adults|volunteers|infants|adolescents|undergraduates|employees|workers|migrants|women|men|couples|families|users|cases|pupils|teachers|nurses|physicians|residents|members|voters|consumers|athletes|players|twins';
const COUNT = String.raw`(\d{1,3}(?:,\d{3})+|\d+)`;
const SAMPLE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,%])${COUNT}\s+(?:[\p{L}-]{2,20}\s+){0,2}?(?:${PEOPLE})\b|(?<![\p{L}])(?<!total\s)[Nn]\s*=\s*${COUNT}(?![\d.])`,
  'gu',
);

export function findSampleSizes(s: string): SampleSize[] {
  const out: SampleSize[] = [];
  for (const m of s.matchAll(SAMPLE)) {
    const digits = m[1] ?? m[2];
    const n = Number(digits.replace(/,/g, ''));
    if (!(n >= 2)) continue;
    const at = m.index + m[0].indexOf(digits);
    out.push({ n, start: at, end: at + digits.length, strong: m[1] !== undefined || m[0].startsWith('N') });
  }
  return out;
}
