// Means, SDs and the n they are of, as reported in running text: "M = 3.48 (SD = 1.02), n = 25",
// "(n = 25, M = 3.48, SD = 1.02)", and what the sentence says about the data: integer counts,
// Likert items (with how many items), or binary 0/1 data.

import { parseReported } from '../../numbers.ts';
import type { ReportedNumber } from '../../numbers.ts';
import type { TextSpan } from '../../types.ts';
import { PEOPLE } from './sample-size.ts';

export interface Descriptive {
  mean: ReportedNumber;
  sd?: ReportedNumber;
  /** n stated with the mean ("n = 25"), or the count of the group it describes ("30 toddlers (M = …)"). */
  n?: { value: number; span: TextSpan };
  span: TextSpan;
  /** A mean age, and the unit it is in when written ("years", "months"). */
  age?: { unit: 'years' | 'months' };
  /** A mean count written in words: "on average, people made 4.42 errors" (the counted noun). */
  counted?: string;
}

export type DataKind =
  | { kind: 'binary' }
  | { kind: 'count' }
  | { kind: 'likert'; items?: number }
  | { kind: 'unknown' };

const NUM = String.raw`(?:\d+(?:\.\d+)?|\.\d+)`;
// "M = 3.4", and mean ages: "M_Age = 41.2", "mean age was 33.9", "(mean age: 31.1)", "average age of 40.3";
// a mean told in words: "with a mean of 4.36", "the average rating was 3.2", "a mean score of 2.75".
const MEAN = new RegExp(
  String.raw`(?<![\p{L}\p{N}_\\])(?:(?:M|Mean|mean|x̄)(_?\{?(?:age|Age|AGE)\}?)?\s*=|([Mm]ean|[Aa]verage) age\s*(?:was|of|=|:)?|(?:[Aa]n?|[Tt]he)\s+(?:overall\s+)?(?:mean|average)(?:\s+(?:rating|score|response|answer))?\s+(?:of|was|is|:))\s*([-\u2212]?${NUM})(?!\d|\.\d)`,
  'gu',
);
const SD_AFTER = new RegExp(String.raw`\s*[,;]?\s*\(?\s*(?:SD|S\.D\.|sd|s\.d\.)\s*=\s*(${NUM})(?!\d|\.\d)\s*\)?`, 'uy');
const N_AFTER = new RegExp(String.raw`\s*[,;]?\s*\(?\s*(?<![\p{L}])[nN]\s*=\s*(\d{1,6})(?![\d.,])`, 'uy');
const N_BEFORE = new RegExp(String.raw`(?<![\p{L}])(?<!total\s)[nN]\s*=\s*(\d{1,6})\s*[,;]\s*$`, 'u');
// A mean followed by a unit is a measurement, not integer responses.
const UNIT_AFTER = /^\s*(?:%|ms|s\b|sec|min|h\b|hours|days|weeks|months|years|yrs|kg|g\b|cm|mm|m\b|km|mg|ml|°)/;
const AGE_UNIT_AFTER = /^\s*(?:(years|yrs|y)|(months|mos))\b/;
// Age named just before the mean ("age M = 20.2", "aged 18–30 (M = 22.4") or the group is an age group ("3-year-olds (mean = …").
const AGE_CONTEXT_BEFORE = /(?:\bage[sd]?\b|\d+-(?:year|month)-olds?\b|\b(?:infants|toddlers|babies|newborns|children)\s*\()[^.;]{0,25}$/i;
// "30 toddlers (mean = 41.8 months": the count of the group the parenthesis describes.
const GROUP_BEFORE = new RegExp(
  String.raw`(?<![\d.,])(\d{1,5})\s+(?:[\p{L}\d.-]{2,20}\s+){0,2}?(?:${PEOPLE}|girls|boys|toddlers|mothers|fathers|parents|controls|dyads|\d+-(?:year|month)-olds)\s*\(\s*$`,
  'u',
);
// "each pupil solved, on average, 6.35 problems": a mean count written in words.
const COUNT_NOUNS =
  'questions|items|problems|answers|errors|mistakes|words|sentences|trials|attempts|responses|choices|children|siblings|visits|sessions|drinks|cigarettes|friends|partners|books|pieces|tokens|objects|moves|steps|clicks|days';
const AVERAGE_COUNT = new RegExp(
  String.raw`\b(?:[Oo]n average|[Aa]n average of|[Aa] mean of|[Aa]veraged)\b[^.;\d]{0,60}?(?<![\d.,])(${NUM})\s+(?:[\p{L}-]+\s+)?(${COUNT_NOUNS})\b`,
  'gu',
);

function parseSigned(text: string, start: number): ReportedNumber | undefined {
  const t = text.replace('\u2212', '-');
  return parseReported(t, start);
}

export function findDescriptives(s: string): Descriptive[] {
  const out: Descriptive[] = [];
  for (const m of s.matchAll(MEAN)) {
    const numStart = m.index + m[0].length - m[3].length;
    const mean = parseSigned(m[3], numStart);
    if (!mean) continue;
    let end = m.index + m[0].length;
    const after = s.slice(end, end + 10);
    const namedAge = m[1] !== undefined || m[2] !== undefined || AGE_CONTEXT_BEFORE.test(s.slice(Math.max(0, m.index - 40), m.index));
    const ageUnit = AGE_UNIT_AFTER.exec(after);
    // A mean followed by a unit is a measurement, not integer responses; an age in years or months may be whole numbers.
    if (UNIT_AFTER.test(after) && !(namedAge && ageUnit)) continue;
    const age: Descriptive['age'] = namedAge ? { unit: ageUnit?.[2] ? 'months' : 'years' } : undefined;
    let sd: ReportedNumber | undefined;
    SD_AFTER.lastIndex = ageUnit ? end + ageUnit[0].length : end;
    const sdm = SD_AFTER.exec(s);
    if (sdm) {
      const at = sdm.index + sdm[0].indexOf(sdm[1], sdm[0].indexOf('='));
      sd = parseReported(sdm[1], at);
      end = sdm.index + sdm[0].length;
    }
    out.push({ mean, sd, n: statedN(s, m.index, end), span: { start: m.index, end }, age });
  }
  for (const m of s.matchAll(AVERAGE_COUNT)) {
    const numStart = m.index + m[0].length - m[0].slice(m[0].lastIndexOf(m[1])).length;
    const mean = parseReported(m[1], numStart);
    if (mean) out.push({ mean, span: { start: m.index, end: m.index + m[0].length }, counted: m[2] });
  }
  return byStart(out);
}

function byStart(out: Descriptive[]): Descriptive[] {
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The n stated with a mean: after it ("…, n = 25"), just before it ("n = 25, M = …"), or the group it describes. */
function statedN(s: string, meanAt: number, end: number): Descriptive['n'] {
  N_AFTER.lastIndex = end;
  const nm = N_AFTER.exec(s);
  if (nm) {
    const at = nm.index + nm[0].lastIndexOf(nm[1]);
    return { value: Number(nm[1]), span: { start: at, end: at + nm[1].length } };
  }
  const before = s.slice(Math.max(0, meanAt - 60), meanAt);
  const nb = N_BEFORE.exec(before.slice(-20));
  if (nb) {
    const short = before.slice(-20);
    const at = meanAt - short.length + nb.index + nb[0].indexOf(nb[1], nb[0].indexOf('='));
    return { value: Number(nb[1]), span: { start: at, end: at + nb[1].length } };
  }
  const g = GROUP_BEFORE.exec(before);
  if (g && Number(g[1]) >= 2) {
    const at = meanAt - before.length + g.index;
    return { value: Number(g[1]), span: { start: at, end: at + g[1].length } };
  }
  return undefined;
}

const BINARY = /\b(?:binary|dichotomous|dummy[- ]coded|coded (?:as )?0 (?:and|or|\/) 1|0 = no|1 = yes)\b/i;
const ITEMS = /\b(\d{1,2}|one|single|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)[- ]items?\b/i;
// A rating scale by its ends or points: "a 1–7 scale", "a seven-point scale", "from 1 (never) to 5 (always)".
const LIKERT = /likert|\b(?:\d{1,2}|three|four|five|six|seven|nine|ten|eleven)-point\b|rating scale|\brated\b|\bscale (?:ranging )?from -?\d+ to \d+|\b-?\d{1,2}\s*(?:[-–]|to)\s*\d{1,2}\s+(?:rating\s+|response\s+)?scale\b|\(1 = /i;
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
