import { describe, expect, it } from 'vitest';
import { SKILLS } from '../../../../src/core/quiz';
import {
  DEFAULT_CONFIG,
  formatClock,
  MAX_SEED,
  planDesign,
  planGenerated,
  planReviews,
  type RandomInt,
} from '../../../../src/renderer/src/practice/session';
import type { ReviewItem } from '../../../../src/shared/types';

/** A deterministic stand-in for Math.random: counts up, modulo the bound. */
function counter(): RandomInt {
  let n = 0;
  return (max) => n++ % max;
}

const card = (id: string, skill: string, question: ReviewItem['question'] = null): ReviewItem => ({
  id,
  skill,
  question,
  due: 0,
  state: 'learning',
  reps: 1,
  lapses: 0,
});

describe('planGenerated', () => {
  it('plans `count` questions cycling through every chosen skill, with seeds the API accepts', () => {
    const plan = planGenerated({
      ...DEFAULT_CONFIG,
      skills: ['output-size', 'concepts', 'conv-params'],
      count: 7,
      difficulty: 2,
    });
    expect(plan).toHaveLength(7);
    const skills = plan.map((p) => (p.ref.kind === 'generated' ? p.ref.skill : null));
    expect(new Set(skills.slice(0, 3))).toEqual(new Set(['output-size', 'concepts', 'conv-params']));
    expect(skills.slice(3, 6)).toEqual(skills.slice(0, 3));
    for (const p of plan) {
      expect(p.ref.kind).toBe('generated');
      if (p.ref.kind !== 'generated') continue;
      expect(p.ref.difficulty).toBe(2);
      expect(Number.isInteger(p.ref.seed) && p.ref.seed >= 0 && p.ref.seed <= MAX_SEED).toBe(true);
      expect(p.reviewId).toBeNull();
    }
  });

  it('uses every skill when none is chosen', () => {
    const plan = planGenerated({ ...DEFAULT_CONFIG, skills: [], count: SKILLS.length }, counter());
    expect(new Set(plan.map((p) => (p.ref.kind === 'generated' ? p.ref.skill : '')))).toEqual(
      new Set(SKILLS),
    );
  });
});

describe('planReviews', () => {
  it('asks a missed question again as stored, a skill card as a fresh question, and skips unknown skills', () => {
    const stored = { kind: 'generated' as const, skill: 'conv-params', difficulty: 3 as const, seed: 42 };
    const plan = planReviews(
      [
        card('question:conv-params:3:42', 'conv-params', stored),
        card('skill:receptive-field', 'receptive-field'),
        card('skill:design', 'design'),
      ],
      1,
      counter(),
    );
    expect(plan).toHaveLength(2);
    expect(plan[0]).toEqual({ ref: stored, reviewId: 'question:conv-params:3:42' });
    expect(plan[1]!.reviewId).toBe('skill:receptive-field');
    expect(plan[1]!.ref).toMatchObject({ kind: 'generated', skill: 'receptive-field', difficulty: 1 });
  });
});

describe('planDesign', () => {
  it('asks `count` questions about one design', () => {
    const plan = planDesign('d1', { ...DEFAULT_CONFIG, count: 3 }, counter());
    expect(plan.map((p) => p.ref)).toEqual([
      { kind: 'design', designId: 'd1', difficulty: 1, seed: 0 },
      { kind: 'design', designId: 'd1', difficulty: 1, seed: 1 },
      { kind: 'design', designId: 'd1', difficulty: 1, seed: 2 },
    ]);
  });
});

describe('formatClock', () => {
  it('rounds up to whole seconds and never goes below zero', () => {
    expect(formatClock(600_000)).toBe('10:00');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(1)).toBe('0:01');
    expect(formatClock(-5)).toBe('0:00');
  });
});
