/** Convolutions: conv2d and conv_transpose2d (arithmetic in conv-math.ts). */
import { z } from './zod-recipe';
import { tex, trace } from '../../formulas/latex';
import { rfConv1d, rfConvTranspose1d } from '../../formulas/receptive-field';
import { BASE, convRfFormulas, inexactWarnings, NONE, opsWith } from './common';
import {
  conv2dCore,
  conv2dFormulas,
  type Conv2dParams,
  convTranspose2dCore,
  convTranspose2dFormulas,
  type ConvTranspose2dParams,
} from './conv-math';
import { attr, defineOp, intOrPair, nonNegOrPair, padding, posInt } from './define';
import type { IntOrPair, PaddingSpec, Shape } from '../../model/shape';
import { pyCall, pyPair, pyWindowPadding, withPad } from './pytorch-text';
import { productCounting, R, SAVES_INPUT } from './counting';
import { toPair } from './shape-math';
import type { OnnxInput, Rf2 } from './types';

const shared = {
  out_channels: attr(posInt, { kind: 'int', range: '≥ 1', unit: 'channels' }),
  kernel: attr(intOrPair, { kind: 'intOrPair', range: '≥ 1', unit: 'px' }),
  stride: attr(intOrPair.optional(), { kind: 'intOrPair', default: 1, range: '≥ 1', unit: 'px' }),
};
const tail = {
  dilation: attr(intOrPair.optional(), { kind: 'intOrPair', default: 1, range: '≥ 1', unit: 'px' }),
  /** Equal to the input channels (and a divisor of out_channels) for a depthwise convolution. */
  groups: attr(posInt.optional(), { kind: 'int', default: 1, range: '≥ 1, divides Cᵢₙ and Cₒᵤₜ' }),
  /** As in torch.nn.Conv2d. */
  bias: attr(z.boolean().optional(), { kind: 'bool', default: true }),
};

const zeros = (dims: number[]) => ({ dims, dataType: 'float' as const });

/** The inputs of ONNX Conv and ConvTranspose. */
const CONV_INPUTS: readonly OnnxInput[] = [
  ['X', 'input'],
  ['W', 'weight'],
  ['B', 'bias'],
];

export const conv2d = defineOp(
  'conv2d',
  {
    ...shared,
    padding: attr(padding.optional(), {
      kind: 'padding',
      default: 0,
      range: '≥ 0, same or valid',
      unit: 'px',
    }),
    ...tail,
  },
  {
    family: 'convolution',
    summary: '2-D convolution (torch.nn.Conv2d): M = ⌊(X + 2P − d(K − 1) − 1) / S⌋ + 1',
    idPrefix: 'conv',
    accepts: 'map',
    template: () => ({ out_channels: 16, kernel: 3, padding: 1 }),
    compute(layer, { shapes, rfs }, explain) {
      const prf = rfs[0];
      const c = conv2dCore(conv2dParams(layer, shapes[0]));
      const rf: Rf2 = [
        rfConv1d(prf[0], c.kernel[0], c.stride[0], c.dilation[0], c.padBefore[0]),
        rfConv1d(prf[1], c.kernel[1], c.stride[1], c.dilation[1], c.padBefore[1]),
      ];
      return {
        ...BASE,
        outShape: c.outShape,
        rf,
        weights: c.params.weights,
        bias: c.params.bias,
        macs: c.macs,
        ops: opsWith('bias', c.biasAdds),
        traces: c.outputSize,
        formulas: !explain ? NONE : () => conv2dFormulas(c),
        rfFormulas: !explain ? NONE : convRfFormulas(prf, rf, c.kernel, c.stride, c.dilation, c.padBefore),
        warnings: inexactWarnings(c.outputSize),
      };
    },
    counting: (_layer, { result }) =>
      productCounting(
        'conv',
        result,
        R('numel(y)·(Cin/g)·Kh·Kw', 'noBias', 'F-conv'),
        R('numel(y)·(Cin/g)·Kh·Kw + numel(y)', 'withBias', 'P-mod'),
      ),
    saves: () => SAVES_INPUT,
    onnx: {
      from: ['Conv'],
      opset: 13,
      inputs: { Conv: CONV_INPUTS },
      example(layer, input) {
        const c = conv2dCore(conv2dParams(layer, input));
        const [th, tw] = c.outputSize;
        return [
          {
            opType: 'Conv',
            attrs: {
              kernel_shape: c.kernel,
              strides: c.stride,
              dilations: c.dilation,
              pads: [th.P[0], tw.P[0], th.P[1], tw.P[1]],
              group: c.groups,
            },
            consts: [
              zeros([c.outChannels, c.inChannels / c.groups, ...c.kernel]),
              ...(c.params.bias ? [zeros([c.outChannels])] : []),
            ],
          },
        ];
      },
    },
    pytorch: {
      to(layer, [input]) {
        const c = conv2dCore(conv2dParams(layer, input));
        const { padding, pad } = pyWindowPadding(c.outputSize[0], c.outputSize[1], 0);
        return {
          module: withPad(
            pad,
            pyCall(
              'nn.Conv2d',
              [c.inChannels, c.outChannels, pyPair(c.kernel)],
              [
                ['stride', pyPair(c.stride), 1],
                ['padding', padding, 0],
                ['dilation', pyPair(c.dilation), 1],
                ['groups', c.groups, 1],
                ['bias', c.params.bias > 0, true],
              ],
            ),
          ),
        };
      },
    },
  },
);

