/**
 * Recurrent layers over a [T, D] sequence: LSTM and GRU (torch.nn.LSTM / GRU, batch first, PyTorch's
 * gate order and both biases), counted over every time step, layer and direction.
 */
import { z } from './zod-recipe';
import { tex, trace } from '../../formulas/latex';
import { BASE, everythingRfFormulas, featuresOf, needSequence, NONE, seesEverything } from './common';
import { R, rule } from './counting';
import { attr, defineOp, posInt } from './define';
import { pyCall } from './pytorch-text';
import type { OtherOps } from '../types';
import type { BackwardMacs, CountingIO, LayerCounting, OpInputs, OpResult, SavedSpec } from './types';

const attrs = {
  hidden_size: attr(posInt, { kind: 'int', range: '≥ 1', unit: 'features' }),
  num_layers: attr(posInt.optional(), { kind: 'int', default: 1, range: '≥ 1' }),
  bidirectional: attr(z.boolean().optional(), { kind: 'bool', default: false }),
  bias: attr(z.boolean().optional(), { kind: 'bool', default: true }),
};

interface RecurrentLayer {
  hidden_size: number;
  num_layers?: number;
  bidirectional?: boolean;
  bias?: boolean;
}

/**
 * The cell's arithmetic per time step and direction, per hidden unit: gates G (LSTM 4: i, f, g, o;
 * GRU 3: r, z, n), activations, and element-wise operations besides the bias adds.
 */
const CELL = {
  lstm: {
    gates: 4,
    gateNames: 'i, f, g, o',
    /** σ of i, f, o; tanh of g and of c. */
    activation: 5,
    /** W_ih·x + W_hh·h per gate (4), c = f⊙c + i⊙g (3), h = o⊙tanh(c) (1). */
    elementwise: 8,
    /** Per step and direction, per hidden unit, as measured: the gates (4), c, tanh(c) and h. */
    saved: 7,
    /** ptflops' rnn_flops besides the products: 8H biases, 4H, 3H and 3H gate arithmetic [P-mod]. */
    ptflops: { bias: 8, rest: 10 },
  },
  gru: {
    gates: 3,
    gateNames: 'r, z, n',
    /** σ of r and z, tanh of n. */
    activation: 3,
    /** W_i·x + W_h·h for r and z (2), r⊙(W_hn·h + b_hn) + W_in·x (2), h = (1 − z)⊙n + z⊙h (4). */
    elementwise: 8,
    /** Per step and direction, per hidden unit, as measured: 7 values, as the LSTM. */
    saved: 7,
    /** ptflops' rnn_flops besides the products: 6H biases, H, 3H and 3H gate arithmetic [P-mod]. */
    ptflops: { bias: 6, rest: 7 },
  },
} as const;

export interface RecurrentInfo {
  steps: number;
  inFeatures: number;
  hidden: number;
  layers: number;
  directions: number;
  gates: number;
  /** Σ over layers and directions of G·H·(in_l + H). */
  weights: number;
  /** 2·G·H per layer and direction (b_ih and b_hh, as PyTorch keeps both). */
  bias: number;
  /** Every weight once per time step: T · weights. */
  macs: number;
  ops: OtherOps;
}

/** Layer l reads D features (l = 0) or the previous layer's directions·H. */
export function recurrentInfo(
  kind: 'lstm' | 'gru',
  t: number,
  d: number,
  layer: RecurrentLayer,
): RecurrentInfo {
  const cell = CELL[kind];
  const h = layer.hidden_size;
  const layers = layer.num_layers ?? 1;
  const dirs = (layer.bidirectional ?? false) ? 2 : 1;
  const g = cell.gates;
  let weights = 0;
  for (let l = 0; l < layers; l++) weights += dirs * g * h * ((l === 0 ? d : dirs * h) + h);
  const cells = t * dirs * layers * h;
  const bias = (layer.bias ?? true) ? 2 * g * h * dirs * layers : 0;
  return {
    steps: t,
    inFeatures: d,
    hidden: h,
    layers,
    directions: dirs,
    gates: g,
    weights,
    bias,
    macs: t * weights,
    ops: {
      bias: t * bias,
      norm: 0,
      activation: cell.activation * cells,
      pooling: 0,
      elementwise: cell.elementwise * cells,
    },
  };
}

