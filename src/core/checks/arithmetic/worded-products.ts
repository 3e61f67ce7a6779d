// Products and quotients told in words rather than with operators. Read, then judged:
// - an amount per thing, the number of things, and the total stated after them: "each of the N X did
//   A Y, T in total", "N X each did A Y, giving T", "N runs of A Y each, T overall", "A Y per X for/over
//   N Xs, i.e. T", "each X took A; the N Xs took T";
// - an amount shared equally: "A split equally among B teams, C each", "dividing A by B gives C",
//   and an average per thing: "A trials over B sessions, or C per session".
// The reader records the numbers as written, which one is per thing (bound by each / per / apiece /
// each of) and the cue that makes the last one their result; the judge multiplies or divides (mathjs
// for units) and compares at the result's printed precision.

import { intervalMeets, roundingInterval, roundsTo } from '../../numbers.ts';
import type { CheckOutput, PaperText, TextSpan } from '../../types.ts';
import { sentencesOf, type Sentence } from './context.ts';
import { readCountProducts } from './count-products.ts';
import { unitFactor } from './evaluate.ts';
import { ARITHMETIC_RULE } from './expressions.ts';
import { cover, formatValue, makeFinding, makeVerified, plain } from './report.ts';
import { amountsIn, LEAD_WORDS, RESULT_BEFORE, sameNoun, singular, TIME_WORDS, TOTAL_AFTER, type Amount } from './worded-read.ts';
import type { CheckModule } from '../module.ts';

export interface WordedProduct {
  shape: 'per-thing' | 'shared' | 'fraction';
  /** per-thing: the amount each thing has; shared: the amount shared out. */
  amount: Amount;
  /** The number of things (multiplied by, or shared among). */
  things: Amount;
  result: Amount;
  /** Converts the amount's unit into the result's (1 without units). */
  factor: number;
  cue: string;
  /** The words tie the result to the factors beyond doubt (its noun or unit agrees, a total cue). */
  firm: boolean;
}

