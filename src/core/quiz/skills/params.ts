import { analyzeModel } from '../../analysis/analyze';
import { conv2dInfo, linearInfo } from '../../formulas/layers';
import type { Pair } from '../../model/types';
import { ModelBuilder } from '../../zoo/builder';
import type { QuizRng } from '../rng';
import type { Built, Difficulty } from '../types';
import { draw, fill, kText, realSlips, type SkillDef, trace } from './common';

// ---------------------------------------------------------------- conv-params

export interface ConvParamsSpec {
  inChannels: number;
  outChannels: number;
  kernel: Pair;
  groups: number;
  bias: boolean;
  /** Depthwise-separable block: a depthwise K×K conv (groups = C_in), then a 1×1 pointwise conv to C_out. */
  separable?: { pointwiseBias: boolean };
}

const TC = {
  'quiz.conv-params.plain':
    'How many learnable parameters does Conv2d({inChannels} → {outChannels}, kernel {kernel}, groups={groups}, bias={bias}) have?',
  'quiz.conv-params.separable':
    'A depthwise-separable block: a depthwise Conv2d({inChannels} → {inChannels}, kernel {kernel}, groups={inChannels}, bias={bias}) followed by a pointwise Conv2d({inChannels} → {outChannels}, kernel 1×1, bias={pwBias}). How many learnable parameters does the block have in total?',
};

const pyBool = (b: boolean) => (b ? 'True' : 'False');

function convParamsBuild(s: ConvParamsSpec): Built {
  // Parameter counts do not depend on the spatial size; any input the kernel fits in will do.
  const inShape = [s.inChannels, Math.max(...s.kernel), Math.max(...s.kernel)];
  const main = conv2dInfo({
    inShape,
    outChannels: s.separable ? s.inChannels : s.outChannels,
    kernel: s.kernel,
    groups: s.separable ? s.inChannels : s.groups,
    bias: s.bias,
  });
  const pick = (c: typeof main) => c.formulas.filter((f) => f.quantity.startsWith('params.'));
  const total1 = main.params.weights + main.params.bias;
  if (!s.separable) {
    const params = {
      inChannels: s.inChannels,
      outChannels: s.outChannels,
      kernel: kText(s.kernel),
      groups: s.groups,
      bias: pyBool(s.bias),
    };
    const noGroups = conv2dInfo({ inShape, outChannels: s.outChannels, kernel: s.kernel, bias: s.bias });
    return {
      prompt: { key: 'quiz.conv-params.plain', params },
      text: fill(TC['quiz.conv-params.plain'], params),
      answerKind: 'integer',
      expected: total1,
      tolerance: { kind: 'exact' },
      solution: {
        steps: [
          ...pick(main),
          trace('params.total', 'W + b', `${main.params.weights} + ${main.params.bias} = ${total1}`, total1),
        ],
        final: `${total1} parameters`,
      },
      slips: realSlips(total1, [
        s.bias
          ? { id: 'forgot-bias', value: main.params.weights }
          : {
              id: 'added-bias',
              value:
                total1 +
                conv2dInfo({
                  inShape,
                  outChannels: s.outChannels,
                  kernel: s.kernel,
                  groups: s.groups,
                  bias: true,
                }).params.bias,
            },
        s.groups > 1 ? { id: 'ignored-groups', value: noGroups.params.weights + noGroups.params.bias } : null,
      ]),
    };
  }
  const pw = conv2dInfo({
    inShape: main.outShape,
    outChannels: s.outChannels,
    kernel: 1,
    bias: s.separable.pointwiseBias,
  });
  const total2 = pw.params.weights + pw.params.bias;
  const total = total1 + total2;
  const params = {
    inChannels: s.inChannels,
    outChannels: s.outChannels,
    kernel: kText(s.kernel),
    bias: pyBool(s.bias),
    pwBias: pyBool(s.separable.pointwiseBias),
  };
  const label = (c: typeof main, prefix: string) =>
    pick(c).map((f) => ({ ...f, quantity: `${prefix}.${f.quantity}` }));
  return {
    prompt: { key: 'quiz.conv-params.separable', params },
    text: fill(TC['quiz.conv-params.separable'], params),
    answerKind: 'integer',
    expected: total,
    tolerance: { kind: 'exact' },
    solution: {
      steps: [
        ...label(main, 'depthwise'),
        ...label(pw, 'pointwise'),
        trace(
          'params.total',
          'W_{dw} + b_{dw} + W_{pw} + b_{pw}',
          `${main.params.weights} + ${main.params.bias} + ${pw.params.weights} + ${pw.params.bias} = ${total}`,
          total,
        ),
      ],
      final: `${total1} + ${total2} = ${total} parameters`,
    },
    slips: realSlips(total, [
      s.bias || s.separable.pointwiseBias
        ? { id: 'forgot-bias', value: main.params.weights + pw.params.weights }
        : null,
      { id: 'counted-depthwise-only', value: total1 },
      {
        id: 'ignored-groups',
        value:
          conv2dInfo({ inShape, outChannels: s.inChannels, kernel: s.kernel, bias: s.bias }).params.weights +
          main.params.bias +
          total2,
      },
    ]),
  };
}

