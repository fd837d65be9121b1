import { analyzeModel } from '../../analysis/analyze';
import type { LayerAnalysis } from '../../analysis/types';
import type { ModelSpec } from '../../model/types';
import type { QuizRng } from '../rng';
import type { Built, Difficulty } from '../types';
import { fill, QuizSpecError, realSlips, shapeStr, trace } from './common';
import { HULL_TEXT } from './receptive-field';

export interface DesignSpec {
  model: ModelSpec;
  designName: string;
  ask: 'output-shape' | 'params' | 'macs' | 'rf' | 'max-macs' | 'max-params';
  /** The layer asked about (not used by the max-* questions). */
  layerId?: string;
}

export const DESIGN_TEMPLATES = {
  'quiz.design.output-shape':
    'In your design "{design}" (input {input}), what is the output shape of layer "{layer}"? Answer as C × H × W, or N for a vector.',
  'quiz.design.params': 'In your design "{design}", how many learnable parameters does layer "{layer}" have?',
  'quiz.design.macs':
    'In your design "{design}" (input {input}), how many MACs does layer "{layer}" perform (bias adds not counted)?',
  'quiz.design.rf':
    'In your design "{design}" (input {input}), what is the receptive field (height, in input pixels) of one unit of layer "{layer}"?{holesText}',
  'quiz.design.max-macs':
    'In your design "{design}" (input {input}), which layer performs the most MACs? Answer with its id.',
  'quiz.design.max-params':
    'In your design "{design}", which layer has the most parameters? Answer with its id.',
};

function layerOf(rows: LayerAnalysis[], id: string | undefined): LayerAnalysis {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new QuizSpecError(`the design has no layer "${id}"`);
  return row;
}

/**
 * Layers at or after a global or adaptive pooling: a unit there sees the whole input by convention
 * (the analysis reports the largest window), so their RF is not asked.
 */
function afterGlobalPooling(model: ModelSpec): Set<string> {
  const out = new Set<string>();
  let prev: string | null = null;
  for (const l of model.layers) {
    const inputs = l.inputs ?? (prev ? [prev] : []);
    if (l.op === 'global_avgpool' || l.op.startsWith('adaptive_') || inputs.some((i) => out.has(i)))
      out.add(l.id);
    prev = l.id;
  }
  return out;
}

