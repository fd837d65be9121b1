import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { StartupNotice } from '../../shared/types';
import { type Db, DatabaseOpenError, openDatabase } from './connection';

export interface OpenedDatabase {
  db: Db;
  file: string;
  notices: StartupNotice[];
}

const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

function isDamage(error: unknown): boolean {
  if (error instanceof DatabaseOpenError) return error.reason === 'not-a-database';
  const code = (error as { code?: string }).code ?? '';
  return (
    /^SQLITE_(CORRUPT|NOTADB)/.test(code) ||
    /malformed|not a database|file is not a database/i.test(String(error))
  );
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
function openChecked(file: string): Db {
  const db = openDatabase(file);
  try {
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok')
      throw Object.assign(new Error(`database disk image is malformed: ${String(result)}`), {
        code: 'SQLITE_CORRUPT',
      });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens `<dataDir>/convscope.db` so that ConvScope always starts:
 * - a damaged file is kept aside under a timestamped name and a fresh database is created;
 * - an unusable folder (missing and not creatable, read-only) gives a temporary in-memory database, said so;
 * - a database from a newer ConvScope is refused untouched (DatabaseOpenError 'newer-version').
 */
export function openStoreDatabase(dataDir: string, fileName: string, now = new Date()): OpenedDatabase {
  const file = join(dataDir, fileName);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    return temporary(
      file,
      `the data folder ${dataDir} cannot be created (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  try {
    return { db: openChecked(file), file, notices: [] };
  } catch (error) {
    if (error instanceof DatabaseOpenError && error.reason === 'newer-version') throw error;
    if (isDamage(error)) {
      let keptAs: string;
      try {
        keptAs = setAside(file, now);
      } catch (moveError) {
        return temporary(file, `the database is damaged and could not be moved aside (${String(moveError)})`);
      }
      try {
        return {
          db: openChecked(file),
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
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (
      /SQLITE_(CANTOPEN|READONLY|IOERR|FULL|PERM)/.test(code) ||
      /readonly|unable to open|disk is full/i.test(String(error))
    ) {
      return temporary(file, String((error as Error).message ?? error));
    }
    throw error;
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
