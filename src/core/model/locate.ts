// Finds a model's quote in the paper's checkable text. Models re-type what they quote: whitespace,
// line-break hyphenation, curly quotes, dashes and minus signs, ligatures, LaTeX leftovers and case
// drift, so matching is done on a "squeezed" form that forgets those, mapped back to exact offsets.

import { findNumbers, parseReported, type ReportedNumber } from '../numbers.ts';
import type { PaperText, TextSpan } from '../types.ts';

interface Squeezed {
  text: string;
  /** For each char of `text`: the [start, end) offsets of the original char it came from. */
  starts: number[];
  ends: number[];
}

interface Tier {
  lower: boolean;
  /** Drop hyphens between letters everywhere ("well-known" = "wellknown"), not only at line breaks. */
  allHyphens: boolean;
}

// The first two tiers are verbatim up to whitespace, hyphenation and typography; the last forgives
// letter case as well, which is enough to show a finding but not to confirm it.
const TIERS: readonly Tier[] = [
  { lower: false, allHyphens: false },
  { lower: false, allHyphens: true },
  { lower: true, allHyphens: true },
];
const VERBATIM_TIERS = 2;

const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d]/;
// Dropped on both sides: spacing, invisible characters, and TeX punctuation a model may keep or lose.
const DROPPED = /[\s\u00ad\u200b-\u200d\u2060\ufeff$\\{}~]/;
const LETTER = /\p{L}/u;

function squeeze(source: string, tier: Tier): Squeezed {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < source.length) {
    const cp = source.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    let mapped: string;
    if (DROPPED.test(ch)) mapped = '';
    else if (SINGLE_QUOTES.test(ch)) mapped = "'";
    else if (DOUBLE_QUOTES.test(ch)) mapped = '"';
    else if (DASHES.test(ch) || ch === '-') mapped = isDroppableHyphen(source, i, tier) ? '' : '-';
    else mapped = ch.normalize('NFKC');
    if (tier.lower) mapped = mapped.toLowerCase();
    for (const c of mapped) {
      out.push(c);
      starts.push(i);
      ends.push(next);
    }
    i = next;
  }
  return { text: out.join(''), starts, ends };
}

/** A hyphen between letters that breaks a word across lines ("exam-\nple"), or any such hyphen in the loosest tier. */
function isDroppableHyphen(source: string, i: number, tier: Tier): boolean {
  let j = i - 1;
  while (j >= 0 && /[ \t]/.test(source[j])) j--;
  if (j < 0 || !LETTER.test(source[j])) return false;
  let k = i + 1;
  let sawBreak = false;
  while (k < source.length && /\s/.test(source[k])) {
    if (source[k] === '\n' || source[k] === '\r') sawBreak = true;
    k++;
  }
  if (k >= source.length || !LETTER.test(source[k])) return false;
  return sawBreak || tier.allHyphens;
}

const paperCache = new WeakMap<PaperText, Map<number, Squeezed>>();

function squeezedPaper(paper: PaperText, tierIndex: number): Squeezed {
  let byTier = paperCache.get(paper);
  if (!byTier) paperCache.set(paper, (byTier = new Map()));
  let s = byTier.get(tierIndex);
  if (!s) byTier.set(tierIndex, (s = squeeze(paper.text, TIERS[tierIndex])));
  return s;
}

/** Shortest squeezed quote worth locating: shorter ones match by accident. */
export const MIN_QUOTE_CHARS = 4;
// An elided quote ("a … b") is located only when its fragments stand this close: farther apart, it
// may join unrelated passages.
const MAX_ELISION_GAP = 300;

