import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatAnswer, generate, generateForDesign, grade } from '../../../src/core/quiz';
import { validateModel } from '../../../src/core';
import { snapshot, type TempStore, tempStore, tinyModel } from '../../helpers/temp-store';
import { MAX_SPECS } from '../../helpers/max-specs';
import { SKILLS } from '../../../src/shared/contracts/practice';

let t: TempStore;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.cleanup());

const DAY = 86_400_000;
const ref = (seed: number) => ({
  kind: 'generated' as const,
  skill: 'output-size' as const,
  difficulty: 1 as const,
  seed,
});
/** The right answer as a learner would type it, produced by the core itself. */
const rightAnswer = (seed: number) => formatAnswer(generate('output-size', 1, seed));

describe('practice:answer', () => {
  it('grades with the core, stores the attempt and schedules the skill card only when right', async () => {
    const result = await t.api.call('practice:answer', {
      question: ref(1),
      answer: rightAnswer(1),
      timeMs: 20_000,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.grade.correct).toBe(true);
    expect(result.value.grade.expected).toEqual(generate('output-size', 1, 1).expected);
    expect(result.value.skillDue).toBeGreaterThan(t.clock.now);
    expect(result.value.questionDue).toBeNull();
    const progress = await t.api.call('progress:get', {});
    expect(progress.ok && progress.value.attempts).toEqual({ total: 1, correct: 1 });
    expect(t.store.practice.card('question:output-size:1:1')).toBeUndefined();
  });

  it('a wrong answer gets the worked solution; its skill at that difficulty comes back with fresh numbers', async () => {
    const q = generate('output-size', 1, 2);
    const wrong = '99999';
    const result = await t.api.call('practice:answer', { question: ref(2), answer: wrong, timeMs: 5_000 });
    expect(result.ok && result.value.grade).toEqual(grade(q, wrong));
    expect(result.ok && result.value.grade.correct).toBe(false);
    expect(result.ok && result.value.grade.solution.steps.length).toBeGreaterThan(0);
    expect(result.ok && result.value.questionDue).not.toBeNull();
    t.clock.now += DAY;
    const reviews = await t.api.call('practice:reviews', {});
    expect(reviews.ok && reviews.value.map((r) => [r.id, r.difficulty])).toEqual([
      ['review:output-size:1', 1],
      ['skill:output-size', null],
    ]);
    const card = reviews.ok ? reviews.value[0]! : undefined;
    // A parametric card: the same skill and difficulty, other numbers — never the exact question again.
    expect(card?.question).toMatchObject({ kind: 'generated', skill: 'output-size', difficulty: 1 });
    const asked = await t.api.call('practice:question', { question: card!.question! });
    expect(asked.ok && asked.value.spec).not.toEqual(q.spec);
    // Stable until reviewed (a reload shows the same question) …
    const again = await t.api.call('practice:reviews', {});
    expect(again.ok && again.value[0]!.question).toEqual(card!.question);
    // … and fresh after each review, missed again or not.
    const answered = await t.api.call('practice:answer', {
      question: card!.question!,
      answer: wrong,
      timeMs: 5_000,
      mode: 'review',
    });
    expect(answered.ok).toBe(true);
    t.clock.now += 2 * DAY;
    const later = await t.api.call('practice:reviews', {});
    const next = later.ok ? later.value.find((r) => r.id === 'review:output-size:1') : undefined;
    expect(next?.question).toMatchObject({ kind: 'generated', skill: 'output-size', difficulty: 1 });
    expect(next?.question).not.toEqual(card!.question);
    expect(next?.reps).toBeGreaterThan(card!.reps);
  });

  it('a lesson question built from its own numbers is reviewed with generated numbers of its skill', async () => {
    const lesson = {
      kind: 'spec' as const,
      skill: 'gradient-arithmetic' as const,
      difficulty: 2 as const,
      spec: { variant: 'l2', w: 3, g: -0.2, lr: 0.05, lambda: 0.1, steps: 1 },
    };
    await t.api.call('practice:answer', { question: lesson, answer: '2.97', timeMs: 5_000, mode: 'lesson' });
    t.clock.now += DAY;
    const reviews = await t.api.call('practice:reviews', {});
    const card = reviews.ok ? reviews.value.find((r) => r.id === 'review:gradient-arithmetic:2') : undefined;
    expect(card?.question).toMatchObject({ kind: 'generated', skill: 'gradient-arithmetic', difficulty: 2 });
  });

  it('asks and grades questions about a saved design', async () => {
    await t.api.call('designs:save', { name: 'Tiny', model: tinyModel });
    const question = { kind: 'design' as const, designId: 'design-1', difficulty: 2 as const, seed: 3 };
    const asked = await t.api.call('practice:question', { question });
    const valid = validateModel(tinyModel);
    const expected = valid.ok ? generateForDesign(valid.model, 'Tiny', 3, 2) : undefined;
    expect(asked.ok && asked.value.id).toBe(expected!.id);
    const answered = await t.api.call('practice:answer', {
      question,
      answer: formatAnswer(expected!),
      timeMs: 1000,
    });
    expect(answered.ok && answered.value.grade.correct).toBe(true);
  });

  it('refuses a question that cannot be built, and writes nothing', async () => {
    const before = snapshot(t.store);
    const cases: [unknown, string, RegExp][] = [
      [{ kind: 'design', designId: 'missing', difficulty: 1, seed: 1 }, 'not_found', /no design/],
      [
        { kind: 'spec', skill: 'output-size', difficulty: 1, spec: { nonsense: true } },
        'invalid_request',
        /question\.spec\.op: Invalid option/,
      ],
      [
        {
          kind: 'spec',
          skill: 'concepts',
          difficulty: 1,
          spec: { variant: 'item', item: 'nope', order: [0, 1, 2] },
        },
        'invalid_request',
        /could not be built: unknown concept item/,
      ],
      // Specs beyond the generator's bounds (the audit's 9.4 s and 21.8 s / 2.6 GB requests).
      [
        {
          kind: 'spec',
          skill: 'gradient-arithmetic',
          difficulty: 3,
          spec: { variant: 'l2', w: 1, g: 0, lr: 0.1, lambda: 0.1, steps: 3e7 },
        },
        'invalid_request',
        /question\.spec\.steps: steps must be at most 50/,
      ],
      [
        {
          kind: 'spec',
          skill: 'inverse-padding-stride',
          difficulty: 3,
          spec: { unknown: 'padding', size: 1e8, kernel: 3, stride: 1, padding: 0, dilation: 1, target: 5 },
        },
        'invalid_request',
        /question\.spec\.size: size must be at most 256/,
      ],
      [{ kind: 'generated', skill: 'juggling', difficulty: 1, seed: 1 }, 'invalid_request', /skill/],
      [
        { kind: 'generated', skill: 'output-size', difficulty: 4, seed: 1 },
        'invalid_request',
        /difficulty must be 1, 2 or 3/,
      ],
      [
        { kind: 'generated', skill: 'output-size', difficulty: 1, seed: -1 },
        'invalid_request',
        /seed must not be negative/,
      ],
    ];
    for (const [question, code, message] of cases) {
      const result = await t.api.call('practice:answer', { question, answer: '1', timeMs: 1 });
      expect(!result.ok && result.error.code, JSON.stringify(question)).toBe(code);
      expect(!result.ok && result.error.message, JSON.stringify(question)).toMatch(message);
    }
    expect(snapshot(t.store)).toBe(before);
  });
});

describe('progress from practice', () => {
  it('counts mastery over the last ten attempts, a day streak, daily accuracy and the review forecast', async () => {
    // Three days in a row of practice, the last one today; UTC so that days are easy to read.
    const today = Date.UTC(2026, 10, 27, 12);
    for (const [daysAgo, seeds] of [
      [2, [10, 11]],
      [1, [12]],
      [0, [13, 14, 15]],
    ] as const) {
      for (const seed of seeds) {
        t.clock.now = today - daysAgo * DAY + seed * 1000;
        const answer = seed === 11 ? 'wrong' : rightAnswer(seed);
        await t.api.call('practice:answer', { question: ref(seed), answer, timeMs: 30_000 });
      }
    }
    t.clock.now = today + 20_000;
    const progress = await t.api.call('progress:get', { timezoneOffset: 0 });
    expect(progress.ok).toBe(true);
    if (!progress.ok) return;
    const p = progress.value;
    expect(p.attempts).toEqual({ total: 6, correct: 5 });
    expect(p.streakDays).toBe(3);
    expect(p.skills).toEqual([
      { skill: 'output-size', attempts: 6, correct: 5, mastery: 0.5, lastAttemptAt: today + 15_000 },
    ]);
    expect(p.daily).toEqual([
      { day: '2026-11-25', attempts: 2, correct: 1 },
      { day: '2026-11-26', attempts: 1, correct: 1 },
      { day: '2026-11-27', attempts: 3, correct: 3 },
    ]);
    expect(p.forecast[0]!.day).toBe('2026-11-27');
    // Every card is somewhere in the forecast or due later than its 14 days.
    const cards = t.store.practice.due(today + 365 * DAY).length;
    expect(p.forecast.reduce((n, d) => n + d.due, 0)).toBeLessThanOrEqual(cards);
    expect(cards).toBe(2);
    // A day without practice keeps yesterday's streak alive; two days break it.
    t.clock.now = today + DAY;
    const next = await t.api.call('progress:get', { timezoneOffset: 0 });
    expect(next.ok && next.value.streakDays).toBe(3);
    t.clock.now = today + 2 * DAY;
    const broken = await t.api.call('progress:get', { timezoneOffset: 0 });
    expect(broken.ok && broken.value.streakDays).toBe(0);
  });

  it('uses the learner’s local day', async () => {
    // 23:30 UTC is already the next day in UTC+2 (getTimezoneOffset() = -120).
    t.clock.now = Date.UTC(2026, 10, 27, 23, 30);
    await t.api.call('practice:answer', { question: ref(1), answer: rightAnswer(1), timeMs: 1000 });
    const utc = await t.api.call('progress:get', { timezoneOffset: 0 });
    const plus2 = await t.api.call('progress:get', { timezoneOffset: -120 });
    expect(utc.ok && utc.value.daily.map((d) => d.day)).toEqual(['2026-11-27']);
    expect(plus2.ok && plus2.value.daily.map((d) => d.day)).toEqual(['2026-11-28']);
  });
});

describe('practice:reviews', () => {
  it('re-checks stored question references on read: a hostile one is never built nor sent back', async () => {
    const hostile = {
      kind: 'spec',
      skill: 'gradient-arithmetic',
      difficulty: 3,
      spec: { variant: 'l2', w: 1, g: 0, lr: 0.1, lambda: 0.1, steps: 2 ** 31 - 1 },
    };
    const insert = t.store.db.prepare(
      'INSERT INTO review_cards (id, skill, card, due, updated_at, question) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const state = JSON.stringify({ state: 'review', reps: 1, lapses: 0 });
    insert.run(
      'review:gradient-arithmetic:3',
      'gradient-arithmetic',
      state,
      t.clock.now - DAY,
      0,
      JSON.stringify(hostile),
    );
    insert.run(
      'question:gradient-arithmetic:3:custom',
      'gradient-arithmetic',
      state,
      t.clock.now - DAY,
      0,
      JSON.stringify(hostile),
    );
    const reviews = await t.api.call('practice:reviews', {});
    expect(reviews.ok && reviews.value.map((r) => [r.id, r.question?.kind ?? null])).toEqual([
      ['question:gradient-arithmetic:3:custom', null],
      ['review:gradient-arithmetic:3', 'generated'],
    ]);
    expect(JSON.stringify(reviews.ok && reviews.value)).not.toContain('2147483647');
  });
});

describe('a damaged review card in the database', () => {
  it.each([
    ['null', 'null'],
    ['a number', '7'],
    ['an array', '[1, 2]'],
    ['a card with broken fields', JSON.stringify({ state: 3, reps: -1, due: 'never', stability: 'x' })],
  ])(
    '(%s) is shown and scheduled as a new card, and the next answer writes a sound one',
    async (_what, card) => {
      const id = 'review:output-size:1';
      t.store.db
        .prepare(
          'INSERT INTO review_cards (id, skill, card, due, updated_at, question) VALUES (?, ?, ?, ?, ?, NULL)',
        )
        .run(id, 'output-size', card, t.clock.now - DAY, 0);
      const reviews = await t.api.call('practice:reviews', {});
      expect(reviews.ok && reviews.value.map((r) => [r.id, r.state, r.reps, r.lapses])).toEqual([
        [id, 'new', 0, 0],
      ]);
      const question = reviews.ok ? reviews.value[0]!.question : null;
      expect(question?.kind).toBe('generated');
      if (question?.kind !== 'generated') return;
      const answer = await t.api.call('practice:answer', {
        question,
        answer: formatAnswer(generate('output-size', 1, question.seed)),
        timeMs: 1000,
      });
      expect(answer.ok, JSON.stringify(answer)).toBe(true);
      const stored = t.store.practice.card(id);
      expect(stored?.card).toMatchObject({ state: expect.any(String), reps: 1 });
      const again = await t.api.call('practice:reviews', {});
      expect(again.ok).toBe(true);
    },
  );
});

describe('the largest spec of every skill', () => {
  it('is accepted by the request schema and answered with a question or a clear refusal, never internal', async () => {
    const codes = new Set<string>();
    for (const skill of SKILLS)
      for (const spec of MAX_SPECS[skill]) {
        const question = { kind: 'spec' as const, skill, difficulty: 3 as const, spec };
        const res = await t.api.call('practice:question', { question });
        codes.add(res.ok ? 'ok' : res.error.code);
        if (res.ok) expect(res.value.skill).toBe(skill);
        else expect(res.error.message, skill).toMatch(/^The question could not be built: /);
      }
    expect([...codes].sort()).toEqual(['invalid_request', 'ok']);
  });
});
