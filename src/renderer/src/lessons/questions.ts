import { generate, questionFromSpec, type Question } from '../../../core/quiz';
import type { QuestionRef } from './catalog';

/**
 * The question a lesson's reference stands for, built locally by the core exactly as the backend
 * builds it when grading (`practice:answer` recomputes the answer from the same reference).
 */
export function questionOf(ref: QuestionRef): Question {
  if (ref.kind === 'generated') return generate(ref.skill, ref.difficulty, ref.seed);
  return questionFromSpec(ref.skill, ref.spec, ref.difficulty);
}
