import type { FormulaTrace } from '../formulas/latex';
import type { Prompt, Question } from './types';

/**
 * The answer format a question expects, shown with it: one i18n key per form, never the answer.
 *   exact count (≥ 1,000) · whole number · one size of a square map · number to d significant digits
 *   · shape [C, H, W] · two numbers "r, j" · size in a stated unit (or any unit, stated) · letter · layer name
 */
export const FORMAT_TEMPLATES: Record<string, string> = {
  'format.count': 'An exact count with all its digits, not rounded: e.g. 1,204,224 or 1204224.',
  'format.integer': 'A whole number, e.g. 3.',
  'format.size': 'One whole number M, e.g. 28 (or 28×28).',
  'format.sigfigs': 'A number to {digits} significant digits, e.g. {example}.',
  'format.shape': 'The shape as [C, H, W], e.g. [64, 56, 56].',
  'format.pair': 'Two numbers: r, j (e.g. 11, 4).',
  'format.bytes-unit': 'A size in {unit} to 4 significant digits, e.g. 1.234 {unit}; or the exact bytes.',
  'format.bytes-exact': 'The exact number of bytes, e.g. 4096.',
  'format.bytes-any': 'A size with its unit (KB, MB, KiB, MiB…) to 4 significant digits, e.g. 1.234 MB.',
  'format.choice': 'The letter of one option, e.g. B.',
  'format.layer': 'The name of one layer, as written in the question.',
};

/** The answer format of a question (an i18n key with params; the English is FORMAT_TEMPLATES). */
export function answerFormat(
  q: Pick<Question, 'answerKind' | 'unit' | 'tolerance' | 'expected' | 'squareSize'>,
): Prompt {
  switch (q.answerKind) {
    case 'integer':
      if (q.squareSize) return { key: 'format.size', params: {} };
      return (q.expected as number) >= 1000
        ? { key: 'format.count', params: {} }
        : { key: 'format.integer', params: {} };
    case 'number': {
      const digits = q.tolerance.kind === 'sigfigs' ? q.tolerance.digits : 4;
      return {
        key: 'format.sigfigs',
        params: { digits, example: digits === 3 ? '0.0123 or 1.23e-4' : '1.234' },
      };
    }
    case 'shape':
      return { key: 'format.shape', params: {} };
    case 'pair':
      return { key: 'format.pair', params: {} };
    case 'bytes':
      if (q.unit === 'B') return { key: 'format.bytes-exact', params: {} };
      return q.unit
        ? { key: 'format.bytes-unit', params: { unit: q.unit } }
        : { key: 'format.bytes-any', params: {} };
    case 'choice':
      return { key: 'format.choice', params: {} };
    case 'layer-id':
      return { key: 'format.layer', params: {} };
  }
}

/**
 * A step of a worked solution named as a learner would say it ("layer 2: receptive field"), from the
 * trace's quantity id (`layer2.rf.size`). The words come from `names` (one table per language).
 */
export interface StepNames {
  /** Quantity (without its layer) → words, e.g. 'rf.size' → 'receptive field'. */
  quantities: Record<string, string>;
  layer: (n: string) => string;
  branch: (branch: string, n: string) => string;
  afterMerge: (n: string) => string;
  /** The linear layer of a flatten question (n = '') or layer n of an MLP. */
  linear: (n: string) => string;
  depthwise: string;
  pointwise: string;
  /** A layer named in the question (conv1, pool2): kept as written. */
  named: (id: string) => string;
  join: (subject: string, what: string) => string;
}

export const STEP_NAMES_EN: StepNames = {
  quantities: {
    outputSize: 'output size',
    'outputSize.h': 'output height',
    'outputSize.w': 'output width',
    outputShape: 'output shape',
    outputElements: 'output elements',
    'params.weights': 'weights',
    'params.bias': 'biases',
    'params.total': 'parameters',
    params: 'parameters',
    macs: 'MACs',
    flops: 'FLOPs',
    'flops.total': 'FLOPs in total',
    'ops.bias': 'bias adds',
    'activation.bytes': 'output size in bytes',
    'memoryAccess.inputBytes': 'input read (bytes)',
    'memoryAccess.weightBytes': 'parameters read (bytes)',
    'memoryAccess.outputBytes': 'output written (bytes)',
    'memoryAccess.totalBytes': 'memory access (bytes)',
    'totals.params': 'parameters in total',
    'totals.macs': 'MACs in total',
    'rf.size': 'receptive field',
    'rf.size.h': 'receptive field',
    'rf.jump': 'jump',
    'rf.jump.h': 'jump',
    rf: 'receptive field',
    "max.sigmoid'": 'largest derivative of sigmoid',
    "max.tanh'": 'largest derivative of tanh',
    bound: 'upper bound of the product',
    norm: 'gradient norm',
    'clip.factor': 'clipping factor',
    'clip.g1': 'first component after clipping',
    'w.next': 'w after one step',
    decay: 'decay factor per step',
    'w.after': 'w after all steps',
    'inplace.saved': 'memory saved (bytes)',
    'l1.next': 'w after one step (L1)',
    'rnn.bound': 'bound of the gradient factor',
    'rnn.steps': 'steps needed',
    'update.ratio': 'update/weight ratio',
  },
  layer: (n) => `layer ${n}`,
  branch: (b, n) => `branch ${b}, layer ${n}`,
  afterMerge: (n) => `after the sum, layer ${n}`,
  linear: (n) => (n ? `linear layer ${n}` : 'linear layer'),
  depthwise: 'depthwise convolution',
  pointwise: 'pointwise convolution',
  named: (id) => id,
  join: (subject, what) => `${subject}: ${what}`,
};

/** The learner's words for a solution step, in the language of `names` (unknown ids stay as they are). */
export type FormulaTraceName = Pick<FormulaTrace, 'quantity'>;

export function stepName(step: FormulaTraceName, names: StepNames = STEP_NAMES_EN): string {
  const q = step.quantity;
  if (names.quantities[q] !== undefined) return names.quantities[q]!;
  const m = /^([A-Za-z_][\w-]*?)\.(.+)$/.exec(q);
  if (!m) return q;
  const [, subject, rest] = m;
  const what = names.quantities[rest] ?? rest;
  const layer = /^layer(\d+)$/.exec(subject);
  const branch = /^([ab])(\d+)$/.exec(subject);
  const after = /^[cp](\d+)$/.exec(subject);
  const linear = /^fc(\d*)$/.exec(subject);
  const who = layer
    ? names.layer(layer[1]!)
    : branch
      ? names.branch(branch[1]!.toUpperCase(), branch[2]!)
      : after
        ? names.afterMerge(after[1]!)
        : linear
          ? names.linear(linear[1]!)
          : subject === 'depthwise'
            ? names.depthwise
            : subject === 'pointwise'
              ? names.pointwise
              : names.named(subject);
  return names.join(who, what);
}
