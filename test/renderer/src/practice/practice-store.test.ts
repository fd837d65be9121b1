import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import {
  formatAnswer,
  generate,
  grade,
  type Difficulty,
  type GeneratedSkill,
} from '../../../../src/core/quiz';
import type { ReviewItem } from '../../../../src/shared/types';
import type { createFakeApi } from '../stores/fake-api';

const fake = vi.hoisted(() => ({ value: null as ReturnType<typeof createFakeApi> | null }));
vi.mock('../../../../src/renderer/src/api', async () => {
  const { createFakeApi: make } = await import('../stores/fake-api');
  fake.value = make();
  return { api: fake.value.api };
});

const { usePracticeStore } = await import('../../../../src/renderer/src/stores/practice');
const backend = () => fake.value as ReturnType<typeof createFakeApi>;

interface GeneratedRef {
  kind: 'generated';
  skill: GeneratedSkill;
  difficulty: Difficulty;
  seed: number;
}

/** A backend that builds and grades with the core, like the main process does. */
function coreBackend(reviews: ReviewItem[] = []) {
  backend().on('practice:question', (r) => {
    const ref = (r as { question: GeneratedRef }).question;
    return { ok: true, value: generate(ref.skill, ref.difficulty, ref.seed) };
  });
  backend().on('practice:answer', (r) => {
    const req = r as { question: GeneratedRef; answer: string };
    const q = generate(req.question.skill, req.question.difficulty, req.question.seed);
    return { ok: true, value: { grade: grade(q, req.answer), attemptId: 1, skillDue: 0, questionDue: null } };
  });
  backend().on('practice:reviews', () => ({ ok: true, value: reviews }));
}

const answers = () => backend().calls.filter((c) => c.channel === 'practice:answer');

beforeEach(() => {
  setActivePinia(createPinia());
  backend().reset();
});

describe('practice store', () => {
  it('grades a right and a wrong answer through the backend, with feedback after each', async () => {
    coreBackend();
    const store = usePracticeStore();
    store.config.skills = ['conv-params'];
    store.config.count = 2;
    await store.start();
    expect(store.phase).toBe('asking');

    const first = store.current!.question!;
    store.draft = formatAnswer(first);
    await store.submit();
    expect(store.phase).toBe('feedback');
    expect(store.current!.result!.grade.correct).toBe(true);

    await store.next();
    const second = store.current!.question!;
    store.draft = String((second.expected as number) + 1);
    await store.submit();
    expect(store.current!.result!.grade.correct).toBe(false);
    await store.next();
    expect(store.phase).toBe('summary');
    expect(store.correctCount).toBe(1);
    expect(answers().map((c) => (c.request as { mode: string }).mode)).toEqual(['practice', 'practice']);
  });

  it('reports an answer it cannot read without recording it', async () => {
    coreBackend();
    const store = usePracticeStore();
    store.config.skills = ['conv-params'];
    store.config.count = 1;
    await store.start();
    store.draft = 'about forty';
    await store.submit();
    expect(store.phase).toBe('asking');
    expect(store.parseError).toBeTruthy();
    store.draft = '';
    await store.submit();
    expect(store.parseError).toBe('');
    expect(answers()).toHaveLength(0);
  });

  it('in exam mode goes on without feedback and records the answers as exam answers', async () => {
    coreBackend();
    const store = usePracticeStore();
    store.config.skills = ['output-size'];
    store.config.count = 2;
    store.config.exam = true;
    await store.start();
    store.draft = '1';
    await store.submit();
    expect(store.phase).toBe('asking');
    expect(store.index).toBe(1);
    store.draft = '2';
    await store.submit();
    expect(store.phase).toBe('summary');
    expect(answers().map((c) => (c.request as { mode: string }).mode)).toEqual(['exam', 'exam']);
  });

  it('reviews the due cards: a missed question as it was, a skill card as a new question', async () => {
    const stored = {
      kind: 'generated' as const,
      skill: 'linear-params' as const,
      difficulty: 2 as const,
      seed: 7,
    };
    coreBackend([
      {
        id: 'question:linear-params:2:7',
        skill: 'linear-params',
        question: stored,
        due: 0,
        state: 'learning',
        reps: 1,
        lapses: 1,
      },
      {
        id: 'skill:receptive-field',
        skill: 'receptive-field',
        question: null,
        due: 0,
        state: 'learning',
        reps: 1,
        lapses: 0,
      },
    ]);
    const store = usePracticeStore();
    await store.startReviews();
    expect(store.items).toHaveLength(2);
    expect(store.current!.question!.id).toBe('linear-params:2:7');
    store.draft = formatAnswer(store.current!.question!);
    await store.submit();
    await store.next();
    expect(store.current!.question!.skill).toBe('receptive-field');
    expect(answers().map((c) => (c.request as { mode: string }).mode)).toEqual(['review']);
  });

  it('ends the session when the time is up', async () => {
    coreBackend();
    let now = 1_000_000;
    const store = usePracticeStore();
    store.setClock(() => now);
    store.config.skills = ['conv-params'];
    store.config.minutes = 1;
    await store.start();
    expect(store.deadline).toBe(1_000_000 + 60_000);
    now += 60_000;
    await store.timeUp();
    expect(store.phase).toBe('summary');
    expect(store.timedOut).toBe(true);
  });
});
