// The one mathjs instance every recomputation goes through. Paper text and model output are
// hostile input: the instance is locked down (no import, createUnit, evaluate, parse, ...)
// and expressions are parsed privately, checked node by node against an allowlist, and bounded.
// It is built from the factories of the functions Tally uses, not create(all): building every
// mathjs function and typed signature took most of the CLI's start-up.

import {
  absDependencies, addDependencies, create, divideDependencies, eDependencies, expDependencies, formatDependencies, fractionDependencies,
  log10Dependencies, logDependencies, maxDependencies, meanDependencies, medianDependencies, minDependencies, modDependencies,
  multiplyDependencies, numberDependencies, parseDependencies, piDependencies, powDependencies, roundDependencies, sqrtDependencies,
  stdDependencies, subtractDependencies, sumDependencies, toDependencies, unaryMinusDependencies, unaryPlusDependencies, unitDependencies,
  type MathNode, type Unit,
} from 'mathjs';

const math = create(
  {
    parseDependencies, addDependencies, subtractDependencies, multiplyDependencies, divideDependencies, powDependencies, modDependencies,
    unaryMinusDependencies, unaryPlusDependencies, toDependencies, sqrtDependencies, absDependencies, roundDependencies, meanDependencies,
    sumDependencies, minDependencies, maxDependencies, logDependencies, log10Dependencies, expDependencies, medianDependencies, stdDependencies,
    piDependencies, eDependencies, unitDependencies, formatDependencies, fractionDependencies, numberDependencies,
  },
  { number: 'number', precision: 64 },
);

// Captured before they are disabled below: only this module can parse.
const privateParse = math.parse;

const disabled = (name: string) => () => {
  throw new Error(`${name} is disabled in Tally's math engine`);
};
// Plain assignment rather than math.import({...}, { override: true }), which rebuilds every dependent
// typed function; expressions look functions up on this object, so they get the disabled ones too.
const LOCKED = ['import', 'createUnit', 'evaluate', 'parse', 'compile', 'simplify', 'derivative', 'resolve', 'reviver', 'chain', 'rationalize'];
for (const name of LOCKED) Object.defineProperty(math, name, { value: disabled(name), writable: false, configurable: false, enumerable: true });

/** Functions an expression may call: arithmetic a reviewer would do by hand. */
const ALLOWED_FUNCTIONS = new Set(['sqrt', 'abs', 'round', 'mean', 'sum', 'min', 'max', 'log', 'log10', 'exp', 'pow', 'median', 'std', 'to']);
const ALLOWED_OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus', 'to', 'mod']);
const ALLOWED_CONSTANTS = new Set(['pi', 'e']);

export const MAX_EXPRESSION_LENGTH = 400;
const MAX_NODES = 200;
const MAX_EXPONENT = 400;

export interface Evaluated {
  /** Numeric value; for a unit quantity, its value in `unit`. */
  value: number;
  /** The unit of the result as mathjs prints it, if any ("ng / day"). */
  unit?: string;
  /** The result as text, e.g. "420000 ng / day". */
  text: string;
}

export class ExpressionRejected extends Error {}

function isUnitName(name: string): boolean {
  try {
    return math.Unit.isValuelessUnit(name);
  } catch {
    return false;
  }
}

function checkNode(root: MathNode): void {
  let count = 0;
  root.traverse((node: MathNode, _path: string, parent: MathNode | null) => {
    if (++count > MAX_NODES) throw new ExpressionRejected('expression too large');
    switch (node.type) {
      case 'ConstantNode': {
        const v = (node as unknown as { value: unknown }).value;
        if (typeof v !== 'number') throw new ExpressionRejected('only numeric constants are allowed');
        return;
      }
      case 'ParenthesisNode':
        return;
      case 'OperatorNode': {
        const op = node as unknown as { fn: string; args: MathNode[] };
        if (!ALLOWED_OPERATORS.has(op.fn)) throw new ExpressionRejected(`operator ${op.fn} is not allowed`);
        if (op.fn === 'pow') {
          const exp = op.args[1];
          if (exp?.type === 'ConstantNode' && Math.abs(Number((exp as unknown as { value: number }).value)) > MAX_EXPONENT) {
            throw new ExpressionRejected('exponent too large');
          }
        }
        return;
      }
      case 'FunctionNode': {
        const fn = node as unknown as { fn: MathNode & { name?: string } };
        const name = fn.fn.name ?? '';
        if (fn.fn.type !== 'SymbolNode' || !ALLOWED_FUNCTIONS.has(name)) throw new ExpressionRejected(`function ${name || '?'} is not allowed`);
        return;
      }
      case 'SymbolNode': {
        const name = (node as unknown as { name: string }).name;
        const isCallee = parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === node;
        if (isCallee) return;
        if (ALLOWED_CONSTANTS.has(name) || isUnitName(name)) return;
        throw new ExpressionRejected(`unknown symbol ${name}`);
      }
      default:
        throw new ExpressionRejected(`${node.type} is not allowed`);
    }
  });
}

/**
 * Evaluates an arithmetic expression with optional units ("7000 ng/kg/day * 60 kg").
 * Throws ExpressionRejected for anything outside the allowlist; never runs paper text otherwise.
 */
export function evaluateExpression(expression: string, targetUnit?: string): Evaluated {
  if (expression.length > MAX_EXPRESSION_LENGTH) throw new ExpressionRejected('expression too long');
  let node: MathNode;
  try {
    node = privateParse(expression);
  } catch (e) {
    throw new ExpressionRejected(`cannot parse: ${(e as Error).message}`);
  }
  checkNode(node);
  let result: unknown;
  try {
    result = node.evaluate({});
  } catch (e) {
    throw new ExpressionRejected(`cannot evaluate: ${(e as Error).message}`);
  }
  if (typeof result === 'number') {
    if (!Number.isFinite(result)) throw new ExpressionRejected('result is not finite');
    return { value: result, text: math.format(result, { precision: 14 }) };
  }
  if (math.isUnit(result)) {
    let unit = result as Unit;
    if (targetUnit) {
      try {
        unit = unit.to(targetUnit);
      } catch (e) {
        throw new ExpressionRejected(`cannot express the result in ${targetUnit}: ${(e as Error).message}`);
      }
    }
    const value = unit.toNumber();
    if (!Number.isFinite(value)) throw new ExpressionRejected('result is not finite');
    return { value, unit: unit.formatUnits() || undefined, text: unit.format({ precision: 14 }) };
  }
  throw new ExpressionRejected('result is not a number or a quantity');
}

/** Like evaluateExpression, but undefined instead of an exception. */
export function tryEvaluate(expression: string, targetUnit?: string): Evaluated | undefined {
  try {
    return evaluateExpression(expression, targetUnit);
  } catch {
    return undefined;
  }
}

/** Converts `value` in unit `from` to unit `to` ("ng/day" → "µg/day"); undefined if incompatible. */
export function convertUnit(value: number, from: string, to: string): number | undefined {
  try {
    return math.unit(value, from).toNumber(to);
  } catch {
    return undefined;
  }
}

/** Exact rational arithmetic for sums and means so 0.1 + 0.2 is 0.3 (fractions, not floats). */
export function exactSum(values: number[]): number {
  let acc = math.fraction(0);
  for (const v of values) acc = math.add(acc, math.fraction(v)) as typeof acc;
  return math.number(acc);
}

export { math as lockedMath };
