import { checkSavedRun } from '../../shared/contracts/lab-run-schema';
import { fail, ok } from '../../shared/result';
import type { Handlers } from './types';

const notFound = (id: string) => fail('not_found', `There is no saved run with id "${id}".`);

export const labRunHandlers: Pick<Handlers, Extract<keyof Handlers, `labruns:${string}`>> = {
  'labruns:list': (_request, { store }) => ok(store.labRuns.list()),
  // A stored run is checked again on load: one that does not match (written by hand, or by a damaged
  // file) is reported by name and stays stored, so that nothing is lost and it can still be deleted.
  'labruns:get': ({ id }, { store }) => {
    const run = store.labRuns.get(id);
    if (!run) return notFound(id);
    const checked = checkSavedRun(run.config, run.result);
    if (!checked.ok)
      return fail('invalid_request', `The saved run “${run.name}” cannot be opened: ${checked.message}.`);
    return ok({ ...run, config: checked.config, result: checked.result });
  },
  'labruns:save': (request, { store, now, newId }) => ok(store.labRuns.save(request, now(), newId())),
  'labruns:delete': ({ id }, { store }) => (store.labRuns.delete(id) ? ok({ id }) : notFound(id)),
};