const GAP = '[^\\d;]{0,60}?';
const EACH_OF_BEFORE = /\b(?:each|every\s+one)\s+of\s+(?:the\s+|our\s+|these\s+|those\s+|all\s+|its\s+|their\s+)?$/i;
// "N X, each rating A", "N X who each completed A", "N X, each of which had A".
const EACH_BETWEEN = /^(?:\s*\b[A-Za-z-]+\b){0,3}\s*,?\s*(?:(?:who|which|that)\s+)?each(?:\s+of\s+(?:which|whom|them|these))?\b[^\d;]{0,40}?$/i;
// "A Y for each of the N X", "A Y in each of N X".
const EACH_OF_BETWEEN = new RegExp(`^${GAP}\\b(?:each|every\\s+one)\\s+of\\s+(?:the\\s+|our\\s+|these\\s+|those\\s+|all\\s+|its\\s+|their\\s+)?$`, 'i');
// "N X of A Y each", "N X with A Y apiece", "N clips at A GB each".
const OF_BETWEEN = /^(?:\s*\b[A-Za-z-]+\b){1,3}\s*,?\s*(?:of|with|containing|having|at|holding)\s+$/i;
const VERB_BETWEEN = /^(?:\s*\b(?!and\b|or\b|of\b|in\b|for\b|to\b|from\b|than\b)[A-Za-z-]+\b){1,4}\s+$/i;
const EACH_AFTER = /(?:\s*\b[A-Za-z-]+\b){0,2}\s*(?:each|apiece)\b/iy;
// "A Y per X for N Xs", "A Y for every X over N Xs".
const PER_BETWEEN = /^(?:\s*\b[A-Za-z-]+\b){0,2}\s*(?:per|\/|for\s+each|for\s+every|in\s+each|from\s+each|to\s+each|each)\s+([A-Za-z-]+)(?:\s+(?:per|a|an|each)\s+(second|minute|hour|day|week|month|year))?\s*,?\s*(?:for|over|across|from|in|on|among|with|times|and)\s+(?:the\s+|all\s+|our\s+|each\s+of\s+(?:the\s+)?)?$/i;
// "N Xs at A Y per X": the per-noun comes after the amount.
const AT_BETWEEN = /^(?:\s*\b[A-Za-z-]+\b){1,3}\s*,?\s*(?:at|with|of|averaging|using)\s+$/i;
const ACROSS_BEFORE = /\b(?:across|over|in|for|from)\s+(?:the\s+|all\s+|our\s+|these\s+)?$/i;
const CLAUSE_BETWEEN = /^(?:\s*\b(?!and\b|or\b|but\b)[A-Za-z-]+\b){1,4}\s*,?(?:\s*\b(?!and\b|or\b|but\b)[A-Za-z-]+\b){0,3}\s+$/i;
const EACH_NOUN_BEFORE = /\b(?:each|every)\s+([A-Za-z-]+)(?:\s+\b(?!and\b|or\b)[A-Za-z-]+\b){0,3}\s+$/i;
// "per pupil", "per person per day" (the amount is then a rate: its unit is divided by the period).
const PER_NOUN = /^\s*(?:per|each|a)\s+([A-Za-z-]+)(?:\s+(?:per|a|an|each)\s+(second|minute|hour|day|week|month|year)\b)?/i;
// Words that name people: an amount "per person" or "per capita" is per resident, pupil, patient ...
const PER_PERSON = new Set(['person', 'capita', 'head', 'individual', 'inhabitant']);
const PEOPLE = new Set([
  'person', 'individual', 'inhabitant', 'resident', 'participant', 'adult', 'patient', 'worker', 'pupil', 'student', 'child', 'employee',
  'member', 'respondent', 'subject', 'volunteer', 'user', 'customer', 'visitor', 'passenger', 'citizen', 'household', 'guest', 'attendee',
]);
const SHORT_CLAUSE = /^(?:\s*\b[A-Za-z-]+\b){0,2}\s*[,;]?\s*(?:and\s+)?(?:\s*\b(?!and\b|or\b|but\b)[A-Za-z-]+\b){0,4}\s+$/i;
// Verbs that state the total of a count of things each taking an amount: "the 150 trials took 600 s".
const TOTAL_VERB = /\b(?:took|take|takes|lasted|last|lasts|required|requires|needed|need|needs|cost|costs|used|uses|consumed|consume|consumes|received|receive|receives|ate|eat|eats|drank|drink|drinks|occupied|occupy|occupies|came\s+to|come\s+to|comes\s+to)\s+(?:a\s+total\s+of\s+|in\s+total\s+|about\s+|roughly\s+|approximately\s+)?$/i;
const PER_AFTER = /(?:\s*\b[A-Za-z-]+\b){0,2}\s*(?:per|\/|for\s+each|for\s+every|in\s+each|each|a|an)\s+([A-Za-z-]+)/iy;

const WEAK_BEFORE = /(?:\b(?:for|or)|[(,:—–])\s*(?:(?:an?\s+)?(?:total|overall|combined|grand\s+total)\s+of\s+)?$/i;
const TIME_NOUNS = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'gpu-hour', 'person-year']);
const OPERATOR_AFTER = /^\s*[×*·⋅/+=\u2212]/;
const A_TOTAL_OF = /\b(?:an?\s+)?(?:total|overall|combined|grand\s+total)\s+of\s*$/i;

interface Binding {
  amount: Amount;
  things: Amount;
  cue: string;
  after: number;
  /** The amount is of one thing named before it ("each trial lasted 4 s"): a verb may give the total ("the 150 trials took"). */
  ofOne?: boolean;
}

