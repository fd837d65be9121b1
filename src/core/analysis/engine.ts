/**
 * The one graph walk behind both validation and analysis, so that a model that validates always
 * analyses. Walks are iterative (Kahn's algorithm, explicit stacks): 100,000-layer chains cost no stack.
 */
import { type FormulaTrace, tex, trace } from '../formulas/latex';
import {
  conv2dCore,
  conv2dFormulas,
  convTranspose2dCore,
  convTranspose2dFormulas,
  linearFormulas,
  numel,
  pool2dCore,
  pool2dFormulas,
  ShapeError,
  shapeText,
  toPair,
} from '../formulas/layers';
import type { OutputSizeTrace } from '../formulas/output-size';
import {
  RF_INPUT,
  type RfDim,
  rfCollapse1d,
  rfConv1d,
  rfConvFormulas,
  rfConvTranspose1d,
  rfMerge1d,
  rfPad1d,
  rfUpsample1d,
  toReceptiveField,
} from '../formulas/receptive-field';
import {
  INPUT_ID,
  type LayerSpec,
  type ModelIssue,
  type ModelSpec,
  type Pair,
  type Shape,
} from '../model/types';
import {
  type AnalysisOptions,
  type AnalysisWarning,
  DTYPE_BYTES,
  type LayerAnalysis,
  type ModelAnalysis,
  type OtherOps,
} from './types';

const MAX = Number.MAX_SAFE_INTEGER;

/** Ops whose output may overwrite their input (PyTorch `inplace=True`) or that are views/no-ops at inference. */
const INPLACE_OPS = new Set([
  'relu',
  'relu6',
  'leaky_relu',
  'elu',
  'silu',
  'hardswish',
  'hardsigmoid',
  'clamp',
  'dropout',
  'identity',
  'flatten',
]);
/** No data is moved at inference: views and no-ops. */
const VIEW_OPS = new Set(['flatten', 'identity', 'dropout']);
const SINGLE_INPUT = new Set([
  'conv2d',
  'conv_transpose2d',
  'maxpool2d',
  'avgpool2d',
  'adaptive_avgpool2d',
  'global_avgpool',
  'linear',
  'flatten',
  'batchnorm',
  'layernorm',
  'dropout',
  'relu',
  'relu6',
  'leaky_relu',
  'elu',
  'gelu',
  'silu',
  'sigmoid',
  'tanh',
  'hardswish',
  'hardsigmoid',
  'softmax',
  'clamp',
  'upsample',
  'pad',
  'identity',
]);

type Rf2 = [RfDim, RfDim];

interface Computed {
  outShape: Shape;
  rf: Rf2;
  weights: number;
  bias: number;
  buffers: number;
  /** Buffers read at inference (BatchNorm running mean and variance). */
  inferenceBuffers: number;
  macs: number;
  ops: OtherOps;
  traces: [OutputSizeTrace, OutputSizeTrace] | null;
  /** Op-specific formula traces, built on demand. */
  formulas: () => FormulaTrace[];
  /** Formula traces of the RF step, built on demand. */
  rfFormulas: () => FormulaTrace[];
  warnings: { kind: AnalysisWarning['kind']; message: string }[];
  /** The operator's name when the layer's cost is unknown (`unsupported` layers). */
  unsupported?: string;
}

const zeroOps = (): OtherOps => ({ bias: 0, norm: 0, activation: 0, pooling: 0, elementwise: 0 });

export interface EvalResult {
  issues: ModelIssue[];
  analysis?: ModelAnalysis;
}

function spatial(s: Shape): Pair | null {
  return s.length === 3 ? [s[1], s[2]] : null;
}

function need3d(s: Shape, what = 'a [C, H, W] input'): [number, number, number] {
  if (s.length !== 3) throw new ShapeError(`needs ${what} but gets ${shapeText(s)}`);
  return s;
}

function unchangedRf(rf: Rf2): () => FormulaTrace[] {
  return () => [
    trace('rf.size.h', 'r_{out} = r_{in}', `r_{out} = ${tex(rf[0].size)}`, rf[0].size),
    trace('rf.size.w', 'r_{out} = r_{in}', `r_{out} = ${tex(rf[1].size)}`, rf[1].size),
  ];
}

function convRfFormulas(prev: Rf2, next: Rf2, k: Pair, s: Pair, d: Pair, p: Pair): () => FormulaTrace[] {
  return () => rfConvFormulas(prev, next, k, s, d, p);
}

function inexactWarnings(traces: [OutputSizeTrace, OutputSizeTrace], padding: unknown): Computed['warnings'] {
  if (padding === 'same' || (traces[0].exact && traces[1].exact)) return NO_WARNINGS;
  const out: Computed['warnings'] = [];
  const dims = ['H', 'W'];
  traces.forEach((t, i) => {
    if (t.exact) return;
    const rem = ((t.numerator % t.S) + t.S) % t.S;
    out.push({
      kind: 'inexact-division',
      message: t.ceilMode
        ? `along ${dims[i]}, X + P_b + P_a − K_eff = ${t.numerator} is not divisible by stride ${t.S}: ceil_mode adds a last window that runs past the input`
        : `along ${dims[i]}, X + P_b + P_a − K_eff = ${t.numerator} is not divisible by stride ${t.S}: the last ${rem} input row(s)/column(s) are never read`,
    });
  });
  return out;
}

function broadcastShapes(shapes: Shape[], ids: string[]): Shape {
  const rank = shapes[0].length;
  const out = [...shapes[0]];
  for (let b = 1; b < shapes.length; b++) {
    const s = shapes[b];
    if (s.length !== rank) {
      throw new ShapeError(
        `cannot combine ${shapeText(shapes[0])} ("${ids[0]}") and ${shapeText(s)} ("${ids[b]}"): ranks differ`,
      );
    }
    for (let i = 0; i < rank; i++) {
      if (out[i] === s[i] || s[i] === 1) continue;
      if (out[i] === 1) out[i] = s[i];
      else
        throw new ShapeError(
          `shapes do not match: ${shapeText(shapes[0])} ("${ids[0]}") and ${shapeText(s)} ("${ids[b]}")`,
        );
    }
  }
  return out as Shape;
}

