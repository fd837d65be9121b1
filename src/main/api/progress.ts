import { ok } from '../../shared/result';
import type { Handlers } from './types';

export const progressHandlers: Pick<Handlers, 'progress:get'> = {
  'progress:get': (_request, { store, now }) =>
    ok({
      lessons: store.progress.lessons(),
      attempts: store.progress.attemptTotals(),
      reviewsDue: store.progress.reviewsDue(now()),
    }),
};
