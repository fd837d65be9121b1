import { accessSync, constants, existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { StartupNotice } from '../../shared/types';
import { type Db, DatabaseOpenError, openDatabase, type OpenOptions } from './connection';

export interface OpenedDatabase {
  db: Db;
  file: string;
  notices: StartupNotice[];
}

export interface OpenStoreOptions extends Pick<OpenOptions, 'busyTimeoutMs'> {
  /** Whether the file (and its folder, for the WAL files) can be written; the file system by default. */
  writable?: (file: string) => boolean;
}

const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

function canWrite(file: string): boolean {
  try {
    accessSync(dirname(file), constants.W_OK);
    if (existsSync(file)) accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Moves the damaged database (and its WAL/SHM companions) aside under a timestamped name; never deletes. */
function setAside(file: string, now: Date): string {
  let target = `${file}.damaged-${stamp(now)}`;
  for (let n = 2; existsSync(target); n++) target = `${file}.damaged-${stamp(now)}-${n}`;
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

/** Opens a database and proves it readable end to end: a truncated file can open and fail only later. */
function openChecked(file: string, options: OpenOptions): Db {
  const db = openDatabase(file, undefined, options);
  try {
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok')
      throw new DatabaseOpenError(`${file} is damaged: ${String(result)}`, 'not-a-database');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function readOnly(file: string, options: OpenOptions): OpenedDatabase {
  return {
    db: openChecked(file, { ...options, readonly: true }),
    file,
    notices: [
      {
        kind: 'read-only',
        message: `The database ${file} is read-only: you can look at your data, but nothing you change can be saved. Make the file and its folder writable and restart ConvScope to save again.`,
      },
    ],
  };
}

/**
 * Opens `<dataDir>/convscope.db` so that ConvScope always starts, and never mistakes a healthy file for
 * damage:
 * - only a file SQLite itself reports as not a database or corrupt is kept aside (timestamped name) and a
 *   fresh database is created;
 * - a file that cannot be written (or a read-only file system) is opened read-only, and said so;
 * - a file locked by another program is waited for (`busyTimeoutMs`), then refused as "in use";
 * - a newer schema or another program's SQLite file is refused untouched (DatabaseOpenError);
 * - anything else the system refuses (permissions, a folder in the way) gives a temporary in-memory
 *   database, with a notice that names the file.
 */
export function openStoreDatabase(
  dataDir: string,
  fileName: string,
  now = new Date(),
  options: OpenStoreOptions = {},
): OpenedDatabase {
  const file = join(dataDir, fileName);
  const open: OpenOptions = { busyTimeoutMs: options.busyTimeoutMs };
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    return temporary(
      file,
      `the data folder ${dataDir} cannot be created (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  if (existsSync(file) && !(options.writable ?? canWrite)(file)) return readOnly(file, open);
  try {
    return { db: openChecked(file, open), file, notices: [] };
  } catch (error) {
    if (!(error instanceof DatabaseOpenError)) throw error;
    switch (error.reason) {
      case 'newer-version':
      case 'foreign':
      case 'busy':
        throw error;
      case 'read-only':
        return readOnly(file, open);
      case 'unreadable':
        return temporary(file, error.message);
      case 'not-a-database':
        return recover(file, now, open);
    }
  }
}

function recover(file: string, now: Date, open: OpenOptions): OpenedDatabase {
  let keptAs: string;
  try {
    keptAs = setAside(file, now);
  } catch (moveError) {
    return temporary(file, `the database is damaged and could not be moved aside (${String(moveError)})`);
  }
  try {
    return {
      db: openChecked(file, open),
      file,
      notices: [
        {
          kind: 'recovered',
          keptAs,
          message: `Your database could not be read, so ConvScope started a new one. The damaged file was kept as ${keptAs}; nothing was deleted.`,
        },
      ],
    };
  } catch (retryError) {
    return temporary(file, String((retryError as Error).message ?? retryError));
  }
}

function temporary(file: string, why: string): OpenedDatabase {
  return {
    db: openDatabase(':memory:'),
    file: ':memory:',
    notices: [
      {
        kind: 'temporary',
        message: `ConvScope could not use ${file} (${why}). It is running with a temporary database: what you do now will not be saved when you close it.`,
      },
    ],
  };
}
