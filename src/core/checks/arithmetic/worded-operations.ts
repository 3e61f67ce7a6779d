// Sums, differences and products whose operator is a word with nouns around it: "400 clips times
// 5 GB, that is 2 TB", "500 EUR minus 120 EUR in fees, that is 380 EUR", "300 EUR plus 45 EUR in
// fees, 345 EUR in all". The expressions check reads bare chains ("250 minus 30 is 220"); this one
// reads the operator between noun phrases and the result after a cue. Read, then judged with
// mathjs units and interval arithmetic on the printed inputs.

import { intervalMeets, roundsTo } from '../../numbers.ts';
import type { CheckOutput, PaperText } from '../../types.ts';
import { inputBounds, sentencesOf, type Sentence } from './context.ts';
import { evaluateCached, unitFactor } from './evaluate.ts';
import { ARITHMETIC_RULE } from './expressions.ts';
import { cover, formatValue, makeFinding, makeVerified, plain } from './report.ts';
import { amountsIn, LEAD_WORDS, RESULT_BEFORE, sameNoun, TOTAL_AFTER, type Amount } from './worded-read.ts';
import type { CheckModule } from '../module.ts';

type Op = '+' | '-' | '*';

export interface WordedOperation {
  op: Op;
  operands: [Amount, Amount];
  result: Amount;
  /** Converts each operand into the result's unit (sums) or the product into it (products). */
  factors: [number, number];
  word: string;
  firm: boolean;
}

const WORDS = '(?:\\s*\\b(?!and\\b|or\\b|than\\b|no\\b|not\\b|much\\b|far\\b|of\\b)[A-Za-z-]+\\b){0,3}';
const OPERATOR = new RegExp(`^${WORDS}\\s*,?\\s*(times|multiplied\\s+by|plus|minus|less)\\s+(?:the\\s+|a\\s+further\\s+|another\\s+)?$`, 'i');
// What a remainder is called after a difference: "leaving 380", "380 left".
const LEFT_BEFORE = /\b(?:leaving|leaves|left|remain(?:s|ing)?|net(?:\s+of)?)\s*(?:a\s+net\s+of\s+|about\s+)?$/i;
// A bare chain ("250 minus 30 is 220") is the expressions check's.
const BARE = /^\s*(?:times|plus|minus)\s*$/i;
const BARE_RESULT = /^\s*(?:=|is|are|gives|giving|equals|makes|yields)\s*$/i;

function opOf(word: string): Op {
  const w = word.toLowerCase();
  return w.startsWith('times') || w.startsWith('multiplied') ? '*' : w === 'plus' ? '+' : '-';
}

/** Factors into the result's unit for a sum or difference, or undefined when the units do not agree. */
function sumFactors(a: Amount, b: Amount, c: Amount): [number, number] | undefined {
  if (!a.unit && !b.unit && !c.unit) return [1, 1];
  if (!a.unit || !c.unit) return undefined;
  const fa = unitFactor(a.unit.mathjs, c.unit.mathjs);
  const fb = b.unit ? unitFactor(b.unit.mathjs, c.unit.mathjs) : fa;
  return fa === undefined || fb === undefined ? undefined : [fa, fb];
}

/** The factor that takes the product of the two operands' values into the result's unit. */
function productFactor(a: Amount, b: Amount, c: Amount): number | undefined {
  if (!a.unit && !b.unit) return c.unit ? undefined : 1;
  if (!c.unit) return undefined;
  const left = a.unit ? `(1 ${a.unit.mathjs})` : '1';
  const right = b.unit ? `(1 ${b.unit.mathjs})` : '1';
  return evaluateCached(`${left} * ${right}`, c.unit.mathjs)?.value;
}

