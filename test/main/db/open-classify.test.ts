import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../src/main/api';
import { createStore, DatabaseOpenError, openStoreDatabase, SCHEMA_VERSION } from '../../../src/main/db';
import { tinyModel } from '../../helpers/temp-store';

// Only a file SQLite itself calls damaged is set aside; every other reason a healthy file cannot be opened
// is named for what it is, and the file is left exactly as it was.

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'convscope-classify-'));
  file = join(dir, 'convscope.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A healthy ConvScope database with one design, checkpointed and closed. */
function healthy(): void {
  const opened = openStoreDatabase(dir, 'convscope.db');
  const store = createStore(opened.db);
  store.designs.save({ name: 'kept', model: tinyModel }, 1, () => 'd1');
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
}

function refusal(run: () => unknown): DatabaseOpenError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseOpenError);
    return error as DatabaseOpenError;
  }
  throw new Error('expected the database to be refused');
}

describe('classifying why a database cannot be opened', () => {
  it('a file locked by another program is waited for, then refused as in use — never set aside', () => {
    healthy();
    const other = new Database(file);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE; COMMIT;');
    try {
      const error = refusal(() => openStoreDatabase(dir, 'convscope.db', new Date(), { busyTimeoutMs: 50 }));
      expect(error.reason).toBe('busy');
      expect(error.message).toMatch(/in use by another program/);
      expect(error.message).toContain(file);
    } finally {
      other.close();
    }
    expect(readdirSync(dir).filter((f) => f.includes('damaged'))).toEqual([]);
    const again = openStoreDatabase(dir, 'convscope.db');
    expect(
      createStore(again.db)
        .designs.list()
        .map((d) => d.name),
    ).toEqual(['kept']);
    again.db.close();
  });

  it('a file that cannot be written opens read-only, says so, and refuses saves clearly', async () => {
    healthy();
    const before = sha(file);
    const opened = openStoreDatabase(dir, 'convscope.db', new Date(), { writable: () => false });
    expect(opened.file).toBe(file);
    expect(opened.notices.map((n) => n.kind)).toEqual(['read-only']);
    expect(opened.notices[0]!.message).toMatch(/read-only.*nothing you change can be saved/);
    const store = createStore(opened.db);
    const api = createApi({ store });
    const list = await api.call('designs:list', {});
    expect(list.ok && list.value.map((d) => d.name)).toEqual(['kept']);
    const save = await api.call('designs:save', { name: 'new', model: tinyModel });
    expect(save.ok).toBe(false);
    if (!save.ok) {
      expect(save.error.code).toBe('forbidden');
      expect(save.error.message).toMatch(/read-only, so nothing was saved/);
    }
    store.close();
    expect(sha(file)).toBe(before);
  });

  it("another program's SQLite file is refused before anything writes to it", () => {
    const foreign = new Database(file);
    foreign.exec('CREATE TABLE contacts (name TEXT)');
    foreign.close();
    const before = sha(file);
    const error = refusal(() => openStoreDatabase(dir, 'convscope.db'));
    expect(error.reason).toBe('foreign');
    expect(error.message).toMatch(/not ConvScope's.*contacts.*not changed/);
    expect(sha(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['convscope.db']);
  });

  it('a foreign file that claims our current schema version is refused untouched, not switched to WAL', () => {
    const foreign = new Database(file);
    foreign.exec('CREATE TABLE contacts (name TEXT)');
    foreign.pragma(`user_version = ${SCHEMA_VERSION}`);
    foreign.close();
    const before = sha(file);
    expect(refusal(() => openStoreDatabase(dir, 'convscope.db')).reason).toBe('foreign');
    expect(sha(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('a newer schema is refused untouched, before the WAL switch', () => {
    healthy();
    const db = new Database(file);
    db.pragma('journal_mode = DELETE');
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = sha(file);
    expect(refusal(() => openStoreDatabase(dir, 'convscope.db')).reason).toBe('newer-version');
    expect(sha(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('a file the system will not open (a folder in its place) gives a temporary database naming it, and is kept', () => {
    mkdirSync(file);
    const opened = openStoreDatabase(dir, 'convscope.db');
    expect(opened.file).toBe(':memory:');
    expect(opened.notices.map((n) => n.kind)).toEqual(['temporary']);
    expect(opened.notices[0]!.message).toContain(file);
    opened.db.close();
    expect(readdirSync(dir)).toEqual(['convscope.db']);
  });
});
