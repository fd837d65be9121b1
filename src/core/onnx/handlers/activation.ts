/** Activations: one layer of the same shape as the input. */
import { float, string } from '../attrs';
import { Unsupported } from '../convert/value';
import type { NodeInfo } from '../read';
import { layersFrom } from './layers-from';
import type { ConvertContext, Inputs, LayerBody, OnnxHandler } from './types';

/** A handler turning the node into `body(node)` over its first input, same shape. */
function sameShape(
  opType: string,
  doc: string,
  body: (node: NodeInfo, ins: Inputs, ctx: ConvertContext) => LayerBody,
): OnnxHandler {
  return {
    layers: layersFrom(opType),
    doc,
    convert(node, ins, ctx) {
      const { from, dims } = ctx.input(ins[0]);
      ctx.layerOut(node, body(node, ins, ctx), [from], dims);
    },
  };
}

/** An activation without attributes that matter for its cost. */
const plain = (opType: string, op: 'relu' | 'sigmoid' | 'tanh' | 'hardswish' | 'softmax') =>
  sameShape(opType, 'The same activation, same shape.', () => ({ op }));

/** Clip's bounds: attributes before opset 11, optional constant inputs from 11 (NaN: computed at run time). */
function clipBounds(node: NodeInfo, ins: Inputs, opset: number): [number, number] {
  if (opset < 11) return [float(node, 'min', -Infinity), float(node, 'max', Infinity)];
  const bound = (i: number, none: number) => (ins[i] ? (ins[i]?.c?.values?.[0] ?? NaN) : none);
  return [bound(1, -Infinity), bound(2, Infinity)];
}

export const ACTIVATION_HANDLERS: Record<string, OnnxHandler> = {
  Relu: plain('Relu', 'relu'),
  Sigmoid: plain('Sigmoid', 'sigmoid'),
  Tanh: plain('Tanh', 'tanh'),
  HardSwish: plain('HardSwish', 'hardswish'),
  Softmax: plain('Softmax', 'softmax'),
  Gelu: sameShape(
    'Gelu',
    'Opset 20; the tanh approximation is shown as gelu (a note says so).',
    (node, _ins, ctx) => {
      if (string(node, 'approximate', 'none') !== 'none')
        ctx.note('Gelu with tanh approximation is shown as gelu.');
      return { op: 'gelu' };
    },
  ),
  LeakyRelu: sameShape('LeakyRelu', 'alpha → negative_slope.', (node) => ({
    op: 'leaky_relu',
    negative_slope: float(node, 'alpha', 0.01),
  })),
  Elu: sameShape('Elu', 'alpha kept.', (node) => ({ op: 'elu', alpha: float(node, 'alpha', 1) })),
  HardSigmoid: sameShape(
    'HardSigmoid',
    "Any alpha (PyTorch's is 1/6; another is noted, the cost is the same).",
    (node, _ins, ctx) => {
      const a = float(node, 'alpha', 0.2);
      if (Math.abs(a - 1 / 6) > 1e-6)
        ctx.note(
          `HardSigmoid with alpha ${a} is shown as hardsigmoid (PyTorch's uses 1/6); cost is the same.`,
        );
      return { op: 'hardsigmoid' };
    },
  ),
  Clip: sameShape(
    'Clip',
    '`relu` (min 0, no max), `relu6` (0, 6), `identity` (no bounds); any other bounds `clamp` with the finite ones (Clip with only a max of 6 is `clamp` `{ "max": 6 }`, not relu6). Bounds computed at run time are unsupported.',
    (node, ins, ctx) => {
      const [lo, hi] = clipBounds(node, ins, ctx.opset);
      if (Number.isNaN(lo) || Number.isNaN(hi)) throw new Unsupported('Clip bounds computed at run time');
      if (lo === 0 && hi === Infinity) return { op: 'relu' };
      if (lo === 0 && hi === 6) return { op: 'relu6' };
      if (lo === -Infinity && hi === Infinity) return { op: 'identity' };
      // Infinite bounds are left out: JSON has no infinity, and an absent bound is unbounded.
      return { op: 'clamp', ...(lo > -Infinity ? { min: lo } : {}), ...(hi < Infinity ? { max: hi } : {}) };
    },
  ),
};
