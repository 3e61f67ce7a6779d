// A change stated with its size and both of its ends, in one clause: "rose by 2.4 t/ha, from 5.6 to
// 8.0 t/ha", "fell from 12 to 9 ms, a drop of 3 ms", "grew by 40%, from 50 to 70". The reader returns
// change claims for the change judge: a size in the ends' unit is their difference, a size in percent
// of ends that are not percentages is their relative change. It reads only when the words fix the
// order (from … to), the direction agrees with the ends, and the size and the ends name one unit.

import type { ChangeClaim } from './change.ts';
import { quantitiesIn, type Num, type Sentence } from './context.ts';

const UP_VERB = 'increased|increases|rose|risen|rises|grew|grown|grows|gained|climbed|jumped|improved|widened|went\\s+up';
const DOWN_VERB = 'decreased|decreases|fell|fallen|falls|dropped|declined|shrank|shrunk|reduced|narrowed|went\\s+down|slipped';
const UP_NOUN = 'increase|rise|gain|growth|improvement|jump';
const DOWN_NOUN = 'decrease|decline|drop|fall|reduction|loss';
// "rose by 2.4", "was reduced by 3": the size right after "by".
const VERB_BY = new RegExp(`\\b(?:(${UP_VERB})|(${DOWN_VERB}))\\s+by\\s+$`, 'i');
// A word of a unit or noun after a number: no digits, no clause punctuation.
const TOKEN = '[^\\s\\d,;:()[\\]]+';
// Between the size (and its unit) and "from": up to three unit or noun words, then a comma, bracket or dash.
const SIZE_TO_FROM = new RegExp(`^(?:\\s*${TOKEN}(?:\\s+${TOKEN}){0,2})?\\s*[,(–—:]?\\s*from\\s+$`);
// Between the ends: the first end's unit (up to two words), then "to".
const END_TO_END = new RegExp(`^(?:\\s+(?!to\\s)${TOKEN}){0,2}\\s+to\\s+$`);
// After the second end and its unit: "a rise of", "(an increase of", "i.e. a net drop of".
const ENDS_TO_SIZE = new RegExp(`^(?:\\s+${TOKEN}){0,2}?\\s*[,(;–—:]\\s*(?:i\\.e\\.,?\\s+|that\\s+is,?\\s+|or\\s+)?(?:an?\\s+)?(?:(?:net|overall|total|absolute)\\s+)?(?:(${UP_NOUN})|(${DOWN_NOUN}))\\s+of\\s+$`, 'i');
// The clause before "from" says something changed ("yield rose from").
const CHANGE_BEFORE_FROM = new RegExp(`\\b(?:${UP_VERB}|${DOWN_VERB}|changed|moved|shifted|went)\\b[^,;.]{0,30}$`, 'i');
// Words that tie the size to another clause or a comparison, not to these ends.
// A size per period ("3% a year, from ... to ...") compounds over the period: not the ends' change.
const OTHER_CLAUSE = /\b(?:and|or|but|while|whereas|in|at|for|across|among|between|than|versus|vs|compared|per|each|every|a\s+year|annually|yearly)\b/i;
// A second end after the first pair ("from 70 to 76 with A and to 74 with B"): which end the size is for is unclear.
const ANOTHER_END = /^[^.;]{0,40}?\bto\s+[-\d]/;
const RANGE_AFTER = /^\s*[-–—]\s*\d/;
const POINTS = /^(?:percentage|points?|pp|p\.p)$/i;
const TIME_WORD = /^(?:s|ms|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?|yrs?|decades?)$/i;

/** The unit or noun written right after a number ("t/ha", "points"), lower case, without a plural s or a full stop. */
function wordAfter(text: string, n: Num, limit: number): string {
  const m = new RegExp(`^\\s*(${TOKEN})`).exec(text.slice(n.end, Math.min(limit, n.end + 40)));
  return m ? m[1].replace(/\.$/, '').toLowerCase().replace(/s$/, '') : '';
}

function isYear(n: Num): boolean {
  return n.decimals === 0 && n.value >= 1800 && n.value <= 2100 && /^\d{4}$/.test(n.text);
}

/** Do the size's unit and the ends' agree, so that the size is the ends' difference (or relative change)? */
function sameUnits(text: string, size: Num, a: Num, b: Num, sizeLimit: number, limit: number): boolean {
  if (a.percent !== b.percent || isYear(a) || isYear(b)) return false;
  const [ws, wb] = [wordAfter(text, size, sizeLimit), wordAfter(text, b, limit)];
  // "by 3 kg from 2 to 8 weeks": the ends are times, the size is not their difference.
  if (TIME_WORD.test(wb) && ws !== wb) return false;
  if (b.percent) return !size.percent ? ws === '' || POINTS.test(ws) : true;
  if (size.percent) return true;
  return ws === '' || wb === '' || ws === wb;
}

function claim(size: Num, from: Num, to: Num, down: boolean, cue: string): ChangeClaim | undefined {
  if (size.value <= 0 || from.value === to.value || (to.value < from.value) !== down) return undefined;
  // A size in percent of amounts that are not percentages is their relative change; else their difference.
  if (size.percent && !from.percent) return { mode: 'percent', result: size, a: from, b: to, ordered: true, direction: down ? -1 : 1, cue: 'from … to' };
  if (size.percent) return undefined;
  // The judge subtracts the first amount from the second: a fall is read from its end back to its start.
  return down ? { mode: 'difference', result: size, a: to, b: from, ordered: true, direction: 0, cue } : { mode: 'difference', result: size, a: from, b: to, ordered: true, direction: 0, cue };
}

/** Reads the changes of one sentence stated with their size and both ends. */
export function readChangeWithEnds(text: string, s: Sentence): ChangeClaim[] {
  const nums = quantitiesIn(text, s);
  const out: ChangeClaim[] = [];
  for (let i = 0; i + 2 < nums.length; i++) {
    const [x, y, z] = [nums[i], nums[i + 1], nums[i + 2]];
    // An end that starts a range ("to 8.0–9.0") is not one amount.
    if (RANGE_AFTER.test(text.slice(z.end, z.end + 4))) continue;
    const ends = (b: Num) => !ANOTHER_END.test(text.slice(b.end, s.end));
    // "rose by X, from Y to Z"
    const by = VERB_BY.exec(text.slice(Math.max(s.start, x.start - 40), x.start));
    const gap = text.slice(x.end, y.start);
    if (by && gap.length <= 60 && SIZE_TO_FROM.test(gap) && !OTHER_CLAUSE.test(gap) && END_TO_END.test(text.slice(y.end, z.start)) && ends(z) && sameUnits(text, x, y, z, y.start, s.end)) {
      const c = claim(x, y, z, by[2] !== undefined, `${(by[1] ?? by[2]).toLowerCase()} by … from … to`);
      if (c) out.push(c);
      continue;
    }
    // "rose from X to Y, a gain of Z"
    const lead = text.slice(Math.max(s.start, x.start - 60), x.start);
    const after = ENDS_TO_SIZE.exec(text.slice(y.end, z.start));
    if (after && /\bfrom\s+$/i.test(lead) && CHANGE_BEFORE_FROM.test(lead.replace(/\s*from\s+$/i, '')) && END_TO_END.test(text.slice(x.end, y.start)) && ends(z) && sameUnits(text, z, x, y, s.end, s.end)) {
      const c = claim(z, x, y, after[2] !== undefined, `from … to …, ${(after[1] ?? after[2]).toLowerCase()} of`);
      if (c) out.push(c);
    }
  }
  return out;
}
