/**
 * Spaced repetition for practice: a thin, pure wrapper around ts-fsrs. Card state is plain JSON
 * (dates as ISO strings) so the main process can store it in SQLite as is; `now` is always passed
 * in, so tests run on a fake clock.
 */
import { type Card, createEmptyCard, forgetting_curve, fsrs, type Grade, Rating, State } from 'ts-fsrs';

export type ReviewGrade = 'again' | 'hard' | 'good' | 'easy';
export type ReviewState = 'new' | 'learning' | 'review' | 'relearning';

export interface ReviewCard {
  /** ISO timestamp when the card is next due. */
  due: string;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: ReviewState;
  /** ISO timestamp of the last review; absent for a new card. */
  lastReview?: string;
}

const RATING: Record<ReviewGrade, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};
const STATE_NAME: Record<State, ReviewState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const STATE_OF: Record<ReviewState, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

// Fuzz off: the same history always gives the same schedule (reproducible, testable).
const scheduler = fsrs({ enable_fuzz: false });

function toFsrs(c: ReviewCard, now: Date): Card {
  const last = c.lastReview ? new Date(c.lastReview) : undefined;
  return {
    due: new Date(c.due),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: last ? Math.max(0, Math.floor((now.getTime() - last.getTime()) / 86_400_000)) : 0,
    scheduled_days: c.scheduledDays,
    learning_steps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: STATE_OF[c.state],
    ...(last ? { last_review: last } : {}),
  };
}

function fromFsrs(c: Card): ReviewCard {
  return {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: STATE_NAME[c.state],
    ...(c.last_review ? { lastReview: c.last_review.toISOString() } : {}),
  };
}

/** A card that has never been reviewed, due `now`. */
export function newReviewCard(now: Date): ReviewCard {
  return fromFsrs(createEmptyCard(now));
}

/**
 * The next state of a card after a review graded `grade` at `now` (a new card when `card` is
 * undefined), and when it is due again.
 */
export function scheduleReview(
  card: ReviewCard | undefined,
  grade: ReviewGrade,
  now: Date,
): { card: ReviewCard; due: Date } {
  if (!Number.isFinite(now.getTime())) throw new RangeError('now must be a valid date');
  const current = card ? toFsrs(card, now) : createEmptyCard(now);
  const next = scheduler.next(current, now, RATING[grade]).card;
  return { card: fromFsrs(next), due: next.due };
}

/**
 * The probability that the card's skill is recalled at `now`: FSRS's forgetting curve at the time since
 * the last review (fractional days, so it falls through the day), 0 for a card never reviewed.
 */
export function retrievability(card: ReviewCard, now: Date): number {
  if (card.state === 'new' || !card.lastReview || card.stability <= 0) return 0;
  const days = Math.max(0, (now.getTime() - new Date(card.lastReview).getTime()) / 86_400_000);
  return forgetting_curve(scheduler.parameters.w, days, card.stability);
}

/** Whether a card is due at `now`. */
export function isDue(card: ReviewCard, now: Date): boolean {
  return new Date(card.due).getTime() <= now.getTime();
}

export interface AttemptOutcome {
  correct: boolean;
  /** Time from showing the question to the answer, in milliseconds. */
  timeMs: number;
  hintUsed?: boolean;
  /** A comfortable answering time for this question; default 60 s. */
  targetMs?: number;
}

/**
 * Maps a graded attempt to an FSRS rating:
 *   wrong → again; right with a hint, or slower than 2 × target → hard;
 *   right within half the target, without a hint → easy; otherwise → good.
 */
export function ratingForAttempt(a: AttemptOutcome): ReviewGrade {
  if (!a.correct) return 'again';
  const target = a.targetMs ?? 60_000;
  if (a.hintUsed || a.timeMs > 2 * target) return 'hard';
  if (a.timeMs < target / 2) return 'easy';
  return 'good';
}
