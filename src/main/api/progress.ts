import { cardKnowledge, expectedKnowledge, type ReviewCard } from '../../core/quiz';
import { ok } from '../../shared/result';
import type { Handlers } from './types';

export const progressHandlers: Pick<Handlers, 'progress:get' | 'lessons:visit' | 'lessons:complete'> = {
  'lessons:visit': ({ lessonId, position }, { store, now }) =>
    ok(store.progress.visitLesson(lessonId, position, now())),
  'lessons:complete': ({ lessonId }, { store, now }) => ok(store.progress.completeLesson(lessonId, now())),
  'progress:get': ({ timezoneOffset = 0 }, { store, now }) => {
    const at = now();
    const cards = store.practice
      .cards()
      .map((c) => cardKnowledge({ ...c, card: c.card as ReviewCard | undefined }, new Date(at)))
      .sort((a, b) => (a.retrievability ?? -1) - (b.retrievability ?? -1) || a.id.localeCompare(b.id));
    return ok({
      lessons: store.progress.lessons(),
      attempts: store.progress.attemptTotals(),
      reviewsDue: store.progress.reviewsDue(at),
      streakDays: store.practice.streak(at, timezoneOffset),
      skills: store.practice.skills(),
      daily: store.practice.daily(at, timezoneOffset),
      forecast: store.practice.forecast(at, timezoneOffset),
      cards,
      knowledge: expectedKnowledge(cards),
    });
  },
};
