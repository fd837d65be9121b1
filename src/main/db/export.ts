import { z } from 'zod';
import type { DataDocument, ImportMode, ImportReport, TableImportCounts } from '../../shared/types';
import type { Db } from './connection';
import { SCHEMA_VERSION } from './migrations';

/**
 * Export and import of all user data as one JSON document.
 *
 * The document carries the rows of every user table (designs and their version history, lesson progress,
 * quiz attempts, review cards, settings, and whatever later migrations add) together with the schema
 * version they follow, so that a file exported by this version imports into this or any later version.
 * Column values are SQLite's own (TEXT, INTEGER, REAL, NULL); JSON columns stay JSON text, which keeps the
 * file a faithful copy and lets the database's own CHECK constraints judge it on the way back in.
 */

export const DATA_FORMAT = 'convscope-data';
export const DATA_FORMAT_VERSION = 1;
/** A generous bound: years of practice are tens of thousands of rows, not millions. */
const MAX_ROWS_PER_TABLE = 1_000_000;
const MAX_CELL_CHARS = 8 * 1024 * 1024;

/** Tables every ConvScope database has had since schema 1; an export missing one is not a ConvScope file. */
const CORE_TABLES = [
  'designs',
  'design_versions',
  'lesson_progress',
  'quiz_attempts',
  'review_cards',
  'settings',
];

const cell = z.union([z.string().max(MAX_CELL_CHARS), z.number().finite(), z.null()]);
const identifier = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'is not a table or column name');
/**
 * A row is a plain object of column → value. `__proto__` is refused outright rather than dropped, so that
 * a crafted file is reported instead of half-read.
 */
const row = z
  .custom<Record<string, unknown>>(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && !Object.hasOwn(v, '__proto__'),
    'each row must be an object of column values',
  )
  .pipe(z.record(identifier, cell));

