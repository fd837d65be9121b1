/** Element-wise arithmetic between inputs (and one constant operand): add, mul, sub, div. */
import { tex, trace } from '../../formulas/latex';
import type { Shape } from '../../model/shape';
import { BASE, broadcastShapes, mergeFormulas, mergeRf, NONE, opsWith, unchangedRf } from './common';
import { pyCall } from './pytorch-text';
import { elementCounting, fvcoreUnsupported, R, rule, SAVES_NOTHING } from './counting';
import { attr, defineOp, shape } from './define';
import { numel, shapeError } from './shape-math';
import type { OpInputs, OpResult } from './types';

const attrs = {
  /**
   * Shape of a constant operand (a fixed tensor that is not a layer, e.g. `x - 0.5` or a learned
   * per-channel scale [C, 1, 1]), applied after the inputs. Same rank as the inputs; size-1
   * dimensions broadcast. With a constant, one input is enough.
   */
  constant_shape: attr(shape.optional(), {
    kind: 'shape',
    default: 'none',
    range: 'same rank as the inputs',
  }),
};

/** (operands − 1) · output elements, a constant counting as one operand; the RF is the inputs' hull. */
function elementwise(
  op: string,
  cs: Shape | undefined,
  { shapes, rfs, ids }: OpInputs,
  explain: boolean,
): OpResult {
  const prf = rfs[0];
  // A constant operand is one more operand for shapes and cost, but has no receptive field.
  const operands = cs ? [...shapes, cs] : shapes;
  if (operands.length < 2) throw shapeError('elementwise-arity', { op, count: shapes.length });
  const out = broadcastShapes(operands, cs ? [...ids, 'constant_shape'] : ids);
  const n = numel(out);
  const ops = opsWith('elementwise', (operands.length - 1) * n);
  const warnings: OpResult['warnings'] = [];
  const rf = shapes.length > 1 ? mergeRf(rfs, shapes, out, ids, warnings) : prf;
  return {
    ...BASE,
    outShape: out,
    rf,
    ops,
    // The constant is read like a weight at inference; it is not a parameter of the layer.
    inferenceBuffers: cs ? numel(cs) : 0,
    warnings,
    formulas: !explain
      ? NONE
      : () => [
          trace(
            'ops.elementwise',
            cs
              ? '(n_{inputs} + 1_{const} - 1) \\cdot \\text{elements}'
              : '(n_{inputs} - 1) \\cdot \\text{elements}',
            `${operands.length - 1} \\cdot ${tex(n)} = ${tex(ops.elementwise)}`,
            ops.elementwise,
          ),
        ],
    rfFormulas: !explain ? NONE : shapes.length > 1 ? mergeFormulas(rfs, rf) : unchangedRf(prf),
  };
}

/** The operator sign of each element-wise op (formulas and the PyTorch export; applied left to right). */
const SIGN = { add: '+', mul: '*', sub: '-', div: '/' } as const;

function define<K extends 'add' | 'mul' | 'sub' | 'div'>(op: K, opType: string, summary: string) {
  return defineOp(op, attrs, {
    family: 'elementwise',
    summary,
    arity: 'many',
    // One input: a per-channel (or per-feature) constant, so that the new layer is complete.
    template: (input, inputs) =>
      inputs >= 2
        ? {}
        : {
            constant_shape: (input.length === 3
              ? [input[0], 1, 1]
              : input.length === 2
                ? [1, input[1]]
                : [input[0]]) as Shape,
          },
    compute: (layer, input, explain) => elementwise(op, layer.constant_shape, input, explain),
    counting: (_layer, { result }) =>
      elementCounting('elementwise', result.ops.elementwise, R('(operands − 1)·numel(y)', 'operandOps'), {
        fvcore: fvcoreUnsupported(`aten::${op}`),
        ptflops: rule(0, R('0', 'notPatched', 'P-fn', { sign: SIGN[op], op })),
      }),
    // add and sub need no operand for their gradients; mul and div keep their operands.
    saves: (layer) =>
      op === 'add' || op === 'sub' ? SAVES_NOTHING : { inputs: (layer.inputs ?? ['']).map((_, i) => i) },
    onnx: {
      from: op === 'add' ? ['Add', 'Sum'] : [opType],
      opset: 13,
      example: (layer) => [
        {
          opType,
          reads: layer.inputs?.length ?? 1,
          consts: layer.constant_shape ? [{ dims: layer.constant_shape, dataType: 'float' }] : [],
        },
      ],
    },
    pytorch: {
      // A constant operand is a buffer of ones (its values are not part of the design).
      to: (layer) =>
        layer.constant_shape
          ? {
              module: pyCall('WithConstant', [SIGN[op], [...layer.constant_shape]]),
              helpers: ['WithConstant'],
            }
          : { expr: (args) => args.join(` ${SIGN[op]} `) },
    },
  });
}

export const add = define(
  'add',
  'Add',
  'Element-wise sum of two or more inputs (or one and a constant), broadcasting size-1 dimensions',
);
export const mul = define(
  'mul',
  'Mul',
  'Element-wise product with broadcasting (e.g. squeeze-and-excitation: [C,H,W] × [C,1,1])',
);
export const sub = define('sub', 'Sub', 'Element-wise difference x₀ − x₁ − …; cost and broadcasting as add');
export const div = define('div', 'Div', 'Element-wise quotient x₀ / x₁ / …; cost and broadcasting as mul');
