import type { Db } from './connection';
import { createDataRepo } from './data';
import { createDesignsRepo } from './designs';
import { createDraftsRepo } from './drafts';
import { createLabRunsRepo } from './lab-runs';
import { createPracticeRepo } from './practice';
import { createProgressRepo } from './progress';
import { createSettingsRepo } from './settings';

export { openStoreDatabase, type OpenedDatabase } from './open-store';
export { openDatabase, migrate, DatabaseOpenError, SCHEMA_VERSION, type Db } from './connection';

/** Every typed repository over one open database: the only door to SQL. */
export function createStore(db: Db) {
  return {
    db,
    file: db.name,
    designs: createDesignsRepo(db),
    drafts: createDraftsRepo(db),
    practice: createPracticeRepo(db),
    labRuns: createLabRunsRepo(db),
    settings: createSettingsRepo(db),
    progress: createProgressRepo(db),
    data: createDataRepo(db),
    close: () => db.close(),
  };
}

export type Store = ReturnType<typeof createStore>;
/** What API handlers get: the repositories, never the connection itself. */
export type Repositories = Omit<Store, 'db' | 'close'>;
export { DataImportError } from './data';
