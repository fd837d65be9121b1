import Database from 'better-sqlite3';
import { migrations as allMigrations, SCHEMA_VERSION } from './migrations';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

/** Raised when the file on disk cannot be used; the message says what was found and that nothing was changed. */
export class DatabaseOpenError extends Error {
  constructor(
    message: string,
    readonly reason: 'newer-version' | 'not-a-database' | 'unreadable',
  ) {
    super(message);
  }
}

/**
 * Opens (creating if needed) the ConvScope database and brings its schema up to date.
 * A database written by a newer ConvScope is refused before anything is written to it.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = allMigrations): Db {
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new DatabaseOpenError(
      `Cannot open the database ${file}: ${(error as Error).message}`,
      'unreadable',
    );
  }
  try {
    // Read the version first with no write: a newer file must stay byte-for-byte untouched (even WAL mode is a write).
    let version: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (error) {
      throw new DatabaseOpenError(
        `${file} is not a ConvScope database (${(error as Error).message}); it was not changed.`,
        'not-a-database',
      );
    }
    const latest = migrations.length;
    if (version > latest) {
      throw new DatabaseOpenError(
        `The database ${file} was written by a newer version of ConvScope (schema ${version}; this version ` +
          `knows up to ${latest}). It was not changed. Please update ConvScope to open it.`,
        'newer-version',
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
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
