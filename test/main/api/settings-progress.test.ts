import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/main/api';
import { type TempStore, tempStore } from '../../helpers/temp-store';

let t: TempStore;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.cleanup());

describe('settings:*', () => {
  it('starts from the defaults', async () => {
    expect(await t.api.call('settings:get', {})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('set merges, answers the full settings and persists across a reopen', async () => {
    expect(await t.api.call('settings:set', { theme: 'dark' })).toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS, theme: 'dark' },
    });
    await t.api.call('settings:set', { locale: 'zh-CN' });
    t.reopen();
    expect(await t.api.call('settings:get', {})).toEqual({
      ok: true,
      value: { theme: 'dark', locale: 'zh-CN', convention: 'paper' },
    });
  });

  it('keeps the counting convention across a reopen and refuses an unknown one', async () => {
    await t.api.call('settings:set', { convention: 'fvcore' });
    t.reopen();
    const got = await t.api.call('settings:get', {});
    expect(got.ok && got.value.convention).toBe('fvcore');
    const bad = await t.api.call('settings:set', { convention: 'thop' } as never);
    expect(bad.ok).toBe(false);
  });

  it('a stored value that is no longer valid reads as the default', async () => {
    t.store.settings.setMany({ theme: 'sepia' });
    const got = await t.api.call('settings:get', {});
    expect(got.ok && got.value.theme).toBe(DEFAULT_SETTINGS.theme);
  });
});

describe('progress:get', () => {
  it('is empty on a new database', async () => {
    const progress = await t.api.call('progress:get', {});
    expect(progress.ok && { ...progress.value, forecast: undefined }).toEqual({
      lessons: [],
      attempts: { total: 0, correct: 0 },
      reviewsDue: 0,
      streakDays: 0,
      skills: [],
      daily: [],
      forecast: undefined,
      cards: [],
      knowledge: { all: null, cards: 0, bySkill: [] },
    });
    expect(progress.ok && progress.value.forecast.map((d) => d.due)).toEqual(Array(14).fill(0));
  });

  it('counts attempts and due reviews at the current time', async () => {
    const { db } = t.store;
    const attempt = db.prepare(
      "INSERT INTO quiz_attempts (question_id, skill, seed, difficulty, answer, correct, time_ms, created_at) VALUES ('q', 's', 1, 1, '7', ?, 100, 1)",
    );
    attempt.run(1);
    attempt.run(0);
    attempt.run(1);
    const card = db.prepare(
      "INSERT INTO review_cards (id, skill, card, due, updated_at) VALUES (?, 's', '{}', ?, 0)",
    );
    card.run('due-now', t.clock.now);
    card.run('later', t.clock.now + 1);
    db.prepare("INSERT INTO lesson_progress VALUES ('output-size', 10, NULL, 'formula')").run();
    const progress = await t.api.call('progress:get', {});
    expect(progress.ok && progress.value).toMatchObject({
      lessons: [{ lessonId: 'output-size', visitedAt: 10, completedAt: null, position: 'formula' }],
      attempts: { total: 3, correct: 2 },
      reviewsDue: 1,
    });
  });
});

describe('app:status', () => {
  it('reports the version (as package.json has it), the data file and no notices on a healthy start', async () => {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(await t.api.call('app:status', {})).toEqual({
      ok: true,
      value: { version: pkg.version, dataFile: t.file, notices: [] },
    });
  });
});

describe('lessons:*', () => {
  it('remembers the last visit and position, and the first completion', async () => {
    expect(await t.api.call('lessons:visit', { lessonId: 'output-size', position: 'formula' })).toEqual({
      ok: true,
      value: { lessonId: 'output-size', visitedAt: t.clock.now, completedAt: null, position: 'formula' },
    });
    const first = t.clock.now;
    t.clock.now += 100;
    await t.api.call('lessons:complete', { lessonId: 'output-size' });
    t.clock.now += 100;
    await t.api.call('lessons:complete', { lessonId: 'output-size' });
    // A visit without a position keeps the one remembered.
    const again = await t.api.call('lessons:visit', { lessonId: 'output-size' });
    expect(again).toEqual({
      ok: true,
      value: {
        lessonId: 'output-size',
        visitedAt: t.clock.now,
        completedAt: first + 100,
        position: 'formula',
      },
    });
    t.reopen();
    const progress = await t.api.call('progress:get', {});
    expect(progress.ok && progress.value.lessons).toEqual([again.ok && again.value]);
  });

  it('refuses a malformed lesson id', async () => {
    const result = await t.api.call('lessons:visit', { lessonId: '../etc' });
    expect(!result.ok && result.error.message).toMatch(/lessonId must be lower-case letters/);
  });
});
