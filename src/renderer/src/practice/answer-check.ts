import { grade, type GradeNote, type Question } from '../../../core/quiz';

/**
 * Reads an answer the way the grader will, before it is sent: '' when nothing was typed, the note
 * saying why when it cannot be read (or is ambiguous), null when it can be graded. Practice and the
 * lessons' checks ask again on a note instead of counting the answer as a miss.
 */
export function unreadable(q: Question, answer: string): GradeNote | '' | null {
  if (answer.trim() === '') return '';
  const local = grade(q, answer);
  if (local.parsed !== null) return null;
  return local.note ?? { code: 'not-a-number', params: { raw: answer.trim() } };
}
