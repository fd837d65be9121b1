import type { DataDocument } from '../../../shared/types';
import type { Db } from '../connection';
import { DATA_FORMAT, DATA_FORMAT_VERSION } from './document';
import { describeTables, quote } from './tables';

/** Every user table's rows, ordered by key so that two exports of the same data are the same text. */
export function exportData(db: Db, appVersion: string, now: number): DataDocument {
  const tables: Record<string, Record<string, string | number | null>[]> = {};
  db.transaction(() => {
    for (const t of describeTables(db)) {
      const order = t.key.length > 0 ? t.key.map(quote).join(', ') : 'rowid';
      tables[t.name] = db.prepare(`SELECT * FROM ${quote(t.name)} ORDER BY ${order}`).all() as Record<
        string,
        string | number | null
      >[];
    }
  })();
  return {
    format: DATA_FORMAT,
    formatVersion: DATA_FORMAT_VERSION,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    exportedAt: now,
    appVersion,
    tables,
  };
}
