import { conv2dInfo, pool2dCore } from '../../formulas/layers';
import { convOutputSize, type OutputSizeParams } from '../../formulas/output-size';
import type { Pair } from '../../model/types';
import type { QuizRng } from '../rng';
import type { Built, Difficulty, SlipCandidate } from '../types';
import { draw, fill, realSlips, shapeStr, type SkillDef, sizeTrace } from './common';

export interface OutputSizeSpec {
  op: 'conv' | 'maxpool' | 'avgpool';
  /** Input [C, H, W]. */
  input: [number, number, number];
  /** Conv only. */
  outChannels: number;
  kernel: Pair;
  stride: number;
  padding: number | 'same';
  dilation: number;
  ceilMode: boolean;
  /** 'size': one integer M (square input); 'shape': the output [C, H, W]. */
  ask: 'size' | 'shape';
}

const T = {
  'quiz.output-size.conv':
    'A Conv2d layer with {outChannels} filters of size {kernel}, stride {stride}, padding {padding}{dilationText} is applied to an input of shape {input} (C×H×W). {askText}',
  'quiz.output-size.pool':
    'A pooling layer, {pool} with kernel {kernel}, stride {stride}, padding {padding}{dilationText}{ceilText}, is applied to an input of shape {input} (C×H×W). {askText}',
};

function paddingText(p: number | 'same'): string {
  return p === 'same' ? '"same" (output ⌈X/S⌉; an odd extra pixel goes after, as in TensorFlow)' : String(p);
}

/** The per-dimension output-size params of the spec, optionally with a slip applied. */
function dimParams(s: OutputSizeSpec, dim: 0 | 1): OutputSizeParams {
  return {
    size: s.input[dim + 1],
    kernel: s.kernel[dim],
    stride: s.stride,
    padding: s.padding,
    dilation: s.dilation,
    ceilMode: s.ceilMode,
  };
}

function answerOf(s: OutputSizeSpec, h: number, w: number): number | number[] {
  if (s.ask === 'size') return h;
  return [s.op === 'conv' ? s.outChannels : s.input[0], h, w];
}

function slip(
  s: OutputSizeSpec,
  id: SlipCandidate['id'],
  change: (p: OutputSizeParams) => OutputSizeParams | null,
): SlipCandidate | null {
  const ph = change(dimParams(s, 0));
  const pw = change(dimParams(s, 1));
  if (!ph || !pw) return null;
  const h = convOutputSize(ph).result;
  const w = convOutputSize(pw).result;
  if (h < 1 || w < 1) return null;
  return { id, value: answerOf(s, h, w) };
}

