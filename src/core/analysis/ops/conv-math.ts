/** Convolution arithmetic: output size, parameters, MACs and their formula traces. */
import { type FormulaTrace, tex, trace } from '../../formulas/latex';
import {
  convOutputSize,
  convTransposeOutputSize,
  type OutputSizeTrace,
  outputSizeFormula,
  paddingForDim,
} from '../../formulas/output-size';
import type { IntOrPair, PaddingSpec, Pair } from '../../model/shape';
import { pairText, requireNonNegInt, requirePositiveInt, shapeError, shapeText, toPair } from './shape-math';

export interface Conv2dParams {
  /** [C_in, H, W] */
  inShape: readonly number[];
  outChannels: number;
  kernel: IntOrPair;
  stride?: IntOrPair;
  padding?: PaddingSpec;
  dilation?: IntOrPair;
  groups?: number;
  /** Default true. */
  bias?: boolean;
}

/** ConvInfo-style summary of one 2-D convolution (cf. tfjs-core conv_util). */
export interface Conv2dInfo {
  inShape: [number, number, number];
  outShape: [number, number, number];
  inChannels: number;
  outChannels: number;
  groups: number;
  kernel: Pair;
  stride: Pair;
  dilation: Pair;
  effectiveKernel: Pair;
  /** Padding applied before each dimension (top, left) — for the receptive field. */
  padBefore: Pair;
  outputSize: [OutputSizeTrace, OutputSizeTrace];
  params: { weights: number; bias: number };
  /** out_elements × (C_in / groups) × K_h × K_w */
  macs: number;
  /** out_elements when the layer has a bias, else 0. */
  biasAdds: number;
  /** 2 × MACs (bias adds not included). */
  flops: number;
}

/**
 * Shape, parameters and MACs of a conv2d:
 *   M_h, M_w from {@link convOutputSize};
 *   weights = C_out · (C_in / g) · K_h · K_w,  bias = C_out;
 *   MACs = C_out · M_h · M_w · (C_in / g) · K_h · K_w.
 * Throws {@link ShapeError} when the kernel does not fit or the channels do not divide by groups.
 */
export function conv2dCore(p: Conv2dParams): Conv2dInfo {
  if (p.inShape.length !== 3) throw shapeError('needs-chw', { shape: shapeText(p.inShape) });
  const [cin, h, w] = p.inShape;
  const cout = p.outChannels;
  const g = p.groups ?? 1;
  const kernel = toPair(p.kernel, 1);
  const stride = toPair(p.stride, 1);
  const dilation = toPair(p.dilation, 1);
  requirePositiveInt(cout, 'out_channels');
  requirePositiveInt(g, 'groups');
  for (let i = 0; i < 2; i++) {
    requirePositiveInt(kernel[i], 'kernel');
    requirePositiveInt(stride[i], 'stride');
    requirePositiveInt(dilation[i], 'dilation');
  }
  if (cin % g !== 0) throw shapeError('groups-in-channels', { channels: cin, groups: g });
  if (cout % g !== 0) throw shapeError('groups-out-channels', { channels: cout, groups: g });
  const th = convOutputSize({
    size: h,
    kernel: kernel[0],
    stride: stride[0],
    padding: paddingForDim(p.padding, 0),
    dilation: dilation[0],
  });
  const tw = convOutputSize({
    size: w,
    kernel: kernel[1],
    stride: stride[1],
    padding: paddingForDim(p.padding, 1),
    dilation: dilation[1],
  });
  checkFits(th, tw, kernel);
  const outShape: [number, number, number] = [cout, th.result, tw.result];
  const outElems = cout * th.result * tw.result;
  const perOut = (cin / g) * kernel[0] * kernel[1];
  const macs = outElems * perOut;
  const hasBias = p.bias ?? true;
  return {
    inShape: [cin, h, w],
    outShape,
    inChannels: cin,
    outChannels: cout,
    groups: g,
    kernel,
    stride,
    dilation,
    effectiveKernel: [th.Keff, tw.Keff],
    padBefore: [th.P[0], tw.P[0]],
    outputSize: [th, tw],
    params: { weights: cout * perOut, bias: hasBias ? cout : 0 },
    macs,
    biasAdds: hasBias ? outElems : 0,
    flops: 2 * macs,
  };
}

