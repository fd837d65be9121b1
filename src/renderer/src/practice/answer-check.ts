import { grade, parseChoice, type GradeNote, type Question } from '../../../core/quiz';
import type { AppLocale } from '../preferences';
import { localizeChoice } from './prompt';

/**
 * The answer as the grader reads it. A multiple-choice answer may name its option by the text the UI
 * shows in its language ("C) 感受野变大", or the text alone); the core knows the English texts, so an
 * option recognised by its shown text is sent as "<letter>) <text>". A letter that contradicts the
 * text it is written with is reported. Other answers are sent as typed.
 */
export function answerForGrading(
  q: Question,
  answer: string,
  locale: AppLocale,
): { answer: string; note: GradeNote | null } {
  if (q.answerKind !== 'choice' || !q.choices?.length) return { answer, note: null };
  const shown = q.choices.map((c) => localizeChoice(q, c, locale));
  const local = parseChoice(
    answer,
    shown.map((c) => c.key),
    shown.map((c) => c.text),
  );
  if (!local.ok) return { answer, note: local.note.code === 'choice-conflict' ? local.note : null };
  const core = grade(q, answer);
  return { answer: core.parsed === local.key ? answer : `${local.key}) ${answer.trim()}`, note: null };
}

/**
 * Reads an answer the way the grader will, before it is sent: '' when nothing was typed, the note
 * saying why when it cannot be read (or is ambiguous), null when it can be graded. Practice and the
 * lessons' checks ask again on a note instead of counting the answer as a miss.
 */
export function unreadable(q: Question, answer: string, locale: AppLocale = 'en'): GradeNote | '' | null {
  if (answer.trim() === '') return '';
  const shown = answerForGrading(q, answer, locale);
  if (shown.note) return shown.note;
  const local = grade(q, shown.answer);
  if (local.parsed !== null) return null;
  return local.note ?? { code: 'not-a-number', params: { raw: answer.trim() } };
}