function convParamsMake(rng: QuizRng, d: Difficulty): ConvParamsSpec {
  return draw(
    rng,
    (): ConvParamsSpec => {
      const k = rng.pick([1, 3, 3, 5, 7]);
      if (d === 1) {
        return {
          inChannels: rng.pick([1, 3, 16, 32, 64]),
          outChannels: rng.pick([8, 16, 32, 64, 128, 256]),
          kernel: [k, k],
          groups: 1,
          bias: rng.chance(0.5),
        };
      }
      const cin = rng.pick([16, 32, 64, 96, 128, 256]);
      if (d === 2) {
        const depthwise = rng.chance(0.4);
        const groups = depthwise ? cin : rng.pick([2, 4, 8]);
        const outChannels = depthwise ? cin * rng.pick([1, 1, 2]) : rng.pick([32, 64, 128, 256]);
        const kernel: Pair = rng.chance(0.2)
          ? rng.pick([
              [1, 7],
              [7, 1],
              [3, 1],
            ] as Pair[])
          : [k, k];
        return { inChannels: cin, outChannels, kernel, groups, bias: rng.chance(0.5) };
      }
      return {
        inChannels: cin,
        outChannels: rng.pick([32, 64, 128, 256, 512]),
        kernel: [k === 1 ? 3 : k, k === 1 ? 3 : k],
        groups: cin,
        bias: rng.chance(0.5),
        separable: { pointwiseBias: rng.chance(0.5) },
      };
    },
    convParamsBuild,
  );
}

export const convParams: SkillDef<ConvParamsSpec> = {
  id: 'conv-params',
  title: 'Parameters of a conv layer',
  templates: TC,
  make: convParamsMake,
  build: convParamsBuild,
};

// ---------------------------------------------------------------- linear-params

export interface LinearParamsSpec {
  /** Flat input size, or a [C, H, W] feature map that is flattened first. */
  input: [number] | [number, number, number];
  /** Output sizes of one or more Linear layers in a row. */
  outs: number[];
  bias: boolean;
}

const TL = {
  'quiz.linear-params.one': 'How many learnable parameters does Linear({nin} → {nout}, bias={bias}) have?',
  'quiz.linear-params.flatten':
    'A feature map of shape {input} (C×H×W) is flattened and fed to Linear(? → {nout}, bias={bias}). How many learnable parameters does the Linear layer have?',
  'quiz.linear-params.mlp':
    'An MLP has layer sizes {sizes} (every layer a Linear with bias={bias}). How many learnable parameters does it have in total?',
};