/** How two adjacent amounts bind as an amount per thing and a number of things, or undefined. */
function bind(text: string, s: Sentence, f1: Amount, f2: Amount): Binding | undefined {
  const pre = text.slice(Math.max(s.start, f1.n.start - 30), f1.n.start);
  const mid = text.slice(f1.end, f2.n.start);
  if (mid.length > 90) return undefined;
  if (EACH_OF_BEFORE.test(pre)) return { things: f1, amount: f2, cue: 'each of', after: f2.end };
  if (EACH_OF_BETWEEN.test(mid)) return { amount: f1, things: f2, cue: 'for each of', after: f2.end };
  if (EACH_BETWEEN.test(mid)) return { things: f1, amount: f2, cue: 'each', after: f2.end };
  EACH_AFTER.lastIndex = f2.end;
  // "N X of A Y each", "five students wrote 3 essays each": each after the amount shares it over the N.
  if ((OF_BETWEEN.test(mid) || VERB_BETWEEN.test(mid)) && EACH_AFTER.exec(text)) return { things: f1, amount: f2, cue: 'each', after: EACH_AFTER.lastIndex };
  // "4 blocks of 20 trials": binds only when the result repeats the amount's noun after a firm cue.
  if (/^\s*[A-Za-z-]+\s+of\s+$/i.test(mid)) return { things: f1, amount: f2, cue: 'of', after: f2.end };
  const per = PER_BETWEEN.exec(mid);
  if (per && perNounFits(per[1], f2.nouns)) {
    const amount = perPeriod(f1, per[2]);
    return amount && { amount, things: f2, cue: `per ${per[1]}`, after: f2.end };
  }
  PER_AFTER.lastIndex = f2.end;
  const perAfter = AT_BETWEEN.test(mid) ? PER_AFTER.exec(text) : null;
  if (perAfter && sameNoun([singular(perAfter[1])], f1.nouns)) return { things: f1, amount: f2, cue: `per ${perAfter[1]}`, after: PER_AFTER.lastIndex };
  // "Across the 14 wards, nurses logged 28 shifts per ward": the per-noun names the things counted before.
  PER_AFTER.lastIndex = f2.end;
  const perLater = ACROSS_BEFORE.test(pre) && CLAUSE_BETWEEN.test(mid) ? PER_AFTER.exec(text) : null;
  if (perLater && sameNoun([singular(perLater[1])], f1.nouns)) return { things: f1, amount: f2, cue: `per ${perLater[1]}`, after: PER_AFTER.lastIndex };
  // "Each trial lasted 4 s, so the 150 trials ...", "at 0.5 s per frame, the 1,200 frames ...".
  // "40 euros per visitor": the amount's own nouns come before "per".
  const ownNouns = f1.unit ? 0 : f1.nouns.length;
  const skipped = ownNouns ? (new RegExp(`^(?:\\s*[A-Za-z-]+){${ownNouns}}`).exec(mid)?.[0].length ?? 0) : 0;
  const eachBefore = EACH_NOUN_BEFORE.exec(pre)?.[1];
  const perOne = eachBefore ? undefined : PER_NOUN.exec(mid.slice(skipped));
  const one = eachBefore ?? perOne?.[1];
  const rest = perOne ? mid.slice(skipped + perOne[0].length) : mid.replace(PER_NOUN, '');
  if (one && perNounFits(one, f2.nouns) && SHORT_CLAUSE.test(rest)) {
    const amount = perPeriod(f1, perOne?.[2]);
    return amount && { amount, things: f2, cue: `each ${singular(one)}`, after: f2.end, ofOne: true };
  }
  return undefined;
}

/** Does "per <noun>" name the things counted ("per pupil" for "28 pupils", "per person" for "400 residents")? */
function perNounFits(perNoun: string, nouns: readonly string[]): boolean {
  const w = singular(perNoun);
  return sameNoun([w], nouns) || (PER_PERSON.has(w) && nouns.some((n) => PEOPLE.has(n)));
}

