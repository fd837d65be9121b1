import type { ImportMode } from '../../../shared/types';
import type { Db } from '../connection';
import { exportData } from './export';
import { importData } from './import';

export { DataImportError, parseDataDocument, DATA_FORMAT, DATA_FORMAT_VERSION } from './document';
export { exportData } from './export';
export { importData } from './import';
export { upgradeDocument } from './upgrade';

/** Export and import of all user data as one JSON document (see `document.ts` for its format). */
export function createDataRepo(db: Db) {
  return {
    export: (appVersion: string, now: number) => exportData(db, appVersion, now),
    import: (document: unknown, mode: ImportMode, dryRun: boolean) => importData(db, document, mode, dryRun),
  };
}
