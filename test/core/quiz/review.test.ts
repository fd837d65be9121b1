import { describe, expect, it } from 'vitest';
import {
  isDue,
  newReviewCard,
  ratingForAttempt,
  type ReviewCard,
  scheduleReview,
} from '../../../src/core/quiz';

const DAY = 86_400_000;
/** A fake clock: every call to `at` is an explicit instant, never the wall clock. */
const t0 = new Date('2025-03-01T09:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('scheduleReview (ts-fsrs, fuzz off)', () => {
  it('a new card answered "good" leaves the learning steps and comes back later than after "again"', () => {
    const again = scheduleReview(undefined, 'again', t0);
    const good = scheduleReview(undefined, 'good', t0);
    const easy = scheduleReview(undefined, 'easy', t0);
    expect(again.due.getTime()).toBeGreaterThan(t0.getTime());
    expect(good.due.getTime()).toBeGreaterThan(again.due.getTime());
    expect(easy.due.getTime()).toBeGreaterThan(good.due.getTime());
    expect(easy.card.state).toBe('review');
    expect(again.card.reps).toBe(1);
    expect(good.card.lastReview).toBe(t0.toISOString());
  });

  it('intervals grow with successful reviews and shrink after a lapse', () => {
    let card: ReviewCard | undefined;
    let now = t0;
    const intervals: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = scheduleReview(card, 'good', now);
      intervals.push(r.due.getTime() - now.getTime());
      card = r.card;
      now = r.due;
    }
    for (let i = 2; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThan(intervals[i - 1]);
    const lapse = scheduleReview(card, 'again', now);
    expect(lapse.card.lapses).toBe(1);
    expect(lapse.card.state).toBe('relearning');
    expect(lapse.due.getTime() - now.getTime()).toBeLessThan(intervals[intervals.length - 1]);
  });

  it('is deterministic and JSON-serialisable (for SQLite)', () => {
    const a = scheduleReview(undefined, 'good', t0);
    const b = scheduleReview(JSON.parse(JSON.stringify(newReviewCard(t0))), 'good', t0);
    expect(b.card).toEqual(a.card);
    const round = JSON.parse(JSON.stringify(a.card)) as ReviewCard;
    expect(scheduleReview(round, 'good', a.due)).toEqual(scheduleReview(a.card, 'good', a.due));
  });

  it('isDue follows the fake clock', () => {
    const { card, due } = scheduleReview(undefined, 'easy', t0);
    expect(isDue(card, at(0))).toBe(false);
    expect(isDue(card, new Date(due.getTime() - 1))).toBe(false);
    expect(isDue(card, due)).toBe(true);
    expect(isDue(card, at(365 * DAY))).toBe(true);
  });

  it('rejects an invalid clock', () => {
    expect(() => scheduleReview(undefined, 'good', new Date(Number.NaN))).toThrow();
  });
});

describe('ratingForAttempt', () => {
  it('maps correctness, time and hints to a rating', () => {
    expect(ratingForAttempt({ correct: false, timeMs: 5_000 })).toBe('again');
    expect(ratingForAttempt({ correct: true, timeMs: 5_000 })).toBe('easy');
    expect(ratingForAttempt({ correct: true, timeMs: 45_000 })).toBe('good');
    expect(ratingForAttempt({ correct: true, timeMs: 150_000 })).toBe('hard');
    expect(ratingForAttempt({ correct: true, timeMs: 5_000, hintUsed: true })).toBe('hard');
    expect(ratingForAttempt({ correct: true, timeMs: 50_000, targetMs: 200_000 })).toBe('easy');
  });
});

describe('reviewCardState (the stored card schema)', () => {
  it('accepts every card the scheduler produces and refuses null', async () => {
    const { reviewCardState } = await import('../../../src/shared/contracts/practice');
    let card = newReviewCard(new Date(0));
    expect(reviewCardState.safeParse(card).success).toBe(true);
    for (const g of ['again', 'good', 'hard', 'easy'] as const) {
      card = scheduleReview(card, g, new Date(card.due)).card;
      expect(reviewCardState.safeParse(card).error?.issues).toBeUndefined();
    }
    expect(reviewCardState.safeParse(null).success).toBe(false);
  });
});