function mergeRf(
  rfs: Rf2[],
  shapes: Shape[],
  outShape: Shape,
  ids: string[],
  warnings: Computed['warnings'],
): Rf2 {
  const outSp = spatial(outShape);
  const broadcast = shapes.map((s) => {
    const sp = spatial(s);
    return outSp !== null && sp !== null && sp[0] === 1 && sp[1] === 1 && (outSp[0] > 1 || outSp[1] > 1);
  });
  const h = rfMerge1d(
    rfs.map((r) => r[0]),
    broadcast,
  );
  const w = rfMerge1d(
    rfs.map((r) => r[1]),
    broadcast,
  );
  if (h.misaligned || w.misaligned) {
    const desc = rfs
      .map((r, b) => `"${ids[b]}" ${r[0].size}×${r[1].size} from (${r[0].start}, ${r[1].start})`)
      .join(', ');
    warnings.push({
      kind: 'misaligned-branches',
      message: `branch receptive fields are not centred on each other (${desc}); the RF is their hull ${h.rf.size}×${w.rf.size}, larger than the biggest branch`,
    });
  }
  if (h.jumpMismatch || w.jumpMismatch) {
    const desc = rfs.map((r, b) => `"${ids[b]}" ${tex(r[0].jump)}×${tex(r[1].jump)}`).join(', ');
    warnings.push({
      kind: 'jump-mismatch',
      message: `branches have different jumps (${desc}); the larger is used`,
    });
  }
  return [h.rf, w.rf];
}

const NONE = (): FormulaTrace[] => [];
const NO_WARNINGS: Computed['warnings'] = [];
/** Shared by every layer without element ops; frozen because rows expose it as `ops`. */
const ZERO_OPS: OtherOps = Object.freeze(zeroOps());
/** Defaults spread into each op's result (one shared object: no per-layer allocation). */
const BASE = {
  weights: 0,
  bias: 0,
  buffers: 0,
  inferenceBuffers: 0,
  macs: 0,
  ops: ZERO_OPS,
  traces: null,
  warnings: NO_WARNINGS,
} as const;

/**
 * Reuses the last record of a kind when its numbers are the same, so that long runs of similar layers
 * (a repeated block, a 10,000-layer chain) keep one record instead of one per row. A reused record is
 * frozen: rows share it, so nobody may change it.
 */
class RecordCache<T extends object> {
  private last = new Map<string, T>();
  constructor(private readonly same: (a: T, b: T) => boolean) {}
  get(kind: string, rec: T): T {
    const prev = this.last.get(kind);
    if (prev !== undefined && this.same(prev, rec)) {
      if (!Object.isFrozen(prev)) Object.freeze(prev);
      return prev;
    }
    this.last.set(kind, rec);
    return rec;
  }
}

const sameParams = (a: LayerAnalysis['params'], b: LayerAnalysis['params']) =>
  a.weights === b.weights &&
  a.bias === b.bias &&
  a.buffers === b.buffers &&
  a.trainable === b.trainable &&
  a.total === b.total;
const sameOps = (a: OtherOps, b: OtherOps) =>
  a.bias === b.bias &&
  a.norm === b.norm &&
  a.activation === b.activation &&
  a.pooling === b.pooling &&
  a.elementwise === b.elementwise;
const sameActivation = (a: LayerAnalysis['activation'], b: LayerAnalysis['activation']) =>
  a.elements === b.elements && a.bytes === b.bytes && a.inplace === b.inplace;
const sameMemory = (a: LayerAnalysis['memoryAccess'], b: LayerAnalysis['memoryAccess']) =>
  a.inputBytes === b.inputBytes &&
  a.weightBytes === b.weightBytes &&
  a.outputBytes === b.outputBytes &&
  a.totalBytes === b.totalBytes;

function sameTrace(a: OutputSizeTrace, b: OutputSizeTrace): boolean {
  return (
    a.X === b.X &&
    a.K === b.K &&
    a.Keff === b.Keff &&
    a.P[0] === b.P[0] &&
    a.P[1] === b.P[1] &&
    a.S === b.S &&
    a.d === b.d &&
    a.ceilMode === b.ceilMode &&
    a.numerator === b.numerator &&
    a.exact === b.exact &&
    a.ceilDropped === b.ceilDropped &&
    a.result === b.result &&
    a.transposed === b.transposed
  );
}
type TracePair = [OutputSizeTrace, OutputSizeTrace];
const sameTraces = (a: TracePair, b: TracePair) => sameTrace(a[0], b[0]) && sameTrace(a[1], b[1]);

function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
}

/** Freezes a receptive-field record and its pairs before rows share it. */
function freezeRf(rf: LayerAnalysis['rf']): LayerAnalysis['rf'] {
  if (!Object.isFrozen(rf)) {
    Object.freeze(rf.size);
    Object.freeze(rf.jump);
    Object.freeze(rf.padding);
    Object.freeze(rf.start);
    Object.freeze(rf);
  }
  return rf;
}

