import type { LessonProgress } from '../../shared/types';
import type { Db } from './connection';

export function createProgressRepo(db: Db) {
  const lessons = db.prepare<
    [],
    { lesson_id: string; visited_at: number | null; completed_at: number | null; position: string | null }
  >('SELECT lesson_id, visited_at, completed_at, position FROM lesson_progress ORDER BY lesson_id');
  const attempts = db.prepare<[], { total: number; correct: number | null }>(
    'SELECT count(*) AS total, sum(correct) AS correct FROM quiz_attempts',
  );
  const due = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM review_cards WHERE due <= ?');
  return {
    lessons(): LessonProgress[] {
      return lessons.all().map((r) => ({
        lessonId: r.lesson_id,
        visitedAt: r.visited_at,
        completedAt: r.completed_at,
        position: r.position,
      }));
    },
    attemptTotals(): { total: number; correct: number } {
      const row = attempts.get()!;
      return { total: row.total, correct: row.correct ?? 0 };
    },
    reviewsDue(now: number): number {
      return due.get(now)!.n;
    },
  };
}

export type ProgressRepo = ReturnType<typeof createProgressRepo>;
