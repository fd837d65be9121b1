import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { LessonProgress, Progress } from '../../../../src/shared/types';
import type { createFakeApi } from '../stores/fake-api';
import { LESSON_IDS } from '../../../../src/renderer/src/lessons/catalog';

const fake = vi.hoisted(() => ({
  value: null as ReturnType<typeof import('../stores/fake-api').createFakeApi> | null,
}));
vi.mock('../../../../src/renderer/src/api', async () => {
  const { createFakeApi: make } = await import('../stores/fake-api');
  fake.value = make();
  return { api: fake.value.api };
});

const { currentLesson, lessonStatus, useLessonsStore } =
  await import('../../../../src/renderer/src/stores/lessons');
const backend = () => fake.value as ReturnType<typeof createFakeApi>;

const row = (
  lessonId: string,
  visitedAt: number | null,
  completedAt: number | null,
  position: string | null = null,
): LessonProgress => ({
  lessonId,
  visitedAt,
  completedAt,
  position,
});

const progress = (lessons: LessonProgress[]): Progress => ({
  lessons,
  attempts: { total: 0, correct: 0 },
  reviewsDue: 0,
  streakDays: 0,
  skills: [],
  daily: [],
  forecast: [],
  cards: [],
  knowledge: { all: null, cards: 0, bySkill: [] },
});

beforeEach(() => {
  setActivePinia(createPinia());
  backend().reset();
});

describe('current lesson', () => {
  it('is the first lesson for a new learner', () => {
    expect(currentLesson([])).toBe('output-size');
  });

  it('is the most recently visited lesson that is not completed', () => {
    expect(
      currentLesson([
        row('output-size', 10, 20),
        row('receptive-field', 30, null),
        row('layer-complexity', 25, null),
      ]),
    ).toBe('receptive-field');
  });

  it('is the first lesson not completed when every visited one is done, and null at the end', () => {
    expect(currentLesson([row('output-size', 10, 20), row('layer-complexity', 11, 21)])).toBe(
      'network-complexity',
    );
    // A learner who finished the ten lessons of the first path is led to the one added since.
    const firstPath = [
      'output-size',
      'layer-complexity',
      'network-complexity',
      'space-complexity',
      'receptive-field',
      'dilated-convolution',
      'multi-scale',
      'vanishing-gradients',
      'exploding-gradients',
      'remedies',
    ];
    expect(currentLesson(firstPath.map((id, i) => row(id, i, i + 100)))).toBe('initialisation');
    expect(currentLesson(LESSON_IDS.map((id, i) => row(id, i, i + 100)))).toBeNull();
  });

  it('ignores lessons it does not know', () => {
    expect(currentLesson([row('old-lesson', 99, null)])).toBe('output-size');
  });

  it('tells done, started and new apart', () => {
    expect(lessonStatus(undefined)).toBe('new');
    expect(lessonStatus(row('x', 1, null))).toBe('started');
    expect(lessonStatus(row('x', 1, 2))).toBe('done');
    // Completed without a recorded visit still counts as done.
    expect(lessonStatus(row('x', null, 2))).toBe('done');
  });
});

describe('lessons store', () => {
  it('loads progress, remembers positions and completions from the backend answers', async () => {
    backend().on('progress:get', () => ({
      ok: true,
      value: progress([row('receptive-field', 5, null, 'stride')]),
    }));
    backend().on('lessons:visit', (req) => {
      const r = req as { lessonId: string; position?: string };
      return { ok: true, value: row(r.lessonId, 50, null, r.position ?? 'kept') };
    });
    backend().on('lessons:complete', (req) => ({
      ok: true,
      value: row((req as { lessonId: string }).lessonId, 50, 60, 'check'),
    }));
    const store = useLessonsStore();
    await store.load();
    expect(store.position('receptive-field')).toBe('stride');
    expect(store.current).toBe('receptive-field');

    await store.visit('output-size', 'inexact');
    expect(backend().calls.at(-1)).toEqual({
      channel: 'lessons:visit',
      request: { lessonId: 'output-size', position: 'inexact' },
    });
    expect(store.position('output-size')).toBe('inexact');
    await store.visit('output-size');
    // Without a position the request carries none, so the backend keeps the stored one.
    expect(backend().calls.at(-1)?.request).toEqual({ lessonId: 'output-size' });

    await store.complete('output-size');
    expect(store.status('output-size')).toBe('done');
    expect(store.doneCount).toBe(1);
  });

  it('keeps the backend message when progress cannot be loaded or saved', async () => {
    backend().on('progress:get', () => ({ ok: false, error: { code: 'internal', message: 'disk full' } }));
    const store = useLessonsStore();
    await store.load();
    expect(store.error).toBe('disk full');
    await store.complete('remedies');
    expect(store.error).toMatch(/unexpected call to lessons:complete/);
    expect(store.status('remedies')).toBe('new');
  });
});
