import type {
  ImportProgress,
  ImportReport,
  RefusedImportRow,
  TableImportCounts,
} from '../../../shared/types';
import type { Db } from '../connection';
import { DataImportError, parseDataDocument } from './document';
import { checkRows, describeRefused } from './rows';
import { describeTables } from './tables';
import { upgradeDocument } from './upgrade';
import { checkColumns, writeRowSteps } from './write';

export interface ImportOptions {
  mode: ImportReport['mode'];
  dryRun: boolean;
  /** Import the rows the app can use and report the others, instead of refusing the whole file. */
  partial?: boolean;
  /** Called between steps with how far the import is. */
  onProgress?: (progress: ImportProgress) => void;
}

/** How many refused rows an error message names, and how many a report lists. */
const MAX_NAMED = 10;
const MAX_LISTED = 1000;
/** The longest stretch of work between two yields to the event loop, in milliseconds. */
const SLICE_MS = 25;

/**
 * Runs a generator step by step, yielding to the event loop at least every SLICE_MS so that other
 * requests are answered while a large import runs, and reporting each step.
 */
async function drain<T>(steps: Generator<number, T, void>, report: (done: number) => void): Promise<T> {
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - since >= SLICE_MS) {
      report(step.value);
      await new Promise<void>((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
}

/**
 * Imports a document in one transaction: all of it lands or nothing does (a constraint failure anywhere
 * rolls everything back). `dryRun` does the same work and rolls back, so the preview counts are exact.
 * A document from an older schema is first migrated through the numbered migrations (`upgradeDocument`);
 * then every row is checked with the API's own schemas (`checkRows`). A file with rows the app could not
 * read back is refused, naming them; with `partial`, those rows are left out and listed in the report.
 *
 * The checks and the writes run in steps with the event loop free between them (a 50 MB file takes tens
 * of seconds), so the caller must keep other writers off the connection until the returned promise
 * settles: the transaction is open across the steps.
 */
export async function importData(db: Db, input: unknown, options: ImportOptions): Promise<ImportReport> {
  const { mode, dryRun, partial = false, onProgress } = options;
  const parsed = upgradeDocument(parseDataDocument(input));
  const tables = describeTables(db);
  checkColumns(parsed, tables);
  const total = Object.values(parsed.tables).reduce((n, rows) => n + rows.length, 0);
  onProgress?.({ phase: 'checking', done: 0, total });
  const refused = await drain(checkRows(parsed, tables), (done) =>
    onProgress?.({ phase: 'checking', done, total }),
  );
  if (refused.length > 0 && !partial) {
    const named = refused.slice(0, MAX_NAMED).map(describeRefused);
    const more = refused.length > MAX_NAMED ? `; and ${refused.length - MAX_NAMED} more` : '';
    throw new DataImportError(
      `${refused.length} row${refused.length > 1 ? 's' : ''} of the file cannot be used by ConvScope: ${named.join('; ')}${more}`,
    );
  }
  const doc = refused.length > 0 ? withoutRows(parsed, refused) : parsed;
  const writing = total - refused.length;
  onProgress?.({ phase: 'writing', done: 0, total: writing });
  db.exec('BEGIN IMMEDIATE');
  let counts: Record<string, TableImportCounts>;
  try {
    counts = await drain(writeRowSteps(db, tables, doc, mode), (done) =>
      onProgress?.({ phase: 'writing', done, total: writing }),
    );
    db.exec(dryRun ? 'ROLLBACK' : 'COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (error instanceof DataImportError) throw error;
    // A CHECK, NOT NULL, type or UNIQUE failure from SQLite: the file's data is wrong, and nothing was kept.
    throw new DataImportError(`the file's data was refused by the database: ${(error as Error).message}`);
  }
  const totals = { added: 0, replaced: 0, unchanged: 0, removed: 0 };
  for (const c of Object.values(counts)) {
    totals.added += c.added;
    totals.replaced += c.replaced;
    totals.unchanged += c.unchanged;
    totals.removed += c.removed;
  }
  return {
    mode,
    dryRun,
    applied: !dryRun,
    tables: counts,
    totals,
    refusedCount: refused.length,
    refused: refused.slice(0, MAX_LISTED),
  };
}

/** The document without the refused rows (their indices refer to the file as given). */
function withoutRows(doc: ReturnType<typeof parseDataDocument>, refused: RefusedImportRow[]) {
  const drop = new Map<string, Set<number>>();
  for (const r of refused) {
    let set = drop.get(r.table);
    if (!set) drop.set(r.table, (set = new Set()));
    set.add(r.index);
  }
  const tables = Object.fromEntries(
    Object.entries(doc.tables).map(([name, rows]) => {
      const set = drop.get(name);
      return [name, set ? rows.filter((_, i) => !set.has(i)) : rows];
    }),
  );
  return { ...doc, tables };
}