/** "2.5 L per person per day": the amount as a rate per period; a period without a unit to divide is not read. */
function perPeriod(amount: Amount, period: string | undefined): Amount | undefined {
  if (!period) return amount;
  if (!amount.unit) return undefined;
  const time = TIME_WORDS[period.toLowerCase()];
  return { ...amount, unit: { ...amount.unit, text: `${amount.unit.text} per ${period}`, mathjs: `${amount.unit.mathjs} / ${time}` } };
}

/** The factor from the amount's unit to the result's, or undefined when they do not agree. */
function unitsAgree(amount: Amount, result: Amount): number | undefined {
  if (!amount.unit && !result.unit) return 1;
  if (!amount.unit || !result.unit) return undefined;
  return unitFactor(amount.unit.mathjs, result.unit.mathjs);
}

function isCount(a: Amount): boolean {
  return a.n.decimals === 0 && !a.n.percent && a.n.value >= 2 && Number.isInteger(a.n.value) && !a.unit;
}

function perThingClaims(text: string, s: Sentence, amounts: Amount[], out: WordedProduct[]): void {
  for (let i = 2; i < amounts.length; i++) {
    const [f1, f2, result] = [amounts[i - 2], amounts[i - 1], amounts[i]];
    if (f1.bound || f2.bound || f1.hedged || f2.hedged || result.bound) continue;
    const b = bind(text, s, f1, f2);
    if (!b || !isCount(b.things) || (b.amount.over && b.cue !== 'each of') || b.amount.n.value <= 0) continue;
    if (b.things.over && !b.cue.startsWith('per')) continue;
    const gap = text.slice(b.after, result.n.start);
    if (/\d/.test(gap) || gap.length > 60) continue;
    const strong =
      RESULT_BEFORE.test(gap) || ((LEAD_WORDS.test(gap) || A_TOTAL_OF.test(gap)) && TOTAL_AFTER.test(text.slice(result.end, result.end + 30))) || (Boolean(b.ofOne) && TOTAL_VERB.test(gap) && gap.length < 30);
    const weak = !strong && WEAK_BEFORE.test(gap);
    if (!strong && !weak) continue;
    const factor = unitsAgree(b.amount, result);
    if (factor === undefined) continue;
    const agree = Boolean(b.amount.unit) || sameNoun(b.amount.nouns, result.nouns);
    if (b.cue === 'of' && !(strong && agree)) continue;
    // "3 models trained for 100 epochs each, a total of 300 GPU hours": time is not what was counted.
    if (!agree && result.nouns.some((w) => TIME_NOUNS.has(w))) continue;
    // A plain count smaller than a factor restates a factor ("12 items (i.e., 3 words)"); it is no total.
    if (!b.amount.unit && b.amount.n.value >= 1 && result.n.value < Math.max(b.amount.n.value, b.things.n.value)) continue;
    // An operand of an operator chain ("a total of 51 × 3,000 = ..."): the expressions check reads it.
    if (OPERATOR_AFTER.test(text.slice(result.end, result.end + 4))) continue;
    // "for 3 studies": a weak cue binds a result of another noun only when it is larger than both factors.
    if (weak && !agree && (result.nouns.length === 0 || result.n.value <= Math.max(b.amount.n.value, b.things.n.value))) continue;
    out.push({ shape: 'per-thing', amount: b.amount, things: b.things, result, factor, cue: b.cue, firm: strong && agree });
  }
}

