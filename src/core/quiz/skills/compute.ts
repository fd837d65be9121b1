import { analyzeModel } from '../../analysis/analyze';
import type { Dtype } from '../../analysis/types';
import { conv2dInfo } from '../../formulas/layers';
import type { Pair, PaddingSpec } from '../../model/types';
import { ModelBuilder } from '../../zoo/builder';
import type { QuizRng } from '../rng';
import { BYTE_UNIT_SIZE, type Built, type ByteUnit, type Difficulty, type SlipCandidate } from '../types';
import { draw, fill, kText, realSlips, type SkillDef, trace } from './common';

/** One conv layer on an input, shared by the MACs/FLOPs and memory skills. */
export interface ConvLayerSpec {
  input: [number, number, number];
  outChannels: number;
  kernel: Pair;
  stride: number;
  padding: number;
  groups: number;
  bias: boolean;
}

function convText(c: ConvLayerSpec): string {
  const g = c.groups > 1 ? `, groups=${c.groups}` : '';
  return `Conv2d(${c.input[0]} → ${c.outChannels}, kernel ${kText(c.kernel)}, stride ${c.stride}, padding ${c.padding}${g}, bias=${c.bias ? 'True' : 'False'})`;
}

function inputText(c: ConvLayerSpec): string {
  return `${c.input[0]}×${c.input[1]}×${c.input[2]}`;
}

function drawConv(rng: QuizRng, d: Difficulty): ConvLayerSpec {
  const k = rng.pick(d === 1 ? [1, 3, 3, 5] : [1, 3, 3, 5, 7]);
  const cin = rng.pick(d === 1 ? [3, 16, 32, 64] : [16, 32, 64, 128, 256]);
  const hw = rng.pick(d === 1 ? [8, 14, 16, 28, 32, 56] : [7, 13, 14, 27, 28, 55, 56, 112, 224]);
  const depthwise = d === 3 && rng.chance(0.4);
  const groups = d === 3 ? (depthwise ? cin : rng.pick([1, 2, 4])) : 1;
  return {
    input: [cin, hw, d === 3 && rng.chance(0.3) ? rng.pick([14, 28, 56]) : hw],
    outChannels: depthwise ? cin : rng.pick([16, 32, 64, 128, 256]),
    kernel: [k, k],
    stride: d === 1 ? 1 : rng.pick([1, 2, 2]),
    padding: d === 1 ? (k - 1) / 2 : rng.int(0, (k - 1) / 2),
    groups,
    bias: rng.chance(0.5),
  };
}

function convInfoOf(c: ConvLayerSpec, o: Partial<ConvLayerSpec> = {}) {
  const s = { ...c, ...o };
  return conv2dInfo({
    inShape: s.input,
    outChannels: s.outChannels,
    kernel: s.kernel,
    stride: s.stride,
    padding: s.padding,
    groups: s.groups,
    bias: s.bias,
  });
}

// ---------------------------------------------------------------- conv-macs-flops

export type CountConvention = 'macs' | 'flops' | 'flops+bias';

export interface MacsSpec {
  conv: ConvLayerSpec;
  convention: CountConvention;
}

const CONVENTION_TEXT: Record<CountConvention, string> = {
  macs: 'Count multiply-accumulates (MACs): one multiply plus one add is 1 MAC; bias adds are not counted.',
  flops:
    'Count FLOPs with the convention FLOPs = 2 × MACs (each multiply-accumulate is a multiply and an add); bias adds are not counted.',
  'flops+bias': 'Count FLOPs = 2 × MACs plus one add per output element for the bias.',
};

const TM = {
  'quiz.macs.conv':
    '{layer} is applied to an input of shape {input} (C×H×W). {convention} How many {unit} does the layer perform?',
};

/** The count under a convention, from the core's MACs, FLOPs and bias adds. */
function countOf(c: ReturnType<typeof convInfoOf>, conv: CountConvention): number {
  return conv === 'macs' ? c.macs : conv === 'flops' ? c.flops : c.flops + c.biasAdds;
}