function build(s: OutputSizeSpec): Built {
  let traces;
  let outShape: number[];
  if (s.op === 'conv') {
    const c = conv2dInfo({
      inShape: s.input,
      outChannels: s.outChannels,
      kernel: s.kernel,
      stride: s.stride,
      padding: s.padding,
      dilation: s.dilation,
    });
    traces = c.outputSize;
    outShape = c.outShape;
  } else {
    const p = pool2dCore({
      inShape: s.input,
      kernel: s.kernel,
      stride: s.stride,
      padding: s.padding,
      dilation: s.dilation,
      ceilMode: s.ceilMode,
    });
    traces = p.outputSize;
    outShape = p.outShape;
  }
  const kernel =
    s.kernel[0] === s.kernel[1] ? `${s.kernel[0]}×${s.kernel[0]}` : `${s.kernel[0]}×${s.kernel[1]} (H×W)`;
  const askText =
    s.ask === 'size' ? 'What is the output height (= width) M?' : 'What is the output shape C × H × W?';
  const params = {
    outChannels: s.outChannels,
    kernel,
    stride: s.stride,
    padding: paddingText(s.padding),
    dilationText: s.dilation > 1 ? `, dilation ${s.dilation}` : '',
    pool: s.op === 'maxpool' ? 'MaxPool2d' : 'AvgPool2d',
    ceilText: s.ceilMode ? ', ceil_mode=True' : '',
    input: `${s.input[0]}×${s.input[1]}×${s.input[2]}`,
    askText,
  };
  const key = s.op === 'conv' ? 'quiz.output-size.conv' : 'quiz.output-size.pool';
  const expected = answerOf(s, outShape[1], outShape[2]);
  const steps =
    s.ask === 'size' ? [sizeTrace(traces[0], '')] : [sizeTrace(traces[0], 'h'), sizeTrace(traces[1], 'w')];
  const final =
    s.ask === 'size'
      ? `M = ${outShape[1]}`
      : `${shapeStr(outShape)} (channels ${s.op === 'conv' ? '= filters' : 'unchanged'})`;
  const slips = realSlips(expected, [
    typeof s.padding === 'number' && s.padding > 0
      ? slip(s, 'forgot-2p', (p) => ({ ...p, padding: [s.padding as number, 0] }))
      : null,
    { id: 'forgot-plus-one', value: answerOf(s, outShape[1] - 1, outShape[2] - 1) },
    slip(s, 'floor-ceil', (p) => ({ ...p, ceilMode: !p.ceilMode })),
    s.dilation > 1 ? slip(s, 'forgot-dilation', (p) => ({ ...p, dilation: 1 })) : null,
  ]);
  return {
    prompt: { key, params },
    text: fill(T[key], params),
    answerKind: s.ask === 'size' ? 'integer' : 'shape',
    ...(s.ask === 'size' ? { squareSize: true } : {}),
    diagram: {
      kind: 'conv-window',
      data: {
        size: s.input[1],
        kernel: s.kernel[0],
        stride: s.stride,
        padding: traces[0].P,
        dilation: s.dilation,
        output: outShape[1],
      },
    },
    expected,
    tolerance: { kind: 'exact' },
    solution: { steps, final },
    slips,
  };
}

function make(rng: QuizRng, d: Difficulty): OutputSizeSpec {
  return draw(
    rng,
    (): OutputSizeSpec => {
      if (d === 1) {
        const k = rng.pick([1, 3, 3, 5, 7]);
        const x = rng.int(5, 64);
        return {
          op: 'conv',
          input: [rng.pick([1, 3, 16, 32, 64]), x, x],
          outChannels: rng.pick([8, 16, 32, 64, 128]),
          kernel: [k, k],
          stride: rng.pick([1, 1, 2]),
          padding: rng.int(0, (k - 1) / 2),
          dilation: 1,
          ceilMode: false,
          ask: 'size',
        };
      }
      const op = rng.pick(['conv', 'conv', 'maxpool', 'avgpool'] as const);
      const square = d === 2;
      const k = rng.pick([2, 3, 3, 5, 7, 11]);
      const kernel: Pair = square || rng.chance(0.6) ? [k, k] : [k, rng.pick([1, 3, 5])];
      const h = rng.int(7, d === 2 ? 128 : 230);
      const w = square ? h : rng.chance(0.3) ? h : rng.int(7, 230);
      const ceil = op !== 'conv' && rng.chance(0.5);
      // PyTorch pools refuse a padding above half the kernel (in each dimension): P ≤ ⌊min K / 2⌋.
      const maxPad = Math.floor((op === 'conv' ? Math.max(...kernel) : Math.min(...kernel)) / 2);
      const padding: number | 'same' = op === 'conv' && rng.chance(0.25) ? 'same' : rng.int(0, maxPad);
      return {
        op,
        input: [rng.pick([3, 16, 64, 96, 256]), h, w],
        outChannels: rng.pick([16, 32, 64, 128, 256]),
        kernel,
        stride: op === 'conv' ? rng.pick([1, 2, 2, 3, 4]) : rng.pick([2, 2, 3]),
        padding: padding === 'same' && d === 3 && rng.chance(0.5) ? 0 : padding,
        dilation: d === 3 && op !== 'avgpool' && rng.chance(0.5) ? rng.int(2, 4) : 1,
        ceilMode: ceil,
        ask: d === 2 ? 'size' : 'shape',
      };
    },
    build,
    (s) => {
      const t = convOutputSize(dimParams(s, 0));
      // Difficulty 1 keeps the division exact; the harder levels deliberately include inexact ones.
      return d !== 1 || t.exact;
    },
  );
}

export const outputSize: SkillDef<OutputSizeSpec> = {
  id: 'output-size',
  title: 'Output size',
  templates: T,
  make,
  build,
};
