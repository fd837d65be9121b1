import { fail, ok } from '../../shared/result';
import type { Handlers } from './types';

const notFound = (id: string) => fail('not_found', `There is no saved run with id "${id}".`);

export const labRunHandlers: Pick<Handlers, Extract<keyof Handlers, `labruns:${string}`>> = {
  'labruns:list': (_request, { store }) => ok(store.labRuns.list()),
  'labruns:get': ({ id }, { store }) => {
    const run = store.labRuns.get(id);
    return run ? ok(run) : notFound(id);
  },
  'labruns:save': (request, { store, now, newId }) => ok(store.labRuns.save(request, now(), newId())),
  'labruns:delete': ({ id }, { store }) => (store.labRuns.delete(id) ? ok({ id }) : notFound(id)),
};
