/** Pooling: maxpool2d, avgpool2d, adaptive_avgpool2d, global_avgpool (window arithmetic in pool-math.ts). */
import { z } from './zod-recipe';
import { tex, trace } from '../../formulas/latex';
import { type RfDim, rfConv1d } from '../../formulas/receptive-field';
import type { Pair, Shape } from '../../model/shape';
import { BASE, convRfFormulas, inexactWarnings, need3d, NONE, opsWith } from './common';
import { elementCounting, fvcoreUnsupported, R, rule, SAVES_INPUT, sizes } from './counting';
import { attr, defineOp, intOrPair, padding } from './define';
import { type Pool2dParams, pool2dCore, pool2dFormulas } from './pool-math';
import { pyCall, pyPair, pyWindowPadding, withPad } from './pytorch-text';
import { fieldNote, numel, shapeError, toPair } from './shape-math';
import type { CountingIO, OnnxMapping, OpInputs, OpResult, PytorchMapping, Rf2 } from './types';
import { note } from '../warning-messages';

const window = {
  kernel: attr(intOrPair, { kind: 'intOrPair', range: '≥ 1', unit: 'px' }),
  stride: attr(intOrPair.optional(), { kind: 'intOrPair', default: 'kernel', range: '≥ 1', unit: 'px' }),
  padding: attr(padding.optional(), {
    kind: 'padding',
    default: 0,
    range: '≤ half the kernel, same or valid',
    unit: 'px',
  }),
};
const ceilMode = {
  ceil_mode: attr(z.boolean().optional(), { kind: 'bool', default: false }),
};

interface WindowLayer {
  kernel: Pool2dParams['kernel'];
  stride?: Pool2dParams['stride'];
  padding?: Pool2dParams['padding'];
  dilation?: Pool2dParams['dilation'];
  ceil_mode?: boolean;
}

const params = (l: WindowLayer, inShape: Shape): Pool2dParams => ({
  inShape,
  kernel: l.kernel,
  stride: l.stride,
  padding: l.padding,
  dilation: l.dilation,
  ceilMode: l.ceil_mode,
});

/** Window reads C·M_h·M_w·K_h·K_w as pooling ops; the RF grows as a convolution's. */
function windowed(layer: WindowLayer, { shapes, rfs }: OpInputs, explain: boolean): OpResult {
  const prf = rfs[0];
  const p = pool2dCore(params(layer, shapes[0]));
  const rf: Rf2 = [
    rfConv1d(prf[0], p.kernel[0], p.stride[0], p.dilation[0], p.padBefore[0]),
    rfConv1d(prf[1], p.kernel[1], p.stride[1], p.dilation[1], p.padBefore[1]),
  ];
  return {
    ...BASE,
    outShape: p.outShape,
    rf,
    ops: opsWith('pooling', p.ops),
    traces: p.outputSize,
    formulas: !explain ? NONE : () => pool2dFormulas(p),
    rfFormulas: !explain ? NONE : convRfFormulas(prf, rf, p.kernel, p.stride, p.dilation, p.padBefore),
    warnings: inexactWarnings(p.outputSize),
  };
}

function poolOnnx(opType: 'MaxPool' | 'AveragePool'): OnnxMapping<WindowLayer> {
  return {
    // GlobalMaxPool: a window over the whole map.
    from: opType === 'MaxPool' ? ['MaxPool', 'GlobalMaxPool'] : [opType],
    opset: 13,
    example(layer, input) {
      const p = pool2dCore(params(layer, input));
      const [th, tw] = p.outputSize;
      return [
        {
          opType,
          attrs: {
            kernel_shape: p.kernel,
            strides: p.stride,
            pads: [th.P[0], tw.P[0], th.P[1], tw.P[1]],
            ...(opType === 'MaxPool' ? { dilations: p.dilation } : {}),
            ceil_mode: layer.ceil_mode ? 1 : 0,
          },
        },
      ];
    },
  };
}

/**
 * nn.MaxPool2d / nn.AvgPool2d. PyTorch drops a ceil-mode window that starts in its own right padding;
 * with an explicit (asymmetric) pad module that padding is input to it, so that case is refused.
 */
function poolPytorch(kind: 'MaxPool2d' | 'AvgPool2d'): PytorchMapping<WindowLayer> {
  return {
    to(layer, [input]) {
      const p = pool2dCore(params(layer, input));
      const { padding, pad } = pyWindowPadding(
        p.outputSize[0],
        p.outputSize[1],
        kind === 'MaxPool2d' ? -Infinity : 0,
      );
      if (pad && layer.ceil_mode)
        throw new Error('PyTorch pooling cannot combine ceil_mode with asymmetric ("same") padding');
      const module = pyCall(
        `nn.${kind}`,
        [pyPair(p.kernel)],
        [
          ['stride', pyPair(p.stride)],
          ['padding', padding, 0],
          ...(kind === 'MaxPool2d'
            ? [['dilation', pyPair(p.dilation), 1] as [string, number | number[], number]]
            : []),
          ['ceil_mode', layer.ceil_mode ?? false, false],
        ],
      );
      return { module: withPad(pad, module) };
    },
  };
}

/** ptflops: the module hook and the patched functional each count numel(x) [P-mod, P-fn]. */
const ptPool = (x: number) =>
  rule(
    2 * x,
    R('2·numel(x)', 'hookNamedAndPatched', 'P-mod, P-fn', {
      hook: 'pool_flops_counter_hook',
      fn: 'F.*pool*',
    }),
  );

