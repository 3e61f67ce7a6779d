// Amounts as the worded-arithmetic readers see them: a number as written (digits, a number word, a
// scale word: "1.5 million"), with the unit mathjs knows or the count noun written after it, and
// the marks that keep it out of exact arithmetic (a hedge or bound before it, a range it is an end of).

import { wordNumbersIn } from '../../text/lexicon.ts';
import { quantitiesIn, type Num, type Sentence } from './context.ts';
import { unitAt, type UnitText } from './unit-text.ts';

export interface Amount {
  n: Num;
  unit?: UnitText;
  /** Up to two words after the number (singular, lower case) when it has no unit: "sentences" → "sentence". */
  nouns: string[];
  /** Offset after the number and its unit (not its nouns). */
  end: number;
  /** A hedge before it ("about", "~"): the amount may be rounded freely. */
  hedged: boolean;
  /** A bound ("at least", "up to") or the end of a range: not an amount to compute with. */
  bound: boolean;
  /** "over 200": a bound, unless it says what the amount is spread across ("5 mg per day over 20 days"). */
  over: boolean;
}

/** Time words as written ("second", "hr", "min") and the mathjs unit each names. */
export const TIME_WORDS: Record<string, string> = {
  second: 's', sec: 's', s: 's', ms: 'ms', minute: 'minute', min: 'minute', hour: 'hour', hr: 'hour', h: 'hour', day: 'day', week: 'week', month: 'month', year: 'year',
};
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const SCALE_AFTER = /[ \t\u00a0~]+(thousand|million|billion|trillion)\b/iy;
const HEDGE_BEFORE = /(?:\b(?:about|around|approximately|approx\.|roughly|nearly|almost|some|circa|ca\.)|[~≈])\s*$/i;
const BOUND_BEFORE = /(?:\b(?:at\s+least|at\s+most|up\s+to|more\s+than|less\s+than|fewer\s+than|under|above|below|exceeding|as\s+many\s+as|as\s+few\s+as)|[<>≤≥])\s*$/i;
const RANGE_AFTER = /^\s*(?:[-–—]|to\b|and\b)\s*\d/;
const RANGE_BEFORE = /\d\s*(?:[-–—]|to|and)\s*$/;
// Words that end a noun phrase after a number: the noun is what comes before them.
const STOP = new Set([
  'of', 'and', 'or', 'in', 'for', 'per', 'each', 'to', 'with', 'from', 'on', 'at', 'by', 'was', 'were', 'is', 'are', 'had', 'has', 'have',
  'that', 'which', 'who', 'the', 'a', 'an', 'apiece', 'every', 'over', 'across', 'into', 'times', 'divided', 'plus', 'minus', 'less', 'i', 'e', 'we',
  'than', 'as', 'so', 'versus', 'vs', 'against', 'compared', 'giving', 'yielding', 'making', 'total', 'overall', 'altogether', 'all', 'among', 'between', 'during', 'within',
]);

const IRREGULAR: Record<string, string> = { mice: 'mouse', people: 'person', children: 'child', men: 'man', women: 'woman', teeth: 'tooth', feet: 'foot', geese: 'goose', data: 'datum' };

/** "sentences" → "sentence", "batches" → "batch", "mice" → "mouse". */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR[w]) return IRREGULAR[w];
  if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(?:ch|sh|ss|x)es$/.test(w)) return w.slice(0, -2);
  if (/[^s]s$/.test(w) && w.length > 3) return w.slice(0, -1);
  return w;
}

/** Up to two words of a noun phrase after `pos`, singular. */
export function nounsAt(text: string, pos: number, limit: number): string[] {
  const out: string[] = [];
  const re = /[ \t\u00a0]*([A-Za-z][A-Za-z-]*)/y;
  re.lastIndex = pos;
  for (let i = 0; i < 2; i++) {
    const m = re.exec(text);
    if (!m || re.lastIndex > limit) break;
    const w = m[1].toLowerCase();
    if (STOP.has(w)) break;
    out.push(singular(w));
  }
  return out;
}

export function sameNoun(a: readonly string[], b: readonly string[]): boolean {
  return a.some((w) => w.length > 2 && b.includes(w));
}

