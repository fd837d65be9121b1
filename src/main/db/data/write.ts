import type { Statement } from 'better-sqlite3';
import type { DataDocument, ImportMode, TableImportCounts } from '../../../shared/types';
import type { Db } from '../connection';
import { DataImportError } from './document';
import { quote, type TableInfo } from './tables';

type Row = Record<string, string | number | null>;

/** Checks that every table and column of the document exists in `tables`; `where` names the schema. */
export function checkColumns(doc: DataDocument, tables: TableInfo[], where = 'this ConvScope'): void {
  const known = new Map(tables.map((t) => [t.name, t]));
  for (const [name, rows] of Object.entries(doc.tables)) {
    const info = known.get(name);
    if (!info) throw new DataImportError(`tables.${name}: ${where} has no such table`);
    rows.forEach((r, i) => {
      for (const column of Object.keys(r)) {
        if (!info.columns.has(column))
          throw new DataImportError(`tables.${name}.${i}.${column}: the table has no such column`);
      }
    });
  }
}

/** Prepared statements cached by their text: a file of 100k rows prepares each shape once. */
function statements(db: Db) {
  const cache = new Map<string, Statement<unknown[]>>();
  return (sql: string): Statement<unknown[]> => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare<unknown[]>(sql)));
    return s;
  };
}

/**
 * Writes the document's rows into `db` (the caller holds the transaction) and counts what happened. Every
 * step is linear in the rows: keyed rows are looked up by primary key, and rows keyed by a local integer
 * id are matched by content against a set of the table's existing rows built once per column set.
 *
 * - `replace`: every user table is emptied and filled with the document's rows.
 * - `merge`: rows are matched by primary key (imported values win where they differ); rows keyed by a
 *   local integer id (design versions, quiz attempts) are matched by content instead and added with a new
 *   id when not already present, so importing the same file twice adds nothing the second time.
 */
export function writeRows(
  db: Db,
  tables: TableInfo[],
  doc: DataDocument,
  mode: ImportMode,
): Record<string, TableImportCounts> {
  const steps = writeRowSteps(db, tables, doc, mode);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Rows written between two yields of {@link writeRowSteps}. */
export const WRITES_PER_STEP = 500;

/**
 * {@link writeRows} as a generator that yields the number of rows written so far every WRITES_PER_STEP
 * rows, so that an import can report progress and let other requests run between steps. The caller holds
 * the transaction across the steps.
 */
export function* writeRowSteps(
  db: Db,
  tables: TableInfo[],
  doc: DataDocument,
  mode: ImportMode,
): Generator<number, Record<string, TableImportCounts>, void> {
  let written = 0;
  const prepare = statements(db);
  const counts: Record<string, TableImportCounts> = {};
  if (mode === 'replace') {
    // Children first, so that no delete trips a reference.
    for (const t of [...tables].reverse()) {
      const removed = prepare(`DELETE FROM ${quote(t.name)}`).run().changes;
      counts[t.name] = { added: 0, replaced: 0, unchanged: 0, removed };
    }
  }
  for (const t of tables) {
    const c = (counts[t.name] ??= { added: 0, replaced: 0, unchanged: 0, removed: 0 });
    const contents = new Map<string, Set<string>>();
    const contentSet = (columns: string[]) => {
      const shape = columns.join('\0');
      let set = contents.get(shape);
      if (!set) {
        const existing = prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(t.name)}`)
          .raw()
          .all() as unknown[][];
        contents.set(shape, (set = new Set(existing.map((values) => JSON.stringify(values)))));
      }
      return set;
    };
    // A key twice in one file: the later row would silently win over the earlier one, so say so instead.
    const seen = new Map<string, number>();
    (doc.tables[t.name] ?? []).forEach((r, index) => {
      if (t.rowidKey || t.key.length === 0) return;
      const key = JSON.stringify(t.key.map((k) => r[k] ?? null));
      const first = seen.get(key);
      if (first !== undefined)
        throw new DataImportError(
          `tables.${t.name}.${index}: ${t.key.join(', ')} ${t.key.map((k) => JSON.stringify(r[k] ?? null).slice(0, 80)).join(', ')} appears twice in the file (also tables.${t.name}.${first})`,
        );
      seen.set(key, index);
    });
    for (const r of doc.tables[t.name] ?? []) {
      if (++written % WRITES_PER_STEP === 0) yield written;
      const columns = Object.keys(r).filter((col) => !(mode === 'merge' && t.rowidKey && col === t.key[0]));
      if (columns.length === 0) continue;
      const values = columns.map((col) => r[col] ?? null);
      const insert = prepare(
        `INSERT INTO ${quote(t.name)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      if (mode === 'replace' || t.key.length === 0) {
        insert.run(...values);
        c.added++;
      } else if (t.rowidKey) {
        const set = contentSet(columns);
        const content = JSON.stringify(values);
        if (set.has(content)) c.unchanged++;
        else {
          insert.run(...values);
          set.add(content);
          c.added++;
        }
      } else {
        mergeKeyed(prepare, t, r, columns, values, c);
      }
    }
  }
  const broken = db.pragma('foreign_key_check') as { table: string }[];
  if (broken.length > 0)
    throw new DataImportError(
      `tables.${broken[0]!.table}: a row refers to something the file does not contain`,
    );
  return counts;
}

function mergeKeyed(
  prepare: ReturnType<typeof statements>,
  t: TableInfo,
  r: Row,
  columns: string[],
  values: (string | number | null)[],
  c: TableImportCounts,
): void {
  if (!t.key.every((k) => r[k] !== undefined && r[k] !== null))
    throw new DataImportError(`tables.${t.name}: a row has no ${t.key.join(', ')}`);
  const where = t.key.map((k) => `${quote(k)} = ?`).join(' AND ');
  const keyValues = t.key.map((k) => r[k]!);
  const existing = prepare(`SELECT * FROM ${quote(t.name)} WHERE ${where}`).get(...keyValues) as
    Record<string, unknown> | undefined;
  if (!existing) {
    prepare(
      `INSERT INTO ${quote(t.name)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ).run(...values);
    c.added++;
  } else if (columns.every((col) => (existing[col] ?? null) === (r[col] ?? null))) {
    c.unchanged++;
  } else {
    // An UPDATE, never INSERT OR REPLACE: replacing would delete the row and cascade to its versions.
    const set = columns.filter((col) => !t.key.includes(col));
    if (set.length > 0)
      prepare(
        `UPDATE ${quote(t.name)} SET ${set.map((col) => `${quote(col)} = ?`).join(', ')} WHERE ${where}`,
      ).run(...set.map((col) => r[col] ?? null), ...keyValues);
    c.replaced++;
  }
}
