// Changes between two printed amounts. Read, then judged: the reader turns a sentence into change
// claims (the stated change as written, the two amounts it compares, the cue that binds them, and
// whether the order of the amounts is known); the judge recomputes over the rounding intervals of
// the printed amounts and decides. Shapes: a percent change ("an increase of 25%", "25% higher than
// B", "fell by 25%"), a fold change or a multiple ("a 4-fold rise", "3.4x", "tripled", "twice as
// large as"), and a stated difference of a named quantity ("Δ R² = .05" after both values). The two
// amounts come from "from A to B", "A vs B", two values carrying the same label ("d = 0.2 ... d =
// 0.4"), "A ... N% higher than ... B", or the only two amounts before the change.

import { formatLike, intervalMeets, roundsTo } from '../../numbers.ts';
import type { CheckOutput, PaperText, TextSpan } from '../../types.ts';
import { inputBounds, quantitiesIn, sentencesOf, spanText, type Num, type Sentence } from './context.ts';
import { ARITHMETIC_RULE } from './expressions.ts';
import type { Interval } from './interval-math.ts';
import { cover, formatValue, makeFinding, makeVerified, plain } from './report.ts';
import { unitAt } from './unit-text.ts';
import type { CheckModule } from '../module.ts';
import { readChangeWithEnds } from './change-ends.ts';

const UP = 'increase|increased|increases|increasing|rise|rose|risen|rising|grew|growth|grown|gain|gained|higher|greater|larger|more|up|jump|jumped|improvement|improved|elevat\\w*';
const DOWN = 'decrease|decreased|decreases|decreasing|reduction|reduced|reduces|drop|dropped|decline|declined|declining|fall|fell|fallen|lower|smaller|less|down|loss|lost|cut|shrank|shrunk';
const HEDGE = '(?:about|approximately|nearly|almost|roughly|around|some|~|≈)\\s*';
const PCT_PHRASE = new RegExp(`^\\s*(?:-\\s*)?(?:(?:relative|net|overall|total)\\s+)?(${UP}|${DOWN})\\b`, 'i');
// "rose by 25%", "an increase of 25%", "a drop in spending of about 25%".
const BY_BEFORE = new RegExp(`\\b(${UP}|${DOWN})\\s+(?:in\\s+(?:[\\w&/.-]+\\s+){1,4})?(?:(?:by|of)\\s+)?(?:${HEDGE})?$`, 'i');
const FOLD_AFTER = new RegExp(`^(?:\\s*-\\s*|\\s)?(?:fold|times|×)\\s*(?:-\\s*)?(?:(${UP}|${DOWN})\\b)?|^x(?![A-Za-z])`, 'i');
// "3× as many parameters as", "4 times more … than", "7× faster", "a 7.0× speed-up": a multiple of two amounts, either way round.
const AS_AS = /^\s*(?:-\s*)?(?:fold|times|×|x)?\s*(?:as\s+(?:\w+\s+){0,3}?\w+\s+as|more\s+\w+\s+than|\w+er\s+than|(?:faster|slower|quicker|speed-?ups?|acceleration|compression|smaller|larger|bigger|cheaper|fewer|more)\b)/i;
const FROM_TO = /\bfrom\s+(?:an?\s+|the\s+)?(?:[a-z]+\s+){0,3}?$/i;
const THAN_AFTER = /^\s*(?:than|compared\s+(?:to|with)|relative\s+to)\b/i;
const VERSUS = /^\s*(?:[A-Za-zµμ/%]{0,12}\s*)?(?:vs\.?|versus|against|compared\s+(?:to|with))\s*$/i;
/** A multiple in words: the factor it states. */
const WORD_FOLD: Record<string, number> = { doubled: 2, doubling: 2, doubles: 2, twice: 2, tripled: 3, tripling: 3, triples: 3, thrice: 3, quadrupled: 4, quadrupling: 4, halved: 2, halving: 2 };
const WORD_FOLD_RE = /\b(doubl(?:ed|ing|es)|twice|tripl(?:ed|ing|es)|thrice|quadrupl(?:ed|ing)|halv(?:ed|ing))\b/gi;
/** "3% per year", "2% annually": a rate that compounds over a period, not the change between two ends. */
export const PER_PERIOD_AFTER = /^\s*(?:per\s+(?:year|annum|month|week|day|decade)|an?\s+(?:year|month|week|day|decade)|annually|yearly|each\s+(?:year|month|week|day)|every\s+(?:year|month|week|day))\b/i;
/** Labels that name a test statistic, a p-value or a count, not an amount compared. */
const NOT_AMOUNT_LABEL = /^(?:p|t|F|z|df|n|N|SD|SE|CI|chi|W|U|H)$/;

