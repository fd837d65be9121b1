import type { RequestOf } from '../../../shared/contract';

/** A check question: generated from a seed or built from explicit numbers (never about a saved design). */
export type QuestionRef = Exclude<RequestOf<'practice:question'>['question'], { kind: 'design' }>;

/** The lesson path, in teaching order. Ids are stored with the learner's progress: never rename one. */
export const LESSON_IDS = [
  'output-size',
  'layer-complexity',
  'network-complexity',
  'space-complexity',
  'receptive-field',
  'dilated-convolution',
  'multi-scale',
  'initialisation',
  'vanishing-gradients',
  'exploding-gradients',
  'remedies',
] as const;
export type LessonId = (typeof LESSON_IDS)[number];

export const isLessonId = (s: string): s is LessonId => (LESSON_IDS as readonly string[]).includes(s);

/**
 * What a lesson teaches, in the words its check questions are classified by (see the unit test):
 * a check question may only ask what this lesson or an earlier one teaches.
 */
export type Topic =
  | 'output-size'
  | 'same-padding'
  | 'inverse-size'
  | 'macs'
  | 'flops'
  | 'bias-adds'
  | 'network-sum'
  | 'depthwise'
  | 'params'
  | 'feature-memory'
  | 'memory-access'
  | 'receptive-field'
  | 'jump'
  | 'pooling'
  | 'dilation'
  | 'rf-objects'
  | 'init-scale'
  | 'derivative-chain'
  | 'vanishing'
  | 'clipping'
  | 'remedies'
  | 'weight-penalty';

export interface LessonMeta {
  id: LessonId;
  /** The topics this lesson teaches (its check questions must ask about at least one of them). */
  teaches: readonly Topic[];
  /** The check questions at the end (3 to 5): answered through `practice:answer`, graded by the core. */
  questions: readonly QuestionRef[];
  /** Gradient-lab presets this lesson links to (`/gradients?preset=<id>`). */
  labPresets?: readonly string[];
  /** What the lesson's per-layer chart shows first (compute when not given). */
  chartMetric?: 'compute' | 'params' | 'memory';
}

const concept = (item: string, order: number[]): QuestionRef => ({
  kind: 'spec',
  skill: 'concepts',
  difficulty: 1,
  spec: { variant: 'item', item, order },
});

type Conv = { input: [number, number, number]; out: number; k: number; s: number; p: number | 'same' };
const outputSize = (c: Conv, ask: 'size' | 'shape' = 'size', dilation = 1): QuestionRef => ({
  kind: 'spec',
  skill: 'output-size',
  difficulty: ask === 'size' ? 2 : 3,
  spec: {
    op: 'conv',
    input: c.input,
    outChannels: c.out,
    kernel: [c.k, c.k],
    stride: c.s,
    padding: c.p,
    dilation,
    ceilMode: false,
    ask,
  },
});

type Layer = {
  input: [number, number, number];
  out: number;
  k: number;
  s: number;
  p: number;
  groups?: number;
  bias?: boolean;
};
const convLayer = (l: Layer) => ({
  input: l.input,
  outChannels: l.out,
  kernel: [l.k, l.k] as [number, number],
  stride: l.s,
  padding: l.p,
  groups: l.groups ?? 1,
  bias: l.bias ?? false,
});
const count = (l: Layer, convention: 'macs' | 'flops' | 'flops+bias'): QuestionRef => ({
  kind: 'spec',
  skill: 'conv-macs-flops',
  difficulty: 2,
  spec: { conv: convLayer(l), convention },
});
const memory = (l: Layer, ask: 'bytes' | 'access', unit: 'KiB' | 'B'): QuestionRef => ({
  kind: 'spec',
  skill: 'feature-map-memory',
  difficulty: 2,
  spec: { conv: convLayer(l), dtype: 'fp32', ask, unit },
});
const params = (cin: number, cout: number, k: number, groups: number, bias: boolean): QuestionRef => ({
  kind: 'spec',
  skill: 'conv-params',
  difficulty: 2,
  spec: { inChannels: cin, outChannels: cout, kernel: [k, k], groups, bias },
});

type RfLayer = { op: 'conv' | 'maxpool'; k: number; s: number; d: number };
const rfConv = (k: number, s = 1, d = 1): RfLayer => ({ op: 'conv', k, s, d });
const rfPool = (k: number, s: number): RfLayer => ({ op: 'maxpool', k, s, d: 1 });
const rfStack = (layers: RfLayer[], ask: 'size' | 'size-jump' = 'size'): QuestionRef => ({
  kind: 'spec',
  skill: 'receptive-field',
  difficulty: 2,
  spec: { variant: 'stack', layers, ask },
});

