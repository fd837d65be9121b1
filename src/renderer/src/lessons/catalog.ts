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
  'vanishing-gradients',
  'exploding-gradients',
  'remedies',
] as const;
export type LessonId = (typeof LESSON_IDS)[number];

export const isLessonId = (s: string): s is LessonId => (LESSON_IDS as readonly string[]).includes(s);

export interface LessonMeta {
  id: LessonId;
  /**
   * Numbers a text may write out because they are part of a definition or a formula's structure
   * ("+ 1", "2P", "1-D", "3×3 kernel", "20 layers"), never a result: results are bindings.
   */
  structuralNumbers: readonly number[];
  /** The check questions at the end: answered through `practice:answer`, graded by the core. */
  questions: readonly QuestionRef[];
  /** Gradient-lab presets this lesson links to (`/gradients?preset=<id>`). */
  labPresets?: readonly string[];
}

const concept = (item: string, order: number[]): QuestionRef => ({
  kind: 'spec',
  skill: 'concepts',
  difficulty: 1,
  spec: { variant: 'item', item, order },
});

export const LESSONS: Record<LessonId, LessonMeta> = {
  'output-size': {
    id: 'output-size',
    structuralNumbers: [0, 1, 2],
    questions: [
      { kind: 'generated', skill: 'output-size', difficulty: 1, seed: 1 },
      { kind: 'generated', skill: 'output-size', difficulty: 2, seed: 3 },
      { kind: 'generated', skill: 'inverse-padding-stride', difficulty: 1, seed: 1 },
    ],
  },
  'layer-complexity': {
    id: 'layer-complexity',
    structuralNumbers: [1, 2],
    questions: [
      { kind: 'generated', skill: 'conv-params', difficulty: 1, seed: 1 },
      { kind: 'generated', skill: 'conv-macs-flops', difficulty: 1, seed: 2 },
      { kind: 'generated', skill: 'conv-macs-flops', difficulty: 2, seed: 1 },
    ],
  },
  'network-complexity': {
    id: 'network-complexity',
    structuralNumbers: [1, 2, 3],
    questions: [
      { kind: 'generated', skill: 'network-totals', difficulty: 1, seed: 1 },
      { kind: 'generated', skill: 'network-totals', difficulty: 2, seed: 1 },
    ],
  },
  'space-complexity': {
    id: 'space-complexity',
    structuralNumbers: [0, 1, 2, 4, 16, 32],
    questions: [
      { kind: 'generated', skill: 'feature-map-memory', difficulty: 1, seed: 1 },
      { kind: 'generated', skill: 'feature-map-memory', difficulty: 2, seed: 2 },
      { kind: 'generated', skill: 'conv-params', difficulty: 2, seed: 1 },
    ],
  },
  'receptive-field': {
    id: 'receptive-field',
    structuralNumbers: [0, 1, 3],
    questions: [
      { kind: 'generated', skill: 'receptive-field', difficulty: 1, seed: 1 },
      { kind: 'generated', skill: 'receptive-field', difficulty: 2, seed: 2 },
    ],
  },
  'dilated-convolution': {
    id: 'dilated-convolution',
    structuralNumbers: [1, 3],
    questions: [
      {
        kind: 'spec',
        skill: 'output-size',
        difficulty: 2,
        spec: {
          op: 'conv',
          input: [16, 40, 40],
          outChannels: 16,
          kernel: [3, 3],
          stride: 1,
          padding: 1,
          dilation: 3,
          ceilMode: false,
          ask: 'size',
        },
      },
      { kind: 'generated', skill: 'receptive-field', difficulty: 2, seed: 1 },
    ],
  },
  'multi-scale': {
    id: 'multi-scale',
    structuralNumbers: [1],
    questions: [
      concept('rf-objects', [2, 0, 3, 1]),
      { kind: 'generated', skill: 'concepts', difficulty: 2, seed: 1 },
    ],
  },
  'vanishing-gradients': {
    id: 'vanishing-gradients',
    structuralNumbers: [0, 1, 5, 20, 64],
    questions: [
      concept('vanishing-cause', [1, 3, 0, 2]),
      { kind: 'generated', skill: 'gradient-arithmetic', difficulty: 1, seed: 4 },
    ],
    labPresets: ['vanishing'],
  },
  'exploding-gradients': {
    id: 'exploding-gradients',
    structuralNumbers: [0, 1, 1.5, 2, 5, 20, 64],
    questions: [
      concept('exploding-cause', [3, 0, 1, 2]),
      concept('clipping', [1, 2, 0, 3]),
      { kind: 'generated', skill: 'gradient-arithmetic', difficulty: 2, seed: 4 },
    ],
    labPresets: ['exploding'],
  },
  remedies: {
    id: 'remedies',
    structuralNumbers: [0, 1, 2, 2006],
    questions: [
      concept('relu-family', [2, 1, 0, 3]),
      concept('residual', [0, 3, 2, 1]),
      concept('lstm', [3, 1, 2, 0]),
      { kind: 'generated', skill: 'gradient-arithmetic', difficulty: 2, seed: 9 },
    ],
    labPresets: ['pretrain', 'clip-norm', 'l2', 'relu', 'batchnorm', 'residual', 'lstm'],
  },
};

/** The lesson after `id` on the path, or null after the last one. */
export function nextLesson(id: LessonId): LessonId | null {
  const i = LESSON_IDS.indexOf(id);
  return i >= 0 && i + 1 < LESSON_IDS.length ? LESSON_IDS[i + 1] : null;
}