export function checkFits(th: OutputSizeTrace, tw: OutputSizeTrace, kernel: Pair): void {
  for (const t of [th, tw]) {
    if (t.P[0] < 0 || t.P[1] < 0) throw shapeError('negative-padding', {});
  }
  if (th.numerator < 0 || tw.numerator < 0) {
    const dilated = th.Keff !== kernel[0] || tw.Keff !== kernel[1];
    const keff: Pair = [th.Keff, tw.Keff];
    const padded = { h: th.X + th.P[0] + th.P[1], w: tw.X + tw.P[0] + tw.P[1] };
    throw dilated
      ? shapeError('kernel-too-large-dilated', {
          kernel: pairText(kernel),
          dilated: pairText(keff),
          ...padded,
        })
      : shapeError('kernel-too-large', { kernel: pairText(kernel), ...padded });
  }
}

/** Formula traces of a conv2d (output size, params, MACs, bias adds). */
export function conv2dFormulas(c: Conv2dInfo): FormulaTrace[] {
  const [cout, mh, mw] = c.outShape;
  const [kh, kw] = c.kernel;
  const g = c.groups;
  const cinG = c.inChannels / g;
  const gPart = g === 1 ? 'C_{in}' : '\\frac{C_{in}}{g}';
  const gNum = g === 1 ? `${c.inChannels}` : `\\frac{${c.inChannels}}{${g}}`;
  return [
    outputSizeFormula(c.outputSize[0], 'h'),
    outputSizeFormula(c.outputSize[1], 'w'),
    trace(
      'params.weights',
      `C_{out} \\cdot ${gPart} \\cdot K_h \\cdot K_w`,
      `${cout} \\cdot ${gNum} \\cdot ${kh} \\cdot ${kw} = ${tex(c.params.weights)}`,
      c.params.weights,
    ),
    trace(
      'params.bias',
      c.params.bias ? 'C_{out}' : '0 \\text{ (no bias)}',
      `${c.params.bias}`,
      c.params.bias,
    ),
    trace(
      'macs',
      `C_{out} \\cdot M_h \\cdot M_w \\cdot ${gPart} \\cdot K_h \\cdot K_w`,
      `${cout} \\cdot ${mh} \\cdot ${mw} \\cdot ${g === 1 ? cinG : gNum} \\cdot ${kh} \\cdot ${kw} = ${tex(c.macs)}`,
      c.macs,
    ),
    trace(
      'ops.bias',
      c.biasAdds ? 'C_{out} \\cdot M_h \\cdot M_w' : '0 \\text{ (no bias)}',
      c.biasAdds ? `${cout} \\cdot ${mh} \\cdot ${mw} = ${tex(c.biasAdds)}` : '0',
      c.biasAdds,
    ),
  ];
}

/** {@link conv2dCore} plus its formula traces; the helper quizzes and lessons use. */
export function conv2dInfo(p: Conv2dParams): Conv2dInfo & { formulas: FormulaTrace[] } {
  const c = conv2dCore(p);
  const formulas = conv2dFormulas(c);
  formulas.push(
    trace('flops', '2 \\cdot \\text{MACs}', `2 \\cdot ${tex(c.macs)} = ${tex(c.flops)}`, c.flops),
  );
  return { ...c, formulas };
}

export interface ConvTranspose2dParams {
  inShape: readonly number[];
  outChannels: number;
  kernel: IntOrPair;
  stride?: IntOrPair;
  padding?: IntOrPair;
  outputPadding?: IntOrPair;
  dilation?: IntOrPair;
  groups?: number;
  bias?: boolean;
}

/**
 * Transposed convolution. weights = C_in · (C_out / g) · K_h · K_w; each input element is scattered
 * over K_h·K_w·C_out/g outputs, so MACs = in_elements · (C_out / g) · K_h · K_w (fvcore's count; thop and
 * torchinfo count by the output instead, about stride² more — docs/conventions.md).
 */