/** Which of four objects is the largest one unit of the stack's last layer sees completely. */
const rfFit = (kernels: number[], strides: number[], objects: number[]): QuestionRef => ({
  kind: 'spec',
  skill: 'concepts',
  difficulty: 2,
  spec: { variant: 'rf-fit', kernels, strides, objects, order: [0, 1, 2, 3] },
});

/** A small network of convolutions (conv1, conv2, …) for the network-totals skill. */
const network = (
  input: [number, number, number],
  convs: { out: number; k: number; s?: number; p?: number; groups?: number }[],
  ask: 'macs' | 'max-macs',
): QuestionRef => ({
  kind: 'spec',
  skill: 'network-totals',
  difficulty: 2,
  spec: {
    ask,
    model: {
      format: 'convscope-model',
      version: 1,
      name: 'check',
      input,
      layers: convs.map((c, i) => ({
        id: `conv${i + 1}`,
        op: 'conv2d',
        out_channels: c.out,
        kernel: c.k,
        stride: c.s ?? 1,
        padding: c.p ?? 0,
        ...(c.groups ? { groups: c.groups } : {}),
        bias: false,
      })),
    },
  },
});

const gradient = (spec: Record<string, unknown>): QuestionRef => ({
  kind: 'spec',
  skill: 'gradient-arithmetic',
  difficulty: 2,
  spec,
});
const chain = (acts: ('sigmoid' | 'tanh')[], weights: number[]) =>
  gradient({ variant: 'chain', acts, weights });
const times = <T>(n: number, v: T): T[] => Array(n).fill(v) as T[];

