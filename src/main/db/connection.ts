import Database from 'better-sqlite3';
import { migrations as allMigrations, SCHEMA_VERSION } from './migrations';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

/**
 * Why a file on disk could not be used; the message says what was found, names the file and says that
 * nothing was changed.
 * - `not-a-database`: SQLite itself reports the file as not a database or corrupt (the only damage);
 * - `foreign`: a healthy SQLite file that is not a ConvScope database (its tables are not ours);
 * - `newer-version`: written by a newer ConvScope;
 * - `busy`: locked by another program past the wait;
 * - `read-only`: the file or its folder cannot be written (reopen it read-only);
 * - `unreadable`: anything else the system refused (permissions, a folder in the way, I/O errors).
 */
export type OpenFailure =
  'newer-version' | 'not-a-database' | 'foreign' | 'busy' | 'read-only' | 'unreadable';

export class DatabaseOpenError extends Error {
  constructor(
    message: string,
    readonly reason: OpenFailure,
  ) {
    super(message);
  }
}

export interface OpenOptions {
  /** Open without writing anything (no WAL switch, no migrations); the schema must already be current. */
  readonly?: boolean;
  /** How long SQLite waits for another program's lock before giving up (ms). */
  busyTimeoutMs?: number;
}

/** SQLite's own verdict, by extended result code, for an error raised while opening or reading. */
export function classifyOpenError(error: unknown, file: string): DatabaseOpenError {
  if (error instanceof DatabaseOpenError) return error;
  const code = String((error as { code?: unknown }).code ?? '');
  const detail = (error as Error).message ?? String(error);
  if (/^SQLITE_(NOTADB|CORRUPT)/.test(code))
    return new DatabaseOpenError(
      `${file} is not a ConvScope database: SQLite cannot read it (${detail}); it was not changed.`,
      'not-a-database',
    );
  if (/^SQLITE_(BUSY|LOCKED)/.test(code))
    return new DatabaseOpenError(
      `The database ${file} is in use by another program (${detail}). Close that program, or the other ` +
        'ConvScope window, and start ConvScope again. Nothing was changed.',
      'busy',
    );
  if (/^SQLITE_READONLY/.test(code))
    return new DatabaseOpenError(`The database ${file} cannot be written (${detail}).`, 'read-only');
  return new DatabaseOpenError(
    `Cannot use the database ${file} (${detail}); check that this file and its folder can be read and written.`,
    'unreadable',
  );
}

const tablesCache = new Map<number, string[]>();
/** The tables a ConvScope database at `version` has: what the first `version` migrations create. */
function expectedTables(version: number, migrations: readonly Migration[]): string[] {
  const cached = migrations === allMigrations ? tablesCache.get(version) : undefined;
  if (cached) return cached;
  const mem = new Database(':memory:');
  try {
    migrate(mem, migrations.slice(0, version));
    const names = userTables(mem);
    if (migrations === allMigrations) tablesCache.set(version, names);
    return names;
  } finally {
    mem.close();
  }
}

function userTables(db: Db): string[] {
  return (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
}

/**
 * Opens (creating if needed) the ConvScope database and brings its schema up to date. Everything that can
 * refuse the file — SQLite's verdict, a newer schema, a file that is not ConvScope's — is decided by reads
 * alone, before anything is written (even switching to WAL is a write).
 */
export function openDatabase(
  file: string,
  migrations: readonly Migration[] = allMigrations,
  options: OpenOptions = {},
): Db {
  let db: Db;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
  } catch (error) {
    throw classifyOpenError(error, file);
  }
  try {
    // A connection setting, not a write: SQLite waits this long for another program's lock.
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = userTables(db);
    const latest = migrations.length;
    if (version > latest) {
      throw new DatabaseOpenError(
        `The database ${file} was written by a newer version of ConvScope (schema ${version}; this version ` +
          `knows up to ${latest}). It was not changed. Please update ConvScope to open it.`,
        'newer-version',
      );
    }
    const missing = expectedTables(version, migrations).filter((t) => !tables.includes(t));
    if ((version === 0 && tables.length > 0) || missing.length > 0) {
      throw new DatabaseOpenError(
        `${file} is an SQLite database, but not ConvScope's (schema ${version}, tables: ` +
          `${tables.slice(0, 5).join(', ') || 'none'}). It was not changed; move it away or choose another data folder.`,
        'foreign',
      );
    }
    db.pragma('foreign_keys = ON');
    if (options.readonly) {
      if (version < latest)
        throw new DatabaseOpenError(
          `The database ${file} is read-only and from an older ConvScope (schema ${version}), so it cannot be ` +
            'upgraded. Make it writable and start ConvScope again. It was not changed.',
          'read-only',
        );
      return db;
    }
    db.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before the save is acknowledged, even across a power loss (NORMAL in WAL
    // mode survives a process kill but may lose the last commits on power loss). Saves are a few per minute.
    db.pragma('synchronous = FULL');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw classifyOpenError(error, file);
  }
}

/** Runs every pending migration in one transaction: either the whole upgrade lands or none of it does. */
export function migrate(db: Db, migrations: readonly Migration[] = allMigrations): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration "${m.name}" is numbered ${m.version}, expected ${i + 1}`);
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) db.exec(m.sql);
    // PRAGMA cannot take a bound parameter; the value is an integer from our own list.
    db.pragma(`user_version = ${pending[pending.length - 1]!.version}`);
  })();
  return db.pragma('user_version', { simple: true }) as number;
}

export { SCHEMA_VERSION };
