// What the arithmetic checks share: which blocks are prose, the numbers of a sentence with the
// ones that are not quantities (years, citations, figure numbers, dates, versions) marked, and
// the small helpers that build findings.

import { roundingInterval, usesDecimalCommas, type ReportedNumber } from '../../numbers.ts';
import { splitSentences } from '../../text/sentences.ts';
import { readNumbersFast } from './read-numbers.ts';
import type { Block, PaperText, TextSpan } from '../../types.ts';

export interface Num extends ReportedNumber {
  /** Why this number is not a quantity a claim can use ('' when it is one). */
  noise: string;
}

const PROSE: ReadonlySet<Block['kind']> = new Set(['paragraph', 'item', 'caption', 'footnote', 'display-math']);

export function proseBlocks(paper: PaperText): Block[] {
  return paper.blocks.filter((b) => PROSE.has(b.kind));
}

export interface Sentence extends TextSpan {
  /** Index of the block it belongs to in proseBlocks(paper). */
  block: number;
}

const MONTHS = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH_BEFORE = new RegExp(`\\b${MONTHS}\\.?\\s*$`, 'i');
const MONTH_AFTER = new RegExp(`^\\s*${MONTHS}\\b`, 'i');
const LABEL_BEFORE = new RegExp(
  `(?:\\b(?:fig(?:ure)?s?|tab(?:le)?s?|eqs?|eqns?|equations?|sec(?:tion)?s?|§|ch(?:apter)?s?|app(?:endix)?|appendices|supplement(?:ary)?|(?:supplementary )?(?:materials?|notes?|files?)|refs?|references?|studies|study|experiments?|exp|hypothes[ie]s|models?|waves?|steps?|phases?|items?|versions?|v|no|nos|number|pages?|pp?|lines?|rows?|columns?|cols?|panels?|chapters?|parts?|wave|session|round|trial|block|level|grade|stage|type|class|group|condition|cohort|dataset|task|icd|dsm|iso|${MONTHS})\\.?\\s*(?:\\d+[a-z]?\\s*(?:,|and|&|–|-|to)\\s*)*$)`,
  'i',
);

