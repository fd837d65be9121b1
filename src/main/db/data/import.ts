import type { ImportMode, ImportReport, TableImportCounts } from '../../../shared/types';
import type { Db } from '../connection';
import { DataImportError, parseDataDocument } from './document';
import { refusedRows } from './rows';
import { describeTables } from './tables';
import { upgradeDocument } from './upgrade';
import { checkColumns, writeRows } from './write';

class Rollback extends Error {}

/**
 * Imports a document in one transaction: all of it lands or nothing does (a constraint failure anywhere
 * rolls everything back). `dryRun` does the same work and rolls back, so the preview counts are exact.
 * A document from an older schema is first migrated through the numbered migrations (`upgradeDocument`);
 * then every row is checked with the API's own schemas, and a file with rows the app could not read back
 * is refused, naming them (`refusedRows`).
 */
export function importData(db: Db, input: unknown, mode: ImportMode, dryRun: boolean): ImportReport {
  const doc = upgradeDocument(parseDataDocument(input));
  const tables = describeTables(db);
  checkColumns(doc, tables);
  const refused = refusedRows(doc);
  if (refused.count > 0) {
    const more =
      refused.count > refused.named.length ? `; and ${refused.count - refused.named.length} more` : '';
    throw new DataImportError(
      `${refused.count} row${refused.count > 1 ? 's' : ''} of the file cannot be used by ConvScope: ${refused.named.join('; ')}${more}`,
    );
  }
  let counts: Record<string, TableImportCounts> = {};
  const run = db.transaction(() => {
    counts = writeRows(db, tables, doc, mode);
    if (dryRun) throw new Rollback();
  });
  try {
    run();
  } catch (error) {
    if (!(error instanceof Rollback)) {
      if (error instanceof DataImportError) throw error;
      // A CHECK, NOT NULL, type or UNIQUE failure from SQLite: the file's data is wrong, and nothing was kept.
      throw new DataImportError(`the file's data was refused by the database: ${(error as Error).message}`);
    }
  }
  const totals = { added: 0, replaced: 0, unchanged: 0, removed: 0 };
  for (const c of Object.values(counts)) {
    totals.added += c.added;
    totals.replaced += c.replaced;
    totals.unchanged += c.unchanged;
    totals.removed += c.removed;
  }
  return { mode, dryRun, applied: !dryRun, tables: counts, totals };
}