function macsBuild(s: MacsSpec): Built {
  const c = convInfoOf(s.conv);
  const expected = countOf(c, s.convention);
  const unit = s.convention === 'macs' ? 'MACs' : 'FLOPs';
  const params = {
    layer: convText(s.conv),
    input: inputText(s.conv),
    convention: CONVENTION_TEXT[s.convention],
    unit,
  };
  const want = new Set(['outputSize.h', 'outputSize.w', 'macs']);
  if (s.convention !== 'macs') want.add('flops');
  if (s.convention === 'flops+bias') want.add('ops.bias');
  const steps = c.formulas.filter((f) => want.has(f.quantity));
  if (s.convention === 'flops+bias') {
    steps.push(
      trace(
        'flops.total',
        '2 \\cdot \\text{MACs} + \\text{bias adds}',
        `${c.flops} + ${c.biasAdds} = ${expected}`,
        expected,
      ),
    );
  }
  const slipConv = (id: SlipCandidate['id'], conv: CountConvention): SlipCandidate => ({
    id,
    value: countOf(c, conv),
  });
  const sameSize = convInfoOf(s.conv, { stride: 1, padding: (s.conv.kernel[0] - 1) / 2 });
  return {
    prompt: { key: 'quiz.macs.conv', params },
    text: fill(TM['quiz.macs.conv'], params),
    answerKind: 'integer',
    unit,
    expected,
    tolerance: { kind: 'exact' },
    solution: { steps, final: `${expected} ${unit} (output ${c.outShape.join('×')})` },
    slips: realSlips(expected, [
      s.convention === 'macs' ? slipConv('flops-for-macs', 'flops') : slipConv('macs-for-flops', 'macs'),
      s.convention === 'flops+bias' ? slipConv('forgot-bias-adds', 'flops') : null,
      s.convention === 'flops+bias' ? { id: 'macs-for-flops', value: c.macs + c.biasAdds } : null,
      Number.isInteger(sameSize.outShape[1])
        ? { id: 'used-input-size', value: countOf(sameSize, s.convention) }
        : null,
      s.conv.groups > 1
        ? { id: 'ignored-groups', value: countOf(convInfoOf(s.conv, { groups: 1 }), s.convention) }
        : null,
    ]),
  };
}

function macsMake(rng: QuizRng, d: Difficulty): MacsSpec {
  return draw(
    rng,
    (): MacsSpec => ({
      conv: drawConv(rng, d),
      convention:
        d === 1
          ? rng.pick(['macs', 'flops'] as const)
          : d === 2
            ? rng.pick(['macs', 'flops'] as const)
            : rng.pick(['macs', 'flops', 'flops+bias'] as const),
    }),
    macsBuild,
    (s) => s.convention !== 'flops+bias' || s.conv.bias,
  );
}

export const convMacs: SkillDef<MacsSpec> = {
  id: 'conv-macs-flops',
  title: 'MACs and FLOPs of a conv layer',
  templates: TM,
  make: macsMake,
  build: macsBuild,
};

// ---------------------------------------------------------------- feature-map-memory

export interface MemorySpec {
  conv: ConvLayerSpec;
  dtype: Extract<Dtype, 'fp32' | 'fp16'>;
  /** elements: output elements; bytes: the output map's size; access: input + weights + output bytes. */
  ask: 'elements' | 'bytes' | 'access';
  /** The unit the answer is asked in; undefined: any unit, but it must be stated. */
  unit?: ByteUnit;
}

const TMEM = {
  'quiz.memory.elements':
    '{layer} is applied to an input of shape {input} (C×H×W). How many elements does its output feature map hold?',
  'quiz.memory.bytes':
    '{layer} is applied to an input of shape {input} (C×H×W), in {dtype} ({bytes} bytes per value). How large is its output feature map, {unitText}?',
  'quiz.memory.access':
    '{layer} is applied to an input of shape {input} (C×H×W), in {dtype} ({bytes} bytes per value). Its memory access is the input read + the parameters read + the output written. How many bytes is that, {unitText}?',
};

/** The unit whose confusion is the classic slip (MB ↔ MiB). */
const PARTNER: Partial<Record<ByteUnit, ByteUnit>> = {
  KB: 'KiB',
  KiB: 'KB',
  MB: 'MiB',
  MiB: 'MB',
  GB: 'GiB',
  GiB: 'GB',
};

function unitText(u: ByteUnit | undefined): string {
  if (u === undefined)
    return 'stating the unit (e.g. MB = 10⁶ bytes or MiB = 2²⁰ bytes), to 4 significant digits';
  if (u === 'B') return 'in bytes';
  const base = u.includes('i')
    ? `2${['¹⁰', '²⁰', '³⁰'][['KiB', 'MiB', 'GiB'].indexOf(u)]}`
    : `10${['³', '⁶', '⁹'][['KB', 'MB', 'GB'].indexOf(u)]}`;
  return `in ${u} (1 ${u} = ${base} bytes), to 4 significant digits`;
}

function layerModel(c: ConvLayerSpec) {
  const b = new ModelBuilder();
  b.add('conv', {
    op: 'conv2d',
    out_channels: c.outChannels,
    kernel: c.kernel,
    stride: c.stride,
    padding: c.padding as PaddingSpec,
    groups: c.groups,
    bias: c.bias,
  });
  return b.model('quiz', c.input);
}

