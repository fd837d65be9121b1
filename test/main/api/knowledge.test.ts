import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import {
  formatAnswer,
  generate,
  retrievability,
  scheduleReview,
  type GeneratedSkill,
  type ReviewCard,
} from '../../../src/core/quiz';
import { type TempStore, tempStore } from '../../helpers/temp-store';

let t: TempStore;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.cleanup());

const DAY = 86_400_000;

/** Answers a generated question of `skill` as a learner would (right or wrong), quickly. */
async function answer(skill: GeneratedSkill, seed: number, right: boolean, timeMs = 5_000) {
  const question = { kind: 'generated' as const, skill, difficulty: 1 as const, seed };
  const q = generate(skill, 1, seed);
  const rightAnswer = q.answerKind === 'choice' ? String(q.expected) : formatAnswer(q);
  const result = await t.api.call('practice:answer', {
    question,
    answer: right ? rightAnswer : q.answerKind === 'choice' ? (q.expected === 'A' ? 'B' : 'A') : '99999',
    timeMs,
  });
  expect(result.ok).toBe(true);
  if (result.ok) expect(result.value.grade.correct).toBe(right);
}
const card = (id: string) => t.store.practice.card(id)?.card as ReviewCard | undefined;

describe('related skills credit each other (a real SQLite file)', () => {
  it('a right receptive-field answer reviews the stride card with a weaker grade, once a day', async () => {
    expect(existsSync(t.file)).toBe(true);
    // The learner knows stride and padding: an easy answer puts its skill card in review.
    await answer('inverse-padding-stride', 1, true);
    const before = card('skill:inverse-padding-stride')!;
    expect(before.state).toBe('review');
    const unrelatedBefore = (await answer('concepts', 1, true), card('skill:concepts')!);

    t.clock.now += 3 * DAY;
    await answer('receptive-field', 1, true);
    const after = card('skill:inverse-padding-stride')!;
    expect(after.reps).toBe(before.reps + 1);
    expect(after.lastReview).toBe(new Date(t.clock.now).toISOString());
    expect(after.stability).toBeGreaterThan(before.stability);
    expect(new Date(after.due).getTime()).toBeGreaterThan(new Date(before.due).getTime());
    // The answer was quick (easy); the related card is reviewed one grade lower, good: weaker evidence.
    const now = new Date(t.clock.now);
    expect(after).toEqual(scheduleReview(before, 'good', now).card);
    expect(scheduleReview(before, 'easy', now).card.stability).toBeGreaterThan(after.stability);
    t.reopen();
    expect(card('skill:inverse-padding-stride')).toEqual(after);
    // Concepts is not related to the receptive field: untouched.
    expect(card('skill:concepts')).toEqual(unrelatedBefore);

    // The same day again: no second credit.
    await answer('receptive-field', 2, true);
    expect(card('skill:inverse-padding-stride')).toEqual(after);
  });

  it('a miss credits nothing, and a card still in its learning steps keeps its schedule', async () => {
    await answer('inverse-padding-stride', 1, true);
    const stride = card('skill:inverse-padding-stride')!;
    await answer('output-size', 3, false); // output-size card: learning
    const learning = card('skill:output-size')!;
    expect(learning.state).not.toBe('review');
    t.clock.now += 2 * DAY;
    await answer('receptive-field', 1, false);
    expect(card('skill:inverse-padding-stride')).toEqual(stride);
    // inverse-padding-stride credits output-size, but that card is not in review yet.
    await answer('inverse-padding-stride', 2, true);
    expect(card('skill:output-size')).toEqual(learning);
  });

  it('progress:get lists every card with its retrievability now and the expected knowledge', async () => {
    await answer('inverse-padding-stride', 1, true);
    await answer('output-size', 3, false);
    await answer('concepts', 4, true);
    t.clock.now += 5 * DAY;
    const progress = await t.api.call('progress:get', {});
    expect(progress.ok).toBe(true);
    if (!progress.ok) return;
    const { cards, knowledge } = progress.value;
    expect(cards.map((c) => c.id).sort()).toEqual([
      'review:output-size:1',
      'skill:concepts',
      'skill:inverse-padding-stride',
      'skill:output-size',
    ]);
    const now = new Date(t.clock.now);
    for (const c of cards) {
      expect(c.retrievability).toBe(retrievability(card(c.id)!, now));
      expect(c.retrievability).toBeGreaterThan(0);
      expect(c.retrievability).toBeLessThan(1);
    }
    // Most at risk first.
    const rs = cards.map((c) => c.retrievability!);
    expect([...rs].sort((a, b) => a - b)).toEqual(rs);
    expect(cards.find((c) => c.id === 'review:output-size:1')!.difficulty).toBe(1);
    expect(knowledge.cards).toBe(4);
    expect(knowledge.all).toBeCloseTo(rs.reduce((a, b) => a + b, 0) / 4, 12);
    const output = knowledge.bySkill.find((s) => s.skill === 'output-size')!;
    expect(output.cards).toBe(2);
    const outputRs = cards.filter((c) => c.skill === 'output-size').map((c) => c.retrievability!);
    expect(output.expected).toBeCloseTo((outputRs[0]! + outputRs[1]!) / 2, 12);
  });

  it('a damaged card is listed without a retrievability and left out of the expected knowledge', async () => {
    await answer('concepts', 1, true);
    t.store.db.prepare("UPDATE review_cards SET card = '{\"broken\":1}' WHERE id = 'skill:concepts'").run();
    const progress = await t.api.call('progress:get', {});
    expect(progress.ok && progress.value.cards).toMatchObject([
      { id: 'skill:concepts', retrievability: null },
    ]);
    expect(progress.ok && progress.value.knowledge).toEqual({ all: null, cards: 0, bySkill: [] });
  });
});
