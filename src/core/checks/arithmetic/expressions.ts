// Arithmetic written out: "a × b = c", "a/b = c", "a + b + c = d", "(a − b)/c = d", "c = a × b",
// "a divided by b gives c". When the numbers carry units (written with them, or stated with them
// earlier in the paragraph) the product is recomputed with mathjs units, which catches a
// result off by a power of ten ("7000 ng/kg bw/day × 60 kg = 42,000 ng/day").

import { evaluateCached } from './evaluate.ts';
import { formatLike, intervalMeets, roundingInterval, roundsTo } from '../../numbers.ts';
import type { CheckOutput, PaperText, RawFinding, TextSpan } from '../../types.ts';
import { numbersIn, sentencesOf, type Num } from './context.ts';
import { add, div, mul, sub, type Interval } from './interval-math.ts';
import { cover, formatResult, formatValue, makeFinding, makeVerified, plain } from './report.ts';
import { unitAt, type UnitText } from './unit-text.ts';
import type { CheckModule } from '../module.ts';
import { UNIT_CONVERSION_RULE } from './units.ts';

type Op = '+' | '-' | '*' | '/';
type Token = { type: 'num'; n: Num; unit?: UnitText } | { type: 'op'; op: Op; text: string } | { type: '(' } | { type: ')' };

