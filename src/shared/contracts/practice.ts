import { z } from 'zod';
import type { GradeResult, Question } from '../../core/quiz/types';
import type { ReviewItem } from '../types';
import { channel, emptyRequest, id } from './common';
import { SKILLS, SPEC_SCHEMAS } from './practice-specs';

export { SKILLS, SPEC_SCHEMAS, SPEC_BOUNDS, checkSpec, type SkillSpec } from './practice-specs';

const skill = z.enum(SKILLS);
const difficulty = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  error: 'difficulty must be 1, 2 or 3',
});
const seed = z
  .number()
  .int('seed must be a whole number')
  .min(0, 'seed must not be negative')
  .max(2 ** 31 - 1);

/** A question built from explicit numbers: the spec must pass its skill's schema (bounded work). */
const specRef = z
  .strictObject({ kind: z.literal('spec'), skill, difficulty, spec: z.unknown() })
  .superRefine((ref, ctx) => {
    const r = SPEC_SCHEMAS[ref.skill].safeParse(ref.spec);
    const issue = r.error?.issues[0];
    if (issue) ctx.addIssue({ code: 'custom', message: issue.message, path: ['spec', ...issue.path] });
  });

/**
 * Which question an answer is for: generated from a seed, built from explicit numbers, or about a
 * design. Used by the API, by data import (attempts and review cards) and on reading stored rows.
 */
export const questionRef = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('generated'), skill, difficulty, seed }),
  specRef,
  z.strictObject({ kind: z.literal('design'), designId: id, difficulty, seed }),
]);

/** A review card's scheduler state as stored (FSRS, dates as ISO strings): for import and stored rows. */
export const reviewCardState = z.strictObject({
  due: z.iso.datetime({ error: 'due must be an ISO date' }),
  stability: z.number().min(0).max(1e6),
  difficulty: z.number().min(0).max(100),
  scheduledDays: z.number().int().min(0).max(1e6),
  learningSteps: z.number().int().min(0).max(1000),
  reps: z.number().int().min(0).max(1e9),
  lapses: z.number().int().min(0).max(1e9),
  state: z.enum(['new', 'learning', 'review', 'relearning']),
  lastReview: z.iso.datetime().optional(),
});

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