export const LESSONS: Record<LessonId, LessonMeta> = {
  'output-size': {
    id: 'output-size',
    teaches: ['output-size', 'same-padding', 'inverse-size'],
    questions: [
      outputSize({ input: [1, 28, 28], out: 6, k: 5, s: 1, p: 0 }),
      outputSize({ input: [3, 100, 100], out: 32, k: 3, s: 2, p: 0 }),
      outputSize({ input: [16, 30, 40], out: 32, k: 3, s: 2, p: 1 }, 'shape'),
      outputSize({ input: [8, 27, 27], out: 8, k: 3, s: 2, p: 'same' }),
      {
        kind: 'spec',
        skill: 'inverse-padding-stride',
        difficulty: 1,
        spec: { unknown: 'padding', size: 51, kernel: 5, stride: 1, padding: 0, dilation: 1, target: 51 },
      },
    ],
  },
  'layer-complexity': {
    id: 'layer-complexity',
    teaches: ['macs', 'flops', 'bias-adds'],
    questions: [
      count({ input: [64, 32, 32], out: 128, k: 3, s: 1, p: 1 }, 'macs'),
      count({ input: [64, 28, 28], out: 256, k: 3, s: 1, p: 1 }, 'flops'),
      count({ input: [32, 28, 28], out: 32, k: 5, s: 2, p: 0 }, 'macs'),
      count({ input: [16, 14, 14], out: 32, k: 3, s: 1, p: 1, bias: true }, 'flops+bias'),
    ],
  },
  'network-complexity': {
    id: 'network-complexity',
    teaches: ['network-sum', 'depthwise'],
    questions: [
      network(
        [3, 32, 32],
        [
          { out: 16, k: 3, p: 1 },
          { out: 32, k: 3, s: 2, p: 1 },
          { out: 64, k: 3, s: 2, p: 1 },
        ],
        'macs',
      ),
      network(
        [3, 64, 64],
        [
          { out: 32, k: 7, s: 2, p: 3 },
          { out: 64, k: 3, p: 1 },
          { out: 128, k: 1 },
          { out: 128, k: 3, s: 2, p: 1 },
        ],
        'max-macs',
      ),
      count({ input: [128, 28, 28], out: 128, k: 3, s: 1, p: 1, groups: 128 }, 'macs'),
      network(
        [32, 28, 28],
        [
          { out: 32, k: 3, p: 1, groups: 32 },
          { out: 64, k: 1 },
        ],
        'macs',
      ),
    ],
  },
  'space-complexity': {
    id: 'space-complexity',
    chartMetric: 'memory',
    teaches: ['params', 'feature-memory', 'memory-access'],
    questions: [
      params(64, 128, 3, 1, true),
      params(256, 256, 3, 256, false),
      memory({ input: [32, 16, 16], out: 16, k: 3, s: 1, p: 1 }, 'bytes', 'KiB'),
      memory({ input: [16, 8, 8], out: 32, k: 3, s: 1, p: 1 }, 'access', 'B'),
    ],
  },
  'receptive-field': {
    id: 'receptive-field',
    teaches: ['receptive-field', 'jump', 'pooling'],
    questions: [
      rfStack([rfConv(5), rfConv(5), rfConv(5)]),
      rfStack([rfConv(3, 2), rfConv(3), rfConv(3, 2), rfConv(3)]),
      rfStack([rfConv(7, 2), rfPool(3, 2), rfConv(3)], 'size-jump'),
      rfStack([rfConv(3), rfConv(3), rfPool(2, 2), rfConv(3), rfConv(3), rfPool(2, 2)]),
    ],
  },
  'dilated-convolution': {
    id: 'dilated-convolution',
    teaches: ['dilation'],
    questions: [
      outputSize({ input: [16, 40, 40], out: 16, k: 3, s: 1, p: 1 }, 'size', 3),
      {
        kind: 'spec',
        skill: 'inverse-padding-stride',
        difficulty: 2,
        spec: { unknown: 'dilation', size: 32, kernel: 3, stride: 1, padding: 2, dilation: 1, target: 28 },
      },
      rfStack([rfConv(3, 1, 1), rfConv(3, 1, 3), rfConv(3, 1, 9)]),
      {
        kind: 'spec',
        skill: 'receptive-field',
        difficulty: 2,
        spec: { variant: 'dilation', layers: [rfConv(3), rfConv(3, 1, 2), rfConv(3, 1, 1)], target: 15 },
      },
    ],
  },
  'multi-scale': {
    id: 'multi-scale',
    teaches: ['rf-objects'],
    questions: [
      concept('rf-objects', [2, 0, 3, 1]),
      rfFit([7, 3, 5, 3, 3], [1, 1, 1, 1, 1], [16, 8, 38, 24]),
      rfFit([3, 3, 3, 3], [2, 1, 2, 1], [24, 10, 16, 40]),
    ],
  },
  initialisation: {
    id: 'initialisation',
    teaches: ['init-scale', 'derivative-chain'],
    questions: [
      concept('exploding-cause', [3, 0, 1, 2]),
      chain(times(5, 'sigmoid'), times(5, 4)),
      chain(times(6, 'tanh'), times(6, 0.5)),
    ],
    labPresets: ['kaiming', 'xavier', 'exploding', 'relu'],
  },
  'vanishing-gradients': {
    id: 'vanishing-gradients',
    teaches: ['vanishing', 'derivative-chain'],
    questions: [
      concept('vanishing-cause', [1, 3, 0, 2]),
      chain(times(6, 'sigmoid'), times(6, 1)),
      chain(['sigmoid', 'tanh', 'sigmoid', 'tanh'], [2, 0.5, 2, 1]),
    ],
    labPresets: ['vanishing'],
  },
  'exploding-gradients': {
    id: 'exploding-gradients',
    teaches: ['clipping', 'derivative-chain'],
    questions: [
      concept('clipping', [1, 2, 0, 3]),
      chain(times(8, 'tanh'), times(8, 1.5)),
      gradient({ variant: 'clip', g: [-6, 7], maxNorm: 2, ask: 'factor' }),
      gradient({ variant: 'clip', g: [12, -5], maxNorm: 1, ask: 'component' }),
    ],
    labPresets: ['exploding', 'clip-norm'],
  },
  remedies: {
    id: 'remedies',
    teaches: ['remedies', 'weight-penalty'],
    questions: [
      concept('relu-family', [2, 1, 0, 3]),
      concept('residual', [0, 3, 2, 1]),
      concept('lstm', [3, 1, 2, 0]),
      gradient({ variant: 'l2', w: 3, g: -0.2, lr: 0.05, lambda: 0.1, steps: 1 }),
    ],
    labPresets: ['pretrain', 'clip-norm', 'l2', 'relu', 'batchnorm', 'residual', 'lstm'],
  },
};
/** The lesson after `id` on the path, or null after the last one. */
export function nextLesson(id: LessonId): LessonId | null {
  const i = LESSON_IDS.indexOf(id);
  return i >= 0 && i + 1 < LESSON_IDS.length ? LESSON_IDS[i + 1] : null;
}