function recurrentFormulas(kind: 'lstm' | 'gru', r: RecurrentInfo) {
  const { steps: t, inFeatures: d, hidden: h, layers: l, directions: dirs, gates: g } = r;
  const rest = l > 1 ? ` + ${l - 1} \\cdot ${dirs} \\cdot ${g} \\cdot ${h} \\cdot (${dirs * h} + ${h})` : '';
  const cell = CELL[kind];
  const cells = t * dirs * l * h;
  return [
    trace(
      'params.weights',
      `\\text{dirs} \\cdot G H (D + H) + (L - 1) \\cdot \\text{dirs} \\cdot G H (\\text{dirs} \\cdot H + H) \\;(G = ${g}: ${cell.gateNames})`,
      `${dirs} \\cdot ${g} \\cdot ${h} \\cdot (${d} + ${h})${rest} = ${tex(r.weights)}`,
      r.weights,
    ),
    trace(
      'params.bias',
      r.bias ? '2 \\cdot G H \\cdot \\text{dirs} \\cdot L \\;(b_{ih}, b_{hh})' : '0 \\text{ (no bias)}',
      r.bias ? `2 \\cdot ${g} \\cdot ${h} \\cdot ${dirs} \\cdot ${l} = ${tex(r.bias)}` : '0',
      r.bias,
    ),
    trace(
      'macs',
      'T \\cdot \\text{weights} \\text{ (every weight once per time step)}',
      `${t} \\cdot ${tex(r.weights)} = ${tex(r.macs)}`,
      r.macs,
    ),
    trace('ops.bias', 'T \\cdot \\text{bias}', `${t} \\cdot ${r.bias} = ${tex(r.ops.bias)}`, r.ops.bias),
    trace(
      'ops.activation',
      `${cell.activation} \\cdot T \\cdot \\text{dirs} \\cdot L \\cdot H`,
      `${cell.activation} \\cdot ${tex(cells)} = ${tex(r.ops.activation)}`,
      r.ops.activation,
    ),
    trace(
      'ops.elementwise',
      `${cell.elementwise} \\cdot T \\cdot \\text{dirs} \\cdot L \\cdot H`,
      `${cell.elementwise} \\cdot ${tex(cells)} = ${tex(r.ops.elementwise)}`,
      r.ops.elementwise,
    ),
  ];
}

function compute(kind: 'lstm' | 'gru', layer: RecurrentLayer, input: OpInputs, explain: boolean): OpResult {
  const [t, d] = needSequence(input.shapes[0]);
  const r = recurrentInfo(kind, t, d, layer);
  const rf = seesEverything(input);
  return {
    ...BASE,
    outShape: [t, r.directions * r.hidden],
    rf,
    weights: r.weights,
    bias: r.bias,
    macs: r.macs,
    ops: r.ops,
    formulas: !explain ? NONE : () => recurrentFormulas(kind, r),
    rfFormulas: !explain
      ? NONE
      : everythingRfFormulas(
          rf,
          r.directions === 2
            ? 'both directions: every step sees every step'
            : 'step t sees steps 1…t; the last sees the whole prefix',
        ),
  };
}

/** What ptflops adds to the products: per step, layer, direction and hidden unit, biases and gate arithmetic. */
function ptflopsExtra(kind: 'lstm' | 'gru', layer: RecurrentLayer, t: number): number {
  const p = CELL[kind].ptflops;
  const perUnit = p.rest + ((layer.bias ?? true) ? p.bias : 0);
  const dirs = (layer.bidirectional ?? false) ? 2 : 1;
  return t * dirs * (layer.num_layers ?? 1) * layer.hidden_size * perUnit;
}

function counting(kind: 'lstm' | 'gru', layer: RecurrentLayer, io: CountingIO): LayerCounting {
  const [t, d] = io.inShapes[0] as [number, number];
  const r = recurrentInfo(kind, t, d, layer);
  const ops: LayerCounting['ops'] = { activation: r.ops.activation, elementwise: r.ops.elementwise };
  if (r.ops.bias) ops.bias = r.ops.bias;
  return {
    macs: { recurrent: r.macs },
    ops,
    rule: R('', 'recurrentAll', undefined, {
      activations: CELL[kind].activation,
      elementwise: CELL[kind].elementwise,
    }),
    fvcore: {
      ...rule(0, R('0', 'fvcoreWarns', 'F-skip', { aten: `aten::${kind}` })),
      unsupported: `aten::${kind}`,
    },
    ptflops: rule(
      r.macs + ptflopsExtra(kind, layer, t),
      R(
        `T·(G·H·(I + H) + ${kind === 'lstm' ? '18H' : '13H'})`,
        'recurrentPtflops',
        'P-mod rnn_flops_counter_hook',
        {
          bias: kind === 'lstm' ? '8H' : '6H',
        },
      ),
    ),
  };
}

