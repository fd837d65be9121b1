import { fail, ok } from '../../shared/result';
import type { Handlers } from './types';

const notFound = (id: string) => fail('not_found', `There is no design with id "${id}".`);

export const designHandlers: Pick<
  Handlers,
  'designs:list' | 'designs:get' | 'designs:save' | 'designs:rename' | 'designs:delete'
> = {
  'designs:list': ({ search }, { store }) => ok(store.designs.list(search)),
  'designs:get': ({ id }, { store }) => {
    const design = store.designs.get(id);
    return design ? ok(design) : notFound(id);
  },
  'designs:save': (request, { store, now, newId }) => {
    const saved = store.designs.save(request, now(), newId);
    return saved ? ok(saved) : notFound(request.id!);
  },
  'designs:rename': ({ id, name }, { store, now }) => {
    const renamed = store.designs.rename(id, name, now());
    return renamed ? ok(renamed) : notFound(id);
  },
  'designs:delete': ({ id }, { store }) => (store.designs.delete(id) ? ok({ id }) : notFound(id)),
};