const SHARED = /^(?:\s*\b[A-Za-z-]+\b){0,3}\s*(?:(?:was|were|is|are)\s+)?(?:split|shared|divided|distributed|allocated|spread|apportioned)\s+(?:equally\s+|evenly\s+)?(?:among|between|across|over|into)\s+(?:the\s+|our\s+)?$/i;
// "120 trials over 8 sessions, or 15 per session", "3,000 images from 40 sites, an average of 75 images per site".
const SPREAD = /^(?:\s*\b[A-Za-z-]+\b){0,3}\s*(?:over|across|in|from|among|between|for)\s+(?:the\s+|our\s+)?$/i;
const AVERAGE_BEFORE = /^(?:\s*\b[A-Za-z-]+\b){0,2}\s*[,;(]\s*(?:(?:or|i\.\s?e\.|that\s+is|so|an?\s+(?:average|mean)\s+of|on\s+average|averaging|about|roughly|approximately|around)[\s,]*)+$/i;
const PER_NOUN_AFTER = /^(?:\s*\b[A-Za-z-]+\b){0,2}?\s*(?:per|\/|for\s+each|in\s+each|a|an|each)\s+([A-Za-z-]+)/i;
const DIVIDING = /\bdividing\s+(?:the\s+)?$/i;
const DIVIDING_MID = /^(?:\s*\b[A-Za-z-]+\b){0,3}\s+by\s+(?:the\s+)?$/i;
const SHARE_RESULT_BEFORE = /^(?:\s*\b[A-Za-z-]+\b){0,2}\s*[,;(]?\s*(?:(?:i\.\s?e\.|that\s+is|so|giving|or|with|leaving|for)\s*,?\s*)?(?:about\s+|roughly\s+|approximately\s+)?$/i;
const SHARE_RESULT_AFTER = /^(?:\s*\b[A-Za-z-]+\b){0,2}?\s*(?:each|apiece|per\s+[A-Za-z-]+|to\s+each|for\s+each|in\s+each)\b/i;
const DIVIDE_RESULT_BEFORE = /^(?:\s*\b[A-Za-z-]+\b){0,3}\s*,?\s*(?:gives|yields|results\s+in|leaves|makes|comes\s+to|we\s+get|we\s+obtain|is)\s+(?:about\s+|roughly\s+|approximately\s+)?$/i;

function sharedClaims(text: string, s: Sentence, amounts: Amount[], out: WordedProduct[]): void {
  for (let i = 2; i < amounts.length; i++) {
    const [whole, parts, result] = [amounts[i - 2], amounts[i - 1], amounts[i]];
    if (whole.bound || parts.bound || whole.hedged || result.bound || !isCount(parts) || whole.n.value <= 0) continue;
    const mid = text.slice(whole.end, parts.n.start);
    const gap = text.slice(parts.end, result.n.start);
    let cue = '';
    const perThing = PER_NOUN_AFTER.exec(text.slice(result.end, result.end + 40));
    if (SHARED.test(mid) && SHARE_RESULT_BEFORE.test(gap) && SHARE_RESULT_AFTER.test(text.slice(result.end, result.end + 30))) cue = 'shared among';
    else if (SPREAD.test(mid) && AVERAGE_BEFORE.test(gap) && perThing && sameNoun([singular(perThing[1])], parts.nouns) && (!result.nouns.length || sameNoun(result.nouns, whole.nouns))) cue = `per ${perThing[1]}`;
    else if (DIVIDING.test(text.slice(Math.max(s.start, whole.n.start - 20), whole.n.start)) && DIVIDING_MID.test(mid) && DIVIDE_RESULT_BEFORE.test(gap)) cue = 'divided by';
    if (!cue) continue;
    const factor = unitsAgree(whole, result);
    if (factor === undefined) continue;
    out.push({ shape: 'shared', amount: whole, things: parts, result, factor, cue, firm: cue === 'divided by' || (cue.startsWith('per') && !/average|mean|about|roughly|approximately|around/i.test(gap)) });
  }
}

// "half of the 1,200 images, i.e. 600", "a third of the 90 pupils (30)", "twice the 40 mg dose, i.e. 80 mg".
const FRACTION_WORDS: Record<string, number> = {
  half: 1 / 2, 'one half': 1 / 2, third: 1 / 3, 'two thirds': 2 / 3, quarter: 1 / 4, fourth: 1 / 4, 'three quarters': 3 / 4, fifth: 1 / 5, tenth: 1 / 10,
  twice: 2, double: 2, triple: 3, treble: 3,
};
const FRACTION_BEFORE = /(?:\b(about|around|roughly|nearly|almost|over|more\s+than|less\s+than|under|at\s+least|at\s+most|up\s+to|some|approximately|just)\s+)?\b(?:an?\s+|one\s+)?(half|one\s+half|third|two\s+thirds|quarter|fourth|three\s+quarters|fifth|tenth|twice|double|triple|treble)\s+(?:of\s+)?(?:the\s+|our\s+|all\s+|these\s+|its\s+|their\s+|this\s+)?(?:as\s+many\s+as\s+|as\s+much\s+as\s+)?$/i;
const FRACTION_RESULT = /^(?:\s*\b[A-Za-z-]+\b){0,3}\s*(?:,\s*(?:i\.\s?e\.|that\s+is|or|namely|which\s+is)\s*,?|\(\s*(?:i\.\s?e\.,?\s*|n\s*=\s*)?|=)\s*$/i;

function fractionClaims(text: string, s: Sentence, amounts: Amount[], out: WordedProduct[]): void {
  for (let i = 0; i + 1 < amounts.length; i++) {
    const [whole, result] = [amounts[i], amounts[i + 1]];
    const m = FRACTION_BEFORE.exec(text.slice(Math.max(s.start, whole.n.start - 40), whole.n.start));
    if (!m || m[1] || whole.bound || whole.hedged || result.bound) continue;
    const gap = text.slice(whole.end, result.n.start);
    if (!FRACTION_RESULT.test(gap) && !RESULT_BEFORE.test(gap)) continue;
    const factor = unitsAgree(whole, result);
    if (factor === undefined || (result.nouns.length > 0 && whole.nouns.length > 0 && !sameNoun(result.nouns, whole.nouns))) continue;
    const word = m[2].toLowerCase().replace(/\s+/g, ' ');
    const times = FRACTION_WORDS[word];
    const start = Math.max(s.start, whole.n.start - 40) + m.index;
    const multiplier: Amount = { n: { text: m[0].trim(), start, end: start + m[0].trimEnd().length, value: times, decimals: 0, exponent: 0, trailingZeros: 0, percent: false, noise: '' }, nouns: [], end: start + m[0].length, hedged: false, bound: false, over: false };
    out.push({ shape: 'fraction', amount: whole, things: multiplier, result, factor, cue: word, firm: word === 'half' || word === 'one half' || times >= 2 });
  }
}

/** Reads the worded products and quotients of one sentence. */
export function readWordedProducts(text: string, s: Sentence): WordedProduct[] {
  const amounts = amountsIn(text, s);
  const out: WordedProduct[] = [];
  perThingClaims(text, s, amounts, out);
  sharedClaims(text, s, amounts, out);
  fractionClaims(text, s, amounts, out);
  if (!out.length) return out;
  // The count-products check reads "each of the k" and "both" products with a total: not twice.
  const counted = new Set(readCountProducts(text, s).map((c) => c.total.start));
  return out.filter((c) => !counted.has(c.result.n.start));
}

function bounds(a: Amount): [number, number] {
  return a.n.decimals === 0 && a.n.exponent === 0 ? [a.n.value, a.n.value] : roundingInterval(a.n);
}

export function judgeWordedProduct(paper: PaperText, c: WordedProduct, out: CheckOutput): void {
  const { amount, things, result } = c;
  const [lo, hi] = bounds(amount);
  const shared = c.shape === 'shared';
  const value = (shared ? amount.n.value / things.n.value : amount.n.value * things.n.value) * c.factor;
  const range = shared ? [lo / things.n.value, hi / things.n.value] : [lo * things.n.value, hi * things.n.value];
  const op = shared ? '/' : '×';
  const working = `${plain(amount.n.value)} ${op} ${plain(things.n.value)}${c.factor === 1 ? '' : ` (${amount.unit?.mathjs} to ${result.unit?.mathjs})`} = ${formatValue(value, 4)}`;
  const claimSpan: TextSpan = cover(amount.n, things.n, { start: result.end, end: result.end });
  if (roundsTo(result.n, value, result.hedged)) {
    out.verified.push(makeVerified(paper, ARITHMETIC_RULE.id, claimSpan, working));
    return;
  }
  // The amount was rounded, and some value it stands for gives the result: not verified, not flagged.
  if (intervalMeets(result.n, range[0] * c.factor, range[1] * c.factor, result.hedged)) return;
  const unit = result.unit ? ` ${result.unit.text}` : '';
  out.findings.push(
    makeFinding(paper, {
      kind: ARITHMETIC_RULE.id,
      severity: c.firm && !result.hedged ? 'error' : 'warning',
      message: shared
        ? `${amount.n.text} ${c.cue.startsWith('per ') ? 'over' : c.cue} ${things.n.text} is ${formatValue(value, 4)}${unit}${c.cue.startsWith('per ') ? ` ${c.cue}` : ''}, not ${result.n.text}${unit}.`
        : c.shape === 'fraction' ? `${c.things.n.value >= 2 ? c.cue : `${c.cue} of`} ${amount.n.text}${amount.unit ? ` ${amount.unit.text}` : ''} is ${formatValue(value, 4)}${unit}, not ${result.n.text}${unit}.`
        : `${things.n.text} × ${amount.n.text}${amount.unit ? ` ${amount.unit.text}` : ''} (${c.cue}) makes ${formatValue(value, 4)}${unit}, not ${result.n.text}${unit}.`,
      claimSpan,
      span: result.n,
      reported: result.n.text,
      recomputed: formatValue(value, 4),
      working,
      related: [amount.n, things.n],
    }),
  );
}

export function checkWordedProducts(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  for (const s of sentencesOf(paper).sentences) for (const c of readWordedProducts(paper.text, s)) judgeWordedProduct(paper, c, out);
  return out;
}

export const wordedProductsCheck: CheckModule = {
  name: 'worded-products',
  title: 'Products and shares told in words',
  description: 'Multiplies an amount per thing (each, per, apiece, each of) by the number of things and compares it with the total stated after them; divides an amount shared equally by the number of shares.',
  kinds: [ARITHMETIC_RULE],
  shapes: [
    { name: 'each of N did A, T in total', example: 'each of the 6 coders read 40 abstracts, 240 abstracts in total' },
    { name: 'N each did A, giving T', example: 'nine volunteers each walked 12 km, giving 108 km' },
    { name: 'N runs of A each', example: 'four batches of 32 images each, 128 images overall' },
    { name: 'A per X over N Xs', example: '3.5 GB per camera over 20 cameras, i.e. 70 GB' },
    { name: 'N did A each', example: 'eight pupils drew 3 maps each, which gives 24 maps' },
    { name: 'across N things, A per thing', example: 'across the 9 farms, we tagged 40 cows per farm, 360 cows in total' },
    { name: 'each thing took A; the N things took T', example: 'each lap took 90 s, so the 20 laps took 1,800 s' },
    { name: 'an amount per person (per day) for N people', example: 'at 3 kg per person per week, the 150 campers received 450 kg per week' },
    { name: 'a fraction or multiple in words', example: 'half of the 300 plots, i.e. 150 plots; twice the 25 mL volume, i.e. 50 mL' },
    { name: 'shared equally', example: 'the 84 tasks were split evenly among 7 workers, 12 each' },
    { name: 'an average per thing', example: '150 calls over 6 shifts, or 25 per shift' },
    { name: 'dividing A by B', example: 'dividing the 96 trials by the 8 blocks gives 12' },
  ],
  leavesAlone: [
    'Amounts given as ranges or bounds ("between 20 and 30", "at least 40", "about 25"): the product is not exact.',
    'A result tied only by "for" or "or" whose noun differs from the amount per thing ("for 3 days").',
    'Per-capita amounts whose total is of another population, and results in a later sentence.',
  ],
  run: checkWordedProducts,
};