function occurrences(haystack: string, needle: string, from = 0): number[] {
  const out: number[] = [];
  for (let i = haystack.indexOf(needle, from); i >= 0 && out.length < 50; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

function locateInTier(paper: PaperText, fragments: string[], tierIndex: number, prefer: readonly TextSpan[]): TextSpan | undefined {
  const hay = squeezedPaper(paper, tierIndex);
  const needles = fragments.map((f) => squeeze(f, TIERS[tierIndex]).text).filter((n) => n.length > 0);
  if (needles.length === 0 || needles.join('').length < MIN_QUOTE_CHARS) return undefined;
  const candidates: TextSpan[] = [];
  for (const first of occurrences(hay.text, needles[0])) {
    let end = first + needles[0].length;
    let ok = true;
    for (const n of needles.slice(1)) {
      const at = hay.text.indexOf(n, end);
      if (at < 0 || hay.starts[at] - hay.ends[end - 1] > MAX_ELISION_GAP) {
        ok = false;
        break;
      }
      end = at + n.length;
    }
    if (ok) candidates.push({ start: hay.starts[first], end: hay.ends[end - 1] });
  }
  if (candidates.length === 0) return undefined;
  for (const range of prefer) {
    const inside = candidates.find((c) => c.start >= range.start && c.end <= range.end);
    if (inside) return inside;
  }
  return candidates[0];
}

export interface LocatedQuote extends TextSpan {
  /** Found up to whitespace, hyphenation and typography only (not letter case). */
  verbatim: boolean;
  /** The quote left text out ("…"): what it spans is Tally's guess. */
  elided: boolean;
}

/**
 * Where `quote` stands in paper.text, or undefined if it is not there. "..." or "…" in the quote
 * stands for elided text. Occurrences inside the `prefer` ranges (the section sent, then its context)
 * win over earlier ones elsewhere.
 */
export function locateQuoteDetailed(paper: PaperText, quote: string, prefer: readonly TextSpan[] = []): LocatedQuote | undefined {
  const fragments = quote
    .replace(/^["'\u201c\u201d\u2018\u2019]+|["'\u201c\u201d\u2018\u2019]+$/g, '')
    .split(/\s*(?:\[\s*(?:\.\s*){3}\]|\.{3}|\u2026)\s*/)
    .filter((f) => f.trim() !== '');
  if (fragments.length === 0) return undefined;
  for (let t = 0; t < TIERS.length; t++) {
    const span = locateInTier(paper, fragments, t, prefer);
    if (span) return { ...span, verbatim: t < VERBATIM_TIERS, elided: fragments.length > 1 };
  }
  return undefined;
}

export function locateQuote(paper: PaperText, quote: string, prefer: readonly TextSpan[] = []): TextSpan | undefined {
  const found = locateQuoteDetailed(paper, quote, prefer);
  return found ? { start: found.start, end: found.end } : undefined;
}

function normaliseMinus(s: string): string {
  return s.replace(/[\u2212\u2013\u2014]/g, '-');
}

/** Parses the model's `reported` ("42,000", "35 %", "420 µg/day") into its number and any unit text after it. */
export function parseModelNumber(reported: string): { number: ReportedNumber; unit: string } | undefined {
  const text = normaliseMinus(reported.trim());
  const whole = parseReported(text);
  if (whole) return { number: whole, unit: '' };
  const first = findNumbers(text)[0];
  if (!first || first.start > 1) return undefined;
  return { number: first, unit: text.slice(first.end).trim() };
}

/**
 * The reported number inside a located quote: the paper's own number with the same value (its text,
 * as printed, is what gets compared). The last such number wins: results come after their inputs.
 */
export function locateNumber(paper: PaperText, quoteSpan: TextSpan, reported: string): ReportedNumber | undefined {
  const target = parseModelNumber(reported);
  if (!target) return undefined;
  const numbers = findNumbers(paper.text.slice(quoteSpan.start, quoteSpan.end), quoteSpan.start);
  const same = numbers.filter((n) => {
    const scale = Math.max(1, Math.abs(n.value));
    return Math.abs(n.value - target.number.value) <= 1e-12 * scale && n.decimals === target.number.decimals;
  });
  const loose = same.length > 0 ? same : numbers.filter((n) => Math.abs(n.value - target.number.value) <= 1e-12 * Math.max(1, Math.abs(n.value)));
  return loose.at(-1);
}
