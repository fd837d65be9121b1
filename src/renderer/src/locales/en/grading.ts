import { GRADE_MESSAGES, SLIP_MESSAGES } from '../../../../core/quiz/messages';

/**
 * The grader's messages: the answer reader's and the grader's notes (`grading.notes.<code>`, with the
 * note's parameters) and the likely slips (`grading.slips.<id>`). The English is the core's own table.
 */
export default {
  grading: {
    notes: { ...GRADE_MESSAGES } as Record<keyof typeof GRADE_MESSAGES, string>,
    slips: { ...SLIP_MESSAGES },
  },
};
