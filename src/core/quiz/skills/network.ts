import { analyzeModel } from '../../analysis/analyze';
import type { LayerSpec, ModelSpec } from '../../model/types';
import { ModelBuilder } from '../../zoo/builder';
import type { QuizRng } from '../rng';
import type { Built, Difficulty } from '../types';
import { draw, fill, QuizSpecError, realSlips, type SkillDef, trace } from './common';

export interface NetworkSpec {
  model: ModelSpec;
  ask: 'params' | 'macs' | 'max-macs' | 'max-params';
}

const T = {
  'quiz.network.params':
    'A network with input {input}:\n{layers}\nHow many learnable parameters does it have in total?',
  'quiz.network.macs':
    'A network with input {input}:\n{layers}\nHow many MACs (multiply-accumulates of conv and linear layers; bias adds not counted) does one forward pass take?',
  'quiz.network.max-macs':
    'A network with input {input}:\n{layers}\nWhich layer performs the most MACs? Answer with its name.',
  'quiz.network.max-params':
    'A network with input {input}:\n{layers}\nWhich layer has the most parameters? Answer with its name.',
};

/** A PyTorch-like one-line description of a layer. */
export function layerText(l: LayerSpec, inChannels: number | undefined): string {
  switch (l.op) {
    case 'conv2d': {
      const k = typeof l.kernel === 'number' ? `${l.kernel}×${l.kernel}` : `${l.kernel[0]}×${l.kernel[1]}`;
      const extras = [
        `stride ${JSON.stringify(l.stride ?? 1)}`,
        `padding ${JSON.stringify(l.padding ?? 0)}`,
        ...(l.dilation !== undefined && l.dilation !== 1 ? [`dilation ${JSON.stringify(l.dilation)}`] : []),
        ...(l.groups && l.groups > 1 ? [`groups ${l.groups}`] : []),
        `bias=${l.bias === false ? 'False' : 'True'}`,
      ];
      return `Conv2d(${inChannels ?? '?'} → ${l.out_channels}, kernel ${k}, ${extras.join(', ')})`;
    }
    case 'maxpool2d':
    case 'avgpool2d':
      return `${l.op === 'maxpool2d' ? 'MaxPool2d' : 'AvgPool2d'}(kernel ${JSON.stringify(l.kernel)}, stride ${JSON.stringify(l.stride ?? l.kernel)}${l.padding ? `, padding ${JSON.stringify(l.padding)}` : ''}${l.ceil_mode ? ', ceil_mode=True' : ''})`;
    case 'linear':
      return `Linear(${inChannels ?? '?'} → ${l.out_features}, bias=${l.bias === false ? 'False' : 'True'})`;
    case 'flatten':
      return 'Flatten()';
    case 'relu':
      return 'ReLU()';
    default:
      return l.op;
  }
}

/** The layer list as text, one `name: Layer(...)` per line, with the input channels taken from the core. */
export function networkText(model: ModelSpec, a = analyzeModel(model)): string {
  return a.layers.map((r, i) => `  ${r.id}: ${layerText(model.layers[i], r.inputShapes[0]?.[0])}`).join('\n');
}

function uniqueMax(values: number[]): number {
  let best = -1;
  let second = -1;
  let idx = -1;
  values.forEach((v, i) => {
    if (v > best) {
      second = best;
      best = v;
      idx = i;
    } else if (v > second) second = v;
  });
  if (best <= 0 || best === second) throw new QuizSpecError('no single largest layer');
  return idx;
}

