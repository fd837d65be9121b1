import { fail, ok } from '../../shared/result';
import { checkModel } from '../design-model';
import type { Handlers } from './types';

const notFound = (id: string) => fail('not_found', `There is no design with id "${id}".`);

type DesignChannels = Extract<keyof Handlers, `designs:${string}` | `drafts:${string}`>;

export const designHandlers: Pick<Handlers, DesignChannels> = {
  'designs:list': (request, { store }) => ok(store.designs.list(request)),
  'designs:get': ({ id }, { store }) => {
    const design = store.designs.get(id);
    return design ? ok(design) : notFound(id);
  },
  'designs:save': (request, { store, now, newId }) => {
    const checked = checkModel(request.model);
    if (!checked.ok)
      return fail('invalid_model', `"${request.name}" was not saved: ${checked.message}`, checked.refusal);
    const saved = store.designs.save({ ...request, stats: checked.stats }, now(), newId);
    return saved ? ok(saved) : notFound(request.id!);
  },
  'designs:rename': ({ id, name }, { store, now }) => {
    const renamed = store.designs.rename(id, name, now());
    return renamed ? ok(renamed) : notFound(id);
  },
  'designs:duplicate': ({ id, name }, { store, now, newId }) => {
    const original = store.designs.get(id);
    if (!original) return notFound(id);
    const copy = store.designs.save(
      {
        name: name ?? `${original.name} (copy)`.slice(0, 200),
        model: original.model,
        tags: original.tags,
        stats: original.stats,
      },
      now(),
      newId,
    );
    return ok(copy!);
  },
  'designs:tag': ({ id, tags }, { store, now }) => {
    const tagged = store.designs.setTags(id, tags, now());
    return tagged ? ok(tagged) : notFound(id);
  },
  'designs:tags': (_request, { store }) => ok(store.designs.tags()),
  'designs:delete': ({ id }, { store }) => (store.designs.delete(id) ? ok({ id }) : notFound(id)),
  'designs:versions': ({ id }, { store }) =>
    store.designs.get(id) ? ok(store.designs.versions(id)) : notFound(id),
  'designs:version': ({ id, versionId }, { store }) => {
    const version = store.designs.version(id, versionId);
    return version ? ok(version) : fail('not_found', `Design "${id}" has no version ${versionId}.`);
  },
  'designs:restore': ({ id, versionId }, { store, now, newId }) => {
    const current = store.designs.get(id);
    const version = store.designs.version(id, versionId);
    if (!current || !version) return fail('not_found', `Design "${id}" has no version ${versionId}.`);
    const restored = store.designs.save(
      { id, name: current.name, model: version.model, stats: version.stats },
      now(),
      newId,
    );
    return ok(restored!);
  },
  'drafts:get': ({ key }, { store }) => ok(store.drafts.get(key) ?? null),
  'drafts:list': (_request, { store }) => ok(store.drafts.list()),
  'drafts:save': (request, { store, now }) => ok(store.drafts.save(request, now())),
  'drafts:discard': ({ key }, { store }) =>
    store.drafts.discard(key) ? ok({ key }) : fail('not_found', `There is no draft "${key}".`),
};