export type ChangeMode = 'percent' | 'fold' | 'multiple' | 'difference';

/** One stated change as read. */
export interface ChangeClaim {
  mode: ChangeMode;
  /** The stated change (a synthetic number for words like "tripled"). */
  result: Num;
  /** The amounts compared, earlier (or base) first. */
  a: Num;
  b: Num;
  /** True when the text says which amount is the base ("from a to b", "than b"); else both orders are tried. */
  ordered: boolean;
  /** +1 up, −1 down, 0 when only a multiple is stated. */
  direction: 1 | -1 | 0;
  /** The words that bind the change to its amounts. */
  cue: string;
}

function direction(word: string | undefined): 1 | -1 | 0 {
  if (!word) return 0;
  return new RegExp(`^(?:${DOWN})$`, 'i').test(word) ? -1 : 1;
}

function sameUnit(text: string, a: Num, b: Num): boolean {
  // "from 10 to 30 percent": the unit written once, after the second.
  if (a.percent !== b.percent && !(b.percent && a.end <= b.start && /^\s*to\s+$/.test(text.slice(a.end, b.start)))) return false;
  const ua = unitAt(text, a.end, a.end + 30)?.mathjs ?? '';
  const ub = unitAt(text, b.end, b.end + 30)?.mathjs ?? '';
  // "from 2.1 to 8.4 µg/g": the unit is often written once.
  return ua === ub || ua === '' || ub === '';
}

/**
 * Not an amount a change compares: the value of a named spread or test statistic ("SE = 0.02",
 * "p < .05"), the base of a rate ("per 100,000"), or the low end of a range of percentages ("20–25%").
 */
export function notAnAmount(text: string, n: Num): boolean {
  const before = text.slice(Math.max(0, n.start - 14), n.start);
  if (/\bper\s*$/i.test(before)) return true;
  if (/(?:^|[^A-Za-z])(?:p|t|F|z|SD|SE|SEM|s\.e\.?|s\.d\.?|se|sd)\s*(?:\([^)]*\))?\s*[=<>]\s*$/.test(before)) return true;
  // A dash only: "from 12 to 37 percent" compares two percentages written with one unit.
  return !n.percent && /^\s*(?:-{1,2}|–|—)\s*\d+(?:\.\d+)?\s*(?:\\?%|percent|per cent)/.test(text.slice(n.end, n.end + 16));
}

