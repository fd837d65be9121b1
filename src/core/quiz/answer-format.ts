import type { FormulaTrace } from '../formulas/latex';
import type { Prompt, Question } from './types';

/**
 * The answer format a question expects, shown with it: one i18n key per form, never the answer. The
 * example answers are the params `a` and `b` (the same in every language), so that a test can check
 * that the grader reads every form a hint promises.
 *   exact count (≥ 1,000) · whole number · one size of a square map · number to d significant digits
 *   · shape C × H × W · two numbers "r = 11, j = 4" · size in a stated unit (or any unit, stated) · letter · layer name
 */
export const FORMAT_TEMPLATES: Record<string, string> = {
  'format.count': 'An exact count with all its digits, not rounded: e.g. {a} or {b}.',
  'format.integer': 'A whole number, e.g. {a}.',
  'format.size': 'One whole number M, e.g. {a} (or {b}).',
  'format.sigfigs': 'A number to {digits} significant digits, e.g. {a} or {b}.',
  'format.shape': 'The shape as C × H × W, e.g. {a}.',
  'format.pair': 'Two numbers, r and j: e.g. {a} (or {b}).',
  'format.bytes-unit':
    'A size in {unit} to 4 significant digits, e.g. {a}; or the exact number of bytes with B, e.g. {b}.',
  'format.bytes-exact': 'The exact number of bytes, e.g. {a}.',
  'format.bytes-any': 'A size with its unit (KB, MB, KiB, MiB…) to 4 significant digits, e.g. {a}.',
  'format.choice': 'The letter of one option, e.g. {a}.',
  'format.layer': 'The name of one layer, as written in the question.',
};

/** A shape as the app writes one, "64 × 56 × 56" (the grader also reads "[64, 56, 56]"). */
export function shapeAnswer(shape: readonly number[]): string {
  return shape.join(' × ');
}

/** A receptive field and jump as the worked solution names them, "r = 11, j = 4" (or plain "11, 4"). */
export function pairAnswer(pair: readonly number[]): string {
  return `r = ${pair[0]}, j = ${pair[1]}`;
}

/** "1.23 × 10⁻⁴": the app's own way of writing a small number, which the reader accepts. */
function superscriptExample(mantissa: string, exponent: number): string {
  const sup = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  const digits = [...String(Math.abs(exponent))].map((d) => sup[Number(d)]).join('');
  return `${mantissa} × 10${exponent < 0 ? '⁻' : ''}${digits}`;
}

/** The answer format of a question (an i18n key with params; the English is FORMAT_TEMPLATES). */
export function answerFormat(
  q: Pick<Question, 'answerKind' | 'unit' | 'tolerance' | 'expected' | 'squareSize'>,
): Prompt {
  switch (q.answerKind) {
    case 'integer':
      if (q.squareSize) return { key: 'format.size', params: { a: '28', b: '28×28' } };
      return (q.expected as number) >= 1000
        ? { key: 'format.count', params: { a: '1,204,224', b: '1204224' } }
        : { key: 'format.integer', params: { a: '3' } };
    case 'number': {
      const digits = q.tolerance.kind === 'sigfigs' ? q.tolerance.digits : 4;
      const mantissa = (1.23456789).toPrecision(digits);
      return {
        key: 'format.sigfigs',
        params: { digits, a: (1.23456789e-2).toPrecision(digits), b: superscriptExample(mantissa, -4) },
      };
    }
    case 'shape':
      return { key: 'format.shape', params: { a: shapeAnswer([64, 56, 56]) } };
    case 'pair':
      return { key: 'format.pair', params: { a: pairAnswer([11, 4]), b: '11, 4' } };
    case 'bytes':
      if (q.unit === 'B') return { key: 'format.bytes-exact', params: { a: '4096' } };
      return q.unit
        ? { key: 'format.bytes-unit', params: { unit: q.unit, a: `1.234 ${q.unit}`, b: '1293824 B' } }
        : { key: 'format.bytes-any', params: { a: '1.234 MB' } };
    case 'choice':
      return { key: 'format.choice', params: { a: 'B' } };
    case 'layer-id':
      return { key: 'format.layer', params: {} };
  }
}

/** The example answers a question's format hint shows (what the grader must read). */
export function formatExamples(q: Parameters<typeof answerFormat>[0]): string[] {
  const { params } = answerFormat(q);
  return [params.a, params.b].filter((v): v is string => typeof v === 'string');
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