export const convTranspose2d = defineOp(
  'conv_transpose2d',
  {
    ...shared,
    /** Symmetric padding only (as torch.nn.ConvTranspose2d). */
    padding: attr(nonNegOrPair.optional(), { kind: 'intOrPair', default: 0, range: '≥ 0', unit: 'px' }),
    /** Must be smaller than stride or dilation. */
    output_padding: attr(nonNegOrPair.optional(), {
      kind: 'intOrPair',
      default: 0,
      range: '≥ 0, < stride or dilation',
      unit: 'px',
    }),
    ...tail,
  },
  {
    family: 'convolution',
    summary: '2-D transposed convolution (torch.nn.ConvTranspose2d): M = S(X − 1) − 2P + d(K − 1) + Pₒᵤₜ + 1',
    idPrefix: 'deconv',
    accepts: 'map',
    template: () => ({ out_channels: 16, kernel: 2, stride: 2 }),
    compute(layer, { shapes, rfs }, explain) {
      const prf = rfs[0];
      const c = convTranspose2dCore(transposeParams(layer, shapes[0]));
      const rf: Rf2 = [
        rfConvTranspose1d(prf[0], c.kernel[0], c.stride[0], c.dilation[0], c.padBefore[0]),
        rfConvTranspose1d(prf[1], c.kernel[1], c.stride[1], c.dilation[1], c.padBefore[1]),
      ];
      const rfStep = (dim: 'h' | 'w', i: 0 | 1) => [
        trace(
          `rf.size.${dim}`,
          'r_{out} = r_{in} + (\\lceil K_{eff}/S \\rceil - 1)\\, j_{in}',
          `r_{out} = ${tex(rf[i].size)}`,
          rf[i].size,
        ),
        trace(
          `rf.jump.${dim}`,
          'j_{out} = j_{in} / S',
          `j_{out} = ${tex(prf[i].jump)} / ${c.stride[i]} = ${tex(rf[i].jump)}`,
          rf[i].jump,
        ),
      ];
      return {
        ...BASE,
        outShape: c.outShape,
        rf,
        weights: c.params.weights,
        bias: c.params.bias,
        macs: c.macs,
        ops: opsWith('bias', c.biasAdds),
        traces: c.outputSize,
        formulas: !explain ? NONE : () => convTranspose2dFormulas(c),
        rfFormulas: !explain ? NONE : () => [...rfStep('h', 0), ...rfStep('w', 1)],
      };
    },
    counting: (_layer, { result }) =>
      productCounting(
        'convTranspose',
        result,
        R('numel(x)·(Cout/g)·Kh·Kw', 'byInputNoBias', 'F-conv'),
        R('numel(x)·(Cout/g)·Kh·Kw + numel(y)', 'withBias', 'P-mod'),
      ),
    saves: () => SAVES_INPUT,
    onnx: {
      from: ['ConvTranspose'],
      opset: 13,
      inputs: { ConvTranspose: CONV_INPUTS },
      example(layer, input) {
        const c = convTranspose2dCore(transposeParams(layer, input));
        const p = c.padBefore;
        return [
          {
            opType: 'ConvTranspose',
            attrs: {
              kernel_shape: c.kernel,
              strides: c.stride,
              dilations: c.dilation,
              pads: [p[0], p[1], p[0], p[1]],
              output_padding: toPair(layer.output_padding, 0),
              group: c.groups,
            },
            consts: [
              zeros([c.inChannels, c.outChannels / c.groups, ...c.kernel]),
              ...(c.params.bias ? [zeros([c.outChannels])] : []),
            ],
          },
        ];
      },
    },
    pytorch: {
      to(layer, [input]) {
        const c = convTranspose2dCore(transposeParams(layer, input));
        return {
          module: pyCall(
            'nn.ConvTranspose2d',
            [c.inChannels, c.outChannels, pyPair(c.kernel)],
            [
              ['stride', pyPair(c.stride), 1],
              ['padding', pyPair(c.padBefore), 0],
              ['output_padding', pyPair(toPair(layer.output_padding, 0)), 0],
              ['groups', c.groups, 1],
              ['bias', c.params.bias > 0, true],
              ['dilation', pyPair(c.dilation), 1],
            ],
          ),
        };
      },
    },
  },
);

/** The attributes both convolutions share. */
interface ConvAttrs {
  out_channels: number;
  kernel: IntOrPair;
  stride?: IntOrPair;
  dilation?: IntOrPair;
  groups?: number;
  bias?: boolean;
}

function conv2dParams(l: ConvAttrs & { padding?: PaddingSpec }, inShape: Shape): Conv2dParams {
  const { out_channels: outChannels, kernel, stride, padding, dilation, groups, bias } = l;
  return { inShape, outChannels, kernel, stride, padding, dilation, groups, bias };
}

function transposeParams(
  l: ConvAttrs & { padding?: IntOrPair; output_padding?: IntOrPair },
  inShape: Shape,
): ConvTranspose2dParams {
  const { out_channels: outChannels, kernel, stride, padding, dilation, groups, bias } = l;
  return {
    inShape,
    outChannels,
    kernel,
    stride,
    padding,
    outputPadding: l.output_padding,
    dilation,
    groups,
    bias,
  };
}
