/**
 * The gradient engine's forward and backward of each model operator, one table keyed by op. A row
 * of the model analysis (shapes, resolved padding and output-size traces) plus the layer's JSON
 * spec is all an entry reads; operators without an entry are reported by name.
 */
import {
  type BatchNormCache,
  type BatchNormState,
  type CnnActivation,
  type Conv2dGeometry,
  type Map3,
  type Pool2dGeometry,
  activationBackward,
  activationForward,
  adaptiveAvgPool2dBackward,
  adaptiveAvgPool2dForward,
  addForward,
  avgPool2dBackward,
  avgPool2dForward,
  batchNormBackward,
  batchNormForward,
  concatBackward,
  concatForward,
  conv2dBackward,
  conv2dForward,
  convFanIn,
  defaultBatchNorm,
  maxPool2dBackward,
  maxPool2dForward,
} from '../autograd/cnn';
import type { Rng } from '../autograd/rng';
import type { FArray } from '../autograd/types';
import type { LayerAnalysis } from '../analysis/types';
import type { LayerOf, LayerSpec } from '../model/types';

export type ErfMode = 'uniform' | 'random';

/** One layer of the network as the engine runs it. */
export interface ErfNode {
  id: string;
  spec: LayerSpec;
  row: LayerAnalysis;
  /** [C, H, W] of each input and of the output. */
  inShapes: [number, number, number][];
  outShape: [number, number, number];
  weight: FArray | null;
  bias: FArray | null;
  bn: BatchNormState | null;
}

export interface OpEntry {
  /**
   * Fills the node's parameters. uniform: every conv weight 1/fan_in, biases 0; random:
   * Kaiming-normal N(0, 2/fan_in) drawn from `rng` in storage order, biases 0. BatchNorm keeps the
   * default state of a fresh torch module (γ = 1, β = 0, running mean 0, running variance 1).
   */
  init?(node: ErfNode, mode: ErfMode, rng: Rng | null): void;
  /** Output and whatever the backward pass needs (random mode only: uniform mode runs no forward). */
  forward(node: ErfNode, xs: Map3[]): { y: Map3; saved?: unknown };
  /**
   * ∂L/∂(each input) from ∂L/∂y. In uniform mode `xs`, `y` and `saved` are null: every entry is then
   * the linear map of the wiring (activations are the identity, max pooling averages its window).
   */
  backward(node: ErfNode, dy: Map3, mode: ErfMode, xs: Map3[] | null, y: Map3 | null, saved: unknown): Map3[];
}

/** The conv geometry of a row: K, S, d and the padding before from the analysis' output-size traces. */
function convGeometry(node: ErfNode): Conv2dGeometry {
  const spec = node.spec as Extract<LayerSpec, { op: 'conv2d' }>;
  const [th, tw] = traces(node);
  const [c, h, w] = node.inShapes[0];
  return {
    inChannels: c,
    outChannels: spec.out_channels,
    kernel: [th.K, tw.K],
    stride: [th.S, tw.S],
    dilation: [th.d, tw.d],
    padBefore: [th.P[0], tw.P[0]],
    groups: spec.groups ?? 1,
    inSize: [h, w],
    outSize: [node.outShape[1], node.outShape[2]],
  };
}

function poolGeometry(node: ErfNode): Pool2dGeometry {
  const [th, tw] = traces(node);
  const [, h, w] = node.inShapes[0];
  return {
    kernel: [th.K, tw.K],
    stride: [th.S, tw.S],
    dilation: [th.d, tw.d],
    padBefore: [th.P[0], tw.P[0]],
    inSize: [h, w],
    outSize: [node.outShape[1], node.outShape[2]],
  };
}

function traces(node: ErfNode): NonNullable<LayerAnalysis['outputSizeTrace']> {
  const t = node.row.outputSizeTrace;
  if (!t) throw new Error(`layer "${node.id}": the analysis gives no window geometry`);
  return t;
}

const conv2d: OpEntry = {
  init(node, mode, rng) {
    const g = convGeometry(node);
    const fanIn = convFanIn(g);
    const w = new Float32Array(g.outChannels * fanIn);
    if (mode === 'uniform' || !rng) w.fill(1 / fanIn);
    else rng.fillNormal(w, Math.sqrt(2 / fanIn));
    node.weight = w;
    const spec = node.spec as Extract<LayerSpec, { op: 'conv2d' }>;
    node.bias = spec.bias === false ? null : new Float32Array(g.outChannels);
  },
  forward(node, xs) {
    return { y: conv2dForward(xs[0], convGeometry(node), node.weight as FArray, node.bias) };
  },
  backward(node, dy) {
    const g = convGeometry(node);
    const r = conv2dBackward(dy, g, node.weight as FArray, null, { input: true, weight: false, bias: false });
    return [r.dx as Map3];
  },
};

