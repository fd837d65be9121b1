import { z } from 'zod';
import type { LessonProgress } from '../types';
import { channel } from './common';

const lessonId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lessonId must be lower-case letters, digits and dashes (at most 64)');
const visitRequest = z.strictObject({
  lessonId,
  position: z.string().max(64, 'position is longer than 64 characters').optional(),
});
const completeRequest = z.strictObject({ lessonId });

export const lessonsContract = {
  /** Marks a lesson visited now and remembers where the learner is in it. */
  'lessons:visit': channel<typeof visitRequest, LessonProgress>(visitRequest),
  /** Marks a lesson completed (the first completion time is kept). */
  'lessons:complete': channel<typeof completeRequest, LessonProgress>(completeRequest),
};