const documentSchema = z.strictObject({
  format: z.literal(DATA_FORMAT, `format must be "${DATA_FORMAT}"`),
  formatVersion: z
    .number()
    .int()
    .min(1)
    .max(DATA_FORMAT_VERSION, `formatVersion is newer than this ConvScope reads (${DATA_FORMAT_VERSION})`),
  schemaVersion: z
    .number()
    .int()
    .min(1)
    .max(
      SCHEMA_VERSION,
      `schemaVersion is newer than this ConvScope knows (${SCHEMA_VERSION}); update ConvScope`,
    ),
  exportedAt: z.number().int().nonnegative(),
  appVersion: z.string().max(64),
  tables: z
    .custom<Record<string, unknown>>(
      (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && !Object.hasOwn(v, '__proto__'),
      'tables must be an object of table name → rows',
    )
    .pipe(z.record(identifier, z.array(row).max(MAX_ROWS_PER_TABLE))),
});

export class DataImportError extends Error {}

interface TableInfo {
  name: string;
  columns: Set<string>;
  /** Primary-key columns; empty for none. */
  key: string[];
  /** True when the key is an INTEGER PRIMARY KEY (a rowid): such ids are local, so rows match by content. */
  rowidKey: boolean;
  /** Tables this one references, which must be filled first. */
  parents: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The user tables in an order where every table comes after the tables it references. */
function describeTables(db: Db): TableInfo[] {
  const names = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  const infos = names.map((name): TableInfo => {
    const cols = db.prepare(`SELECT name, type, pk FROM pragma_table_info(?)`).all(name) as {
      name: string;
      type: string;
      pk: number;
    }[];
    const key = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const parents = (
      db.prepare('SELECT DISTINCT "table" AS t FROM pragma_foreign_key_list(?)').all(name) as { t: string }[]
    )
      .map((r) => r.t)
      .filter((t) => t !== name);
    return {
      name,
      columns: new Set(cols.map((c) => c.name)),
      key: key.map((c) => c.name),
      rowidKey: key.length === 1 && key[0]!.type.toUpperCase() === 'INTEGER',
      parents,
    };
  });
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < infos.length) {
    const next = infos.filter(
      (t) => !placed.has(t.name) && t.parents.every((p) => placed.has(p) || !names.includes(p)),
    );
    // A reference cycle cannot be ordered; none exists in the schema, but never loop forever on one.
    const batch = next.length > 0 ? next : infos.filter((t) => !placed.has(t.name));
    for (const t of batch) {
      placed.add(t.name);
      ordered.push(t);
    }
  }
  return ordered;
}

/** Every user table's rows, ordered by key so that two exports of the same data are the same text. */
export function exportData(db: Db, appVersion: string, now: number): DataDocument {
  const tables: Record<string, Record<string, string | number | null>[]> = {};
  const read = db.transaction(() => {
    for (const t of describeTables(db)) {
      const order = t.key.length > 0 ? t.key.map(quote).join(', ') : 'rowid';
      tables[t.name] = db.prepare(`SELECT * FROM ${quote(t.name)} ORDER BY ${order}`).all() as Record<
        string,
        string | number | null
      >[];
    }
  });
  read();
  return {
    format: DATA_FORMAT,
    formatVersion: DATA_FORMAT_VERSION,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    exportedAt: now,
    appVersion,
    tables,
  };
}

/** Checks a document's shape; the message names the first offending place, e.g. `tables.designs.3.name`. */
export function parseDataDocument(input: unknown): DataDocument {
  const parsed = documentSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown field(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
        : issue.message;
    throw new DataImportError(`${where}${message}`);
  }
  return parsed.data as DataDocument;
}

class Rollback extends Error {}

const same = (a: Record<string, unknown>, b: Record<string, unknown>, columns: Iterable<string>) => {
  for (const c of columns) if ((a[c] ?? null) !== (b[c] ?? null)) return false;
  return true;
};

/**
 * Imports a document in one transaction: all of it lands or nothing does (a constraint failure anywhere
 * rolls everything back). `dryRun` does the same work and rolls back, so the preview counts are exact.
 *
 * - `replace`: every user table is emptied and filled with the document's rows.
 * - `merge`: rows are matched by primary key (imported values win where they differ); rows keyed by a
 *   local integer id (design versions, quiz attempts) are matched by content instead and added with a new
 *   id when not already present, so importing the same file twice adds nothing the second time.
 */
export function importData(db: Db, input: unknown, mode: ImportMode, dryRun: boolean): ImportReport {
  const doc = parseDataDocument(input);
  const tables = describeTables(db);
  const known = new Map(tables.map((t) => [t.name, t]));
  for (const name of CORE_TABLES) {
    if (!Object.hasOwn(doc.tables, name)) throw new DataImportError(`tables: the table "${name}" is missing`);
  }
  for (const [name, rows] of Object.entries(doc.tables)) {
    const info = known.get(name);
    if (!info) throw new DataImportError(`tables.${name}: this ConvScope has no such table`);
    rows.forEach((r, i) => {
      for (const column of Object.keys(r)) {
        if (!info.columns.has(column))
          throw new DataImportError(`tables.${name}.${i}.${column}: the table has no such column`);
      }
    });
  }

  const counts: Record<string, TableImportCounts> = {};
  const run = db.transaction(() => {
    if (mode === 'replace') {
      // Children first, so that no delete trips a reference.
      for (const t of [...tables].reverse()) {
        const removed = db.prepare(`DELETE FROM ${quote(t.name)}`).run().changes;
        counts[t.name] = { added: 0, replaced: 0, unchanged: 0, removed };
      }
    }
    for (const t of tables) {
      const rows = doc.tables[t.name] ?? [];
      const c = (counts[t.name] ??= { added: 0, replaced: 0, unchanged: 0, removed: 0 });
      for (const r of rows) {
        const columns = Object.keys(r).filter((col) => !(mode === 'merge' && t.rowidKey && col === t.key[0]));
        if (columns.length === 0) continue;
        const values = columns.map((col) => r[col] ?? null);
        const insertSql = `INSERT INTO ${quote(t.name)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
        if (mode === 'replace' || t.key.length === 0) {
          db.prepare(insertSql).run(...values);
          c.added++;
        } else if (t.rowidKey) {
          const match = db
            .prepare(
              `SELECT 1 FROM ${quote(t.name)} WHERE ${columns.map((col) => `${quote(col)} IS ?`).join(' AND ')} LIMIT 1`,
            )
            .get(...values);
          if (match) c.unchanged++;
          else {
            db.prepare(insertSql).run(...values);
            c.added++;
          }
        } else {
          if (!t.key.every((k) => r[k] !== undefined && r[k] !== null))
            throw new DataImportError(`tables.${t.name}: a row has no ${t.key.join(', ')}`);
          const where = t.key.map((k) => `${quote(k)} = ?`).join(' AND ');
          const keyValues = t.key.map((k) => r[k]!);
          const existing = db.prepare(`SELECT * FROM ${quote(t.name)} WHERE ${where}`).get(...keyValues) as
            Record<string, unknown> | undefined;
          if (!existing) {
            db.prepare(insertSql).run(...values);
            c.added++;
          } else if (same(existing, r, columns)) {
            c.unchanged++;
          } else {
            // An UPDATE, never INSERT OR REPLACE: replacing would delete the row and cascade to its versions.
            const set = columns.filter((col) => !t.key.includes(col));
            if (set.length > 0)
              db.prepare(
                `UPDATE ${quote(t.name)} SET ${set.map((col) => `${quote(col)} = ?`).join(', ')} WHERE ${where}`,
              ).run(...set.map((col) => r[col] ?? null), ...keyValues);
            c.replaced++;
          }
        }
      }
    }
    const broken = db.pragma('foreign_key_check') as { table: string }[];
    if (broken.length > 0)
      throw new DataImportError(
        `tables.${broken[0]!.table}: a row refers to something the file does not contain`,
      );
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