export function convTranspose2dCore(p: ConvTranspose2dParams): Conv2dInfo {
  if (p.inShape.length !== 3) throw shapeError('needs-chw', { shape: shapeText(p.inShape) });
  const [cin, h, w] = p.inShape;
  const cout = p.outChannels;
  const g = p.groups ?? 1;
  const kernel = toPair(p.kernel, 1);
  const stride = toPair(p.stride, 1);
  const dilation = toPair(p.dilation, 1);
  const pad = toPair(p.padding, 0);
  const opad = toPair(p.outputPadding, 0);
  requirePositiveInt(cout, 'out_channels');
  requirePositiveInt(g, 'groups');
  for (let i = 0; i < 2; i++) {
    requirePositiveInt(kernel[i], 'kernel');
    requirePositiveInt(stride[i], 'stride');
    requirePositiveInt(dilation[i], 'dilation');
    requireNonNegInt(pad[i], 'padding');
    requireNonNegInt(opad[i], 'output_padding');
    if (opad[i] >= stride[i] && opad[i] >= dilation[i])
      throw shapeError('output-padding-too-large', {
        value: opad[i],
        stride: stride[i],
        dilation: dilation[i],
      });
  }
  if (cin % g !== 0) throw shapeError('groups-in-channels', { channels: cin, groups: g });
  if (cout % g !== 0) throw shapeError('groups-out-channels', { channels: cout, groups: g });
  const th = convTransposeOutputSize({
    size: h,
    kernel: kernel[0],
    stride: stride[0],
    padding: pad[0],
    outputPadding: opad[0],
    dilation: dilation[0],
  });
  const tw = convTransposeOutputSize({
    size: w,
    kernel: kernel[1],
    stride: stride[1],
    padding: pad[1],
    outputPadding: opad[1],
    dilation: dilation[1],
  });
  if (th.result < 1 || tw.result < 1)
    throw shapeError('transposed-output-below-1', { h: th.result, w: tw.result, padding: pairText(pad) });
  const outElems = cout * th.result * tw.result;
  const macs = cin * h * w * (cout / g) * kernel[0] * kernel[1];
  const hasBias = p.bias ?? true;
  return {
    inShape: [cin, h, w],
    outShape: [cout, th.result, tw.result],
    inChannels: cin,
    outChannels: cout,
    groups: g,
    kernel,
    stride,
    dilation,
    effectiveKernel: [th.Keff, tw.Keff],
    padBefore: pad,
    outputSize: [th, tw],
    params: { weights: cin * (cout / g) * kernel[0] * kernel[1], bias: hasBias ? cout : 0 },
    macs,
    biasAdds: hasBias ? outElems : 0,
    flops: 2 * macs,
  };
}

export function convTranspose2dFormulas(c: Conv2dInfo): FormulaTrace[] {
  const [cin, h, w] = c.inShape;
  const [kh, kw] = c.kernel;
  const g = c.groups;
  const coutG = g === 1 ? `${c.outChannels}` : `\\frac{${c.outChannels}}{${g}}`;
  return [
    outputSizeFormula(c.outputSize[0], 'h'),
    outputSizeFormula(c.outputSize[1], 'w'),
    trace(
      'params.weights',
      'C_{in} \\cdot \\frac{C_{out}}{g} \\cdot K_h \\cdot K_w',
      `${cin} \\cdot ${coutG} \\cdot ${kh} \\cdot ${kw} = ${tex(c.params.weights)}`,
      c.params.weights,
    ),
    trace(
      'params.bias',
      c.params.bias ? 'C_{out}' : '0 \\text{ (no bias)}',
      `${c.params.bias}`,
      c.params.bias,
    ),
    trace(
      'macs',
      'C_{in} \\cdot H_{in} \\cdot W_{in} \\cdot \\frac{C_{out}}{g} \\cdot K_h \\cdot K_w',
      `${cin} \\cdot ${h} \\cdot ${w} \\cdot ${coutG} \\cdot ${kh} \\cdot ${kw} = ${tex(c.macs)}`,
      c.macs,
    ),
    trace('ops.bias', c.biasAdds ? 'C_{out} \\cdot M_h \\cdot M_w' : '0', `${tex(c.biasAdds)}`, c.biasAdds),
  ];
}