export function buildDesign(s: DesignSpec): Built {
  const a = analyzeModel(s.model);
  const key = `quiz.design.${s.ask}` as const;
  const asked = s.ask === 'rf' ? layerOf(a.layers, s.layerId) : null;
  const params = {
    design: s.designName,
    input: s.model.input.join('×'),
    layer: s.layerId ?? '',
    ...(s.ask === 'rf' ? { holesText: asked?.rf.hasHoles ? HULL_TEXT : '' } : {}),
  };
  const base = {
    prompt: { key, params },
    text: fill(DESIGN_TEMPLATES[key], params),
    tolerance: { kind: 'exact' } as const,
    layerIds: a.layers.map((l) => l.id),
  };
  const pick = (row: LayerAnalysis, q: (name: string) => boolean) =>
    row.formulas.filter((f) => q(f.quantity));
  switch (s.ask) {
    case 'output-shape': {
      const row = layerOf(a.layers, s.layerId);
      const steps = pick(row, (q) => q.startsWith('outputSize') || q.startsWith('outputShape'));
      const expected = [...row.outputShape];
      const slips = [];
      if (row.outputSizeTrace) {
        const [th, tw] = row.outputSizeTrace;
        if (row.outputShape.length === 3)
          slips.push({
            id: 'forgot-plus-one' as const,
            value: [row.outputShape[0], th.result - 1, tw.result - 1],
          });
      }
      return {
        ...base,
        answerKind: 'shape',
        expected,
        solution: { steps, final: shapeStr(expected) },
        slips: realSlips(expected, slips),
      };
    }
    case 'params': {
      const row = layerOf(a.layers, s.layerId);
      const total = row.params.total;
      return {
        ...base,
        answerKind: 'integer',
        expected: total,
        solution: { steps: pick(row, (q) => q.startsWith('params.')), final: `${total} parameters` },
        slips: realSlips(total, [row.params.bias ? { id: 'forgot-bias', value: row.params.weights } : null]),
      };
    }
    case 'macs': {
      const row = layerOf(a.layers, s.layerId);
      return {
        ...base,
        answerKind: 'integer',
        unit: 'MACs',
        expected: row.macs,
        solution: {
          steps: pick(row, (q) => q === 'macs' || q.startsWith('outputSize')),
          final: `${row.macs} MACs`,
        },
        slips: realSlips(row.macs, [{ id: 'flops-for-macs', value: 2 * row.macs }]),
      };
    }
    case 'rf': {
      const row = layerOf(a.layers, s.layerId);
      if (afterGlobalPooling(s.model).has(row.id))
        throw new QuizSpecError('the RF after global or adaptive pooling is a convention, not asked');
      return {
        ...base,
        answerKind: 'integer',
        expected: row.rf.size[0],
        solution: { steps: pick(row, (q) => q === 'rf.size.h'), final: `r = ${row.rf.size[0]}` },
        slips: [],
      };
    }
    default: {
      const metric = (l: LayerAnalysis) => (s.ask === 'max-macs' ? l.macs : l.params.total);
      const best = Math.max(...a.layers.map(metric));
      const leaders = a.layers.filter((l) => metric(l) === best);
      if (best <= 0 || leaders.length !== 1) throw new QuizSpecError('no single largest layer');
      const unit = s.ask === 'max-macs' ? 'MACs' : 'parameters';
      const ranked = [...a.layers]
        .filter((l) => metric(l) > 0)
        .sort((x, y) => metric(y) - metric(x))
        .slice(0, 5);
      return {
        ...base,
        answerKind: 'layer-id',
        expected: leaders[0].id,
        solution: {
          steps: ranked.map((l) =>
            trace(
              `${l.id}.${s.ask === 'max-macs' ? 'macs' : 'params'}`,
              s.ask === 'max-macs' ? '\\text{MACs}_l' : 'W_l + b_l',
              `${l.id}: ${metric(l)}`,
              metric(l),
            ),
          ),
          final: `${leaders[0].id} (${metric(leaders[0])} ${unit})`,
        },
        slips: [],
      };
    }
  }
}

/**
 * Draws a design question: difficulty 1 asks about parameters or MACs of one layer, 2 about output
 * shapes and which layer dominates, 3 about receptive fields too.
 */
export function makeDesign(rng: QuizRng, model: ModelSpec, designName: string, d: Difficulty): DesignSpec {
  const a = analyzeModel(model);
  const globalLayers = afterGlobalPooling(model);
  const asks: DesignSpec['ask'][] =
    d === 1
      ? ['params', 'macs']
      : d === 2
        ? ['output-shape', 'max-macs', 'params', 'macs']
        : ['output-shape', 'rf', 'max-macs', 'max-params', 'macs'];
  for (let i = 0; i < 200; i++) {
    const ask = rng.pick(asks);
    const candidates = a.layers.filter((l) =>
      ask === 'params'
        ? l.params.total > 0
        : ask === 'macs'
          ? l.macs > 0
          : ask === 'rf'
            ? l.outputShape.length === 3 && !globalLayers.has(l.id)
            : true,
    );
    if (candidates.length === 0) continue;
    const spec: DesignSpec = {
      model,
      designName,
      ask,
      ...(ask.startsWith('max-') ? {} : { layerId: rng.pick(candidates).id }),
    };
    try {
      buildDesign(spec);
      return spec;
    } catch (error) {
      if (!(error instanceof QuizSpecError)) throw error;
    }
  }
  throw new QuizSpecError('this design offers no well-posed question at this difficulty');
}