const TIME_OF_DAY_AFTER = /^(?:\s?[ap]\.?m\.?(?![a-z])|\s?o['\u2019]clock\b)/i;
// "14:30", "at 9:15": a clock time, not a ratio such as a 1:10 dilution (two-digit hours, or a time word before).
const CLOCK = /^(\d{1,2}):(\d\d)(?!\d)/;
const TIME_WORD_BEFORE = /\b(?:at|from|until|till|to|by|between|around|after|before|and)\s+$/i;

function isClockTime(text: string, n: ReportedNumber): boolean {
  const hourStart = text[n.end] === ':' ? n.start : text[n.start - 1] === ':' ? n.start - 1 - (/\d\d$/.test(text.slice(n.start - 3, n.start - 1)) ? 2 : 1) : -1;
  if (hourStart < 0 || /\d/.test(text[hourStart - 1] ?? '')) return false;
  const m = CLOCK.exec(text.slice(hourStart, hourStart + 6));
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return false;
  return m[1].length === 2 || TIME_WORD_BEFORE.test(text.slice(Math.max(0, hourStart - 10), hourStart));
}

// "Study 2, 50 of the 100 ...": after a singular label word, a comma ends the label; only a plural
// one ("Tables 1, 2") lists more labels after a comma.
const SINGULAR_LABEL_THEN_COMMA = /\b([A-Za-z]+)\.?\s*\d+[a-z]?\s*,\s*$/;

function isLabel(before: string): boolean {
  if (!LABEL_BEFORE.test(before)) return false;
  const comma = SINGULAR_LABEL_THEN_COMMA.exec(before);
  return !comma || /s$/i.test(comma[1]);
}

// ',', '&', '–', '-' end a list of labels ("Tables 1, 2 and"); '§' is a label word of its own.
const LIST_END = new Set([44, 38, 0x2013, 45, 0xa7]);

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Code of the last character of s that is not white space (as \s counts it), or -1. */
function lastVisible(s: string): number {
  const t = s.trimEnd();
  return t.length ? t.charCodeAt(t.length - 1) : -1;
}

/** Marks numbers that a claim must not use. Looks at a bounded window around each number. */
function noiseOf(text: string, n: ReportedNumber): string {
  const before = text.slice(Math.max(0, n.start - 40), n.start);
  const after = text.slice(n.end, n.end + 24);
  const isInt = n.decimals === 0 && n.exponent === 0 && !n.percent;
  if (isInt && n.value >= 1900 && n.value <= 2035 && !/[,\u2009\u202f\u00a0]/.test(n.text)) return 'year';
  // Patterns anchored at the end of `before` are run on its tail: a regex scans every start position.
  const tail = before.slice(-5);
  if (/^\.\d/.test(after) || /\d\.$/.test(tail)) return 'version';
  // Times of day: "at 7pm", "9 a.m.", "14:30".
  if (TIME_OF_DAY_AFTER.test(after) || isClockTime(text, n)) return 'time';
  // A decimal joined by a hyphen is one end of a range ("0.55-0.92"), not a part of a date.
  const dateLike = /^[-/.]\d{1,4}[-/.]\d/.test(after) || /\d[-/.]\d{1,2}[-/.]$/.test(tail);
  if (dateLike && !(n.decimals > 0 && (after.startsWith('-') || tail.endsWith('-')))) return 'date';
  // The two long look-behinds can only match when `before` ends (spaces aside) with a word, a
  // period or a list separator: checked first, as they scan every position of the window.
  const last = lastVisible(before);
  const wordOrDot = isAsciiLetter(last) || last === 46;
  if (isInt && ((wordOrDot && MONTH_BEFORE.test(before)) || MONTH_AFTER.test(after))) return 'date';
  if ((wordOrDot || LIST_END.has(last)) && isLabel(before)) return 'label';
  // Citations: numbers inside [..] with only numbers and separators; "et al., 2020" is a year anyway.
  if (before.includes('[') && /\[[\d,;\s\u2013-]*$/.test(before) && /^[\d,;\s\u2013-]*\]/.test(after)) return 'citation';
  // Superscript or footnote markers.
  if (/[\^]\{?$/.test(tail)) return 'superscript';
  // Equation numbers at the end of a display: "(3)" followed by nothing.
  if (last === 40 && /^\s*\)\s*$/.test(after) && isInt) return 'equation-number';
  // Version-like or identifier-like: preceded by a letter and a hyphen (BDE-209, COVID-19, PCV-13).
  if (/[A-Za-z]-$/.test(tail)) return 'identifier';
  // Ordinals and identifiers glued to letters ("3rd", "5th", "2D").
  if (/^(?:st|nd|rd|th|D)\b/.test(after)) return 'ordinal';
  return '';
}

// Numbers are read once per block and shared by its sentences, and cached per span object, so
// every check sees the same Num objects for the same text.
const numberCache = new WeakMap<TextSpan, { text: string; nums: Num[] }>();
/** The block each sentence of sentencesOf() was cut from. */
const blockOfSentence = new WeakMap<TextSpan, TextSpan>();

// "30 percent", "30 per cent": a percentage written in words reads as "30%" (its span and text
// take the word in, so a suggestion replaces both).
const PERCENT_WORD = /[ \t\u00a0]?(?:percent|per[ \t\u00a0]?cent)(?![A-Za-z])/iy;

// Whether the paper writes decimals with a comma, for the last paper read (one paper at a time).
let paperCommas: { text: string; commas: boolean } | undefined;

function paperUsesDecimalCommas(text: string): boolean {
  if (paperCommas?.text !== text) paperCommas = { text, commas: usesDecimalCommas(text) };
  return paperCommas.commas;
}

function readNumbers(text: string, span: TextSpan): Num[] {
  // A paper that writes decimals with a comma reads "0,45" so everywhere; otherwise each block decides.
  const commas = paperUsesDecimalCommas(text) || undefined;
  const nums = readNumbersFast(text.slice(span.start, span.end), span.start, commas) as Num[];
  for (const n of nums) {
    if (!n.percent) {
      PERCENT_WORD.lastIndex = n.end;
      if (PERCENT_WORD.test(text) && PERCENT_WORD.lastIndex <= span.end) {
        n.percent = true;
        n.end = PERCENT_WORD.lastIndex;
        n.text = text.slice(n.start, n.end);
      }
    }
    n.noise = noiseOf(text, n);
  }
  return nums;
}

/**
 * A sentence's numbers are its block's numbers that lie inside it. A number can only straddle a
 * sentence boundary in odd text ("12\n\n% ..."); then the sentence is read on its own, which is
 * what reading it alone would give.
 */
function sentenceNumbers(text: string, span: TextSpan, block: TextSpan): Num[] {
  const all = numbersIn(text, block);
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  if (lo < all.length && all[lo].start < span.start) return readNumbers(text, span);
  let j = lo;
  while (j < all.length && all[j].end <= span.end) j++;
  if (j < all.length && all[j].start < span.end) return readNumbers(text, span);
  return all.slice(lo, j);
}

/** Numbers in text[span], each marked with its noise reason ('' for quantities). */
export function numbersIn(text: string, span: TextSpan): Num[] {
  const cached = numberCache.get(span);
  if (cached && cached.text === text) return cached.nums;
  const block = blockOfSentence.get(span);
  const nums = block ? sentenceNumbers(text, span, block) : readNumbers(text, span);
  numberCache.set(span, { text, nums });
  return nums;
}

/** Quantities only. */
const quantityCache = new WeakMap<Num[], Num[]>();
export function quantitiesIn(text: string, span: TextSpan): Num[] {
  const nums = numbersIn(text, span);
  let q = quantityCache.get(nums);
  if (!q) {
    q = nums.filter((n) => !n.noise);
    quantityCache.set(nums, q);
  }
  return q;
}

const sentenceCache = new WeakMap<PaperText, { blocks: Block[]; sentences: Sentence[] }>();

/** Every prose sentence of the paper, with the block it belongs to (computed once per paper). */
export function sentencesOf(paper: PaperText): { blocks: Block[]; sentences: Sentence[] } {
  const cached = sentenceCache.get(paper);
  if (cached) return cached;
  const result = splitAll(paper);
  sentenceCache.set(paper, result);
  return result;
}

function splitAll(paper: PaperText): { blocks: Block[]; sentences: Sentence[] } {
  const blocks = proseBlocks(paper);
  const sentences: Sentence[] = [];
  blocks.forEach((b, i) => {
    for (const s of splitSentences(paper.text, b.start, b.end)) {
      const sentence = { start: s.start, end: s.end, block: i };
      blockOfSentence.set(sentence, b);
      sentences.push(sentence);
    }
  });
  return { blocks, sentences };
}

/** The text of a span with whitespace collapsed, for claims and messages. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function spanText(paper: PaperText, span: TextSpan): string {
  return collapse(paper.text.slice(span.start, span.end));
}

/** Is the integer a plausible count (whole, non-negative, not a percentage)? */
export function isCount(n: ReportedNumber): boolean {
  return n.decimals === 0 && n.exponent === 0 && !n.percent && n.value >= 0 && Number.isInteger(n.value);
}

/** Input interval: whole numbers are taken as exact (counts, doses as written), decimals as rounded. */
export function inputBounds(n: ReportedNumber): [number, number] {
  return n.decimals === 0 && n.exponent === 0 ? [n.value, n.value] : roundingInterval(n);
}

/** Keeps claims short in messages: at most `max` characters around the interesting part. */
export function clip(text: string, max = 300): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}