/**
 * The input, 7 values per step, direction and hidden unit of every layer, and the input of each upper
 * layer (the layer below's output): as saved_tensors_hooks sees PyTorch 1.13's CPU LSTM and GRU
 * (test/fixtures/reference/training/sequences.json).
 */
function saves(kind: 'lstm' | 'gru', layer: RecurrentLayer, io: CountingIO): SavedSpec {
  const t = io.inShapes[0][0];
  const dirs = (layer.bidirectional ?? false) ? 2 : 1;
  const l = layer.num_layers ?? 1;
  const h = layer.hidden_size;
  return { inputs: [0], extraElements: CELL[kind].saved * t * dirs * l * h + (l - 1) * t * dirs * h };
}

/**
 * Backward MACs per sample: every weight gradient (W_hh's at the first step too, with h₀ = 0), the
 * gradient of each step's hidden input but the first one's (h₀ is zeros and needs none), and the
 * gradient of each layer's input x (the first layer's only when its input needs one). Measured:
 * test/fixtures/reference/training (lstm_lm, gru_lm: 2·forward − 2·G·H² per sample).
 */
function backward(
  kind: 'lstm' | 'gru',
  layer: RecurrentLayer,
  io: CountingIO,
  inputNeedsGrad: boolean,
): BackwardMacs {
  const [t, d] = io.inShapes[0] as [number, number];
  const r = recurrentInfo(kind, t, d, layer);
  const { hidden: h, directions: dirs, gates: g, layers } = r;
  let input = 0;
  for (let l = 0; l < layers; l++) {
    const x = l === 0 ? d : dirs * h;
    input += dirs * g * h * ((t - 1) * h + (l > 0 || inputNeedsGrad ? t * x : 0));
  }
  return { weights: r.macs, input };
}

function define<K extends 'lstm' | 'gru'>(op: K, torchName: string, summary: string) {
  return defineOp(op, attrs, {
    family: 'recurrent',
    summary,
    accepts: 'sequence',
    template: () => ({ hidden_size: 32 }),
    compute: (layer, input, explain) => compute(op, layer, input, explain),
    counting: (layer, io) => counting(op, layer, io),
    saves: (layer, io) => saves(op, layer, io),
    backward: (layer, io, inputNeedsGrad) => backward(op, layer, io, inputNeedsGrad),
    // weight_ih, weight_hh (and bias_ih, bias_hh) per layer and direction.
    paramTensors: (layer) =>
      (layer.num_layers ?? 1) * ((layer.bidirectional ?? false) ? 2 : 1) * ((layer.bias ?? true) ? 4 : 2),
    // One ONNX node per layer (as exporters write them); the example is the first layer, batch-first.
    onnx: {
      from: [op.toUpperCase()],
      opset: 14,
      inputs: {
        [op.toUpperCase()]: [
          ['X', 'input'],
          ['W', 'weight'],
          ['R', 'recurrent-weight'],
          ['B', 'bias'],
        ],
      },
      example: (layer, input) => {
        const g = CELL[op].gates;
        const h = layer.hidden_size;
        const dirs = (layer.bidirectional ?? false) ? 2 : 1;
        const f = (dims: number[]) => ({ dims, dataType: 'float' as const });
        return [
          {
            opType: op.toUpperCase(),
            attrs: {
              hidden_size: h,
              layout: 1,
              ...(dirs === 2 ? { direction: 'bidirectional' } : {}),
              ...(op === 'gru' ? { linear_before_reset: 1 } : {}),
            },
            consts: [
              f([dirs, g * h, featuresOf(input)]),
              f([dirs, g * h, h]),
              ...((layer.bias ?? true) ? [f([dirs, 2 * g * h])] : []),
            ],
          },
        ];
      },
    },
    pytorch: {
      to: (layer, [input]) => ({
        module: pyCall('RecurrentOutput', [
          {
            raw: pyCall(
              torchName,
              [featuresOf(input), layer.hidden_size],
              [
                ['num_layers', layer.num_layers, 1],
                ['bias', layer.bias, true],
                ['batch_first', true],
                ['bidirectional', layer.bidirectional, false],
              ],
            ),
          },
        ]),
        helpers: ['RecurrentOutput'],
      }),
    },
  });
}

export const lstm = define(
  'lstm',
  'nn.LSTM',
  'Long short-term memory over a [T, D] sequence (torch.nn.LSTM, gates i, f, g, o): [T, dirs·H]',
);
export const gru = define(
  'gru',
  'nn.GRU',
  'Gated recurrent unit over a [T, D] sequence (torch.nn.GRU, gates r, z, n): [T, dirs·H]',
);