export function readWordedOperations(text: string, s: Sentence): WordedOperation[] {
  const amounts = amountsIn(text, s);
  const out: WordedOperation[] = [];
  for (let i = 2; i < amounts.length; i++) {
    const [a, b, c] = [amounts[i - 2], amounts[i - 1], amounts[i]];
    if (a.bound || b.bound || c.bound || a.hedged || b.hedged || a.over || b.over) continue;
    const mid = text.slice(a.end, b.n.start);
    const m = OPERATOR.exec(mid);
    if (!m) continue;
    const gap = text.slice(b.end, c.n.start);
    if (/\d/.test(gap) || gap.length > 60 || (BARE.test(mid) && BARE_RESULT.test(gap))) continue;
    const op = opOf(m[1]);
    const after = text.slice(c.end, c.end + 30);
    const strong = RESULT_BEFORE.test(gap) || (op === '-' && LEFT_BEFORE.test(gap)) || (op !== '-' && LEAD_WORDS.test(gap) && TOTAL_AFTER.test(after));
    if (!strong) continue;
    let factors: [number, number] | undefined;
    if (op === '*') {
      const f = productFactor(a, b, c);
      factors = f === undefined ? undefined : [f, 1];
    } else factors = sumFactors(a, b, c);
    if (!factors) continue;
    const agree = Boolean(c.unit) || c.nouns.length === 0 || sameNoun(a.nouns, c.nouns) || sameNoun(b.nouns, c.nouns);
    out.push({ op, operands: [a, b], result: c, factors, word: m[1].toLowerCase(), firm: agree });
  }
  return out;
}

function compute(op: Op, x: number, y: number, f: [number, number]): number {
  return op === '*' ? x * y * f[0] : op === '+' ? x * f[0] + y * f[1] : x * f[0] - y * f[1];
}

export function judgeWordedOperation(paper: PaperText, c: WordedOperation, out: CheckOutput): void {
  const [a, b] = c.operands;
  const value = compute(c.op, a.n.value, b.n.value, c.factors);
  const [alo, ahi] = inputBounds(a.n);
  const [blo, bhi] = inputBounds(b.n);
  const corners = [compute(c.op, alo, blo, c.factors), compute(c.op, alo, bhi, c.factors), compute(c.op, ahi, blo, c.factors), compute(c.op, ahi, bhi, c.factors)];
  const symbol = c.op === '*' ? '×' : c.op === '+' ? '+' : '−';
  const working = `${plain(a.n.value)} ${symbol} ${plain(b.n.value)}${c.factors[0] === 1 && c.factors[1] === 1 ? '' : ` (in ${c.result.unit?.mathjs})`} = ${formatValue(value, 4)}`;
  const claimSpan = cover(a.n, b.n, { start: c.result.end, end: c.result.end });
  if (roundsTo(c.result.n, value, c.result.hedged)) {
    out.verified.push(makeVerified(paper, ARITHMETIC_RULE.id, claimSpan, working));
    return;
  }
  if (intervalMeets(c.result.n, Math.min(...corners), Math.max(...corners), c.result.hedged)) return;
  const unit = c.result.unit ? ` ${c.result.unit.text}` : '';
  out.findings.push(
    makeFinding(paper, {
      kind: ARITHMETIC_RULE.id,
      severity: c.firm && !c.result.hedged ? 'error' : 'warning',
      message: `${a.n.text} ${c.word} ${b.n.text} is ${formatValue(value, 4)}${unit}, not ${c.result.n.text}${unit}.`,
      claimSpan,
      span: c.result.n,
      reported: c.result.n.text,
      recomputed: formatValue(value, 4),
      working,
      related: [a.n, b.n],
    }),
  );
}

export function checkWordedOperations(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  for (const s of sentencesOf(paper).sentences) for (const c of readWordedOperations(paper.text, s)) judgeWordedOperation(paper, c, out);
  return out;
}

export const wordedOperationsCheck: CheckModule = {
  name: 'worded-operations',
  title: 'Operators written as words between noun phrases',
  description: 'Recomputes "A things times B units", "A plus B in fees", "A minus (or less) B" with the result stated after a cue (that is, giving, leaving, in all), converting units with mathjs.',
  kinds: [ARITHMETIC_RULE],
  shapes: [
    { name: 'times between noun phrases', example: '250 tiles times 4 MB, i.e. 1 GB' },
    { name: 'plus, with the total after', example: '120 EUR plus 30 EUR for postage, 150 EUR in all' },
    { name: 'minus or less, with the remainder', example: '900 EUR less 150 EUR in tax, leaving 750 EUR' },
  ],
  leavesAlone: [
    '"Times" as a fold ("3 times higher"), "less than", and operands that are bounds or hedged.',
    'Results whose unit does not follow from the operands\' units.',
  ],
  run: checkWordedOperations,
};
