/**
 * `convscope quiz --grade FILE [--json]`: grades a worksheet. FILE is the document `convscope quiz
 * --json` printed, with an `answer` string added to each question. Every question is rebuilt by the
 * core from its id (or, for a question built from numbers, from its checked spec), never from the
 * text or the expected answer in the file, and graded by the same grader as the app.
 */
import {
  formatAnswer,
  grade,
  type GradeResult,
  isSkill,
  type Question,
  questionFromId,
  questionFromSpec,
} from '../../core/quiz';
import { type CliIO, UsageError } from '../io';

interface SheetQuestion {
  id?: unknown;
  skill?: unknown;
  difficulty?: unknown;
  spec?: unknown;
  answer?: unknown;
}

export interface GradedQuestion {
  correct: boolean;
  /** Why: right, the expected answer and the likely slip, or what could not be read. */
  feedback: string;
}

const MAX_SHEET_BYTES = 16 * 1024 * 1024;

/** The question an entry of the worksheet stands for, rebuilt by the core. */
function rebuildQuestion(entry: SheetQuestion, index: number): Question {
  const where = `question ${index + 1}`;
  if (typeof entry.id !== 'string') throw new UsageError(`${where} has no id`);
  if (entry.id.endsWith(':custom')) {
    const { skill, difficulty } = entry;
    if (typeof skill !== 'string' || !isSkill(skill)) throw new UsageError(`${where}: unknown skill`);
    if (difficulty !== 1 && difficulty !== 2 && difficulty !== 3)
      throw new UsageError(`${where}: difficulty must be 1, 2 or 3`);
    try {
      return questionFromSpec(skill, entry.spec, difficulty);
    } catch (error) {
      throw new UsageError(`${where}: ${(error as Error).message}`);
    }
  }
  try {
    return questionFromId(entry.id);
  } catch {
    throw new UsageError(`${where}: "${entry.id.slice(0, 80)}" is not a question id of convscope quiz`);
  }
}

/** One line a learner or teacher can act on. */
export function feedbackOf(q: Question, g: GradeResult, answered: boolean): string {
  if (!answered) return `no answer; expected ${formatAnswer(q)}`;
  if (g.correct) return 'correct';
  if (g.parsed === null)
    return `could not be read (${g.message ?? 'unreadable'}); expected ${formatAnswer(q)}`;
  const parts = [`expected ${formatAnswer(q)}`];
  if (g.message) parts.push(g.message);
  if (g.slip) parts.push(g.slip.message);
  return parts.join('; ');
}

/** Grades every question of a worksheet document; the document comes back with `correct`, `feedback` and a score. */
export function gradeSheet(doc: unknown): { doc: Record<string, unknown>; correct: number; total: number } {
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { questions?: unknown }).questions))
    throw new UsageError(
      'the file is not a worksheet: it needs a "questions" array (from convscope quiz --json)',
    );
  const entries = (doc as { questions: SheetQuestion[] }).questions;
  if (entries.length > 1000) throw new UsageError('the worksheet has more than 1000 questions');
  let correct = 0;
  const questions = entries.map((entry, i) => {
    if (typeof entry !== 'object' || entry === null)
      throw new UsageError(`question ${i + 1} is not an object`);
    const q = rebuildQuestion(entry, i);
    const answered = typeof entry.answer === 'string' && entry.answer.trim() !== '';
    if (entry.answer !== undefined && typeof entry.answer !== 'string')
      throw new UsageError(`question ${i + 1}: "answer" must be a string`);
    const answer = answered ? (entry.answer as string).slice(0, 500) : '';
    const g = grade(q, answer);
    const ok = answered && g.correct;
    if (ok) correct++;
    return { ...entry, correct: ok, feedback: feedbackOf(q, g, answered) };
  });
  const total = questions.length;
  return { doc: { ...(doc as object), questions, score: { correct, total } }, correct, total };
}

/** Reads, grades and prints: a table of verdicts and the score, or the graded document as JSON. */
export async function gradeCommand(file: string, json: boolean, io: CliIO): Promise<number> {
  const bytes = await io.readFile(file);
  if (bytes.length > MAX_SHEET_BYTES) throw new UsageError(`${file} is larger than 16 MB`);
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new UsageError(`${file} is not JSON (expected the output of convscope quiz --json, with answers)`);
  }
  const graded = gradeSheet(doc);
  if (json) {
    io.out(JSON.stringify(graded.doc, null, 2));
    return 0;
  }
  const lines = (graded.doc.questions as (GradedQuestion & { answer?: string })[]).map(
    (q, i) => `${i + 1}. ${q.correct ? '✓' : '✗'} ${q.answer ?? ''}${q.correct ? '' : ` — ${q.feedback}`}`,
  );
  lines.push('', `Score: ${graded.correct} of ${graded.total} correct`);
  io.out(lines.join('\n'));
  return 0;
}
