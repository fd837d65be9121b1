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
  const visit = db.prepare(
    `INSERT INTO lesson_progress (lesson_id, visited_at, position) VALUES (?, ?, ?)
     ON CONFLICT(lesson_id) DO UPDATE SET visited_at = excluded.visited_at, position = coalesce(excluded.position, position)`,
  );
  const complete = db.prepare(
    `INSERT INTO lesson_progress (lesson_id, visited_at, completed_at) VALUES (?, ?, ?)
     ON CONFLICT(lesson_id) DO UPDATE SET completed_at = coalesce(completed_at, excluded.completed_at)`,
  );
  const lesson = db.prepare<
    [string],
    { lesson_id: string; visited_at: number | null; completed_at: number | null; position: string | null }
  >('SELECT lesson_id, visited_at, completed_at, position FROM lesson_progress WHERE lesson_id = ?');
  const toProgress = (r: {
    lesson_id: string;
    visited_at: number | null;
    completed_at: number | null;
    position: string | null;
  }): LessonProgress => ({
    lessonId: r.lesson_id,
    visitedAt: r.visited_at,
    completedAt: r.completed_at,
    position: r.position,
  });
  return {
    visitLesson(lessonId: string, position: string | undefined, now: number): LessonProgress {
      visit.run(lessonId, now, position ?? null);
      return toProgress(lesson.get(lessonId)!);
    },
    completeLesson(lessonId: string, now: number): LessonProgress {
      complete.run(lessonId, now, now);
      return toProgress(lesson.get(lessonId)!);
    },
    lessons(): LessonProgress[] {
      return lessons.all().map(toProgress);
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
