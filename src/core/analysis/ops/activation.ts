/** Activations: same shape as the input, one op per element; most may work in place. */
import { tex, trace } from '../../formulas/latex';
import { BASE, featuresOf, NONE, opsWith, unchangedRf } from './common';
import type { Shape } from '../../model/shape';
import { elementCounting, fvcoreIgnored, fvcoreUnsupported, R, rule } from './counting';
import type { RuleText } from './rule-notes';
import { attr, defineOp, finite, type LayerFrom } from './define';
import type { OnnxNodeSketch } from './onnx-sketch';
import { pyCall } from './pytorch-text';
import { numel, shapeError } from './shape-math';
import type {
  AttrSpec,
  AttrsOf,
  CounterRule,
  CountingIO,
  LayerCounting,
  OnnxMapping,
  OpInputs,
  OpResult,
  SavedSpec,
} from './types';

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

/**
 * How an activation is counted, per element n: `all` operations (rule in words), fvcore's and
 * ptflops' counts; and what autograd saves: its `input` or its `output` (docs/conventions.md).
 */
interface Arithmetic {
  /** Operations per element, or a count from the shapes, with the rule in words. */
  all: [perElement: number, text: RuleText] | ((io: CountingIO) => [count: number, text: RuleText]);
  kind?: 'activation' | 'softmax';
  fvcore: (n: number) => CounterRule;
  ptflops: (n: number) => CounterRule;
  /** 'input': derivative needs x (in place: autograd keeps a copy); 'output': needs y. */
  saves: 'input' | 'output';
}

interface ActivationDef<K extends string, A extends Record<string, AttrSpec>> {
  attrs: A;
  summary: string;
  inplace: boolean;
  onnx: OnnxMapping<LayerFrom<K, A>>;
  /** The torch.nn module, e.g. `nn.ReLU()`, for an input of shape `input` (without batch). */
  torch: (layer: LayerFrom<K, A>, input: Shape) => string;
  arithmetic: Arithmetic;
}

function activationCounting(a: Arithmetic, io: CountingIO): LayerCounting {
  const n = numel(io.outShape);
  const [all, text] = typeof a.all === 'function' ? a.all(io) : [a.all[0] * n, a.all[1]];
  return elementCounting(a.kind ?? 'activation', all, text, { fvcore: a.fvcore(n), ptflops: a.ptflops(n) });
}

function activationSaves(a: Arithmetic, inplace: boolean): SavedSpec {
  if (a.saves === 'output') return { output: true };
  return inplace ? { inputCopy: true } : { inputs: [0] };
}

/** An activation whose attributes do not change its shape or cost. */
function activation<K extends string, A extends Record<string, AttrSpec>>(
  op: K,
  { attrs, summary, inplace, onnx, torch, arithmetic }: ActivationDef<K, A>,
) {
  return defineOp(op, attrs, {
    family: 'activation',
    summary,
    inplace,
    template: () => ({}) as AttrsOf<LayerFrom<K, A>>,
    compute: (_layer, input, explain) => activate(input, explain),
    counting: (_layer, io) => activationCounting(arithmetic, io),
    saves: (_layer, _io, inPlace) => activationSaves(arithmetic, inPlace),
    onnx,
    pytorch: { to: (layer, [input]) => ({ module: torch(layer, input) }) },
  });
}

const ptNone = (): CounterRule => rule(0, R('0', 'noHook', 'P-mod'));
const ptOnce = () => (n: number) => rule(n, R('numel(y)', 'moduleHook', 'P-mod'));
const ptTwice = (fn: string) => (n: number) =>
  rule(2 * n, R('2·numel(y)', 'hookAndPatched', 'P-mod, P-fn', { fn }));
const fvUnsupported = (aten: string) => () => fvcoreUnsupported(aten);

