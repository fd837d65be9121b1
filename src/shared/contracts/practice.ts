import { z } from 'zod';
import type { GradeResult, Question } from '../../core/quiz/types';
import { SKILLS } from '../../core/quiz/types';
import type { ReviewItem } from '../types';
import { channel, emptyRequest, id } from './common';

const skill = z.enum(SKILLS);
const difficulty = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  error: 'difficulty must be 1, 2 or 3',
});
const seed = z
  .number()
  .int('seed must be a whole number')
  .min(0, 'seed must not be negative')
  .max(2 ** 31 - 1);

export const questionRef = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('generated'), skill, difficulty, seed }),
  z.strictObject({ kind: z.literal('spec'), skill, difficulty, spec: z.unknown() }),
  z.strictObject({ kind: z.literal('design'), designId: id, difficulty, seed }),
]);

const questionRequest = z.strictObject({ question: questionRef });
const answerRequest = z.strictObject({
  question: questionRef,
  answer: z.string().max(500, 'answer is longer than 500 characters'),
  timeMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600 * 1000, 'timeMs is more than a day'),
  hintUsed: z.boolean().optional(),
  mode: z.enum(['practice', 'exam', 'lesson', 'review']).optional(),
});

export interface PracticeAnswer {
  /** Graded in the main process by recomputing with the analysis core. */
  grade: GradeResult;
  attemptId: number;
  /** When the skill's review card is next due (ms). */
  skillDue: number;
  /** When this question's own review card is next due, if it has one (created when it is missed). */
  questionDue: number | null;
}

export const practiceContract = {
  /** The question a reference stands for, built by the core (design questions need the saved design). */
  'practice:question': channel<typeof questionRequest, Question>(questionRequest),
  /** Grades an answer with the core, stores the attempt and schedules the reviews (FSRS). */
  'practice:answer': channel<typeof answerRequest, PracticeAnswer>(answerRequest),
  /** Review cards due now, most overdue first. */
  'practice:reviews': channel<typeof emptyRequest, ReviewItem[]>(emptyRequest),
};