function memoryBuild(s: MemorySpec): Built {
  const model = layerModel(s.conv);
  const row = analyzeModel(model, { dtype: s.dtype }).layers[0];
  const other = analyzeModel(model, { dtype: s.dtype === 'fp32' ? 'fp16' : 'fp32' }).layers[0];
  const bytesPer = s.dtype === 'fp32' ? 4 : 2;
  const key = `quiz.memory.${s.ask}` as const;
  const params = {
    layer: convText(s.conv),
    input: inputText(s.conv),
    dtype: s.dtype,
    bytes: bytesPer,
    unitText: unitText(s.unit),
  };
  const text = fill(TMEM[key], params);
  const size = row.formulas.filter((f) => f.quantity === 'outputSize.h' || f.quantity === 'outputSize.w');
  const pick = (q: string[]) => row.formulas.filter((f) => q.includes(f.quantity));
  if (s.ask === 'elements') {
    return {
      prompt: { key, params },
      text,
      answerKind: 'integer',
      expected: row.outputElements,
      tolerance: { kind: 'exact' },
      solution: {
        steps: [...size, ...pick(['outputElements'])],
        final: `${row.outputShape.join('×')} = ${row.outputElements} elements`,
      },
      slips: [],
    };
  }
  const bytes = s.ask === 'bytes' ? row.activation.bytes : row.memoryAccess.totalBytes;
  const otherBytes = s.ask === 'bytes' ? other.activation.bytes : other.memoryAccess.totalBytes;
  const inUnit = (b: number, u: ByteUnit | undefined) =>
    u ? `${Number((b / BYTE_UNIT_SIZE[u]).toPrecision(4))} ${u}` : `${b} bytes`;
  const shown = s.unit ?? 'MB';
  const steps =
    s.ask === 'bytes'
      ? [...size, ...pick(['outputElements', 'activation.bytes'])]
      : [
          ...size,
          ...pick([
            'outputElements',
            'memoryAccess.inputBytes',
            'memoryAccess.weightBytes',
            'memoryAccess.outputBytes',
            'memoryAccess.totalBytes',
          ]),
        ];
  const partner = s.unit ? PARTNER[s.unit] : undefined;
  const m = row.memoryAccess;
  return {
    prompt: { key, params },
    text,
    answerKind: 'bytes',
    unit: s.unit,
    expected: bytes,
    tolerance: s.unit === 'B' ? { kind: 'exact' } : { kind: 'sigfigs', digits: 4 },
    solution: {
      steps,
      final: `${bytes} bytes = ${inUnit(bytes, shown)}${s.unit === undefined ? ` = ${inUnit(bytes, 'MiB')}` : ''}`,
    },
    slips: realSlips(bytes, [
      // Computed in the partner unit but written as the asked one: the number is right for the wrong unit.
      partner && s.unit
        ? { id: 'mixed-mb-mib', value: (bytes / BYTE_UNIT_SIZE[partner]) * BYTE_UNIT_SIZE[s.unit] }
        : null,
      { id: 'dtype-bytes', value: otherBytes },
      s.ask === 'access' ? { id: 'forgot-input-read', value: m.totalBytes - m.inputBytes } : null,
      s.ask === 'access' ? { id: 'forgot-weights-read', value: m.totalBytes - m.weightBytes } : null,
    ]),
  };
}

function memoryMake(rng: QuizRng, d: Difficulty): MemorySpec {
  return draw(
    rng,
    (): MemorySpec => {
      const conv = drawConv(rng, d === 3 ? 2 : d);
      if (d === 1)
        return rng.chance(0.5)
          ? { conv, dtype: 'fp32', ask: 'elements' }
          : { conv, dtype: 'fp32', ask: 'bytes', unit: rng.pick(['B', 'KB', 'KiB'] as const) };
      if (d === 2)
        return {
          conv,
          dtype: rng.pick(['fp32', 'fp16'] as const),
          ask: 'bytes',
          unit: rng.pick(['KB', 'KiB', 'MB', 'MiB'] as const),
        };
      return {
        conv,
        dtype: rng.pick(['fp32', 'fp16'] as const),
        ask: rng.pick(['bytes', 'access', 'access'] as const),
        unit: rng.chance(0.3) ? undefined : rng.pick(['KB', 'MB', 'MiB'] as const),
      };
    },
    memoryBuild,
  );
}

export const featureMemory: SkillDef<MemorySpec> = {
  id: 'feature-map-memory',
  title: 'Feature-map memory and memory access',
  templates: TMEM,
  make: memoryMake,
  build: memoryBuild,
};