function build(s: NetworkSpec): Built {
  const a = analyzeModel(s.model);
  const weighted = a.layers.filter((l) => l.op === 'conv2d' || l.op === 'linear');
  const params = { input: s.model.input.join('×'), layers: networkText(s.model, a) };
  const key = `quiz.network.${s.ask}` as const;
  const base = { prompt: { key, params }, text: fill(T[key], params), layerIds: a.layers.map((l) => l.id) };
  if (s.ask === 'params') {
    const total = a.totals.params;
    const bias = weighted.reduce((acc, l) => acc + l.params.bias, 0);
    return {
      ...base,
      answerKind: 'integer',
      expected: total,
      tolerance: { kind: 'exact' },
      solution: {
        steps: [
          ...weighted.flatMap((l) =>
            l.formulas
              .filter((f) => f.quantity.startsWith('params.'))
              .map((f) => ({ ...f, quantity: `${l.id}.${f.quantity}` })),
          ),
          trace(
            'totals.params',
            '\\sum_l (W_l + b_l)',
            `${weighted.map((l) => l.params.total).join(' + ')} = ${total}`,
            total,
          ),
        ],
        final: `${total} parameters`,
      },
      slips: realSlips(total, [bias > 0 ? { id: 'forgot-bias', value: total - bias } : null]),
    };
  }
  if (s.ask === 'macs') {
    const total = a.totals.macs;
    const convOnly = weighted.filter((l) => l.op === 'conv2d').reduce((acc, l) => acc + l.macs, 0);
    return {
      ...base,
      answerKind: 'integer',
      unit: 'MACs',
      expected: total,
      tolerance: { kind: 'exact' },
      solution: {
        steps: [
          ...weighted.flatMap((l) =>
            l.formulas
              .filter((f) => f.quantity === 'macs' || f.quantity.startsWith('outputSize'))
              .map((f) => ({ ...f, quantity: `${l.id}.${f.quantity}` })),
          ),
          trace(
            'totals.macs',
            '\\sum_l \\text{MACs}_l',
            `${weighted.map((l) => l.macs).join(' + ')} = ${total}`,
            total,
          ),
        ],
        final: `${total} MACs`,
      },
      slips: realSlips(total, [
        {
          id: 'flops-for-macs',
          value: (a.options.convention === 'flops' ? a : analyzeModel(s.model, { convention: 'flops' }))
            .totals.flops,
        },
        weighted.some((l) => l.op === 'linear') ? { id: 'forgot-linear-layers', value: convOnly } : null,
      ]),
    };
  }
  const metric = (l: (typeof a.layers)[number]) => (s.ask === 'max-macs' ? l.macs : l.params.total);
  const best = a.layers[uniqueMax(a.layers.map(metric))];
  const otherMetric = (l: (typeof a.layers)[number]) => (s.ask === 'max-macs' ? l.params.total : l.macs);
  let otherBest: string | null = null;
  try {
    otherBest = a.layers[uniqueMax(a.layers.map(otherMetric))].id;
  } catch {
    // No single leader under the other measure: no slip to name.
  }
  const q = s.ask === 'max-macs' ? 'macs' : 'params';
  return {
    ...base,
    answerKind: 'layer-id',
    expected: best.id,
    tolerance: { kind: 'exact' },
    solution: {
      steps: weighted.map((l) =>
        trace(
          `${l.id}.${q}`,
          q === 'macs' ? '\\text{MACs}_l' : 'W_l + b_l',
          `${l.id}: ${metric(l)}`,
          metric(l),
        ),
      ),
      final: `${best.id} (${metric(best)} ${q === 'macs' ? 'MACs' : 'parameters'})`,
    },
    slips: realSlips(best.id, [
      otherBest === null
        ? null
        : { id: s.ask === 'max-macs' ? 'params-for-macs' : 'macs-for-params', value: otherBest },
    ]),
  };
}

function make(rng: QuizRng, d: Difficulty): NetworkSpec {
  return draw(
    rng,
    (): NetworkSpec => {
      const count = d === 1 ? 3 : d === 2 ? rng.int(4, 5) : rng.int(5, 6);
      const hw = rng.pick(d === 1 ? [8, 16, 32] : [16, 28, 32, 56, 64]);
      const b = new ModelBuilder();
      let spatial = hw;
      let convs = 0;
      let flat = false;
      const withLinear = d === 3;
      for (let i = 0; i < count; i++) {
        const remaining = count - i;
        if (withLinear && !flat && remaining <= 2) {
          b.add('flatten', { op: 'flatten' });
          flat = true;
          b.add('fc', { op: 'linear', out_features: rng.pick([10, 100]), bias: true });
          break;
        }
        if (convs > 0 && d > 1 && spatial >= 4 && rng.chance(0.3)) {
          b.add(`pool${i + 1}`, { op: 'maxpool2d', kernel: 2, stride: 2 });
          spatial = Math.floor(spatial / 2);
          continue;
        }
        const k = rng.pick([1, 3, 3, 5]);
        const stride = d > 1 && spatial > 8 && rng.chance(0.3) ? 2 : 1;
        const out = rng.pick([8, 16, 32, 64, 128]);
        convs++;
        b.conv(`conv${convs}`, out, k, { stride, padding: (k - 1) / 2, bias: rng.chance(0.6) });
        spatial = Math.floor((spatial - 1) / stride) + 1;
      }
      return {
        model: b.model('quiz-net', [rng.pick([1, 3]), hw, hw]),
        ask: rng.pick(
          d === 1 ? (['params', 'macs'] as const) : (['params', 'macs', 'max-macs', 'max-params'] as const),
        ),
      };
    },
    build,
    // At least two layers with weights, so that totals and "which dominates" mean something.
    (s) => s.model.layers.filter((l) => l.op === 'conv2d' || l.op === 'linear').length >= 2,
  );
}

export const networkTotals: SkillDef<NetworkSpec> = {
  id: 'network-totals',
  title: 'Totals of a small network',
  templates: T,
  make,
  build,
};