const maxpool2d: OpEntry = {
  forward(node, xs) {
    const r = maxPool2dForward(xs[0], poolGeometry(node));
    return { y: r.y, saved: r.argmax };
  },
  backward(node, dy, mode, _xs, _y, saved) {
    const g = poolGeometry(node);
    if (mode === 'uniform') {
      if (g.dilation[0] !== 1 || g.dilation[1] !== 1)
        throw new Error(`layer "${node.id}": maxpool2d with dilation has no uniform (averaging) form`);
      return [avgPool2dBackward(dy, g)];
    }
    return [maxPool2dBackward(dy, saved as Int32Array, g)];
  },
};

const avgpool2d: OpEntry = {
  forward: (node, xs) => ({ y: avgPool2dForward(xs[0], poolGeometry(node)) }),
  backward: (node, dy) => [avgPool2dBackward(dy, poolGeometry(node))],
};

const adaptivePool: OpEntry = {
  forward: (node, xs) => ({ y: adaptiveAvgPool2dForward(xs[0], [node.outShape[1], node.outShape[2]]) }),
  backward: (node, dy) => [adaptiveAvgPool2dBackward(dy, [node.inShapes[0][1], node.inShapes[0][2]])],
};

const batchnorm: OpEntry = {
  init(node) {
    node.bn = defaultBatchNorm(node.inShapes[0][0], new Float32Array(0));
  },
  forward(node, xs) {
    const r = batchNormForward(xs[0], node.bn as BatchNormState, 'eval');
    return { y: r.y, saved: r.cache };
  },
  backward(node, dy, _mode, xs, _y, saved) {
    const bn = node.bn as BatchNormState;
    const cache: BatchNormCache = (saved as BatchNormCache | null) ?? {
      mode: 'eval',
      xhat: null,
      invStd: Float64Array.from(bn.runningVar, (v) => 1 / Math.sqrt(v + bn.eps)),
    };
    return [batchNormBackward(dy, bn, cache, xs ? xs[0] : null).dx];
  },
};

const passThrough: OpEntry = {
  forward: (_node, xs) => ({ y: xs[0] }),
  backward: (_node, dy) => [dy],
};

function activation(op: CnnActivation): OpEntry {
  const params = (node: ErfNode) => {
    const s = node.spec as Partial<
      Omit<LayerOf<'leaky_relu'>, 'op'> & Omit<LayerOf<'elu'>, 'op'> & Omit<LayerOf<'clamp'>, 'op'>
    >;
    return { negativeSlope: s.negative_slope, alpha: s.alpha, min: s.min, max: s.max };
  };
  return {
    forward: (node, xs) => ({ y: activationForward(op, xs[0], params(node)) }),
    backward(node, dy, mode, xs, y) {
      if (mode === 'uniform' || !xs || !y) return [dy];
      return [activationBackward(op, xs[0], y, dy, params(node))];
    },
  };
}

const add: OpEntry = {
  forward(node, xs) {
    if ((node.spec as Extract<LayerSpec, { op: 'add' }>).constant_shape)
      throw new Error(
        `layer "${node.id}": add with a constant operand is not supported by the gradient engine`,
      );
    return { y: addForward(xs) };
  },
  backward: (node, dy) => node.inShapes.map(() => dy),
};

const concat: OpEntry = {
  forward: (_node, xs) => ({ y: concatForward(xs) }),
  backward: (node, dy) =>
    concatBackward(
      dy,
      node.inShapes.map((s) => s[0]),
    ),
};

/** Every operator the gradient engine runs, keyed by the model format's op name. */
export const ERF_OPS: Readonly<Partial<Record<LayerSpec['op'], OpEntry>>> = {
  conv2d,
  maxpool2d,
  avgpool2d,
  adaptive_avgpool2d: adaptivePool,
  global_avgpool: adaptivePool,
  batchnorm,
  dropout: passThrough,
  identity: passThrough,
  relu: activation('relu'),
  relu6: activation('relu6'),
  leaky_relu: activation('leaky_relu'),
  elu: activation('elu'),
  gelu: activation('gelu'),
  silu: activation('silu'),
  sigmoid: activation('sigmoid'),
  tanh: activation('tanh'),
  hardswish: activation('hardswish'),
  hardsigmoid: activation('hardsigmoid'),
  clamp: activation('clamp'),
  add,
  concat,
};