export const relu = activation('relu', {
  attrs: {},
  summary: 'max(x, 0)',
  inplace: true,
  onnx: node<unknown>('Relu', undefined, 13, ['Relu', 'Clip']),
  torch: () => 'nn.ReLU()',
  arithmetic: {
    all: [1, R('1·numel(y)', 'oneComparison')],
    fvcore: () => fvcoreIgnored('aten::relu'),
    ptflops: ptTwice('F.relu'),
    saves: 'output',
  },
});
export const relu6 = activation('relu6', {
  attrs: {},
  summary: 'min(max(x, 0), 6)',
  inplace: true,
  onnx: node<unknown>('Clip', () => ({ min: 0, max: 6 }), 10),
  torch: () => 'nn.ReLU6()',
  arithmetic: {
    all: [2, R('2·numel(y)', 'twoComparisons')],
    fvcore: fvUnsupported('aten::hardtanh'),
    ptflops: ptOnce(),
    saves: 'input',
  },
});
export const leakyRelu = activation('leaky_relu', {
  attrs: { negative_slope: attr(finite.optional(), { kind: 'number', default: 0.01 }) },
  summary: 'x for x ≥ 0, negative_slope · x below',
  inplace: true,
  onnx: node('LeakyRelu', (l: { negative_slope?: number }) => ({ alpha: l.negative_slope ?? 0.01 })),
  torch: (l) => pyCall('nn.LeakyReLU', [], [['negative_slope', l.negative_slope, 0.01]]),
  arithmetic: {
    all: [2, R('2·numel(y)', 'comparisonMultiply')],
    fvcore: fvUnsupported('aten::leaky_relu'),
    ptflops: ptOnce(),
    saves: 'input',
  },
});
export const elu = activation('elu', {
  attrs: { alpha: attr(finite.optional(), { kind: 'number', default: 1 }) },
  summary: 'x for x > 0, α(eˣ − 1) below',
  inplace: true,
  onnx: node('Elu', (l: { alpha?: number }) => ({ alpha: l.alpha ?? 1 })),
  torch: (l) => pyCall('nn.ELU', [], [['alpha', l.alpha, 1]]),
  arithmetic: {
    all: [4, R('4·numel(y)', 'eluOps')],
    fvcore: fvUnsupported('aten::elu'),
    ptflops: ptTwice('F.elu'),
    saves: 'input',
  },
});
export const gelu = activation('gelu', {
  attrs: {},
  summary: 'x · Φ(x) (Gaussian error linear unit)',
  inplace: false,
  onnx: node<unknown>('Gelu', undefined, 20),
  torch: () => 'nn.GELU()',
  arithmetic: {
    all: [5, R('5·numel(y)', 'geluOps')],
    fvcore: fvUnsupported('aten::gelu'),
    ptflops: ptTwice('F.gelu'),
    saves: 'input',
  },
});
export const silu = activation('silu', {
  attrs: {},
  summary: 'x · sigmoid(x) (swish)',
  inplace: true,
  onnx: {
    none: 'ONNX has no SiLU operator: exporters write x · sigmoid(x) as Sigmoid and Mul, imported as two layers',
  },
  torch: () => 'nn.SiLU()',
  arithmetic: {
    all: [5, R('5·numel(y)', 'siluOps')],
    fvcore: fvUnsupported('aten::silu'),
    ptflops: (n: number) => rule(n, R('numel(x)', 'patched', 'P-fn', { fn: 'F.silu' })),
    saves: 'input',
  },
});
export const sigmoid = activation('sigmoid', {
  attrs: {},
  summary: '1 / (1 + e⁻ˣ)',
  inplace: false,
  onnx: node<unknown>('Sigmoid'),
  torch: () => 'nn.Sigmoid()',
  arithmetic: {
    all: [4, R('4·numel(y)', 'sigmoidOps')],
    fvcore: fvUnsupported('aten::sigmoid'),
    ptflops: ptNone,
    saves: 'output',
  },
});
export const tanh = activation('tanh', {
  attrs: {},
  summary: 'tanh(x)',
  inplace: false,
  onnx: node<unknown>('Tanh'),
  torch: () => 'nn.Tanh()',
  arithmetic: {
    all: [1, R('1·numel(y)', 'transcendental')],
    fvcore: fvUnsupported('aten::tanh'),
    ptflops: ptNone,
    saves: 'output',
  },
});
export const hardswish = activation('hardswish', {
  attrs: {},
  summary: 'x · relu6(x + 3) / 6',
  inplace: true,
  onnx: node<unknown>('HardSwish', undefined, 14),
  torch: () => 'nn.Hardswish()',
  arithmetic: {
    all: [5, R('5·numel(y)', 'hardswishOps')],
    fvcore: fvUnsupported('aten::hardswish'),
    ptflops: ptNone,
    saves: 'input',
  },
});
export const hardsigmoid = activation('hardsigmoid', {
  attrs: {},
  summary: 'relu6(x + 3) / 6',
  inplace: true,
  onnx: node<unknown>('HardSigmoid', () => ({ alpha: 1 / 6, beta: 0.5 })),
  torch: () => 'nn.Hardsigmoid()',
  arithmetic: {
    all: [4, R('4·numel(y)', 'hardsigmoidOps')],
    fvcore: fvUnsupported('aten::hardsigmoid'),
    ptflops: ptNone,
    saves: 'input',
  },
});
export const softmax = activation('softmax', {
  attrs: {},
  summary: 'eˣ / Σ eˣ over the channels, the features of a vector, or the last axis of a [T, D] sequence',
  inplace: false,
  // The features of a vector or map are axis 1 with the batch; a sequence's are the last axis.
  onnx: {
    from: ['Softmax'],
    opset: 13,
    example: (_layer, input) => [{ opType: 'Softmax', attrs: { axis: input.length === 2 ? -1 : 1 } }],
  },
  torch: (_layer, input) => `nn.Softmax(dim=${input.length === 2 ? -1 : 1})`,
  arithmetic: {
    kind: 'softmax',
    // Over F = the channels (or features) in each of the rows = numel / F positions.
    all: ({ outShape }) => {
      const f = featuresOf(outShape);
      const rows = numel(outShape) / f;
      return [rows * (5 * f - 2), R('rows·(5F − 2)', 'softmaxOps')];
    },
    fvcore: fvUnsupported('aten::softmax'),
    ptflops: (n) => rule(n, R('numel(x)', 'patched', 'P-fn', { fn: 'F.softmax' })),
    saves: 'output',
  },
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
      if (min === undefined && max === undefined) throw shapeError('clamp-no-bounds', {});
      if (min !== undefined && max !== undefined && !(min <= max))
        throw shapeError('clamp-min-above-max', { min, max });
      return activate(input, explain);
    },
    counting: (layer, io) => {
      const bounds = (layer.min === undefined ? 0 : 1) + (layer.max === undefined ? 0 : 1);
      return elementCounting(
        'activation',
        bounds * numel(io.outShape),
        R('bounds·numel(y)', 'comparisonPerBound'),
        {
          fvcore: fvcoreIgnored('aten::clamp'),
          ptflops: ptNone(),
        },
      );
    },
    saves: (_layer, _io, inPlace) => (inPlace ? { inputCopy: true } : { inputs: [0] }),
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
