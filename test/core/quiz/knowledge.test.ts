import { describe, expect, it } from 'vitest';
import {
  cardDifficulty,
  cardKnowledge,
  creditable,
  creditGrade,
  expectedKnowledge,
  newReviewCard,
  RELATED_SKILLS,
  relatedSkills,
  retrievability,
  type ReviewCard,
  scheduleReview,
  SKILLS,
} from '../../../src/core/quiz';

const DAY = 86_400_000;
const t0 = new Date('2025-03-01T09:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

/** A card in the review state: answered "easy" when new, then "good" after its interval. */
function reviewed(): ReviewCard {
  const first = scheduleReview(undefined, 'easy', t0);
  return scheduleReview(first.card, 'good', first.due).card;
}

describe('retrievability (FSRS forgetting curve)', () => {
  it('is 0 for a card never reviewed, 1 right after a review, and falls with time', () => {
    expect(retrievability(newReviewCard(t0), t0)).toBe(0);
    const card = reviewed();
    const last = new Date(card.lastReview!);
    expect(retrievability(card, last)).toBeCloseTo(1, 10);
    const r1 = retrievability(card, new Date(last.getTime() + DAY));
    const r10 = retrievability(card, new Date(last.getTime() + 10 * DAY));
    expect(r1).toBeLessThan(1);
    expect(r10).toBeLessThan(r1);
    expect(r10).toBeGreaterThan(0);
  });

  it('is about the requested retention, 0.9, when the card falls due', () => {
    const card = reviewed();
    expect(card.scheduledDays).toBeGreaterThan(1);
    // The interval is rounded to whole days, so the due date is within a day of R = 0.9.
    const r = retrievability(card, new Date(card.due));
    expect(r).toBeGreaterThan(0.88);
    expect(r).toBeLessThan(0.92);
  });
});

describe('expected knowledge', () => {
  it('is the mean retrievability per skill and over all cards; a damaged card counts in neither', () => {
    const k = expectedKnowledge([
      { id: 'skill:a', skill: 'a', difficulty: null, due: 0, state: 'review', reps: 2, retrievability: 0.9 },
      { id: 'review:a:2', skill: 'a', difficulty: 2, due: 0, state: 'review', reps: 1, retrievability: 0.5 },
      { id: 'skill:b', skill: 'b', difficulty: null, due: 0, state: 'review', reps: 1, retrievability: 0.4 },
      { id: 'skill:c', skill: 'c', difficulty: null, due: 0, state: 'new', reps: 0, retrievability: null },
    ]);
    expect(k.all).toBeCloseTo(0.6, 12);
    expect(k.cards).toBe(3);
    expect(k.bySkill).toEqual([
      { skill: 'a', cards: 2, expected: 0.7 },
      { skill: 'b', cards: 1, expected: 0.4 },
    ]);
    expect(expectedKnowledge([])).toEqual({ all: null, cards: 0, bySkill: [] });
  });

  it('a card as the Progress page lists it: difficulty from its id, retrievability from its state', () => {
    const card = reviewed();
    const now = at(30 * DAY);
    expect(cardKnowledge({ id: 'review:output-size:3', skill: 'output-size', due: 0, card }, now)).toEqual({
      id: 'review:output-size:3',
      skill: 'output-size',
      difficulty: 3,
      due: 0,
      state: 'review',
      reps: card.reps,
      retrievability: retrievability(card, now),
    });
    expect(
      cardKnowledge({ id: 'skill:x', skill: 'x', due: 0, card: undefined }, now).retrievability,
    ).toBeNull();
    expect([cardDifficulty('skill:x'), cardDifficulty('review:design:d-1:2')]).toEqual([null, 2]);
  });
});

describe('related skills', () => {
  it('one table over real skills, no skill credits itself, no relation twice', () => {
    for (const r of RELATED_SKILLS) {
      expect(SKILLS).toContain(r.from);
      expect(SKILLS).toContain(r.to);
      expect(r.from).not.toBe(r.to);
      expect(r.why.length).toBeGreaterThan(5);
    }
    expect(new Set(RELATED_SKILLS.map((r) => `${r.from}>${r.to}`)).size).toBe(RELATED_SKILLS.length);
  });

  it('an RF question is evidence about stride; output size and padding credit each other', () => {
    expect(relatedSkills('receptive-field')).toContain('inverse-padding-stride');
    expect(relatedSkills('output-size')).toContain('inverse-padding-stride');
    expect(relatedSkills('inverse-padding-stride')).toContain('output-size');
    expect(relatedSkills('concepts')).toEqual([]);
  });

  it('credits one grade weaker, at least "hard", and nothing for a miss', () => {
    expect(['easy', 'good', 'hard', 'again'].map((g) => creditGrade(g as never))).toEqual([
      'good',
      'hard',
      'hard',
      null,
    ]);
  });

  it('only a card in review whose last review is a day old takes credit, and it never gets weaker', () => {
    const card = reviewed();
    const last = new Date(card.lastReview!).getTime();
    expect(creditable(undefined, at(0))).toBe(false);
    expect(creditable(scheduleReview(undefined, 'good', t0).card, at(2 * DAY))).toBe(false); // learning
    expect(creditable(card, new Date(last + DAY / 2))).toBe(false);
    expect(creditable(card, new Date(last + DAY))).toBe(true);
    // At every age a "hard" credit keeps or raises the stability and moves the due date later.
    for (const days of [1, 2, 5, 20, 60]) {
      const now = new Date(last + days * DAY);
      const next = scheduleReview(card, 'hard', now).card;
      expect(next.stability, `${days} d`).toBeGreaterThanOrEqual(card.stability);
      expect(new Date(next.due).getTime(), `${days} d`).toBeGreaterThan(now.getTime());
      expect(retrievability(next, now)).toBeGreaterThanOrEqual(retrievability(card, now));
    }
  });
});
