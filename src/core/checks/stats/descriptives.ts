// Means, SDs and the n they are of, as reported in running text: "M = 3.48 (SD = 1.02), n = 25",
// "(n = 25, M = 3.48, SD = 1.02)", and what the sentence says about the data: integer counts,
// Likert items (with how many items), or binary 0/1 data.

import { parseReported } from '../../numbers.ts';
import type { ReportedNumber } from '../../numbers.ts';
import type { TextSpan } from '../../types.ts';

export interface Descriptive {
  mean: ReportedNumber;
  sd?: ReportedNumber;
  n?: { value: number; span: TextSpan };
  span: TextSpan;
}

export type DataKind =
  | { kind: 'binary' }
  | { kind: 'count' }
  | { kind: 'likert'; items?: number }
  | { kind: 'unknown' };

const NUM = String.raw`(?:\d+(?:\.\d+)?|\.\d+)`;
const MEAN = new RegExp(String.raw`(?<![\p{L}\p{N}_\\])(?:M|Mean|mean|x̄)\s*=\s*([-\u2212]?${NUM})(?![\d.])`, 'gu');
const SD_AFTER = new RegExp(String.raw`\s*[,;]?\s*\(?\s*(?:SD|S\.D\.|sd|s\.d\.)\s*=\s*(${NUM})(?![\d.])\s*\)?`, 'uy');
const N_AFTER = new RegExp(String.raw`\s*[,;]?\s*\(?\s*(?<![\p{L}])[nN]\s*=\s*(\d{1,6})(?![\d.,])`, 'uy');
const N_BEFORE = new RegExp(String.raw`(?<![\p{L}])(?<!total\s)[nN]\s*=\s*(\d{1,6})\s*[,;]\s*$`, 'u');
// A mean followed by a unit is a measurement, not integer responses.
const UNIT_AFTER = /^\s*(?:%|ms|s\b|sec|min|h\b|hours|days|years|yrs|kg|g\b|cm|mm|m\b|km|mg|ml|°)/;

function parseSigned(text: string, start: number): ReportedNumber | undefined {
  const t = text.replace('\u2212', '-');
  return parseReported(t, start);
}

export function findDescriptives(s: string): Descriptive[] {
  const out: Descriptive[] = [];
  for (const m of s.matchAll(MEAN)) {
    const numStart = m.index + m[0].length - m[1].length;
    const mean = parseSigned(m[1], numStart);
    if (!mean) continue;
    let end = m.index + m[0].length;
    if (UNIT_AFTER.test(s.slice(end, end + 8))) continue;
    let sd: ReportedNumber | undefined;
    SD_AFTER.lastIndex = end;
    const sdm = SD_AFTER.exec(s);
    if (sdm) {
      const at = sdm.index + sdm[0].indexOf(sdm[1], sdm[0].indexOf('='));
      sd = parseReported(sdm[1], at);
      end = sdm.index + sdm[0].length;
    }
    let n: Descriptive['n'];
    N_AFTER.lastIndex = end;
    const nm = N_AFTER.exec(s);
    if (nm) {
      const at = nm.index + nm[0].lastIndexOf(nm[1]);
      n = { value: Number(nm[1]), span: { start: at, end: at + nm[1].length } };
      end = nm.index + nm[0].length;
    } else {
      const before = s.slice(Math.max(0, m.index - 20), m.index);
      const nb = N_BEFORE.exec(before);
      if (nb) {
        const at = m.index - before.length + nb.index + nb[0].indexOf(nb[1], nb[0].indexOf('='));
        n = { value: Number(nb[1]), span: { start: at, end: at + nb[1].length } };
      }
    }
    out.push({ mean, sd, n, span: { start: m.index, end } });
  }
  return out;
}

const BINARY = /\b(?:binary|dichotomous|dummy[- ]coded|coded (?:as )?0 (?:and|or|\/) 1|0 = no|1 = yes)\b/i;
const ITEMS = /\b(\d{1,2}|one|single|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)[- ]items?\b/i;
const LIKERT = /likert|\b\d{1,2}-point\b|rating scale|\brated\b|\bscale (?:ranging )?from -?\d+ to \d+|\(1 = /i;
const COUNT_NAMED = /\b(?:number of|how many|counts? of)\b[^.;]{0,80}$/i;
const AGE_BEFORE = /\bage[sd]?\b[^.;]{0,15}$/i;

const WORD_NUMBERS: Record<string, number> = { one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15, twenty: 20 };

/**
 * What a sentence says about the data a mean is of. `before` is the part of the sentence before
 * the mean: a count ("number of …") must be named there, close to the mean.
 */
export function dataKind(sentence: string, before = sentence): DataKind {
  if (saysBinary(sentence)) return { kind: 'binary' };
  const items = ITEMS.exec(sentence);
  const likert = LIKERT.test(sentence);
  if (likert || items) {
    const k = items ? (WORD_NUMBERS[items[1].toLowerCase()] ?? Number(items[1])) : undefined;
    return { kind: 'likert', items: k && k > 0 ? k : undefined };
  }
  if (COUNT_NAMED.test(before)) return { kind: 'count' };
  return { kind: 'unknown' };
}

/** Whether the sentence says the variable is binary (0/1); what dataKind reports as 'binary'. */
export function saysBinary(sentence: string): boolean {
  return BINARY.test(sentence);
}

/** True when the mean is an age, a measurement or a score the sentence does not tie to integers. */
export function isAge(s: string, meanStart: number): boolean {
  return AGE_BEFORE.test(s.slice(Math.max(0, meanStart - 25), meanStart));
}
