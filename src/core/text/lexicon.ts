// Cue words the claim readers share: numbers written as words, what a total is called, what ties a
// list of parts to its whole. One place, so the arithmetic and statistics checks read alike.

import type { ReportedNumber } from '../numbers.ts';
import type { TextSpan } from '../types.ts';

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

// "forty-six", "Forty six", "twelve", "ninety": whole words only, so "someone" or "tone" never match.
const WORD_NUMBER = new RegExp(
  `\\b(?:(${Object.keys(TENS).join('|')})(?:[-\\s](${Object.keys(UNITS).filter((w) => UNITS[w] > 0 && UNITS[w] < 10).join('|')}))?|(${Object.keys(UNITS).join('|')}))\\b`,
  'gi',
);

// "one" as a pronoun, not a count: "one's", "one another", "no one", "this one", "the one that".
const PRONOUN_ONE_AFTER = /^(?:['\u2019]s\b|\s+another\b)/i;
const PRONOUN_ONE_BEFORE = /\b(?:no|any|some|every|each|the|this|that|which|a|little|only)\s+$/i;

// "at least one", "more than two": a bound, not a count.
const BOUND_BEFORE = /\b(?:at\s+least|at\s+most|more\s+than|fewer\s+than|less\s+than|up\s+to)\s+$/i;

function isBound(slice: string, m: RegExpMatchArray): boolean {
  return BOUND_BEFORE.test(slice.slice(Math.max(0, m.index! - 14), m.index));
}

function pronounOne(slice: string, m: RegExpMatchArray): boolean {
  if (m[3]?.toLowerCase() !== 'one') return false;
  const end = m.index! + m[0].length;
  return PRONOUN_ONE_AFTER.test(slice.slice(end, end + 10)) || PRONOUN_ONE_BEFORE.test(slice.slice(Math.max(0, m.index! - 10), m.index));
}

/** Whole numbers up to 99 written as words, as reported numbers (text as written, value). */
export function wordNumbersIn(text: string, span: TextSpan): ReportedNumber[] {
  const out: ReportedNumber[] = [];
  const slice = text.slice(span.start, span.end);
  for (const m of slice.matchAll(WORD_NUMBER)) {
    if (pronounOne(slice, m) || isBound(slice, m)) continue;
    const value = m[3] !== undefined ? UNITS[m[3].toLowerCase()] : TENS[m[1].toLowerCase()] + (m[2] ? UNITS[m[2].toLowerCase()] : 0);
    const start = span.start + m.index;
    out.push({ text: m[0], value, decimals: 0, exponent: 0, trailingZeros: 0, percent: false, start, end: start + m[0].length });
  }
  return out;
}

/** Words that say a number is the whole a list is part of. */
export const TOTAL_CUE = /\b(?:in total|total(?:ling|ed)?|overall|altogether|all together|sum|whole|entire|complete|full)\b/i;

/** Words between a whole and the list of its parts ("N cases, including ...", "N people: ..."). */
export const PARTS_INTRO = /(?:\(|:|\b(?:including|includ(?:es|ed)|compris(?:ing|ed|es)|consist(?:ing|ed|s) of|split (?:into|between|across)|divided (?:into|between|among)|broken down (?:into|as)|of (?:whom|which|these|those|them)|among (?:whom|which|these|those|them)|namely|i\.e\.,?|that is,?)(?=\W))/i;

/** Words between a list of parts and its whole ("... a, b and c out of N"). */
export const PARTS_OUTRO = /\b(?:out of(?: the| all| a total of)?|of (?:the total|all|a total of)|from (?:a total of|the total)|totall?ing|for a total of|adding up to|summing to)\s*$/i;

// Pairs of words naming categories that exclude each other: two counts so named split their whole.
const OPPOSITES: [string, string][] = [
  ['active', 'passive'], ['public', 'private'], ['internal', 'external'], ['paid', 'unpaid'], ['signed', 'unsigned'],
  ['male', 'female'], ['males', 'females'], ['men', 'women'], ['boys', 'girls'], ['urban', 'rural'], ['alive', 'dead'],
  ['correct', 'incorrect'], ['present', 'absent'], ['positive', 'negative'], ['published', 'unpublished'],
  ['completed', 'uncompleted'], ['successful', 'unsuccessful'], ['accepted', 'rejected'], ['online', 'offline'],
  ['woman', 'man'], ['girl', 'boy'], ['yes', 'no'],
  // States of returned or collected things: "112 were complete and 18 were partial".
  ['complete', 'partial'], ['full', 'partial'], ['functional', 'faulty'], ['working', 'broken'], ['organic', 'conventional'],
  ['intact', 'damaged'], ['open', 'closed'], ['pass', 'fail'],
  // Outcomes told by verbs: "70% passed and 30% failed".
  ['succeeded', 'failed'], ['passed', 'failed'], ['agreed', 'disagreed'], ['agreed', 'declined'], ['accepted', 'declined'],
  ['approved', 'rejected'], ['included', 'excluded'], ['converged', 'diverged'], ['survived', 'died'], ['won', 'lost'],
];
const OPPOSITE_SET = new Set(OPPOSITES.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));

/** Two words naming categories that exclude each other: a known pair, or X and non-X / un-X. */
export function complementary(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return false;
  if (OPPOSITE_SET.has(`${x}|${y}`)) return true;
  return negates(x, y) || negates(y, x);
}

const NEGATABLE_ADJECTIVE = /(?:ible|able|ent|ant|ive|ate|al|ar|ure|ect|ete|id)$/;

/** "unpaid" of "paid", "non-smoker" of "smoker", "invalid" of "valid", "illegible" of "legible", "irregular" of "regular". */
function negates(word: string, base: string): boolean {
  if (base.length < 3 || !word.endsWith(base)) return false;
  const prefix = word.slice(0, word.length - base.length);
  if (prefix === 'un' || prefix === 'non' || prefix === 'non-') return true;
  // in- negates adjectives ("invalid", "incomplete"), not nouns or verbs ("import", "income", "inside").
  if (base.length < 4 || !NEGATABLE_ADJECTIVE.test(base)) return false;
  if (prefix === 'in') return true;
  // The assimilated forms of in-: im- before b, m, p; il- before l; ir- before r.
  return (prefix === 'im' && /^[bmp]/.test(base)) || (prefix === 'il' && base.startsWith('l')) || (prefix === 'ir' && base.startsWith('r'));
}