/** Adaptive average pooling: every input element is added once into its window (windows tile the map). */
function adaptiveCounting(io: CountingIO) {
  const { x } = sizes(io);
  return elementCounting('pool', x, R('numel(x)', 'adaptivePoolOps'), {
    fvcore: rule(x, R('numel(x)', undefined, 'F-ew elementwise_flop_counter(1, 0)')),
    ptflops: ptPool(x),
  });
}

export const maxpool2d = defineOp(
  'maxpool2d',
  {
    ...window,
    dilation: attr(intOrPair.optional(), { kind: 'intOrPair', default: 1, range: '≥ 1', unit: 'px' }),
    ...ceilMode,
  },
  {
    family: 'pooling',
    summary: 'Max pooling (torch.nn.MaxPool2d); stride defaults to the kernel',
    idPrefix: 'pool',
    accepts: 'map',
    template: () => ({ kernel: 2 }),
    compute: windowed,
    counting(layer, io) {
      const { x, y } = sizes(io);
      const [kh, kw] = toPair(layer.kernel, 1);
      return elementCounting('pool', y * (kh * kw - 1), R('numel(y)·(Kh·Kw − 1)', 'maxPoolOps'), {
        fvcore: fvcoreUnsupported('aten::max_pool2d'),
        ptflops: ptPool(x),
      });
    },
    // The input and one int64 index per output element.
    saves: (_layer, io) => ({ inputs: [0], indexElements: numel(io.outShape) }),
    onnx: poolOnnx('MaxPool'),
    pytorch: poolPytorch('MaxPool2d'),
  },
);

export const avgpool2d = defineOp(
  'avgpool2d',
  { ...window, ...ceilMode },
  {
    family: 'pooling',
    summary: 'Average pooling (torch.nn.AvgPool2d); stride defaults to the kernel',
    idPrefix: 'pool',
    accepts: 'map',
    template: () => ({ kernel: 2 }),
    compute: windowed,
    counting(layer, io) {
      const { x, y } = sizes(io);
      const [kh, kw] = toPair(layer.kernel, 1);
      return elementCounting('pool', y * kh * kw, R('numel(y)·Kh·Kw', 'avgPoolOps'), {
        fvcore: fvcoreUnsupported('aten::avg_pool2d'),
        ptflops: ptPool(x),
      });
    },
    saves: () => SAVES_INPUT,
    onnx: poolOnnx('AveragePool'),
    pytorch: poolPytorch('AvgPool2d'),
  },
);

/** Adaptive average pooling to `o` (global: 1×1): C·H·W pooling ops; the RF of the largest window. */
function adaptive(o: Pair, { shapes, rfs }: OpInputs, explain: boolean): OpResult {
  const prf = rfs[0];
  const [c, h, w] = need3d(shapes[0]);
  for (const v of o) {
    if (!Number.isSafeInteger(v) || v < 1)
      throw shapeError('not-positive-int', { field: fieldNote('output_size'), value: String(v) });
  }
  const elems = c * h * w;
  const warnings: OpResult['warnings'] = [];
  const dimRf = (i: 0 | 1, size: number, out: number): RfDim => {
    if (size % out === 0) return rfConv1d(prf[i], size / out, size / out, 1, 0);
    warnings.push({
      kind: 'inexact-division',
      ...note('adaptive-unequal', { size, out, axis: i === 0 ? 'H' : 'W' }),
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
  return {
    ...BASE,
    outShape: [c, o[0], o[1]],
    rf,
    ops: opsWith('pooling', elems),
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

export const adaptiveAvgpool2d = defineOp(
  'adaptive_avgpool2d',
  { output_size: attr(intOrPair, { kind: 'intOrPair', range: '≥ 1', unit: 'px' }) },
  {
    family: 'pooling',
    summary: 'Adaptive average pooling to a fixed output size (torch.nn.AdaptiveAvgPool2d)',
    idPrefix: 'pool',
    accepts: 'map',
    template: () => ({ output_size: 1 }),
    compute: (layer, input, explain) => adaptive(toPair(layer.output_size, 1), input, explain),
    counting: (_layer, io) => adaptiveCounting(io),
    saves: () => SAVES_INPUT,
    onnx: {
      none: 'ONNX has no adaptive pooling: exporters write a fixed AveragePool (or GlobalAveragePool for 1×1), imported as avgpool2d or global_avgpool',
    },
    pytorch: {
      to: (layer) => ({ module: pyCall('nn.AdaptiveAvgPool2d', [pyPair(layer.output_size)]) }),
    },
  },
);

export const globalAvgpool = defineOp(
  'global_avgpool',
  {},
  {
    family: 'pooling',
    summary: 'Average over the whole map: output [C, 1, 1] (adaptive_avgpool2d with output size 1)',
    idPrefix: 'gap',
    accepts: 'map',
    template: () => ({}),
    compute: (_layer, input, explain) => adaptive([1, 1], input, explain),
    counting: (_layer, io) => adaptiveCounting(io),
    saves: () => SAVES_INPUT,
    onnx: {
      from: ['GlobalAveragePool', 'ReduceMean'],
      opset: 13,
      example: () => [{ opType: 'GlobalAveragePool' }],
    },
    pytorch: { to: () => ({ module: 'nn.AdaptiveAvgPool2d(1)' }) },
  },
);
