import type { GradeNote } from './messages';
import type { FormulaTrace } from '../formulas/latex';

import { SKILLS } from '../../shared/contracts/practice-specs';

export { SKILLS };

export type GeneratedSkill = (typeof SKILLS)[number];
/** `design` questions are asked about a saved model (see generateForDesign). */
export type Skill = GeneratedSkill | 'design';
export type Difficulty = 1 | 2 | 3;

export type AnswerKind = 'integer' | 'number' | 'shape' | 'pair' | 'bytes' | 'choice' | 'layer-id';

/** Byte units: SI powers of 1000 and IEC powers of 1024. */
export type ByteUnit = 'B' | 'KB' | 'MB' | 'GB' | 'KiB' | 'MiB' | 'GiB';
export const BYTE_UNIT_SIZE: Record<ByteUnit, number> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
};

/** The value a question expects: a count or real number, a shape or pair, a choice letter or a layer id. */
export type AnswerValue = number | number[] | string;

/**
 * How close an answer must be. `exact` for sizes, parameters and MACs; `relative` where the learner
 * rounds (bytes in MB, products of derivative bounds).
 */
export type Tolerance =
  | { kind: 'exact' }
  | { kind: 'relative'; value: number }
  /** Right when the answer, rounded to `digits` significant digits, is the expected value so rounded
   * (in the unit the answer is written in, for sizes in bytes). */
  | { kind: 'sigfigs'; digits: number };

export interface Choice {
  key: string;
  text: string;
  /** Why this option is right or wrong, shown after grading. */
  explanation: string;
}

export interface Diagram {
  kind: 'rf-1d' | 'conv-window';
  data: Record<string, unknown>;
}

export interface Prompt {
  /** i18n key; the UI renders its own text from the key and params. */
  key: string;
  params: Record<string, string | number>;
}

export interface Solution {
  /** The core's formula traces, in the order a learner would work them out. */
  steps: FormulaTrace[];
  /** The answer in words and numbers, e.g. "M = 28, so the output is 64×28×28". */
  final: string;
}

/** A likely mistake: the answer the learner would give after making it. */
export interface SlipCandidate {
  id: SlipId;
  value: AnswerValue;
}

export type SlipId =
  | 'forgot-2p'
  | 'forgot-plus-one'
  | 'floor-ceil'
  | 'forgot-dilation'
  | 'forgot-bias'
  | 'added-bias'
  | 'ignored-groups'
  | 'macs-for-flops'
  | 'flops-for-macs'
  | 'forgot-bias-adds'
  | 'used-input-size'
  | 'mixed-mb-mib'
  | 'dtype-bytes'
  | 'forgot-input-read'
  | 'forgot-weights-read'
  | 'strides-multiplied-wrongly'
  | 'ignored-strides'
  | 'max-of-branches'
  | 'forgot-weight-factor'
  | 'used-sigmoid-value'
  | 'inverted-clip-ratio'
  | 'l1-norm'
  | 'l2-factor-two'
  | 'forgot-linear-layers'
  | 'params-for-macs'
  | 'macs-for-params'
  | 'counted-depthwise-only'
  | 'forgot-flatten'
  | 'l2-for-l1';

/** Everything derived from a question's spec; {@link grade} rebuilds it, so nothing stored is trusted. */
export interface Built {
  prompt: Prompt;
  /** English text for the CLI and as a fallback. */
  text: string;
  answerKind: AnswerKind;
  /** The unit the answer is asked in (bytes questions; 'MACs' or 'FLOPs' for counts). */
  unit?: string;
  choices?: Choice[];
  diagram?: Diagram;
  expected: AnswerValue;
  tolerance: Tolerance;
  solution: Solution;
  slips: SlipCandidate[];
  /** Valid answers for layer-id questions (so that a typo is reported as unknown, not just wrong). */
  layerIds?: string[];
  /** One size asked for a square map: "28×28" and "28 x 28" are read as 28 (both sides equal). */
  squareSize?: boolean;
}

export interface Question extends Omit<Built, 'slips'> {
  /** `skill:difficulty:seed`; design questions add the design name: `design:difficulty:seed:NAME`. */
  id: string;
  skill: Skill;
  difficulty: Difficulty;
  seed: number;
  /** The generator's parameters; grading recomputes the expected answer from them with the core. */
  spec: unknown;
  /** For design questions: the design's name. */
  design?: string;
}

export interface GradeResult {
  correct: boolean;
  /** The parsed answer, in the question's base unit (bytes for byte answers); null when unparsable. */
  parsed: AnswerValue | null;
  expected: AnswerValue;
  /** Why the answer was not accepted (unparsable, ambiguous, close but not exact, …), in English. */
  message?: string;
  /** The same as a code with parameters, for the renderer to translate (`GRADE_MESSAGES`). */
  note?: GradeNote;
  /** The answer could not be read unambiguously; nothing was guessed. */
  ambiguous?: boolean;
  /** The likely mistake behind a wrong answer. */
  slip?: { id: SlipId; message: string };
  /** The worked solution (always present; the UI shows it for wrong answers). */
  solution: Solution;
}
