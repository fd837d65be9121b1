import type { Db } from '../connection';
import { exportData } from './export';
import { importData, type ImportOptions } from './import';

export { DataImportError, parseDataDocument, DATA_FORMAT, DATA_FORMAT_VERSION } from './document';
export { exportData } from './export';
export { importData, type ImportOptions } from './import';
export { upgradeDocument } from './upgrade';

/** Export and import of all user data as one JSON document (see `document.ts` for its format). */
export function createDataRepo(db: Db) {
  return {
    export: (appVersion: string, now: number) => exportData(db, appVersion, now),
    import: (document: unknown, options: ImportOptions) => importData(db, document, options),
  };
}
