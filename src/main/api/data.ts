import { fail, ok } from '../../shared/result';
import type { ImportProgress } from '../../shared/types';
import { DataImportError } from '../db';
import { APP_VERSION } from '../paths';
import type { Handlers } from './types';

export const dataHandlers: Pick<Handlers, 'data:export' | 'data:import' | 'data:progress'> = {
  'data:export': (_request, { store, now }) => ok(store.data.export(APP_VERSION, now())),
  'data:import': async ({ document, mode, dryRun, partial }, ctx) => {
    // The import runs in steps with the event loop free between them; `importing` keeps writers out.
    const running: { progress: ImportProgress } = { progress: { phase: 'checking', done: 0, total: 0 } };
    ctx.importing = running;
    try {
      return ok(
        await ctx.store.data.import(document, {
          mode,
          dryRun: dryRun ?? false,
          partial: partial ?? false,
          onProgress: (progress) => (running.progress = progress),
        }),
      );
    } catch (error) {
      if (error instanceof DataImportError)
        return fail('invalid_request', `data:import: ${error.message}; nothing was changed.`);
      throw error;
    } finally {
      ctx.importing = null;
    }
  },
  'data:progress': (_request, { importing }) => ok(importing?.progress ?? null),
};
