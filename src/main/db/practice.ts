import type { DayCount, QuestionRef, ReviewItem, SkillProgress } from '../../shared/types';
import { z } from 'zod';
import type { Db } from './connection';

export interface AttemptInput {
  questionId: string;
  skill: string;
  seed: number;
  difficulty: number;
  answer: string;
  correct: boolean;
  timeMs: number;
  hintUsed: boolean;
  mode: string;
  question: QuestionRef;
}

export interface CardWrite {
  id: string;
  skill: string;
  /** The scheduler's state, stored as JSON. */
  card: unknown;
  due: number;
  question: QuestionRef | null;
}

interface CardRow {
  id: string;
  skill: string;
  card: string;
  due: number;
  question: string | null;
}

const DAY = 86_400_000;
/** Local calendar day of a UTC timestamp, given Date.getTimezoneOffset() minutes. */
export const localDay = (ms: number, offsetMinutes: number) =>
  new Date(ms - offsetMinutes * 60_000).toISOString().slice(0, 10);

const count = z.number().int().nonnegative();
const iso = z.string().refine((t) => Number.isFinite(Date.parse(t)));
/** A scheduler card as `scheduleReview` writes it; anything else in the column is a damaged row. */
const storedCard = z.object({
  due: iso,
  stability: z.number().nonnegative(),
  difficulty: z.number().nonnegative(),
  scheduledDays: count,
  learningSteps: count,
  reps: count,
  lapses: count,
  state: z.enum(['new', 'learning', 'review', 'relearning']),
  lastReview: iso.optional(),
});