/** Evaluates one layer; with `explain`, also prepares its formula traces (skipped on the hot path). */
function computeLayer(
  layer: LayerSpec,
  shapes: Shape[],
  rfs: Rf2[],
  ids: string[],
  explain = false,
): Computed {
  const op = layer.op;
  if (SINGLE_INPUT.has(op) && shapes.length !== 1)
    throw new ShapeError(`${op} takes one input but ${shapes.length} are given`);
  const x = shapes[0];
  const prf = rfs[0];
  const base = BASE;
  const elems = numel(x);
  switch (layer.op) {
    case 'conv2d': {
      const c = conv2dCore({
        inShape: x,
        outChannels: layer.out_channels,
        kernel: layer.kernel,
        stride: layer.stride,
        padding: layer.padding,
        dilation: layer.dilation,
        groups: layer.groups,
        bias: layer.bias,
      });
      const rf: Rf2 = [
        rfConv1d(prf[0], c.kernel[0], c.stride[0], c.dilation[0], c.padBefore[0]),
        rfConv1d(prf[1], c.kernel[1], c.stride[1], c.dilation[1], c.padBefore[1]),
      ];
      const ops = zeroOps();
      ops.bias = c.biasAdds;
      return {
        ...base,
        outShape: c.outShape,
        rf,
        weights: c.params.weights,
        bias: c.params.bias,
        macs: c.macs,
        ops,
        traces: c.outputSize,
        formulas: !explain ? NONE : () => conv2dFormulas(c),
        rfFormulas: !explain ? NONE : convRfFormulas(prf, rf, c.kernel, c.stride, c.dilation, c.padBefore),
        warnings: inexactWarnings(c.outputSize, layer.padding),
      };
    }
    case 'conv_transpose2d': {
      const c = convTranspose2dCore({
        inShape: x,
        outChannels: layer.out_channels,
        kernel: layer.kernel,
        stride: layer.stride,
        padding: layer.padding,
        outputPadding: layer.output_padding,
        dilation: layer.dilation,
        groups: layer.groups,
        bias: layer.bias,
      });
      const rf: Rf2 = [
        rfConvTranspose1d(prf[0], c.kernel[0], c.stride[0], c.dilation[0], c.padBefore[0]),
        rfConvTranspose1d(prf[1], c.kernel[1], c.stride[1], c.dilation[1], c.padBefore[1]),
      ];
      const ops = zeroOps();
      ops.bias = c.biasAdds;
      return {
        ...base,
        outShape: c.outShape,
        rf,
        weights: c.params.weights,
        bias: c.params.bias,
        macs: c.macs,
        ops,
        traces: c.outputSize,
        formulas: !explain ? NONE : () => convTranspose2dFormulas(c),
        rfFormulas: !explain
          ? NONE
          : () => [
              trace(
                'rf.size.h',
                'r_{out} = r_{in} + (\\lceil K_{eff}/S \\rceil - 1)\\, j_{in}',
                `r_{out} = ${tex(rf[0].size)}`,
                rf[0].size,
              ),
              trace(
                'rf.jump.h',
                'j_{out} = j_{in} / S',
                `j_{out} = ${tex(prf[0].jump)} / ${c.stride[0]} = ${tex(rf[0].jump)}`,
                rf[0].jump,
              ),
              trace(
                'rf.size.w',
                'r_{out} = r_{in} + (\\lceil K_{eff}/S \\rceil - 1)\\, j_{in}',
                `r_{out} = ${tex(rf[1].size)}`,
                rf[1].size,
              ),
              trace(
                'rf.jump.w',
                'j_{out} = j_{in} / S',
                `j_{out} = ${tex(prf[1].jump)} / ${c.stride[1]} = ${tex(rf[1].jump)}`,
                rf[1].jump,
              ),
            ],
      };
    }
    case 'maxpool2d':
    case 'avgpool2d': {
      if (
        layer.op === 'avgpool2d' &&
        layer.dilation !== undefined &&
        toPair(layer.dilation, 1).some((d) => d !== 1)
      ) {
        throw new ShapeError('avgpool2d has no dilation');
      }
      const p = pool2dCore({
        inShape: x,
        kernel: layer.kernel,
        stride: layer.stride,
        padding: layer.padding,
        dilation: layer.dilation,
        ceilMode: layer.ceil_mode,
      });
      const rf: Rf2 = [
        rfConv1d(prf[0], p.kernel[0], p.stride[0], p.dilation[0], p.padBefore[0]),
        rfConv1d(prf[1], p.kernel[1], p.stride[1], p.dilation[1], p.padBefore[1]),
      ];
      const ops = zeroOps();
      ops.pooling = p.ops;
      return {
        ...base,
        outShape: p.outShape,
        rf,
        ops,
        traces: p.outputSize,
        formulas: !explain ? NONE : () => pool2dFormulas(p),
        rfFormulas: !explain ? NONE : convRfFormulas(prf, rf, p.kernel, p.stride, p.dilation, p.padBefore),
        warnings: inexactWarnings(p.outputSize, layer.padding),
      };
    }
    case 'adaptive_avgpool2d':
    case 'global_avgpool': {
      const [c, h, w] = need3d(x);
      const o = layer.op === 'global_avgpool' ? ([1, 1] as Pair) : toPair(layer.output_size, 1);
      for (const v of o) {
        if (!Number.isSafeInteger(v) || v < 1)
          throw new ShapeError(`output_size must be a positive integer, got ${v}`);
      }
      const warnings: Computed['warnings'] = [];
      const dimRf = (i: 0 | 1, size: number, out: number): RfDim => {
        if (size % out === 0) return rfConv1d(prf[i], size / out, size / out, 1, 0);
        warnings.push({
          kind: 'inexact-division',
          message: `adaptive pooling ${size}→${out} along ${i === 0 ? 'H' : 'W'} uses windows of unequal size; the RF is given for the largest window`,
        });
        let k = Math.ceil(size / out) + 1;
        if (out <= 1_000_000) {
          k = 0;
          for (let j = 0; j < out; j++)
            k = Math.max(k, Math.ceil(((j + 1) * size) / out) - Math.floor((j * size) / out));
        }
        return rfConv1d(prf[i], k, size / out, 1, 0);
      };
      const rf: Rf2 = [dimRf(0, h, o[0]), dimRf(1, w, o[1])];
      const ops = zeroOps();
      ops.pooling = elems;
      return {
        ...base,
        outShape: [c, o[0], o[1]],
        rf,
        ops,
        warnings,
        formulas: !explain
          ? NONE
          : () => [
              trace('outputSize', 'M = \\text{output\\_size}', `M = ${o[0]} \\times ${o[1]}`, o[0] * o[1]),
              trace(
                'ops.pooling',
                'C \\cdot H_{in} \\cdot W_{in}',
                `${c} \\cdot ${h} \\cdot ${w} = ${tex(elems)}`,
                elems,
              ),
            ],
        rfFormulas: !explain
          ? NONE
          : convRfFormulas(prf, rf, [h / o[0], w / o[1]], [h / o[0], w / o[1]], [1, 1], [0, 0]),
      };
    }
    case 'linear': {
      if (x.length !== 1)
        throw new ShapeError(
          `needs a flat [N] input but gets ${shapeText(x)}; add a flatten layer before it`,
        );
      const nin = x[0];
      const nout = layer.out_features;
      if (!Number.isSafeInteger(nout) || nout < 1)
        throw new ShapeError(`out_features must be a positive integer, got ${nout}`);
      const b = (layer.bias ?? true) ? nout : 0;
      const ops = zeroOps();
      ops.bias = b;
      return {
        ...base,
        outShape: [nout],
        rf: prf,
        weights: nin * nout,
        bias: b,
        macs: nin * nout,
        ops,
        formulas: !explain ? NONE : () => linearFormulas(nin, nout, b),
        rfFormulas: !explain ? NONE : unchangedRf(prf),
      };
    }
    case 'flatten': {
      if (x.length === 1)
        return { ...base, outShape: x, rf: prf, formulas: () => [], rfFormulas: unchangedRf(prf) };
      const [c, h, w] = x;
      const rf: Rf2 = [rfCollapse1d(prf[0], h), rfCollapse1d(prf[1], w)];
      return {
        ...base,
        outShape: [c * h * w],
        rf,
        formulas: !explain
          ? NONE
          : () => [
              trace(
                'outputShape',
                'N = C \\cdot H \\cdot W',
                `N = ${c} \\cdot ${h} \\cdot ${w} = ${tex(c * h * w)}`,
                c * h * w,
              ),
            ],
        rfFormulas: !explain ? NONE : convRfFormulas(prf, rf, [h, w], [h, w], [1, 1], [0, 0]),
      };
    }
    case 'batchnorm':
    case 'layernorm': {
      const c = x[0];
      const affine = layer.op === 'batchnorm' ? (layer.affine ?? true) : (layer.elementwise_affine ?? true);
      const track = layer.op === 'batchnorm' && (layer.track_running_stats ?? true);
      const ops = zeroOps();
      ops.norm = elems;
      const w = affine ? c : 0;
      return {
        ...base,
        outShape: x,
        rf: prf,
        weights: w,
        bias: w,
        buffers: track ? 2 * c + 1 : 0,
        inferenceBuffers: track ? 2 * c : 0,
        ops,
        formulas: !explain
          ? NONE
          : () => [
              trace('params.weights', affine ? 'C \\;(\\gamma)' : '0', `${w}`, w),
              trace('params.bias', affine ? 'C \\;(\\beta)' : '0', `${w}`, w),
              ...(track
                ? [
                    trace(
                      'params.buffers',
                      '2C + 1 \\;(\\mu, \\sigma^2, n)',
                      `2 \\cdot ${c} + 1 = ${2 * c + 1}`,
                      2 * c + 1,
                    ),
                  ]
                : []),
              trace('ops.norm', '\\text{elements}', tex(elems), elems),
            ],
        rfFormulas: !explain ? NONE : unchangedRf(prf),
      };
    }
    case 'dropout':
    case 'identity':
      return { ...base, outShape: x, rf: prf, formulas: () => [], rfFormulas: unchangedRf(prf) };
    case 'relu':
    case 'relu6':
    case 'leaky_relu':
    case 'elu':
    case 'gelu':
    case 'silu':
    case 'sigmoid':
    case 'tanh':
    case 'hardswish':
    case 'hardsigmoid':
    case 'softmax':
    case 'clamp': {
      if (layer.op === 'clamp') {
        const { min, max } = layer;
        if (min === undefined && max === undefined) throw new ShapeError('clamp needs min, max or both');
        if (min !== undefined && max !== undefined && !(min <= max))
          throw new ShapeError(`clamp needs min ≤ max, got min ${min} and max ${max}`);
      }
      const ops = zeroOps();
      ops.activation = elems;
      return {
        ...base,
        outShape: x,
        rf: prf,
        ops,
        formulas: !explain ? NONE : () => [trace('ops.activation', '\\text{elements}', tex(elems), elems)],
        rfFormulas: !explain ? NONE : unchangedRf(prf),
      };
    }
    case 'add':
    case 'mul':
    case 'sub':
    case 'div': {
      // A constant operand is one more operand for shapes and cost, but has no receptive field.
      const cs = layer.constant_shape;
      const operands = cs ? [...shapes, cs] : shapes;
      if (operands.length < 2)
        throw new ShapeError(
          `${layer.op} needs at least two inputs, or one and constant_shape, but gets ${shapes.length}`,
        );
      const out = broadcastShapes(operands, cs ? [...ids, 'constant_shape'] : ids);
      const n = numel(out);
      const ops = zeroOps();
      ops.elementwise = (operands.length - 1) * n;
      const warnings: Computed['warnings'] = [];
      const rf = shapes.length > 1 ? mergeRf(rfs, shapes, out, ids, warnings) : prf;
      return {
        ...base,
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
    case 'unsupported': {
      const name = layer.name ?? 'unknown';
      const outShape = layer.output_shape ?? x;
      const warnings: Computed['warnings'] = [];
      const rf = shapes.length > 1 ? mergeRf(rfs, shapes, outShape, ids, warnings) : prf;
      warnings.unshift({
        kind: 'unsupported',
        message: `operator ${name} is not supported: its cost (params, MACs, FLOPs) is unknown and missing from the totals, which are incomplete; the receptive field passes through unchanged`,
      });
      return {
        ...base,
        outShape,
        rf,
        warnings,
        unsupported: name,
        formulas: !explain
          ? NONE
          : () => [
              trace(
                'cost',
                '\\text{unknown (unsupported operator)}',
                `\\text{${name.replace(/[\\{}$&#^_%~]/g, '')}}`,
                0,
              ),
            ],
        rfFormulas: !explain ? NONE : shapes.length > 1 ? mergeFormulas(rfs, rf) : unchangedRf(prf),
      };
    }
    case 'concat': {
      const rank = x.length;
      let total = 0;
      for (let b = 0; b < shapes.length; b++) {
        const s = shapes[b];
        if (s.length !== rank)
          throw new ShapeError(
            `cannot concatenate ${shapeText(x)} ("${ids[0]}") and ${shapeText(s)} ("${ids[b]}")`,
          );
        if (rank === 3 && (s[1] !== x[1] || s[2] !== x[2])) {
          throw new ShapeError(
            `concat needs equal H×W but inputs are ${x[1]}×${x[2]} ("${ids[0]}") and ${s[1]}×${s[2]} ("${ids[b]}")`,
          );
        }
        total += s[0];
      }
      const out: Shape = rank === 3 ? [total, x[1], x[2]] : [total];
      const warnings: Computed['warnings'] = [];
      const rf = shapes.length > 1 ? mergeRf(rfs, shapes, out, ids, warnings) : prf;
      return {
        ...base,
        outShape: out,
        rf,
        warnings,
        formulas: !explain
          ? NONE
          : () => [
              trace(
                'outputShape.channels',
                'C = \\sum_b C_b',
                `C = ${shapes.map((s) => s[0]).join(' + ')} = ${total}`,
                total,
              ),
            ],
        rfFormulas: !explain ? NONE : mergeFormulas(rfs, rf),
      };
    }
    case 'upsample': {
      const [c, h, w] = need3d(x);
      const mode = layer.mode ?? 'nearest';
      let out: Pair;
      if ((layer.scale === undefined) === (layer.size === undefined))
        throw new ShapeError('upsample needs exactly one of scale and size');
      if (layer.size !== undefined) out = toPair(layer.size, 1);
      else {
        const s = typeof layer.scale === 'number' ? [layer.scale, layer.scale] : (layer.scale as Pair);
        if (!(s[0] > 0 && s[1] > 0)) throw new ShapeError(`scale must be positive, got ${s.join('×')}`);
        out = [Math.floor(h * s[0]), Math.floor(w * s[1])];
      }
      if (!(out[0] >= 1 && out[1] >= 1) || !Number.isSafeInteger(out[0]) || !Number.isSafeInteger(out[1])) {
        throw new ShapeError(`output size ${out[0]}×${out[1]} is below 1`);
      }
      const rf: Rf2 = [rfUpsample1d(prf[0], out[0] / h, mode), rfUpsample1d(prf[1], out[1] / w, mode)];
      const ops = zeroOps();
      const n = c * out[0] * out[1];
      ops.elementwise = mode === 'bilinear' ? 4 * n : 0;
      return {
        ...base,
        outShape: [c, out[0], out[1]],
        rf,
        ops,
        formulas: !explain
          ? NONE
          : () => [
              trace(
                'outputSize',
                'M = \\lfloor X \\cdot s \\rfloor',
                `M = ${out[0]} \\times ${out[1]}`,
                out[0] * out[1],
              ),
              trace(
                'ops.elementwise',
                mode === 'bilinear' ? '4 \\cdot \\text{elements}' : '0 \\text{ (nearest: copies)}',
                tex(ops.elementwise),
                ops.elementwise,
              ),
            ],
        rfFormulas: !explain
          ? NONE
          : () => [
              trace('rf.jump.h', 'j_{out} = j_{in} / s', `j_{out} = ${tex(rf[0].jump)}`, rf[0].jump),
              trace('rf.jump.w', 'j_{out} = j_{in} / s', `j_{out} = ${tex(rf[1].jump)}`, rf[1].jump),
            ],
      };
    }
    case 'pad': {
      const [c, h, w] = need3d(x);
      const p = layer.padding;
      const [t, b, l, r] =
        typeof p === 'number'
          ? [p, p, p, p]
          : p.length === 2
            ? [p[0], p[0], p[1], p[1]]
            : [p[0], p[1], p[2], p[3]];
      for (const v of [t, b, l, r]) {
        if (!Number.isSafeInteger(v) || v < 0)
          throw new ShapeError(`padding must be non-negative integers, got ${v}`);
      }
      if (layer.mode === 'reflect' && (t >= h || b >= h || l >= w || r >= w)) {
        throw new ShapeError(`reflect padding must be smaller than the input ${h}×${w}`);
      }
      const rf: Rf2 = [rfPad1d(prf[0], t), rfPad1d(prf[1], l)];
      return {
        ...base,
        outShape: [c, h + t + b, w + l + r],
        rf,
        formulas: !explain
          ? NONE
          : () => [
              trace('outputSize.h', 'M = X + P_t + P_b', `M = ${h} + ${t} + ${b} = ${h + t + b}`, h + t + b),
              trace('outputSize.w', 'M = X + P_l + P_r', `M = ${w} + ${l} + ${r} = ${w + l + r}`, w + l + r),
            ],
        rfFormulas: !explain
          ? NONE
          : () => [
              trace(
                'rf.padding.h',
                'P_{out} = P_{in} + P_t \\cdot j_{in}',
                `P_{out} = ${tex(-rf[0].start)}`,
                0 - rf[0].start,
              ),
              trace(
                'rf.padding.w',
                'P_{out} = P_{in} + P_l \\cdot j_{in}',
                `P_{out} = ${tex(-rf[1].start)}`,
                0 - rf[1].start,
              ),
            ],
      };
    }
    default: {
      const unknown: { op: unknown } = layer;
      throw new ShapeError(`unknown op "${String(unknown.op)}"`);
    }
  }
}

function mergeFormulas(rfs: Rf2[], rf: Rf2): () => FormulaTrace[] {
  return () =>
    (['h', 'w'] as const).map((dim, i) =>
      trace(
        `rf.size.${dim}`,
        'r = \\max_b (s_b + r_b) - \\min_b s_b',
        `r = \\max(${rfs.map((r) => tex(r[i].start + r[i].size)).join(', ')}) - \\min(${rfs.map((r) => tex(r[i].start)).join(', ')}) = ${tex(rf[i].size)}`,
        rf[i].size,
      ),
    );
}

/**
 * One analysed layer. Formula traces are built on first access (`formulas` is a getter on the
 * prototype): most analyses (live editing, benchmarks, the CLI) never read them, and building or even
 * preparing thousands of LaTeX strings per model would dominate time and memory. The context needed
 * to rebuild them lives in private fields, so JSON.stringify and structuredClone see plain data only;
 * use {@link layerWithFormulas} to send a row with its formulas across a worker or IPC boundary.
 */
/**
 * Symbol keys keep the rebuild context out of JSON and structuredClone, and, unlike `#private`
 * fields, still work when a row is read through a Proxy (e.g. a Vue reactive wrapper).
 */
const CTX = Symbol('convscope.layerContext');
const CACHE = Symbol('convscope.formulas');

/** What all rows of one analysis share for rebuilding formulas (one object, not one per row). */
interface SharedContext {
  options: AnalysisOptions;
  bytes: number;
}
const LAYER = Symbol('convscope.layer');
/** The rows a layer reads (null: the model input); one row is stored without an array. */
const SOURCES = Symbol('convscope.sources');

class LayerRow implements LayerAnalysis {
  id: string;
  op: LayerAnalysis['op'];
  inputs: string[];
  inputShapes: Shape[];
  outputShape: Shape;
  outputElements: number;
  params: LayerAnalysis['params'];
  macs: number;
  ops: OtherOps;
  flops: number;
  activation: LayerAnalysis['activation'];
  memoryAccess: LayerAnalysis['memoryAccess'];
  arithmeticIntensity: number;
  cumulative: LayerAnalysis['cumulative'];
  rf: LayerAnalysis['rf'];
  outputSizeTrace: LayerAnalysis['outputSizeTrace'];
  // Declared, not initialised: only unsupported rows carry the key.
  declare unsupported?: string;
  [CTX]: SharedContext;
  [LAYER]: LayerSpec;
  [SOURCES]: LayerAnalysis | null | (LayerAnalysis | null)[];
  [CACHE]: FormulaTrace[] | undefined;

  constructor(
    d: Omit<LayerAnalysis, 'formulas'>,
    layer: LayerSpec,
    sources: LayerAnalysis | null | (LayerAnalysis | null)[],
    ctx: SharedContext,
  ) {
    this.id = d.id;
    this.op = d.op;
    this.inputs = d.inputs;
    this.inputShapes = d.inputShapes;
    this.outputShape = d.outputShape;
    this.outputElements = d.outputElements;
    this.params = d.params;
    this.macs = d.macs;
    this.ops = d.ops;
    this.flops = d.flops;
    this.activation = d.activation;
    this.memoryAccess = d.memoryAccess;
    this.arithmeticIntensity = d.arithmeticIntensity;
    this.cumulative = d.cumulative;
    this.rf = d.rf;
    this.outputSizeTrace = d.outputSizeTrace;
    if (d.unsupported !== undefined) this.unsupported = d.unsupported;
    this[CTX] = ctx;
    this[LAYER] = layer;
    this[SOURCES] = sources;
    this[CACHE] = undefined;
  }

  get formulas(): FormulaTrace[] {
    let cache = this[CACHE];
    if (!cache) {
      const ctx = this[CTX];
      const src = this[SOURCES];
      const sources = Array.isArray(src) ? src : [src];
      const inRfs = sources.map(rfOfRow);
      const c = computeLayer(this[LAYER], this.inputShapes, inRfs, this.inputs, true);
      cache = this[CACHE] = [
        ...c.formulas(),
        ...commonFormulas(this, ctx.options, ctx.bytes, this.inputShapes, c),
        ...c.rfFormulas(),
      ];
    }
    return cache;
  }
}

/** A plain copy of a row with its formula traces as data (for postMessage, IPC or JSON). */
export function layerWithFormulas(row: LayerAnalysis): LayerAnalysis {
  return { ...row, formulas: row.formulas };
}

/** The RF state a row's output had (holes are only needed for tracking, not for formulas). */
function rfOfRow(row: LayerAnalysis | null): Rf2 {
  if (!row) return [RF_INPUT, RF_INPUT];
  const r = row.rf;
  const holes = r.hasHoles ? 'untracked' : null;
  return [
    { size: r.size[0], jump: r.jump[0], start: r.start[0], holes },
    { size: r.size[1], jump: r.jump[1], start: r.start[1], holes },
  ];
}

function validInputShape(input: unknown): input is Shape {
  return (
    Array.isArray(input) &&
    (input.length === 1 || input.length === 3) &&
    input.every((v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1)
  );
}

/**
 * Evaluates the model graph. Collects issues (graph, shapes, 2^53 limits) instead of throwing;
 * with `build`, also assembles the analysis (only when there are no issues).
 */
export function evaluateModel(model: ModelSpec, options: AnalysisOptions, build: boolean): EvalResult {
  const issues: ModelIssue[] = [];
  const layers = model.layers;
  const n = layers.length;
  if (!validInputShape(model.input)) {
    issues.push({
      path: 'input',
      message: `input must be [C, H, W] or [N] of positive integers, got ${JSON.stringify(model.input)}`,
    });
    return { issues };
  }
  // --- ids and inputs ---
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = layers[i].id;
    if (id === INPUT_ID) {
      issues.push({
        layerId: id,
        path: `layers[${i}].id`,
        message: `layer ${i}: the id "input" is reserved for the model input`,
      });
      continue;
    }
    const prev = index.get(id);
    if (prev !== undefined) {
      issues.push({
        layerId: id,
        path: `layers[${i}].id`,
        message: `layer "${id}": duplicate id (also used by layer ${prev})`,
      });
    } else index.set(id, i);
  }
  const inputsOf: number[][] = new Array(n);
  const inputIds: string[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const l = layers[i];
    const ids = l.inputs ?? [i === 0 ? INPUT_ID : layers[i - 1].id];
    if (ids.length === 0) {
      issues.push({
        layerId: l.id,
        path: `layers[${i}].inputs`,
        message: `layer "${l.id}": inputs must not be empty`,
      });
    }
    const idx: number[] = new Array(ids.length);
    for (let k = 0; k < ids.length; k++) {
      const ref = ids[k];
      if (ref === INPUT_ID) idx[k] = -1;
      else if (l.inputs === undefined) idx[k] = i - 1;
      else {
        const j = index.get(ref);
        if (j === undefined) {
          issues.push({
            layerId: l.id,
            path: `layers[${i}].inputs[${k}]`,
            message: `layer "${l.id}": unknown input "${ref}"`,
          });
          idx[k] = -2;
        } else idx[k] = j;
      }
    }
    inputsOf[i] = idx;
    inputIds[i] = ids;
  }
  if (issues.length) return { issues };
  // --- order: the list order when it is already topological (the usual case), else Kahn's algorithm ---
  let order: number[] | Int32Array = [];
  let sorted = true;
  for (let i = 0; i < n && sorted; i++) for (const j of inputsOf[i]) if (j >= i) sorted = false;
  if (sorted) {
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
  } else {
    const indeg = new Int32Array(n);
    const users: number[][] = Array.from({ length: n }, () => []);
    for (let i = 0; i < n; i++) {
      for (const j of inputsOf[i]) {
        if (j >= 0) {
          indeg[i]++;
          users[j].push(i);
        }
      }
    }
    const queue: number[] = [];
    for (let i = 0; i < n; i++) if (indeg[i] === 0) queue.push(i);
    for (let q = 0; q < queue.length; q++) {
      for (const u of users[queue[q]]) if (--indeg[u] === 0) queue.push(u);
    }
    if (queue.length < n) {
      // Walk backwards through unfinished inputs until a layer repeats: that loop is a cycle.
      let cur = 0;
      while (indeg[cur] === 0) cur++;
      const seenAt = new Map<number, number>();
      const path: number[] = [];
      while (!seenAt.has(cur)) {
        seenAt.set(cur, path.length);
        path.push(cur);
        cur = inputsOf[cur].find((j) => j >= 0 && indeg[j] > 0) as number;
      }
      const loop = path.slice(seenAt.get(cur)).reverse();
      // Start the loop at the layer listed first, so the message reads in file order.
      const at = loop.indexOf(Math.min(...loop));
      const cycle = [...loop.slice(at), ...loop.slice(0, at)];
      const names = [...cycle, cycle[0]].map((i) => layers[i].id).join(' → ');
      const first = layers[cycle[0]].id;
      issues.push({
        layerId: first,
        path: `layers[${cycle[0]}].inputs`,
        message: `layer "${first}": the graph has a cycle (${names})`,
      });
      return { issues };
    }
    order = queue;
  }
  // --- per-layer evaluation ---
  const bytes = DTYPE_BYTES[options.dtype];
  const shapes: (Shape | undefined)[] = new Array(n);
  const rfs: (Rf2 | undefined)[] = new Array(n);
  const inputRf: Rf2 = [RF_INPUT, RF_INPUT];
  const out: LayerAnalysis[] = build ? new Array(n) : [];
  /** Rows by layer index (`out` is in evaluation order). */
  const rowOf: LayerAnalysis[] = build ? new Array(n) : [];
  const warnings: AnalysisWarning[] = [];
  let cumMacs = 0;
  let cumFlops = 0;
  let cumAct = 0;
  let cumMem = 0;
  let worstFlops = 0;
  let worstAct = 0;
  let worstMem = 0;
  let tParams = 0;
  let tTrainable = 0;
  let tBuffers = 0;
  const tOps = zeroOps();
  let tActElems = 0;
  const incomplete: string[] = [];
  const paramsCache = new RecordCache(sameParams);
  const opsCache = new RecordCache(sameOps);
  const activationCache = new RecordCache(sameActivation);
  const memoryCache = new RecordCache(sameMemory);
  const traceCache = new RecordCache(sameTraces);
  /** `[shape]` of each layer's output, shared by the single-input layers that read it. */
  const singleShapes: (Shape[] | undefined)[] = build ? new Array(n) : [];
  const rowCtx: SharedContext = { options, bytes };
  const conv = options.convention === 'flops' ? 2 : 1;
  let lastShape: Shape = model.input;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const layer = layers[i];
    const ins = inputsOf[i];
    const inShapes: Shape[] = new Array(ins.length);
    const inRfs: Rf2[] = new Array(ins.length);
    let blocked = false;
    for (let t = 0; t < ins.length; t++) {
      const j = ins[t];
      const s = j < 0 ? model.input : shapes[j];
      if (s === undefined) {
        blocked = true;
        break;
      }
      inShapes[t] = s;
      inRfs[t] = j < 0 ? inputRf : (rfs[j] as Rf2);
    }
    // A layer fed by a failed layer is skipped: one mistake gives one message, not a cascade.
    if (blocked) continue;
    let c: Computed;
    try {
      c = computeLayer(layer, inShapes, inRfs, inputIds[i]);
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      issues.push({
        layerId: layer.id,
        path: `layers[${i}]`,
        message: `layer "${layer.id}": ${error.message}`,
      });
      continue;
    }
    const outElems = numel(c.outShape);
    const o = c.ops;
    const otherAll = o.bias + o.norm + o.activation + o.pooling + o.elementwise;
    const total = c.weights + c.bias;
    const worstF = 2 * c.macs + otherAll;
    const view = VIEW_OPS.has(layer.op);
    let inElems = 0;
    for (const s of inShapes) inElems += numel(s);
    const weightElems = total + c.inferenceBuffers;
    const memElems = view ? 0 : inElems + weightElems + outElems;
    worstFlops += worstF;
    worstAct += outElems * 4;
    worstMem += memElems * 4;
    if (!(
      outElems * 4 <= MAX &&
      total + c.buffers <= MAX &&
      worstF <= MAX &&
      worstFlops <= MAX &&
      worstAct <= MAX &&
      worstMem <= MAX
    )) {
      const limits: [string, number][] = [
        ['output elements', outElems * 4],
        ['parameters', total + c.buffers],
        ['MACs', c.macs],
        ['FLOPs', worstF],
        ['total FLOPs', worstFlops],
        ['total activation bytes', worstAct],
        ['total memory access bytes', worstMem],
      ];
      const [what, v] = limits.find(([, x]) => !(x <= MAX)) as [string, number];
      const shown = what === 'output elements' ? outElems : v;
      issues.push({
        layerId: layer.id,
        path: `layers[${i}]`,
        message: `layer "${layer.id}": ${what} ${shown.toExponential(3)} exceed 2^53 (${MAX}), beyond exact integer arithmetic`,
      });
      continue;
    }
    shapes[i] = c.outShape;
    rfs[i] = c.rf;
    lastShape = c.outShape;
    for (const w of c.warnings)
      warnings.push({ layerId: layer.id, kind: w.kind, message: `layer "${layer.id}": ${w.message}` });
    const holes = c.rf[0].holes !== null || c.rf[1].holes !== null;
    if (holes && !inRfs.some((r) => r[0].holes !== null || r[1].holes !== null)) {
      warnings.push({
        layerId: layer.id,
        kind: 'rf-holes',
        message: `layer "${layer.id}": the receptive field has holes: its taps are spaced wider than what each tap sees, so some input pixels inside ${c.rf[0].size}×${c.rf[1].size} are never read`,
      });
    }
    if (!build) continue;
    // --- assemble the row ---
    const flops =
      conv * c.macs +
      (options.countBias ? o.bias : 0) +
      (options.countNorm ? o.norm : 0) +
      (options.countActivations ? o.activation : 0) +
      (options.countPooling ? o.pooling : 0) +
      (options.countElementwise ? o.elementwise : 0);
    const inplace = options.inplaceActivations && INPLACE_OPS.has(layer.op);
    const actElems = inplace ? 0 : outElems;
    const mem = memoryCache.get(layer.op, {
      inputBytes: view ? 0 : inElems * bytes,
      weightBytes: view ? 0 : weightElems * bytes,
      outputBytes: view ? 0 : outElems * bytes,
      totalBytes: memElems * bytes,
    });
    cumMacs += c.macs;
    cumFlops += flops;
    cumAct += actElems * bytes;
    cumMem += mem.totalBytes;
    tParams += total;
    tTrainable += layer.trainable === false ? 0 : total;
    tBuffers += c.buffers;
    tOps.bias += o.bias;
    tOps.norm += o.norm;
    tOps.activation += o.activation;
    tOps.pooling += o.pooling;
    tOps.elementwise += o.elementwise;
    tActElems += actElems;
    if (c.unsupported !== undefined) incomplete.push(layer.id);
    // A layer that leaves its input's RF as it is (norms, activations, element-wise with a constant…)
    // shares the input row's RF record instead of building a new one.
    const src = ins.length === 1 && ins[0] >= 0 ? rowOf[ins[0]] : undefined;
    const rf = src !== undefined && c.rf === inRfs[0] ? freezeRf(src.rf) : toReceptiveField(c.rf[0], c.rf[1]);
    // Same-size outputs (a padded 3×3 conv) reuse the input's shape array.
    const outShape =
      c.outShape !== inShapes[0] && sameShape(c.outShape, inShapes[0]) ? inShapes[0] : c.outShape;
    if (outShape !== c.outShape) shapes[i] = outShape;
    let rowShapes = inShapes;
    if (ins.length === 1 && ins[0] >= 0) {
      const shared = singleShapes[ins[0]];
      if (shared !== undefined) rowShapes = shared;
      else singleShapes[ins[0]] = inShapes;
    }
    const row = new LayerRow(
      {
        id: layer.id,
        op: layer.op,
        inputs: inputIds[i],
        inputShapes: rowShapes,
        outputShape: outShape,
        outputElements: outElems,
        params: paramsCache.get(layer.op, {
          weights: c.weights,
          bias: c.bias,
          buffers: c.buffers,
          trainable: layer.trainable === false ? 0 : total,
          total,
        }),
        macs: c.macs,
        ops: o === ZERO_OPS ? o : opsCache.get(layer.op, o),
        flops,
        activation: activationCache.get('', { elements: actElems, bytes: actElems * bytes, inplace }),
        memoryAccess: mem,
        arithmeticIntensity: mem.totalBytes > 0 ? flops / mem.totalBytes : 0,
        cumulative: { macs: cumMacs, flops: cumFlops, activationBytes: cumAct, memoryAccessBytes: cumMem },
        rf,
        outputSizeTrace: c.traces && traceCache.get(layer.op, c.traces),
        unsupported: c.unsupported,
      },
      layer,
      ins.length === 1 ? (ins[0] < 0 ? null : rowOf[ins[0]]) : ins.map((j) => (j < 0 ? null : rowOf[j])),
      rowCtx,
    );
    out[k] = row;
    rowOf[i] = row;
  }
  if (issues.length || !build) return { issues };
  return {
    issues,
    analysis: {
      model: model.name,
      input: model.input,
      outputShape: lastShape,
      options,
      layers: out,
      totals: {
        params: tParams,
        trainableParams: tTrainable,
        buffers: tBuffers,
        macs: cumMacs,
        flops: cumFlops,
        ops: tOps,
        activationElements: tActElems,
        activationBytes: cumAct,
        memoryAccessBytes: cumMem,
        complete: incomplete.length === 0,
        incomplete,
      },
      warnings,
    },
  };
}

function commonFormulas(
  row: LayerAnalysis,
  options: AnalysisOptions,
  bytes: number,
  inShapes: Shape[],
  c: Computed,
): FormulaTrace[] {
  const f: FormulaTrace[] = [];
  const o = row.ops;
  const terms: [string, string, number][] = [];
  const mult = options.convention === 'flops' ? 2 : 1;
  if (row.macs)
    terms.push([
      mult === 2 ? '2 \\cdot \\text{MACs}' : '\\text{MACs}',
      mult === 2 ? `2 \\cdot ${tex(row.macs)}` : tex(row.macs),
      mult * row.macs,
    ]);
  if (options.countBias && o.bias) terms.push(['\\text{bias}', tex(o.bias), o.bias]);
  if (options.countNorm && o.norm) terms.push(['\\text{norm}', tex(o.norm), o.norm]);
  if (options.countActivations && o.activation) terms.push(['\\text{act}', tex(o.activation), o.activation]);
  if (options.countPooling && o.pooling) terms.push(['\\text{pool}', tex(o.pooling), o.pooling]);
  if (options.countElementwise && o.elementwise)
    terms.push(['\\text{elementwise}', tex(o.elementwise), o.elementwise]);
  f.push(
    terms.length
      ? trace(
          'flops',
          `\\text{FLOPs} = ${terms.map((t) => t[0]).join(' + ')}`,
          `${terms.map((t) => t[1]).join(' + ')} = ${tex(row.flops)}`,
          row.flops,
        )
      : trace('flops', '\\text{FLOPs} = 0', '0', 0),
  );
  const dims = row.outputShape.length === 3 ? 'C \\cdot H \\cdot W' : 'N';
  f.push(
    trace(
      'outputElements',
      dims,
      `${row.outputShape.join(' \\cdot ')} = ${tex(row.outputElements)}`,
      row.outputElements,
    ),
    row.activation.inplace
      ? trace('activation.bytes', '0 \\text{ (in place)}', '0', 0)
      : trace(
          'activation.bytes',
          '\\text{elements} \\cdot b',
          `${tex(row.outputElements)} \\cdot ${bytes} = ${tex(row.activation.bytes)}`,
          row.activation.bytes,
        ),
  );
  const m = row.memoryAccess;
  if (m.totalBytes === 0) {
    f.push(trace('memoryAccess.totalBytes', '0 \\text{ (view, no data moved)}', '0', 0));
  } else {
    const inElems = inShapes.reduce((a, s) => a + numel(s), 0);
    const wElems = row.params.total + c.inferenceBuffers;
    f.push(
      trace(
        'memoryAccess.inputBytes',
        '\\text{input elements} \\cdot b',
        `${tex(inElems)} \\cdot ${bytes} = ${tex(m.inputBytes)}`,
        m.inputBytes,
      ),
      trace(
        'memoryAccess.weightBytes',
        '(\\text{params} + \\text{inference buffers}) \\cdot b',
        `${tex(wElems)} \\cdot ${bytes} = ${tex(m.weightBytes)}`,
        m.weightBytes,
      ),
      trace(
        'memoryAccess.outputBytes',
        '\\text{output elements} \\cdot b',
        `${tex(row.outputElements)} \\cdot ${bytes} = ${tex(m.outputBytes)}`,
        m.outputBytes,
      ),
      trace(
        'memoryAccess.totalBytes',
        '\\text{in} + \\text{weights} + \\text{out}',
        `${tex(m.inputBytes)} + ${tex(m.weightBytes)} + ${tex(m.outputBytes)} = ${tex(m.totalBytes)}`,
        m.totalBytes,
      ),
      trace(
        'arithmeticIntensity',
        '\\frac{\\text{FLOPs}}{\\text{bytes}}',
        `\\frac{${tex(row.flops)}}{${tex(m.totalBytes)}} = ${tex(row.arithmeticIntensity)}`,
        row.arithmeticIntensity,
      ),
    );
  }
  return f;
}