function linearBuild(s: LinearParamsSpec): Built {
  const bias = pyBool(s.bias);
  if (s.input.length === 3) {
    const b = new ModelBuilder();
    b.add('flatten', { op: 'flatten' });
    b.add('fc', { op: 'linear', out_features: s.outs[0], bias: s.bias });
    const a = analyzeModel(b.model('quiz', s.input));
    const [flat, fc] = a.layers;
    const total = fc.params.total;
    const params = { input: `${s.input[0]}×${s.input[1]}×${s.input[2]}`, nout: s.outs[0], bias };
    const noFlat = linearInfo(s.input[0], s.outs[0], s.bias);
    return {
      prompt: { key: 'quiz.linear-params.flatten', params },
      text: fill(TL['quiz.linear-params.flatten'], params),
      answerKind: 'integer',
      expected: total,
      tolerance: { kind: 'exact' },
      solution: {
        steps: [
          ...flat.formulas.filter((f) => f.quantity === 'outputShape'),
          ...fc.formulas.filter((f) => f.quantity.startsWith('params.')),
        ],
        final: `Nᵢₙ = ${flat.outputElements}, so ${total} parameters`,
      },
      slips: realSlips(total, [
        s.bias ? { id: 'forgot-bias', value: fc.params.weights } : null,
        { id: 'forgot-flatten', value: noFlat.params.weights + noFlat.params.bias },
      ]),
    };
  }
  const sizes = [s.input[0], ...s.outs];
  const infos = s.outs.map((n, i) => linearInfo(sizes[i], n, s.bias));
  const total = infos.reduce((acc, l) => acc + l.params.weights + l.params.bias, 0);
  const weights = infos.reduce((acc, l) => acc + l.params.weights, 0);
  const one = s.outs.length === 1;
  const key = one ? 'quiz.linear-params.one' : 'quiz.linear-params.mlp';
  const params: Record<string, string | number> = one
    ? { nin: sizes[0], nout: sizes[1], bias }
    : { sizes: sizes.join(' → '), bias };
  const steps = infos.flatMap((l, i) =>
    l.formulas
      .filter((f) => f.quantity.startsWith('params.'))
      .map((f) => (one ? f : { ...f, quantity: `fc${i + 1}.${f.quantity}` })),
  );
  if (!one)
    steps.push(
      trace(
        'params.total',
        '\\sum_l (W_l + b_l)',
        `${infos.map((l) => l.params.weights + l.params.bias).join(' + ')} = ${total}`,
        total,
      ),
    );
  return {
    prompt: { key, params },
    text: fill(TL[key], params),
    answerKind: 'integer',
    expected: total,
    tolerance: { kind: 'exact' },
    solution: { steps, final: `${total} parameters` },
    slips: realSlips(total, [s.bias ? { id: 'forgot-bias', value: weights } : null]),
  };
}

function linearMake(rng: QuizRng, d: Difficulty): LinearParamsSpec {
  return draw(
    rng,
    (): LinearParamsSpec => {
      const bias = rng.chance(0.7);
      if (d === 1)
        return {
          input: [rng.pick([10, 64, 128, 256, 512, 784, 1000, 4096])],
          outs: [rng.pick([2, 10, 64, 100, 128, 1000])],
          bias,
        };
      if (d === 2) {
        const hw = rng.pick([1, 2, 4, 5, 6, 7]);
        return {
          input: [rng.pick([16, 32, 64, 256, 512]), hw, hw],
          outs: [rng.pick([10, 100, 120, 1000, 4096])],
          bias,
        };
      }
      const depth = rng.int(2, 4);
      const outs: number[] = [];
      for (let i = 0; i < depth; i++) outs.push(rng.pick([16, 32, 64, 100, 128, 256, 512]));
      outs[depth - 1] = rng.pick([1, 2, 10]);
      return { input: [rng.pick([2, 8, 32, 64, 784])], outs, bias };
    },
    linearBuild,
  );
}

export const linearParams: SkillDef<LinearParamsSpec> = {
  id: 'linear-params',
  title: 'Parameters of a linear layer',
  templates: TL,
  make: linearMake,
  build: linearBuild,
};
