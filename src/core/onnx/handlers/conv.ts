/** Convolutions: Conv → conv2d, ConvTranspose → conv_transpose2d. */
import { errorNote } from '../../analysis/warning-messages';
import { AttrError, int, ints, nodeError, numText, string } from '../attrs';
import { dimsParam } from '../dims';
import { Unsupported } from '../convert/value';
import type { NodeInfo } from '../read';
import { layersFrom } from './layers-from';
import type { ConvertContext, Inputs, LayerBody, OnnxHandler } from './types';
import { intOrPair, maybePad, pairAttr, windowPads } from './window';

/**
 * Conv (2-D). Weight [M, C/g, kH, kW]; output H' = ⌊(H + pad_top + pad_bottom − ((kH − 1)·D + 1)) / S⌋ + 1
 * (likewise W').
 */
function conv(node: NodeInfo, ins: Inputs, ctx: ConvertContext): void {
  const { from, dims: x } = ctx.input(ins[0]);
  const w = ctx.weight(node, ins, 1);
  if (w.length !== 4 || x.length !== 4) throw new Unsupported(`${w.length - 2}-D convolution`);
  const [m, cg, kh, kw] = w;
  const group = int(node, 'group', 1);
  if (!(group >= 1) || cg * group !== x[1] || m % group !== 0) {
    throw nodeError(
      node,
      errorNote('onnx-conv-group', { dims: dimsParam(w), group: numText(group), channels: x[1] }),
    );
  }
  const ks = ints(node, 'kernel_shape');
  if (ks && (ks.length !== 2 || ks[0] !== kh || ks[1] !== kw))
    throw nodeError(node, errorNote('onnx-kernel-shape', { kernel: dimsParam(ks), dims: dimsParam(w) }));
  const s = pairAttr(node, 'strides', 1);
  const d = pairAttr(node, 'dilations', 1);
  const pads = windowPads(node, x, [kh, kw], s, d);
  const b = ins[2];
  if (b) {
    const bd = ctx.weight(node, ins, 2, 1);
    if (bd[0] !== m) throw nodeError(node, errorNote('onnx-bias-size', { size: bd[0], channels: m }));
  }
  const outHW = [0, 1].map((i) => {
    const eff = ([kh, kw][i] - 1) * d[i] + 1;
    const num = x[2 + i] + pads[i][0] + pads[i][1] - eff;
    if (num < 0) throw nodeError(node, errorNote('onnx-kernel-too-large', { kh, kw, h: x[2], w: x[3] }));
    return Math.floor(num / s[i]) + 1;
  });
  const src = maybePad(ctx, node, from, x, pads);
  const body = convBody(
    ctx,
    ins,
    { op: 'conv2d', out_channels: m, kernel: [kh, kw], stride: s },
    src.padding,
    {},
    d,
    group,
  );
  ctx.layerOut(node, body, [src.from], [x[0], m, outHW[0], outHW[1]]);
}

/**
 * ConvTranspose (2-D, symmetric pads). Weight [C, M/g, kH, kW]; output
 * H' = S·(H − 1) + output_padding + (kH − 1)·D + 1 − 2·pad (likewise W').
 */
function convTranspose(node: NodeInfo, ins: Inputs, ctx: ConvertContext): void {
  const { from, dims: x } = ctx.input(ins[0]);
  const w = ctx.weight(node, ins, 1);
  if (w.length !== 4 || x.length !== 4) throw new Unsupported(`${w.length - 2}-D transposed convolution`);
  const [c, mg, kh, kw] = w;
  const group = int(node, 'group', 1);
  if (!(group >= 1) || c !== x[1] || c % group !== 0)
    throw nodeError(node, errorNote('onnx-weight-channels', { dims: dimsParam(w), channels: x[1] }));
  const m = mg * group;
  const s = pairAttr(node, 'strides', 1);
  const d = pairAttr(node, 'dilations', 1);
  const op = ints(node, 'output_padding') ?? [0, 0];
  if (ints(node, 'output_shape')) throw new Unsupported('ConvTranspose with output_shape');
  if (string(node, 'auto_pad', 'NOTSET') !== 'NOTSET') throw new Unsupported('ConvTranspose with auto_pad');
  const pads = ints(node, 'pads') ?? [0, 0, 0, 0];
  if (pads.length !== 4 || op.length !== 2 || pads.some((p) => !(p >= 0)))
    throw new AttrError(node, 'pads', 'pads');
  if (pads[0] !== pads[2] || pads[1] !== pads[3]) throw new Unsupported('ConvTranspose with asymmetric pads');
  const outHW = [0, 1].map((i) => s[i] * (x[2 + i] - 1) + op[i] + ([kh, kw][i] - 1) * d[i] + 1 - 2 * pads[i]);
  if (outHW.some((v) => v < 1)) throw nodeError(node, errorNote('onnx-output-below-1', {}));
  if (ins[2]) ctx.weight(node, ins, 2, 1);
  const body = convBody(
    ctx,
    ins,
    { op: 'conv_transpose2d', out_channels: m, kernel: [kh, kw], stride: s },
    intOrPair([pads[0], pads[1]]),
    op[0] || op[1] ? { output_padding: intOrPair(op) } : {},
    d,
    group,
  );
  ctx.layerOut(node, body, [from], [x[0], m, outHW[0], outHW[1]]);
}

/**
 * The layer of a (transposed) convolution, fields in the model format's order; counts the weight and
 * the bias (input 2, optional) as parameters.
 */
function convBody(
  ctx: ConvertContext,
  ins: Inputs,
  head: { op: 'conv2d' | 'conv_transpose2d'; out_channels: number; kernel: number[]; stride: number[] },
  padding: number | [number, number],
  extra: { output_padding?: number | [number, number] },
  d: number[],
  group: number,
): LayerBody {
  ctx.param(ins[1]);
  ctx.param(ins[2]);
  return {
    op: head.op,
    out_channels: head.out_channels,
    kernel: intOrPair(head.kernel),
    stride: intOrPair(head.stride),
    padding,
    ...extra,
    ...(d[0] !== 1 || d[1] !== 1 ? { dilation: intOrPair(d) } : {}),
    ...(group !== 1 ? { groups: group } : {}),
    bias: !!ins[2],
  } as LayerBody;
}

export const CONV_HANDLERS: Record<string, OnnxHandler> = {
  Conv: {
    layers: layersFrom('Conv'),
    doc: '2-D, with group, dilations, strides, pads or auto_pad; asymmetric padding (SAME_LOWER/SAME_UPPER with an even kernel) becomes a `pad` layer before it.',
    convert: conv,
  },
  ConvTranspose: {
    layers: layersFrom('ConvTranspose'),
    doc: '2-D with symmetric pads, output_padding, dilations and group; output_shape, auto_pad and asymmetric pads are unsupported.',
    convert: convTranspose,
  },
};