function fromWord(text: string, s: Sentence, w: { text: string; start: number; end: number; value: number }): Num | undefined {
  // "two-sided", "one-way": a number word joined to another word is not a count.
  if (w.value < 2 || /^[-\u2010-\u2013]/.test(text.slice(w.end, w.end + 1)) || /[-\u2010-\u2013]$/.test(text.slice(Math.max(s.start, w.start - 1), w.start))) return undefined;
  return { ...w, decimals: 0, exponent: 0, trailingZeros: 0, percent: false, noise: '' };
}

/** "1.5 million": the number with its scale word folded in, as precise as its last written digit. */
function scaled(text: string, n: Num): Num {
  SCALE_AFTER.lastIndex = n.end;
  const m = SCALE_AFTER.exec(text);
  if (!m || n.exponent !== 0 || n.percent) return n;
  const scale = SCALE[m[1].toLowerCase()];
  return { ...n, text: text.slice(n.start, SCALE_AFTER.lastIndex), end: SCALE_AFTER.lastIndex, value: n.value * scale, exponent: Math.round(Math.log10(scale)), trailingZeros: 0 };
}

const amountCache = new WeakMap<Sentence, { text: string; amounts: Amount[] }>();

/** The amounts of one sentence, in order. Percentages are left out (other checks read them). */
export function amountsIn(text: string, s: Sentence): Amount[] {
  const cached = amountCache.get(s);
  if (cached && cached.text === text) return cached.amounts;
  const digits = quantitiesIn(text, s).filter((n) => !n.percent);
  const words = wordNumbersIn(text, s)
    .map((w) => fromWord(text, s, w))
    .filter((w): w is Num => w !== undefined && !digits.some((d) => d.start < w.end && w.start < d.end));
  const nums = [...digits, ...words].sort((a, b) => a.start - b.start).map((n) => scaled(text, n));
  const amounts = nums.map((n, i): Amount => {
    const next = nums[i + 1]?.start ?? s.end;
    const unit = unitAt(text, n.end, next);
    const end = unit?.end ?? n.end;
    const before = text.slice(Math.max(s.start, n.start - 24), n.start);
    const after = text.slice(end, Math.min(s.end, end + 12));
    return {
      n,
      unit,
      nouns: unit ? [] : nounsAt(text, end, next),
      end,
      hedged: HEDGE_BEFORE.test(before),
      bound: BOUND_BEFORE.test(before) || RANGE_AFTER.test(after) || RANGE_BEFORE.test(before),
      over: /\bover\s*$/i.test(before),
    };
  });
  amountCache.set(s, { text, amounts });
  return amounts;
}

// What makes the last amount of a worded claim its result: a cue word before it ("giving", "i.e.",
// "a total of"), or the amount's own words, a comma, and a total word after it ("..., 900 in total").
export const RESULT_BEFORE = /(?:\bi\.\s?e\.,?|\b(?:that\s+is|so|thus|hence|giving|gives|gave|yielding|yields?|yielded|making|makes|made|producing|produces|produced|totall?ing|totals?|totall?ed|which\s+(?:gives|makes|yields|comes\s+to|amounts\s+to|is)|resulting\s+in|results\s+in|amounting\s+to|amounts\s+to|amounted\s+to|comes?\s+to|came\s+to|coming\s+to|in\s+total|in\s+all|altogether|overall)\b[,:]?|=)\s*(?:(?:an?\s+)?(?:total|overall|combined|grand\s+total)\s+of\s+|in\s+total\s+|overall\s+|altogether\s+)?$|\b(?:an?\s+)?(?:total|combined|grand\s+total)\s+of\s*$/i;
export const LEAD_WORDS = /^(?:\s*\b(?!and\b|but\b|while\b|whereas\b|of\b)[A-Za-z-]+\b){0,3}\s*[,(—–]?\s*(?:about|approximately|roughly|around|nearly|some|~|≈)?\s*$/i;
export const TOTAL_AFTER = /^(?:\s*\b[A-Za-z-]+\b){0,2}?\s*(?:in\s+total|in\s+all|overall|altogether|combined|total)\b/i;