/** A number that is a spread, a bound or a test statistic rather than an amount. */
function isAside(text: string, n: Num): boolean {
  const before = text.slice(Math.max(0, n.start - 14), n.start);
  if (/±\s*$|\\pm\s*$/.test(before)) return true;
  if (/\d\s*\(\s*$/.test(before)) return true; // "761.80(114.75)": an SD after the value
  if (notAnAmount(text, n)) return true;
  if (/\(\s*\d+(?:\s*,\s*\d+)?\s*$|,\s*$/.test(before) && /^\s*[,)]\s*[=]/.test(text.slice(n.end, n.end + 6))) return true; // degrees of freedom
  return /^\s*(?:CI|confidence)/i.test(text.slice(n.end, n.end + 12)) || /\[\s*$|CI\s*\[?\s*$/.test(before);
}

/** "d = 0.4", "M_audio=761.8", "R^2 = .25": the label's stem, or undefined. */
export function labelOf(text: string, n: Num): string | undefined {
  const m = /(?:^|[^A-Za-z\\])(?:\\?Delta\s*|Δ\s*)?([A-Za-z]{1,3})(\^\{?2\}?)?(?:_\{?[A-Za-z0-9]+\}?)?\s*=\s*$/.exec(text.slice(Math.max(0, n.start - 24), n.start));
  if (!m || NOT_AMOUNT_LABEL.test(m[1])) return undefined;
  if (/(?:Δ|Delta)\s*[A-Za-z]/.test(m[0])) return undefined;
  return m[1] + (m[2] ? '^2' : '');
}

function synthetic(text: string, start: number, end: number, value: number): Num {
  return { text: text.slice(start, end), start, end, value, decimals: 0, exponent: 0, trailingZeros: 0, percent: false, noise: '' };
}

/** The two amounts a change at [cStart, cEnd) compares, and whether their order is known. */
function pairFor(text: string, s: Sentence, amounts: Num[], cStart: number, cEnd: number, after: string): { a: Num; b: Num; ordered: boolean; cue: string } | undefined {
  // "from a to b": the nearest before the change, else the first after it.
  let fromTo: [Num, Num] | undefined;
  for (let k = 0; k + 1 < amounts.length; k++) {
    const [a, b] = [amounts[k], amounts[k + 1]];
    const between = text.slice(unitAt(text, a.end, b.start)?.end ?? a.end, b.start);
    if (!FROM_TO.test(text.slice(Math.max(s.start, a.start - 30), a.start)) || !/^\s*(?:[A-Za-zµμ/%.\u00a0\u2009 ]{0,24}?)\s*to\s+(?:an?\s+|the\s+)?$/.test(between)) continue;
    // "it tripled, from a to b": a from…to that follows the change word at once is its own, whatever came before.
    const rightAfter = a.start >= cEnd && /^[\s,;:(]*from\s+(?:an?\s+|the\s+)?$/i.test(text.slice(cEnd, a.start));
    if (fromTo && !rightAfter && fromTo[1].end < cStart && b.start > cEnd) break;
    fromTo = [a, b];
    if (rightAfter) break;
    if (b.start > cEnd) break;
  }
  if (fromTo) return { a: fromTo[0], b: fromTo[1], ordered: true, cue: 'from … to' };
  // "A ... 13% higher than (the ...) B": the base is the amount after "than".
  const than = THAN_AFTER.exec(after.replace(new RegExp(`^\\s*(?:${UP}|${DOWN})`, 'i'), ''));
  if (than) {
    const prior = amounts.filter((n) => n.end <= cStart);
    const next = amounts.find((n) => n.start >= cEnd);
    if (prior.length && next) return { a: next, b: prior[prior.length - 1], ordered: true, cue: 'than' };
  }
  // "A vs B": the subject first, but papers write both orders.
  for (let k = 0; k + 1 < amounts.length; k++) {
    const [a, b] = [amounts[k], amounts[k + 1]];
    if (VERSUS.test(text.slice(a.end, b.start))) return { a: b, b: a, ordered: false, cue: 'vs' };
  }
  // Two values with the same label ("d = 0.16 ... d = 0.37").
  const labelled = new Map<string, Num[]>();
  for (const n of amounts) {
    const l = labelOf(text, n);
    if (l) labelled.set(l, [...(labelled.get(l) ?? []), n]);
  }
  const pairs = [...labelled.values()].filter((v) => v.length === 2);
  if (pairs.length === 1) return { a: pairs[0][0], b: pairs[0][1], ordered: false, cue: 'same label' };
  const prior = amounts.filter((n) => n.end <= cStart);
  if (prior.length === 2 && amounts.length === 2) return { a: prior[0], b: prior[1], ordered: false, cue: 'the two amounts before it' };
  return undefined;
}

/** Index of the first number that ends after `pos` (numbers are in text order). */
function firstAfter(nums: Num[], pos: number): number {
  let lo = 0;
  let hi = nums.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nums[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many numbers on each side of a change may be the amounts it compares (keeps long sentences linear). */
const NEIGHBOURS = 12;

/** Reads the change claims of one sentence. */
export function readChangeClaims(text: string, s: Sentence): ChangeClaim[] {
  const nums = quantitiesIn(text, s);
  const claims: ChangeClaim[] = [];
  const amountsBut = (c: { start: number; end: number }) => {
    const i = firstAfter(nums, c.start);
    return nums.slice(Math.max(0, i - NEIGHBOURS), i + NEIGHBOURS + 1).filter((n) => (n.end <= c.start || n.start >= c.end) && !isAside(text, n));
  };
  for (const c of nums) {
    const after = text.slice(c.end, Math.min(s.end, c.end + 40));
    const before = text.slice(Math.max(s.start, c.start - 48), c.start);
    let mode: ChangeMode | undefined;
    let word: string | undefined;
    if (c.percent) {
      if (/^\s*points?\b|^\s*pp\b|percentage/i.test(after) || PER_PERIOD_AFTER.test(after)) continue;
      word = PCT_PHRASE.exec(after)?.[1] ?? BY_BEFORE.exec(before)?.[1];
      if (word) mode = 'percent';
    } else {
      const m = FOLD_AFTER.exec(after);
      if (m) {
        word = m[1] ?? BY_BEFORE.exec(before)?.[1];
        if (word || AS_AS.test(after)) mode = word ? 'fold' : 'multiple';
      }
    }
    if (!mode) continue;
    const pair = pairFor(text, s, amountsBut(c).filter((n) => n.percent === (mode === 'percent' ? n.percent : n.percent)), c.start, c.end, after.replace(/^\s*(?:-\s*)?(?:fold|times|×|x)/i, ''));
    if (!pair || pair.a === c || pair.b === c) continue;
    claims.push({ mode, result: c, a: pair.a, b: pair.b, ordered: pair.ordered, direction: direction(word), cue: pair.cue });
  }
  for (const m of text.slice(s.start, s.end).matchAll(WORD_FOLD_RE)) {
    const start = s.start + m.index;
    const end = start + m[0].length;
    const factor = WORD_FOLD[m[1].toLowerCase()] ?? (/^doubl/i.test(m[1]) ? 2 : /^tripl/i.test(m[1]) ? 3 : /^quadrupl/i.test(m[1]) ? 4 : 2);
    const halved = /^halv/i.test(m[1]);
    const after = text.slice(end, Math.min(s.end, end + 40));
    const pair = pairFor(text, s, amountsBut({ start, end }), start, end, after);
    if (!pair) continue;
    const comparison = /^twice|^thrice/i.test(m[1]);
    claims.push({ mode: comparison ? 'multiple' : 'fold', result: synthetic(text, start, end, factor), a: pair.a, b: pair.b, ordered: pair.ordered && !comparison, direction: halved ? -1 : comparison ? 0 : 1, cue: pair.cue });
  }
  claims.push(...wordMultiples(text, s, amountsBut));
  return claims;
}

const WORD_TIMES: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, twenty: 20, fifty: 50, hundred: 100 };
const WORD_TIMES_RE = /\b(two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|(?:a|one)\s+hundred)\s+times\b/gi;

/** "five times faster", "three times as many … as": a multiple written in words, against the two amounts it compares. */
function wordMultiples(text: string, s: Sentence, amountsBut: (c: { start: number; end: number }) => Num[]): ChangeClaim[] {
  const claims: ChangeClaim[] = [];
  for (const m of text.slice(s.start, s.end).matchAll(WORD_TIMES_RE)) {
    const start = s.start + m.index;
    const end = start + m[0].length;
    const after = text.slice(end - 'times'.length, Math.min(s.end, end + 40));
    if (!AS_AS.test(after)) continue;
    const pair = pairFor(text, s, amountsBut({ start, end }), start, end, text.slice(end, Math.min(s.end, end + 40)));
    if (!pair) continue;
    const factor = WORD_TIMES[m[1].toLowerCase().replace(/^(?:a|one)\s+/, '')];
    claims.push({ mode: 'multiple', result: synthetic(text, start, end, factor), a: pair.a, b: pair.b, ordered: false, direction: 0, cue: pair.cue });
  }
  return claims;
}

interface Candidate {
  iv: Interval;
  value: number;
  working: string;
}

/** Range of f over the corners of the two intervals (f is monotone in each argument where used). */
function corners(a: Interval, b: Interval, f: (x: number, y: number) => number): Interval {
  const v = [f(a[0], b[0]), f(a[0], b[1]), f(a[1], b[0]), f(a[1], b[1])].filter(Number.isFinite);
  return [Math.min(...v), Math.max(...v)];
}

/** What the claim could state, from the printed amounts (both orders when the order is not known). */
function candidates(c: ChangeClaim): Candidate[] | undefined {
  const { a, b } = c;
  const [ia, ib] = [inputBounds(a), inputBounds(b)];
  if (c.mode === 'difference') {
    const later: Candidate = { iv: corners(ia, ib, (p, q) => q - p), value: b.value - a.value, working: `${plain(b.value)} - ${plain(a.value)}` };
    if (c.ordered) return [later];
    // Order unknown: either amount may be subtracted from the other; an unsigned difference is the gap.
    return [later, { iv: corners(ia, ib, (p, q) => p - q), value: a.value - b.value, working: `${plain(a.value)} - ${plain(b.value)}` }];
  }
  if (c.mode === 'multiple' || (c.mode === 'fold' && c.direction < 0)) {
    const big = Math.abs(a.value) >= Math.abs(b.value) ? [a, ia] as const : [b, ib] as const;
    const small = big[0] === a ? [b, ib] as const : [a, ia] as const;
    return [{ iv: corners(big[1], small[1], (p, q) => p / q), value: big[0].value / small[0].value, working: `${plain(big[0].value)} / ${plain(small[0].value)}` }];
  }
  if (c.mode === 'fold') {
    const ratio = (x: Num, y: Num, ix: Interval, iy: Interval): Candidate => ({ iv: corners(ix, iy, (p, q) => q / p), value: y.value / x.value, working: `${plain(y.value)} / ${plain(x.value)}` });
    const list = c.ordered ? [ratio(a, b, ia, ib)] : [ratio(a, b, ia, ib), ratio(b, a, ib, ia)];
    // "increased 4-fold" is read by some as b = 5a: accept ratio − 1 too. "Tripled" has one reading only: b = 3a.
    if (!/^\d/.test(c.result.text)) return list;
    return list.flatMap((r) => [r, { iv: [r.iv[0] - 1, r.iv[1] - 1] as Interval, value: r.value - 1, working: `${r.working} - 1` }]);
  }
  if (c.ordered && c.direction !== 0 && Math.sign(b.value - a.value) !== c.direction && b.value !== a.value) return undefined; // the words and the amounts disagree: left to a reader
  const change = (x: Num, y: Num, ix: Interval, iy: Interval): Candidate => ({
    iv: corners(ix, iy, (p, q) => (100 * Math.abs(q - p)) / Math.abs(p)),
    value: (100 * Math.abs(y.value - x.value)) / Math.abs(x.value),
    working: `abs(${plain(y.value)} - ${plain(x.value)}) / ${plain(Math.abs(x.value))} * 100`,
  });
  const list = c.ordered ? [change(a, b, ia, ib)] : [change(a, b, ia, ib), change(b, a, ib, ia)];
  if (a.percent) list.push({ iv: corners(ia, ib, (p, q) => Math.abs(q - p)), value: Math.abs(b.value - a.value), working: `abs(${plain(b.value)} - ${plain(a.value)})` });
  return list;
}

const NOUN: Record<ChangeMode, string> = { percent: 'change', fold: 'fold change', multiple: 'multiple', difference: 'difference' };

/** Judges one change claim: verified, a finding (an error when the order is known), or nothing. */
export function judgeChange(paper: PaperText, c: ChangeClaim, out: CheckOutput): void {
  const text = paper.text;
  // Equal amounts are condition labels ("5 replicas ... compared to 5 replicas"), not a change.
  if (!sameUnit(text, c.a, c.b) || c.a.value === 0 || c.b.value === 0 || c.a.value === c.b.value) return;
  // A percent change of negative amounts (effects, differences) is relative to something else, a baseline.
  if (c.mode === 'percent' && (c.a.value < 0 || c.b.value < 0)) return;
  const list = candidates(c);
  if (!list) return;
  const kind = c.mode === 'difference' ? ARITHMETIC_RULE.id : PERCENT_CHANGE_RULE.id;
  const claimSpan = cover(c.a, c.b, c.result);
  const hit = list.find((k) => intervalMeets(c.result, k.iv[0], k.iv[1], true));
  if (hit) {
    // Verified only when the printed amounts give the printed change at its precision.
    // A result in words ("tripled") has no printed precision; digits are taken at theirs ("20%" is not 25%).
    if (roundsTo(c.result, hit.value, !/\d/.test(c.result.text))) out.verified.push(makeVerified(paper, kind, claimSpan, `${hit.working} = ${formatValue(hit.value, 3)}`));
    else (out.undecided ??= []).push({ kind, claim: spanText(paper, claimSpan), reason: `${hit.working} = ${formatValue(hit.value, 3)} rounds to ${c.result.text} only if the amounts were rounded`, span: claimSpan });
    return;
  }
  const main = list[0];
  const words = c.result.text !== plain(c.result.value) && !/\d/.test(c.result.text);
  const recomputed = formatLike(c.result, main.value);
  const stated = words ? c.result.text : c.result.text;
  const what = c.mode === 'percent' ? recomputed : c.mode === 'difference' ? recomputed : `${formatValue(main.value, 2)}-fold`;
  out.findings.push(
    makeFinding(paper, {
      kind,
      // Only a reading the text fixes ("from a to b", a named difference) makes an error.
      severity: c.ordered && (c.cue === 'from … to' || c.mode === 'difference') ? 'error' : 'warning',
      message: `${c.a.text} and ${c.b.text} (${c.cue}) give a ${NOUN[c.mode]} of ${what}, not ${stated}.`,
      claimSpan,
      span: c.result as TextSpan,
      reported: c.result.text,
      recomputed: words ? formatValue(main.value, 2) : recomputed,
      working: main.working,
      suggestion: c.ordered && c.mode === 'percent' && !words ? recomputed : undefined,
      related: [c.a, c.b],
    }),
  );
}

/** "Δ R² = .14" after both values of R² in the paragraph: the later minus the earlier. */
export function readDifferenceClaims(text: string, block: TextSpan, s: Sentence): ChangeClaim[] {
  const claims: ChangeClaim[] = [];
  for (const v of quantitiesIn(text, s)) {
    const m = /(?:Δ|∆|\\Delta|\bchange\s+in)\s*([A-Za-z]{1,3})(\^\{?2\}?)?(?:_\{?[A-Za-z0-9]+\}?)?\s*(?:=|of|was)\s*$/.exec(text.slice(Math.max(s.start, v.start - 24), v.start));
    if (!m) continue;
    const label = m[1] + (m[2] ? '^2' : '');
    const all = quantitiesIn(text, block);
    const upTo = firstAfter(all, v.start - m[0].length);
    const earlier = all.slice(Math.max(0, upTo - 4 * NEIGHBOURS), upTo).filter((n) => labelOf(text, n) === label);
    if (earlier.length < 2) continue;
    const [a, b] = earlier.slice(-2);
    claims.push({ mode: 'difference', result: v, a, b, ordered: true, direction: 0, cue: `Δ${label}` });
  }
  return claims;
}

// "a difference of 0.5", "a gap of 4 points", "differed by 3", "(Δ = −0.49)", "ΔM = 1.2": a difference named
// without labelled amounts. Not an adjusted, standardised or model-estimated difference: those need more than two values.
const NAMED_DIFFERENCE = /(?:\b(?:difference|gap|discrepancy)\s*(?:of|was|is|=|:)?|\bdiffer(?:ed|s)?\s+by|(?:Δ|∆|\\Delta)\s*(?:[A-Za-z]{1,3}(?:_\{?[A-Za-z0-9]+\}?)?)?\s*=)\s*(?:about\s+|approximately\s+|only\s+)?$/i;
const NOT_PLAIN_DIFFERENCE = /\b(?:important|meaningful|minimal|minimum|detectable|smallest|expected|hypothesi[sz]ed|assumed|target|threshold|adjusted|standardi[sz]ed|estimated|predicted|marginal|weighted|median|cohen|hedges|effect|significant|no|any|relative|percent(?:age)?(?![\s-]*points?)|fold|ratio|log)\b[^.;()]{0,12}$/i;
// What the text goes on to say the difference is: a threshold or a target, not the two amounts' gap.
const HYPOTHETICAL_AFTER = /^[^.;]{0,40}?\b(?:important|meaningful|detectable|considered|deemed|regarded|would|could|threshold|cut-?off)\b/i;
const RANGE_BEFORE = /\b(?:rang(?:ed|ing|es?)|varied|varying)\s+(?:from|between)\s*$/i;
const POINTS_AFTER = /^\s*(?:percentage\s+points?|pp\b|points?\b|%)/i;

/** The word written right after a number ("points", "ms", "%"), lower case, '' if none. */
function wordAfter(text: string, n: Num): string {
  if (n.percent) return '%';
  return /^\s*([A-Za-zµμ%][A-Za-z/µμ%-]{0,14})/.exec(text.slice(n.end, n.end + 20))?.[1].toLowerCase() ?? '';
}

/**
 * A named difference after two amounts of its sentence: the two nearest amounts before it that are
 * written alike (the same word or unit after them, or the only two amounts there). Their order is
 * not known, so both signs are tried.
 */
export function readNamedDifferenceClaims(text: string, s: Sentence): ChangeClaim[] {
  const claims: ChangeClaim[] = [];
  const nums = quantitiesIn(text, s);
  nums.forEach((v, i) => {
    const before = text.slice(Math.max(s.start, v.start - 40), v.start);
    const cue = NAMED_DIFFERENCE.exec(before);
    if (!cue || NOT_PLAIN_DIFFERENCE.test(before.slice(0, cue.index)) || isAside(text, v)) return;
    if (/\b(?:detect|power)\b/i.test(text.slice(Math.max(s.start, v.start - 60), v.start)) || HYPOTHETICAL_AFTER.test(text.slice(v.end, v.end + 60))) return;
    // Labelled amounts ("R² = .20 ... ΔR² = .06") are the labelled-difference reader's.
    if (/(?:Δ|∆|Delta)\s*[A-Za-z]/.test(cue[0]) && labelOfDelta(cue[0]) && nums.slice(0, i).filter((n) => labelOf(text, n) === labelOfDelta(cue[0])).length >= 2) return;
    const prior = nums.slice(Math.max(0, i - NEIGHBOURS), i).filter((n) => !isAside(text, n) && n.end <= v.start - cue[0].length);
    if (prior.length < 2) return;
    const [a, b] = prior.slice(-2);
    if (RANGE_BEFORE.test(text.slice(Math.max(s.start, a.start - 24), a.start))) return;
    const alike = wordAfter(text, a) === wordAfter(text, b) && a.percent === b.percent;
    if (!(alike || prior.length === 2)) return;
    // The difference is in the amounts' unit: percentage points for percentages.
    if (a.percent && !(v.percent || POINTS_AFTER.test(text.slice(v.end, v.end + 20)))) return;
    if (!a.percent && v.percent) return;
    claims.push({ mode: 'difference', result: v, a, b, ordered: false, direction: 0, cue: 'named difference' });
  });
  return claims;
}

function labelOfDelta(cue: string): string | undefined {
  const m = /(?:Δ|∆|Delta)\s*([A-Za-z]{1,3})(\^\{?2\}?)?/.exec(cue);
  return m ? m[1] + (m[2] ? '^2' : '') : undefined;
}

const NET = /\bnet\s+(?:[\w-]+\s+){0,3}?(?:was|of|is|=|:)\s*(?:about\s+|approximately\s+)?$/i;
const CHANGE_AMOUNT = new RegExp(`\\b(?:${UP}|${DOWN}|change[sd]?)\\s+(?:by|of)\\s+$`, 'i');

/** "a net effect of v" after two changes of the paragraph ("increased by a ... compared to an increase of b"): v = a − b. */
export function readNetClaims(text: string, block: TextSpan, s: Sentence): ChangeClaim[] {
  const claims: ChangeClaim[] = [];
  for (const v of quantitiesIn(text, s)) {
    if (!NET.test(text.slice(Math.max(s.start, v.start - 48), v.start))) continue;
    const all = quantitiesIn(text, block);
    const upTo = firstAfter(all, v.start);
    const changes = all.slice(Math.max(0, upTo - 4 * NEIGHBOURS), upTo).filter((n) => CHANGE_AMOUNT.test(text.slice(Math.max(block.start, n.start - 24), n.start)));
    if (changes.length !== 2) continue;
    claims.push({ mode: 'difference', result: v, a: changes[1], b: changes[0], ordered: true, direction: 0, cue: 'net of the two changes' });
  }
  return claims;
}

export function checkChanges(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  const text = paper.text;
  const { blocks, sentences } = sentencesOf(paper);
  for (const s of sentences) {
    const read = readChangeClaims(text, s);
    for (const claim of read) judgeChange(paper, claim, out);
    for (const claim of readChangeWithEnds(text, s)) if (!read.some((r) => r.result.start === claim.result.start)) judgeChange(paper, claim, out);
    const labelled = readDifferenceClaims(text, blocks[s.block], s);
    for (const claim of labelled) judgeChange(paper, claim, out);
    for (const claim of readNamedDifferenceClaims(text, s)) if (!labelled.some((l) => l.result === claim.result)) judgeChange(paper, claim, out);
    for (const claim of readNetClaims(text, blocks[s.block], s)) judgeChange(paper, claim, out);
  }
  return out;
}

export const PERCENT_CHANGE_RULE = { id: 'percent-change', title: 'Percent or fold change', description: 'A stated percent change or fold change does not match the values it compares.', defaultSeverity: 'error' } as const;

export const changeCheck: CheckModule = {
  name: 'change',
  title: 'Percent or fold change',
  description: 'Recomputes a percent change, a fold change or multiple, or a stated difference from the two amounts it compares.',
  kinds: [PERCENT_CHANGE_RULE, ARITHMETIC_RULE],
  shapes: [
    { name: 'from ... to', example: 'grew from 40 to 50, a 25% rise' },
    { name: 'fold', example: 'from 3 to 12, a fourfold increase; it tripled, from 5 to 15' },
    { name: 'than', example: 'the yield was 6.0 t, 20% higher than the 5.0 t of the control' },
    { name: 'vs', example: 'accuracy rose by 10% (55.0 vs 50.0)' },
    { name: 'multiple of labelled values', example: 'about twice as large (g = 0.21 before, g = 0.44 after)' },
    { name: 'stated difference', example: 'R² = .20 alone and R² = .26 with the covariates (ΔR² = .06)' },
    { name: 'size with both ends', example: 'body mass rose by 1.5 kg, from 60.0 to 61.5 kg; rainfall fell from 80 to 65 mm, a drop of 15 mm' },
  ],
  leavesAlone: [
    'Changes in percentage points as percent changes: they are differences, read as such only with both ends.',
    'A size and ends in different clauses or units, ends that are ages, days or years, and rates per year ("3% a year, from ... to ...").',
    'Changes whose direction words disagree with the amounts: which one is wrong is not knowable.',
    'Percent changes of odds or hazards (1 − OR), and amplifications of a reduction: they need a definition the sentence does not state.',
  ],
  run: checkChanges,
};
