/**
 * Arithmetic evaluated on constants only (the shape computations of exporters: Floor of a Div of a
 * Shape, Equal + Where, …). On run-time values these operators are unsupported; the element-wise ones
 * (Sqrt, Exp, Pow, …) then keep an `unsupported` layer of the input's shape.
 */
import { type ConstVal, elementwise, withInput } from '../fold/values';
import type { Fold, OnnxHandler } from './types';

const UNARY: Record<string, (x: number) => number> = {
  Neg: (x) => -x,
  Abs: Math.abs,
  Floor: Math.floor,
  Ceil: Math.ceil,
  Sqrt: Math.sqrt,
  Reciprocal: (x) => 1 / x,
  Exp: Math.exp,
  Log: Math.log,
  Sign: Math.sign,
  Not: (x) => (x ? 0 : 1),
  Round: (x) => {
    // Round half to even, as ONNX specifies.
    const r = Math.round(x);
    return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
  },
};

const BINARY: Record<string, (a: number, b: number, int: boolean) => number> = {
  Add: (a, b) => a + b,
  Sub: (a, b) => a - b,
  Mul: (a, b) => a * b,
  Div: (a, b, int) => (int ? Math.trunc(a / b) : a / b),
  Pow: (a, b) => a ** b,
  Mod: (a, b) => a - Math.floor(a / b) * b,
  Equal: (a, b) => (a === b ? 1 : 0),
  Less: (a, b) => (a < b ? 1 : 0),
  Greater: (a, b) => (a > b ? 1 : 0),
  LessOrEqual: (a, b) => (a <= b ? 1 : 0),
  GreaterOrEqual: (a, b) => (a >= b ? 1 : 0),
  And: (a, b) => (a && b ? 1 : 0),
  Or: (a, b) => (a || b ? 1 : 0),
  Min: (a, b) => Math.min(a, b),
  Max: (a, b) => Math.max(a, b),
};

/** Comparisons and logic give booleans (integers) whatever their inputs. */
const BOOLEAN = new Set(['Equal', 'Less', 'Greater', 'LessOrEqual', 'GreaterOrEqual', 'And', 'Or']);

/** The constant fold of a binary operator of {@link BINARY}: broadcasting, integer division for integers. */
export function binaryFold(op: keyof typeof BINARY): Fold {
  const f = BINARY[op];
  return withInput((_node, x, ins) => {
    const y = ins[1];
    if (!y) return null;
    const int = x.int && y.int;
    const r = elementwise([x, y], (a, b) => f(a, b, int), int);
    return r && BOOLEAN.has(op) ? { ...r, int: true } : r;
  });
}

const CONSTANT_ONLY = 'Evaluated on constants only.';

const unaryHandler = (op: string): OnnxHandler => ({
  layers: [],
  doc: CONSTANT_ONLY,
  fold: withInput((_node, x): ConstVal | null =>
    elementwise([x], UNARY[op], x.int || op === 'Floor' || op === 'Ceil'),
  ),
});

const binaryHandler = (op: string): OnnxHandler => ({ layers: [], doc: CONSTANT_ONLY, fold: binaryFold(op) });

/** Handlers of the operators evaluated on constants only (Add, Sub, Mul and Div also convert: elementwise.ts). */
export const MATH_HANDLERS: Record<string, OnnxHandler> = {
  ...Object.fromEntries(Object.keys(UNARY).map((op) => [op, unaryHandler(op)])),
  ...Object.fromEntries(
    Object.keys(BINARY)
      .filter((op) => !['Add', 'Sub', 'Mul', 'Div'].includes(op))
      .map((op) => [op, binaryHandler(op)]),
  ),
  Where: {
    layers: [],
    doc: CONSTANT_ONLY,
    fold: withInput((_node, c, ins) =>
      ins[1] && ins[2] ? elementwise([c, ins[1], ins[2]], (k, a, b) => (k ? a : b), ins[1].int) : null,
    ),
  },
};
