import Database from 'better-sqlite3';
import type { DataDocument } from '../../../shared/types';
import { migrate } from '../connection';
import { migrations as allMigrations } from '../migrations';
import type { Migration } from '../migrations/types';
import { DataImportError } from './document';
import { exportData } from './export';
import { describeTables } from './tables';
import { checkColumns, writeRows } from './write';

/**
 * Brings a document written at an older schema up to the schema of `migrations` through the same numbered
 * migration steps a database file takes: its rows are loaded into a temporary in-memory database at the
 * document's own schema (whose tables and CHECK constraints judge them as the old version did), the
 * pending migrations run there, and the result is exported again. A document at the current schema is
 * returned as it is.
 */
export function upgradeDocument(
  doc: DataDocument,
  migrations: readonly Migration[] = allMigrations,
): DataDocument {
  if (doc.schemaVersion >= migrations.length) return doc;
  const db = new Database(':memory:');
  try {
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, doc.schemaVersion));
    const tables = describeTables(db);
    checkColumns(doc, tables, `schema ${doc.schemaVersion}`);
    try {
      db.transaction(() => writeRows(db, tables, doc, 'replace'))();
    } catch (error) {
      if (error instanceof DataImportError) throw error;
      throw new DataImportError(
        `the file's data was refused by schema ${doc.schemaVersion}, which it says it follows: ${(error as Error).message}`,
      );
    }
    migrate(db, migrations);
    return exportData(db, doc.appVersion, doc.exportedAt);
  } finally {
    db.close();
  }
}
