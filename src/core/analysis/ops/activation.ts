/** Activations: same shape as the input, one op per element; most may work in place. */
import { tex, trace } from '../../formulas/latex';
import { BASE, NONE, opsWith, unchangedRf } from './common';
import { attr, defineOp, finite, type LayerFrom } from './define';
import type { OnnxNodeSketch } from './onnx-sketch';
import { pyCall } from './pytorch-text';
import { numel, ShapeError } from './shape-math';
import type { AttrSpec, AttrsOf, OnnxMapping, OpInputs, OpResult } from './types';

function activate({ shapes, rfs }: OpInputs, explain: boolean): OpResult {
  const x = shapes[0];
  const elems = numel(x);
  return {
    ...BASE,
    outShape: x,
    rf: rfs[0],
    ops: opsWith('activation', elems),
    formulas: !explain ? NONE : () => [trace('ops.activation', '\\text{elements}', tex(elems), elems)],
    rfFormulas: !explain ? NONE : unchangedRf(rfs[0]),
  };
}

/** An ONNX mapping whose example is one node of `opType` with `attrs`. */
const node = <L = unknown>(
  opType: string,
  attrs: (layer: L) => OnnxNodeSketch['attrs'] = () => ({}),
  opset = 13,
  from: readonly string[] = [opType],
): OnnxMapping<L> => ({ from, opset, example: (layer) => [{ opType, attrs: attrs(layer) }] });

interface ActivationDef<K extends string, A extends Record<string, AttrSpec>> {
  attrs: A;
  summary: string;
  inplace: boolean;
  onnx: OnnxMapping<LayerFrom<K, A>>;
  /** The torch.nn module, e.g. `nn.ReLU()`. */
  torch: (layer: LayerFrom<K, A>) => string;
}

/** An activation whose attributes do not change its shape or cost. */
function activation<K extends string, A extends Record<string, AttrSpec>>(
  op: K,
  { attrs, summary, inplace, onnx, torch }: ActivationDef<K, A>,
) {
  return defineOp(op, attrs, {
    family: 'activation',
    summary,
    inplace,
    template: () => ({}) as AttrsOf<LayerFrom<K, A>>,
    compute: (_layer, input, explain) => activate(input, explain),
    onnx,
    pytorch: { to: (layer) => ({ module: torch(layer) }) },
  });
}

export const relu = activation('relu', {
  attrs: {},
  summary: 'max(x, 0)',
  inplace: true,
  onnx: node<unknown>('Relu', undefined, 13, ['Relu', 'Clip']),
  torch: () => 'nn.ReLU()',
});
export const relu6 = activation('relu6', {
  attrs: {},
  summary: 'min(max(x, 0), 6)',
  inplace: true,
  onnx: node<unknown>('Clip', () => ({ min: 0, max: 6 }), 10),
  torch: () => 'nn.ReLU6()',
});
export const leakyRelu = activation('leaky_relu', {
  attrs: { negative_slope: attr(finite.optional(), { kind: 'number', default: 0.01 }) },
  summary: 'x for x ≥ 0, negative_slope · x below',
  inplace: true,
  onnx: node('LeakyRelu', (l: { negative_slope?: number }) => ({ alpha: l.negative_slope ?? 0.01 })),
  torch: (l) => pyCall('nn.LeakyReLU', [], [['negative_slope', l.negative_slope, 0.01]]),
});
export const elu = activation('elu', {
  attrs: { alpha: attr(finite.optional(), { kind: 'number', default: 1 }) },
  summary: 'x for x > 0, α(eˣ − 1) below',
  inplace: true,
  onnx: node('Elu', (l: { alpha?: number }) => ({ alpha: l.alpha ?? 1 })),
  torch: (l) => pyCall('nn.ELU', [], [['alpha', l.alpha, 1]]),
});
export const gelu = activation('gelu', {
  attrs: {},
  summary: 'x · Φ(x) (Gaussian error linear unit)',
  inplace: false,
  onnx: node<unknown>('Gelu', undefined, 20),
  torch: () => 'nn.GELU()',
});
export const silu = activation('silu', {
  attrs: {},
  summary: 'x · sigmoid(x) (swish)',
  inplace: true,
  onnx: {
    none: 'ONNX has no SiLU operator: exporters write x · sigmoid(x) as Sigmoid and Mul, imported as two layers',
  },
  torch: () => 'nn.SiLU()',
});
export const sigmoid = activation('sigmoid', {
  attrs: {},
  summary: '1 / (1 + e⁻ˣ)',
  inplace: false,
  onnx: node<unknown>('Sigmoid'),
  torch: () => 'nn.Sigmoid()',
});
export const tanh = activation('tanh', {
  attrs: {},
  summary: 'tanh(x)',
  inplace: false,
  onnx: node<unknown>('Tanh'),
  torch: () => 'nn.Tanh()',
});
export const hardswish = activation('hardswish', {
  attrs: {},
  summary: 'x · relu6(x + 3) / 6',
  inplace: true,
  onnx: node<unknown>('HardSwish', undefined, 14),
  torch: () => 'nn.Hardswish()',
});
export const hardsigmoid = activation('hardsigmoid', {
  attrs: {},
  summary: 'relu6(x + 3) / 6',
  inplace: true,
  onnx: node<unknown>('HardSigmoid', () => ({ alpha: 1 / 6, beta: 0.5 })),
  torch: () => 'nn.Hardsigmoid()',
});
export const softmax = activation('softmax', {
  attrs: {},
  summary: 'eˣ / Σ eˣ over the channels or features',
  inplace: false,
  onnx: node<unknown>('Softmax', () => ({ axis: 1 })),
  torch: () => 'nn.Softmax(dim=1)',
});

/**
 * torch.clamp: y = min(max(x, min), max). An absent bound is unbounded (JSON has no infinity); at
 * least one must be given, and min ≤ max.
 */
export const clamp = defineOp(
  'clamp',
  {
    min: attr(finite.optional(), { kind: 'number', default: 'unbounded' }),
    max: attr(finite.optional(), { kind: 'number', default: 'unbounded', range: '≥ min' }),
  },
  {
    family: 'activation',
    summary: 'min(max(x, min), max) (torch.clamp); at least one bound',
    inplace: true,
    template: () => ({ min: 0, max: 1 }),
    compute(layer, input, explain) {
      const { min, max } = layer;
      if (min === undefined && max === undefined) throw new ShapeError('clamp needs min, max or both');
      if (min !== undefined && max !== undefined && !(min <= max))
        throw new ShapeError(`clamp needs min ≤ max, got min ${min} and max ${max}`);
      return activate(input, explain);
    },
    onnx: node('Clip', (l) => ({ min: l.min ?? -Infinity, max: l.max ?? Infinity }), 10),
    pytorch: {
      to: (layer) => ({
        expr: ([x]) =>
          pyCall(
            'torch.clamp',
            [{ raw: x }],
            [
              ['min', layer.min],
              ['max', layer.max],
            ],
          ),
      }),
    },
  },
);
