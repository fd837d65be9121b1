/** Pooling window arithmetic: output size and window reads, with their formula traces. */
import { type FormulaTrace, tex, trace } from '../../formulas/latex';
import {
  convOutputSize,
  type OutputSizeTrace,
  outputSizeFormula,
  paddingForDim,
} from '../../formulas/output-size';
import type { IntOrPair, PaddingSpec, Pair } from '../../model/shape';
import { checkFits } from './conv-math';
import { requirePositiveInt, shapeError, shapeText, toPair } from './shape-math';

export interface Pool2dParams {
  inShape: readonly number[];
  kernel: IntOrPair;
  /** Default: the kernel. */
  stride?: IntOrPair;
  padding?: PaddingSpec;
  dilation?: IntOrPair;
  ceilMode?: boolean;
}

export interface Pool2dInfo {
  inShape: [number, number, number];
  outShape: [number, number, number];
  kernel: Pair;
  stride: Pair;
  dilation: Pair;
  padBefore: Pair;
  outputSize: [OutputSizeTrace, OutputSizeTrace];
  /** out_elements × K_h × K_w (window reads; the reference convention). */
  ops: number;
}

/** Max or average pooling window geometry; PyTorch requires padding ≤ half the (effective) kernel. */
export function pool2dCore(p: Pool2dParams): Pool2dInfo {
  if (p.inShape.length !== 3) throw shapeError('needs-chw', { shape: shapeText(p.inShape) });
  const [c, h, w] = p.inShape;
  const kernel = toPair(p.kernel, 1);
  const stride = p.stride === undefined ? kernel : toPair(p.stride, 1);
  const dilation = toPair(p.dilation, 1);
  for (let i = 0; i < 2; i++) {
    requirePositiveInt(kernel[i], 'kernel');
    requirePositiveInt(stride[i], 'stride');
    requirePositiveInt(dilation[i], 'dilation');
  }
  const ceilMode = p.ceilMode ?? false;
  const th = convOutputSize({
    size: h,
    kernel: kernel[0],
    stride: stride[0],
    padding: paddingForDim(p.padding, 0),
    dilation: dilation[0],
    ceilMode,
  });
  const tw = convOutputSize({
    size: w,
    kernel: kernel[1],
    stride: stride[1],
    padding: paddingForDim(p.padding, 1),
    dilation: dilation[1],
    ceilMode,
  });
  if (typeof p.padding !== 'string') {
    for (const t of [th, tw]) {
      if (t.P[0] * 2 > t.Keff)
        throw shapeError('pool-padding-over-half', { padding: t.P[0], kernel: t.Keff });
    }
  }
  checkFits(th, tw, kernel);
  const outShape: [number, number, number] = [c, th.result, tw.result];
  return {
    inShape: [c, h, w],
    outShape,
    kernel,
    stride,
    dilation,
    padBefore: [th.P[0], tw.P[0]],
    outputSize: [th, tw],
    ops: c * th.result * tw.result * kernel[0] * kernel[1],
  };
}

export function pool2dFormulas(p: Pool2dInfo): FormulaTrace[] {
  const [c, mh, mw] = p.outShape;
  return [
    outputSizeFormula(p.outputSize[0], 'h'),
    outputSizeFormula(p.outputSize[1], 'w'),
    trace(
      'ops.pooling',
      'C \\cdot M_h \\cdot M_w \\cdot K_h \\cdot K_w',
      `${c} \\cdot ${mh} \\cdot ${mw} \\cdot ${p.kernel[0]} \\cdot ${p.kernel[1]} = ${tex(p.ops)}`,
      p.ops,
    ),
  ];
}