/** What Review shows of a card; a field of the wrong type reads as a new card's. */
const shownCard = z.object({
  state: z.string().catch('new'),
  reps: count.catch(0),
  lapses: count.catch(0),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The scheduler state stored in a row, or undefined when the row does not hold a whole one (damaged,
 * edited outside the app): the card is then scheduled as new and the next review writes a sound one
 * over it, so a damaged row never makes Review or an answer fail.
 */
function readCard(text: string): z.infer<typeof storedCard> | undefined {
  const parsed = storedCard.safeParse(parseJson(text));
  return parsed.success ? parsed.data : undefined;
}

/** The last question stored with a card; unreadable JSON reads as none (the API re-checks the rest). */
function readQuestion(text: string | null): QuestionRef | null {
  return text === null ? null : ((parseJson(text) ?? null) as QuestionRef | null);
}

export function createPracticeRepo(db: Db) {
  const insertAttempt = db.prepare(
    `INSERT INTO quiz_attempts (question_id, skill, seed, difficulty, answer, correct, time_ms, created_at, hint_used, mode, question)
     VALUES (@questionId, @skill, @seed, @difficulty, @answer, @correct, @timeMs, @now, @hintUsed, @mode, @question)`,
  );
  const upsertCard = db.prepare(
    `INSERT INTO review_cards (id, skill, card, due, updated_at, question) VALUES (@id, @skill, @card, @due, @now, @question)
     ON CONFLICT(id) DO UPDATE SET card = excluded.card, due = excluded.due, updated_at = excluded.updated_at,
       question = coalesce(excluded.question, question)`,
  );
  const getCard = db.prepare<[string], CardRow>(
    'SELECT id, skill, card, due, question FROM review_cards WHERE id = ?',
  );
  const dueCards = db.prepare<[number], CardRow>(
    'SELECT id, skill, card, due, question FROM review_cards WHERE due <= ? ORDER BY due, id',
  );
  const allCards = db.prepare<[], CardRow>(
    'SELECT id, skill, card, due, question FROM review_cards ORDER BY id',
  );
  const skillCards = db.prepare<[string], CardRow>(
    'SELECT id, skill, card, due, question FROM review_cards WHERE skill = ? ORDER BY id',
  );
  const skillStats = db.prepare<[], { skill: string; attempts: number; correct: number; last: number }>(
    'SELECT skill, count(*) AS attempts, sum(correct) AS correct, max(created_at) AS last FROM quiz_attempts GROUP BY skill',
  );
  const recentPerSkill = db.prepare<[], { skill: string; correct: number }>(
    `SELECT skill, sum(correct) AS correct FROM (
       SELECT skill, correct, row_number() OVER (PARTITION BY skill ORDER BY id DESC) AS rn FROM quiz_attempts
     ) WHERE rn <= 10 GROUP BY skill`,
  );
  const attemptsSince = db.prepare<[number], { created_at: number; correct: number }>(
    'SELECT created_at, correct FROM quiz_attempts WHERE created_at >= ?',
  );
  const activityTimes = db.prepare<[], { t: number }>(
    `SELECT created_at AS t FROM quiz_attempts
     UNION SELECT visited_at FROM lesson_progress WHERE visited_at IS NOT NULL
     UNION SELECT completed_at FROM lesson_progress WHERE completed_at IS NOT NULL`,
  );
  const dueBefore = db.prepare<[number], { due: number }>('SELECT due FROM review_cards WHERE due < ?');

  const toItem = (row: CardRow): ReviewItem => {
    const shown = shownCard.safeParse(parseJson(row.card));
    const card = shown.success ? shown.data : { state: 'new', reps: 0, lapses: 0 };
    return {
      id: row.id,
      skill: row.skill,
      question: readQuestion(row.question),
      due: row.due,
      state: card.state,
      reps: card.reps,
      lapses: card.lapses,
    };
  };

  return {
    /** A card's scheduler state; `card` is undefined when the stored one is damaged (reviewed as new). */
    card(id: string): { card: unknown; due: number } | undefined {
      const row = getCard.get(id);
      return row && { card: readCard(row.card), due: row.due };
    },
    /** Every stored card of a skill with its scheduler state (undefined when damaged). */
    cardsOfSkill(skill: string): { id: string; skill: string; card: unknown; due: number }[] {
      return skillCards
        .all(skill)
        .map((r) => ({ id: r.id, skill: r.skill, card: readCard(r.card), due: r.due }));
    },
    /** Every stored card with its scheduler state (undefined when damaged), for the Progress page. */
    cards(): { id: string; skill: string; card: unknown; due: number }[] {
      return allCards.all().map((r) => ({ id: r.id, skill: r.skill, card: readCard(r.card), due: r.due }));
    },
    /** Stores an attempt and its review-card updates together: all or nothing. */
    record: db.transaction((attempt: AttemptInput, cards: CardWrite[], now: number): number => {
      const { lastInsertRowid } = insertAttempt.run({
        ...attempt,
        correct: attempt.correct ? 1 : 0,
        hintUsed: attempt.hintUsed ? 1 : 0,
        question: JSON.stringify(attempt.question),
        now,
      });
      for (const c of cards) {
        upsertCard.run({
          id: c.id,
          skill: c.skill,
          card: JSON.stringify(c.card),
          due: c.due,
          question: c.question === null ? null : JSON.stringify(c.question),
          now,
        });
      }
      return Number(lastInsertRowid);
    }),
    due(now: number): ReviewItem[] {
      return dueCards.all(now).map(toItem);
    },
    skills(): SkillProgress[] {
      const recent = new Map(recentPerSkill.all().map((r) => [r.skill, r.correct]));
      return skillStats.all().map((r) => ({
        skill: r.skill,
        attempts: r.attempts,
        correct: r.correct,
        mastery: (recent.get(r.skill) ?? 0) / 10,
        lastAttemptAt: r.last,
      }));
    },
    daily(now: number, offset: number, days = 30): DayCount[] {
      const byDay = new Map<string, DayCount>();
      for (const r of attemptsSince.all(now - days * DAY)) {
        const day = localDay(r.created_at, offset);
        const entry = byDay.get(day) ?? { day, attempts: 0, correct: 0 };
        entry.attempts++;
        entry.correct += r.correct;
        byDay.set(day, entry);
      }
      return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
    },
    streak(now: number, offset: number): number {
      const days = new Set(activityTimes.all().map((r) => localDay(r.t, offset)));
      let cursor = now;
      // A streak is still alive if today has nothing yet but yesterday had.
      if (!days.has(localDay(cursor, offset))) cursor -= DAY;
      let streak = 0;
      while (days.has(localDay(cursor, offset))) {
        streak++;
        cursor -= DAY;
      }
      return streak;
    },
    forecast(now: number, offset: number, days = 14): { day: string; due: number }[] {
      const out = Array.from({ length: days }, (_, i) => ({ day: localDay(now + i * DAY, offset), due: 0 }));
      const index = new Map(out.map((d, i) => [d.day, i]));
      for (const { due } of dueBefore.all(now + days * DAY)) {
        const i = due <= now ? 0 : index.get(localDay(due, offset));
        if (i !== undefined) out[i]!.due++;
      }
      return out;
    },
  };
}

export type PracticeRepo = ReturnType<typeof createPracticeRepo>;
