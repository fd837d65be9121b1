import { fail, ok } from '../../shared/result';
import { DataImportError } from '../db';
import { APP_VERSION } from '../paths';
import type { Handlers } from './types';

export const dataHandlers: Pick<Handlers, 'data:export' | 'data:import'> = {
  'data:export': (_request, { store, now }) => ok(store.data.export(APP_VERSION, now())),
  'data:import': ({ document, mode, dryRun }, { store }) => {
    try {
      return ok(store.data.import(document, mode, dryRun ?? false));
    } catch (error) {
      if (error instanceof DataImportError)
        return fail('invalid_request', `data:import: ${error.message}; nothing was changed.`);
      throw error;
    }
  },
};