const CONNECTOR =
  /^\s*(\)*)\s*(×|·|⋅|\*|\/|÷|\+|\u2212|\s-\s|\sx\s|divided by|multiplied by|times|plus|minus|=|≈|equals|is equal to|gives|giving|yields|makes|is)\s*(\(*)\s*$/;
// What a number may be labelled with before a written operator: "21 raters × 25 items = 525 ratings",
// "5 s (boot) + 10 s (sync) = 15 s". Only symbols bind across labels, never word operators.
const LABELLED_CONNECTOR = /^(?:(?:\s+(?!and\b|or\b|of\b|to\b|in\b|for\b|with\b)[A-Za-z][\w-]*){1,3}(?:\s*\([^()\d]{0,60}\))?|\s*\([^()\d]{0,60}\))\s*(\)*)\s*(×|·|⋅|\*|\/|÷|\+|\u2212|=|≈)\s*(\(*)\s*$/;

const OPERATORS = new Map<string, Op | 'approx'>([
  ...['×', '·', '⋅', '*', 'x', 'times', 'multiplied by'].map((w) => [w, '*'] as const),
  ...['/', '÷', 'divided by'].map((w) => [w, '/'] as const),
  ...['+', 'plus'].map((w) => [w, '+'] as const),
  ...['-', '\u2212', 'minus'].map((w) => [w, '-'] as const),
  ['≈', 'approx'],
]);

function opOf(word: string): Op | 'eq' | 'approx' {
  return OPERATORS.get(word.trim()) ?? 'eq';
}

interface Node {
  iv: Interval;
  value: number;
  math: string;
  display: string;
  units: boolean;
  /** Has a + or −: units then do not simply multiply through. */
  additive: boolean;
}

/** Recursive descent over one side of an equation. undefined when it is not plain arithmetic. */
function parse(tokens: Token[]): Node | undefined {
  let i = 0;
  const factor = (): Node | undefined => {
    const t = tokens[i];
    if (!t) return undefined;
    if (t.type === '(') {
      i++;
      const e = expr();
      if (!e || tokens[i]?.type !== ')') return undefined;
      i++;
      return { ...e, math: `(${e.math})`, display: `(${e.display})` };
    }
    if (t.type !== 'num') return undefined;
    i++;
    // Whole numbers in written-out arithmetic are exact (counts, multipliers); decimals were rounded.
    const iv: Interval = t.n.decimals === 0 && t.n.exponent === 0 ? [t.n.value, t.n.value] : roundingInterval(t.n);
    const value = t.n.value;
    const unitMath = t.unit ? ` ${t.unit.mathjs}` : '';
    return {
      iv,
      value,
      math: t.unit ? `(${plain(value)}${unitMath})` : plain(value),
      display: t.unit ? `${t.n.text} ${t.unit.text}` : t.n.text,
      units: Boolean(t.unit),
      additive: false,
    };
  };
  const binary = (next: () => Node | undefined, ops: Op[]): Node | undefined => {
    let left = next();
    while (left) {
      const t = tokens[i];
      if (!t || t.type !== 'op' || !ops.includes(t.op)) break;
      i++;
      const right = next();
      if (!right) return undefined;
      const iv = t.op === '+' ? add(left.iv, right.iv) : t.op === '-' ? sub(left.iv, right.iv) : t.op === '*' ? mul(left.iv, right.iv) : div(left.iv, right.iv);
      if (!iv) return undefined;
      const value = t.op === '+' ? left.value + right.value : t.op === '-' ? left.value - right.value : t.op === '*' ? left.value * right.value : left.value / right.value;
      const shown = t.op === '*' ? '×' : t.op === '-' ? '−' : t.op;
      left = {
        iv,
        value,
        math: `${left.math} ${t.op} ${right.math}`,
        display: `${left.display} ${shown} ${right.display}`,
        units: left.units || right.units,
        additive: left.additive || right.additive || t.op === '+' || t.op === '-',
      };
    }
    return left;
  };
  const term = () => binary(factor, ['*', '/']);
  const expr = (): Node | undefined => binary(term, ['+', '-']);
  const node = expr();
  return node && i === tokens.length ? node : undefined;
}

interface Side {
  tokens: Token[];
  nums: Num[];
  /** Unit written after the side's last number. */
  unit?: UnitText;
}

/** Attaches to bare numbers the unit they were stated with earlier in the block ("60 kg"). */
function unitsFromContext(side: Side, withUnits: Map<string, { n: Num; unit: UnitText }[]>): void {
  for (const t of side.tokens) {
    if (t.type !== 'num' || t.unit) continue;
    const earlier = (withUnits.get(t.n.text) ?? []).filter((x) => x.n.start < t.n.start);
    if (earlier.length) t.unit = earlier[earlier.length - 1].unit;
  }
}

/** The block's numbers that are written with a unit, by their text. */
function unitsOfBlock(text: string, block: TextSpan): Map<string, { n: Num; unit: UnitText }[]> {
  const map = new Map<string, { n: Num; unit: UnitText }[]>();
  const nums = numbersIn(text, block);
  nums.forEach((n, i) => {
    const unit = unitAt(text, n.end, nums[i + 1]?.start ?? block.end);
    if (!unit) return;
    const list = map.get(n.text) ?? [];
    if (list.length < 8) list.push({ n, unit });
    map.set(n.text, list);
  });
  return map;
}

function isOperatorChar(c: string | undefined): boolean {
  return c !== undefined && /[+\-\u2212×·⋅*/÷^]/.test(c);
}

export function checkExpressions(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  const text = paper.text;
  const { blocks, sentences } = sentencesOf(paper);
  const blockNums = new Map<number, Map<string, { n: Num; unit: UnitText }[]>>();
  for (const s of sentences) {
    const nums = numbersIn(text, s).filter((n) => !n.noise || n.noise === 'year');
    if (nums.length < 3) continue;
    // Walk the numbers; a run connected by operators and '=' is an equation chain.
    let sides: Side[] = [];
    let current: Side = { tokens: [], nums: [] };
    let approx = false;
    const flush = () => {
      if (current.nums.length) sides.push(current);
      evaluateChain(sides);
      sides = [];
      current = { tokens: [], nums: [] };
      approx = false;
    };
    const evaluateChain = (chain: Side[]) => {
      for (let k = 0; k + 1 < chain.length; k++) {
        const [a, b] = [chain[k], chain[k + 1]];
        const aOps = a.tokens.some((t) => t.type === 'op');
        const bOps = b.tokens.some((t) => t.type === 'op');
        if (aOps === bOps) continue;
        const [exprSide, resultSide] = aOps ? [a, b] : [b, a];
        if (resultSide.nums.length !== 1) continue;
        check(exprSide, resultSide, chain, s.block);
      }
    };
    const check = (exprSide: Side, resultSide: Side, chain: Side[], blockIndex: number) => {
      const result = resultSide.nums[0];
      const allNums = [...exprSide.nums, result];
      if (allNums.some((n) => n.noise)) return;
      // Percentages: only sums and differences of percentages are plain arithmetic.
      const pcts = allNums.filter((n) => n.percent).length;
      if (pcts && (pcts !== allNums.length || exprSide.tokens.some((t) => t.type === 'op' && (t.op === '*' || t.op === '/')))) return;
      const block = blocks[blockIndex];
      const resultUnit = resultSide.unit;
      if (resultUnit) {
        let withUnits = blockNums.get(blockIndex);
        if (!withUnits) {
          withUnits = unitsOfBlock(text, block);
          blockNums.set(blockIndex, withUnits);
        }
        unitsFromContext(exprSide, withUnits);
      }
      let node = parse(exprSide.tokens);
      if (!node) return;
      let kind: 'arithmetic' | 'unit-conversion' = 'arithmetic';
      let working = node.math;
      let value = node.value;
      let iv = node.iv;
      let resultShown = result.text;
      if (node.units || resultUnit) {
        const onlyProducts = !node.additive;
        const evaluated = onlyProducts && node.units && resultUnit ? evaluateCached(node.math, resultUnit.mathjs) : undefined;
        if (evaluated && node.value !== 0) {
          const factor = evaluated.value / node.value;
          kind = 'unit-conversion';
          working = `${node.math} to ${resultUnit!.mathjs}`;
          value = evaluated.value;
          iv = [Math.min(iv[0] * factor, iv[1] * factor), Math.max(iv[0] * factor, iv[1] * factor)];
          resultShown = `${result.text} ${resultUnit!.text}`;
        } else {
          // Units that do not combine: recompute the bare numbers.
          for (const t of exprSide.tokens) if (t.type === 'num') t.unit = undefined;
          node = parse(exprSide.tokens);
          if (!node) return;
          working = node.math;
          value = node.value;
          iv = node.iv;
        }
      }

      const claimSpan = cover(...exprSide.nums, result);
      const display = node.display;
      const isApprox = chainApprox.get(resultSide) ?? false;
      // Verified only when the printed inputs give the printed result at its precision; agreement that
      // needs the inputs to have been rounded is a warning that says so.
      // A result with trailing zeros ("70") may be rounded to tens only when the calculation is not
      // exact: 300 / 4 printed as 70 is wrong, 0.21 × 22,000 printed as 4,600 is rounded (0.21 was).
      const loose = isApprox || exprSide.nums.some((n) => n.decimals > 0 || n.exponent < 0);
      const exactOk = roundsTo(result, value, loose) || (isApprox && Math.abs(value - result.value) <= 0.05 * Math.abs(value));
      if (exactOk) {
        out.verified.push(makeVerified(paper, kind, claimSpan, `${working} = ${formatLike({ ...result, percent: false }, value)}`));
        return;
      }
      if (intervalMeets(result, iv[0], iv[1], loose)) {
        out.findings.push(roundedOnly(paper, kind, exprSide.nums, result, value, claimSpan, working, display));
        return;
      }
      if (isApprox && Math.abs(value / result.value) < 2 && Math.abs(result.value / value) < 2) return;
      // A finding is confirmed by mathjs, never by the interval code alone.
      if (kind === 'arithmetic') {
        const confirmed = evaluateCached(working);
        if (!confirmed) return;
        value = confirmed.value;
      }
      if (kind === 'arithmetic' && intervalMeets(result, value, value, loose)) return;
      const recomputed = formatResult(result, value);
      const unitSuffix = kind === 'unit-conversion' ? ` ${resultUnit!.text}` : '';
      out.findings.push(
        makeFinding(paper, {
          kind,
          severity: isApprox ? 'warning' : 'error',
          message: `${display} is ${recomputed}${unitSuffix}, not ${resultShown}.`,
          claimSpan,
          span: result,
          reported: result.text,
          recomputed,
          working,
          suggestion: isApprox ? undefined : recomputed,
          related: exprSide.nums,
        }),
      );
    };
    const chainApprox = new Map<Side, boolean>();

    for (let i = 0; i < nums.length; i++) {
      const n = nums[i];
      if (current.nums.length === 0) {
        // Start of a chain: not after an operator or a variable ("a + 3 = 7", "x^2").
        const before = text.slice(Math.max(s.start, n.start - 12), n.start).replace(/[\s(]+$/, '');
        const prevChar = before[before.length - 1];
        const opens = /(\(+)\s*$/.exec(text.slice(Math.max(s.start, n.start - 6), n.start))?.[1].length ?? 0;
        if (isOperatorChar(prevChar) || /[A-Za-z_\u0370-\u03ff]$/.test(text.slice(n.start - 1, n.start))) {
          continue;
        }
        for (let k = 0; k < opens; k++) current.tokens.push({ type: '(' });
      }
      current.tokens.push({ type: 'num', n });
      current.nums.push(n);
      const next = nums[i + 1];
      const limit = next ? next.start : Math.min(s.end, n.end + 40);
      const unit = unitAt(text, n.end, limit);
      if (unit) (current.tokens[current.tokens.length - 1] as { unit?: UnitText }).unit = unit;
      const gapStart = unit ? unit.end : n.end;
      const gap = next ? text.slice(gapStart, next.start) : '';
      const m = next ? (CONNECTOR.exec(gap) ?? LABELLED_CONNECTOR.exec(gap)) : null;
      if (!m) {
        // End of the chain: the last side must not continue with an operator or a variable.
        const after = text.slice(gapStart, gapStart + 3);
        const closes = /^\s*(\)*)/.exec(after)?.[1].length ?? 0;
        const rest = text.slice(gapStart, gapStart + 40).replace(/^\s*\)*\s*/, '').slice(0, 2);
        if (unit) current.unit = unit;
        for (let k = 0; k < closes; k++) current.tokens.push({ type: ')' });
        balance(current);
        if (isOperatorChar(rest[0]) || /^[A-Za-z]/.test(text.slice(n.end, n.end + 1))) {
          sides = [];
          current = { tokens: [], nums: [] };
          continue;
        }
        flush();
        continue;
      }
      const [, closes, word, opens] = m;
      for (let k = 0; k < closes.length; k++) current.tokens.push({ type: ')' });
      const op = opOf(word);
      if (op === 'eq' || op === 'approx') {
        if (unit) current.unit = unit;
        balance(current);
        sides.push(current);
        current = { tokens: [], nums: [] };
        if (op === 'approx') approx = true;
        chainApprox.set(current, approx);
        // Word results ("gives", "is") need an operator on the left and a single number on the right.
        if (/[a-z]/.test(word) && !sides[sides.length - 1].tokens.some((t) => t.type === 'op')) {
          sides = [];
        }
      } else {
        if (word === 'x' || word.trim() === 'x') {
          if (!/\sx\s/.test(text.slice(gapStart - 1, next!.start + 1))) {
            flush();
            continue;
          }
        }
        current.tokens.push({ type: 'op', op, text: word });
      }
      for (let k = 0; k < opens.length; k++) current.tokens.push({ type: '(' });
    }
    flush();
  }
  return out;
}

/** "holds only if 0.2 was rounded from a value between 0.15 and 0.25": a warning, never verified. */
function roundedOnly(paper: PaperText, kind: 'arithmetic' | 'unit-conversion', inputs: readonly Num[], result: Num, value: number, claimSpan: TextSpan, working: string, display: string): RawFinding {
  const rounded = inputs.filter((n) => n.decimals > 0 || n.exponent !== 0);
  const why = rounded.map((n) => {
    const [lo, hi] = roundingInterval(n);
    return `${n.text} was rounded from a value between ${formatValue(lo)} and ${formatValue(hi)}`;
  });
  const recomputed = formatResult(result, value);
  return makeFinding(paper, {
    kind,
    severity: 'warning',
    message: `${display} is ${recomputed}; ${result.text} holds only if ${why.join(' and ') || 'the inputs were rounded'}.`,
    claimSpan,
    span: result,
    reported: result.text,
    recomputed,
    working,
    related: [...inputs],
  });
}

/** Drops unmatched parentheses at either end of a side (they belong to the sentence). */
function balance(side: Side): void {
  let depth = 0;
  for (const t of side.tokens) {
    if (t.type === '(') depth++;
    else if (t.type === ')') depth--;
  }
  while (depth > 0 && side.tokens[0]?.type === '(') {
    side.tokens.shift();
    depth--;
  }
  while (depth < 0 && side.tokens[side.tokens.length - 1]?.type === ')') {
    side.tokens.pop();
    depth++;
  }
}

export const ARITHMETIC_RULE = { id: 'arithmetic', title: 'Arithmetic', description: 'A stated sum, difference, product or ratio does not equal its result.', defaultSeverity: 'error' } as const;

export const expressionsCheck: CheckModule = {
  name: 'expressions',
  title: 'Arithmetic written out',
  description: 'Recomputes a calculation printed with its operators and result, with units when the numbers carry them.',
  kinds: [ARITHMETIC_RULE, UNIT_CONVERSION_RULE],
  shapes: [
    { name: 'product or quotient', example: 'a price of 4 per unit × 25 units = 100' },
    { name: 'chain of sums', example: '12 + 30 + 8 = 50 trials' },
    { name: 'result first', example: 'the area, 3 × 7 = 21 m²' },
    { name: 'with units', example: '2 mg/kg × 70 kg = 140 mg' },
  ],
  leavesAlone: [
    'Formulas with symbols left in them (x, n, σ): only numbers can be recomputed.',
  ],
  run: checkExpressions,
};
