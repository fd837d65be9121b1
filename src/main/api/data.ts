import { fail, ok } from '../../shared/result';
import { DataImportError, exportData, importData } from '../db/export';
import { APP_VERSION } from '../paths';
import type { Handlers } from './types';

export const dataHandlers: Pick<Handlers, 'data:export' | 'data:import'> = {
  'data:export': (_request, { store, now }) => ok(exportData(store.db, APP_VERSION, now())),
  'data:import': ({ document, mode, dryRun }, { store }) => {
    try {
      return ok(importData(store.db, document, mode, dryRun ?? false));
    } catch (error) {
      if (error instanceof DataImportError)
        return fail('invalid_request', `data:import: ${error.message}; nothing was changed.`);
      throw error;
    }
  },
};
