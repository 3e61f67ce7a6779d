// Sentence splitting that survives the abbreviations, decimals and p-values of research prose.
// Linear in the text: one pass over candidate boundaries, each judged by a bounded look-around.

import type { TextSpan } from '../types.ts';

// Lower-cased words that end with a period without ending a sentence.
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'al', 'etc', 'cf', 'vs', 'viz', 'approx', 'ca', 'resp', 'incl', 'excl', 'esp',
  'fig', 'figs', 'tab', 'tabs', 'eq', 'eqs', 'eqn', 'eqns', 'sec', 'secs', 'ch', 'chap', 'app', 'no', 'nos',
  'vol', 'vols', 'pp', 'p', 'ed', 'eds', 'ref', 'refs', 'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'jr', 'sr',
  'inc', 'ltd', 'co', 'corp', 'dept', 'univ', 'est', 'min', 'max', 'avg', 'sd', 'se', 'cl', 'suppl', 'supp',
  'u.s', 'u.k', 'e.u', 'n.b', 'a.k.a', 'ibid', 'op', 'cit', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'b.w', 'bw', 'wt',
]);

const BOUNDARY = /[.!?](?:["'\u201d\u2019)\]]*)(?=\s)/g;

/** The word (letters and inner periods) that ends right before `end`. */
function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && i > end - 24 && /[A-Za-z.]/.test(text[i - 1])) i--;
  return text.slice(i, end).replace(/^\.+/, '');
}

function isBoundary(text: string, dot: number, after: number, limit: number): boolean {
  if (text[dot] !== '.') return true;
  const word = wordBefore(text, dot);
  if (word) {
    const lower = word.toLowerCase();
    if (ABBREVIATIONS.has(lower)) return false;
    // Initials ("J. Smith", "A.B. Jones"): single capitals.
    if (/^(?:[A-Z]\.)*[A-Z]$/.test(word)) return false;
  }
  // The next visible character must start a sentence: a capital, a digit, a bracket or a quote.
  let j = after;
  while (j < limit && /\s/.test(text[j])) j++;
  if (j >= limit) return true;
  const next = text[j];
  return /[A-Z0-9([\u201c"'\\$\u0391-\u03a9]/.test(next);
}

/** Sentences of text[start, end), trimmed. Block breaks ("\n\n") always end a sentence. */
export function splitSentences(text: string, start = 0, end = text.length): TextSpan[] {
  const out: TextSpan[] = [];
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  const slice = text.slice(start, end);
  let sentenceStart = start;
  const re = new RegExp(`${BOUNDARY.source}|\\n[ \\t]*\\n`, 'g');
  for (const m of slice.matchAll(re)) {
    const at = start + m.index;
    const after = at + m[0].length;
    if (m[0].startsWith('\n')) {
      push(sentenceStart, at);
      sentenceStart = after;
      continue;
    }
    if (isBoundary(text, at, after, end)) {
      push(sentenceStart, after);
      sentenceStart = after;
    }
  }
  push(sentenceStart, end);
  return out;
}
