import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, DatabaseOpenError, openStoreDatabase } from '../../../src/main/db';
import { tinyModel } from '../../helpers/temp-store';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const NOW = new Date('2026-03-04T05:06:07Z');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'convscope-open-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A real database with enough designs to span many pages, checkpointed into the main file. */
function populated(file: string) {
  const opened = openStoreDatabase(dir, 'convscope.db');
  const store = createStore(opened.db);
  for (let i = 0; i < 200; i++)
    store.designs.save({ name: `d${i}`, model: { ...tinyModel, pad: 'x'.repeat(500) } }, i, () => `id-${i}`);
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  return file;
}

function expectRecovered(original: Buffer) {
  const opened = openStoreDatabase(dir, 'convscope.db', NOW);
  expect(opened.notices).toHaveLength(1);
  const [notice] = opened.notices;
  expect(notice!.kind).toBe('recovered');
  expect(notice!.keptAs).toBe(join(dir, 'convscope.db.damaged-20260304-050607'));
  expect(notice!.message).toMatch(
    /could not be read.*kept as .*damaged-20260304-050607.*nothing was deleted/,
  );
  // The damaged bytes are kept exactly, and the app works on with a fresh database.
  expect(readFileSync(notice!.keptAs!).equals(original)).toBe(true);
  const store = createStore(opened.db);
  expect(store.designs.list()).toEqual([]);
  store.designs.save({ name: 'after', model: tinyModel }, 1, () => 'new');
  expect(store.designs.list().map((d) => d.name)).toEqual(['after']);
  store.close();
}

describe('opening the database at start-up', () => {
  it('creates a missing data folder', () => {
    const nested = join(dir, 'a', 'b');
    const opened = openStoreDatabase(nested, 'convscope.db');
    expect(opened.notices).toEqual([]);
    expect(existsSync(join(nested, 'convscope.db'))).toBe(true);
    opened.db.close();
  });

  it('sets a truncated database aside and starts fresh', () => {
    const file = populated(join(dir, 'convscope.db'));
    truncateSync(file, Math.floor(readFileSync(file).length / 3));
    expectRecovered(readFileSync(file));
  });

  it('sets a file of random bytes aside and starts fresh', () => {
    const file = join(dir, 'convscope.db');
    writeFileSync(file, randomBytes(64 * 1024));
    expectRecovered(readFileSync(file));
  });

  it('sets a file that is not SQLite aside (a JSON export saved under the wrong name)', () => {
    const file = join(dir, 'convscope.db');
    writeFileSync(file, JSON.stringify({ designs: [tinyModel] }));
    expectRecovered(readFileSync(file));
  });

  it('sets a database with a damaged page aside', () => {
    const file = populated(join(dir, 'convscope.db'));
    const bytes = readFileSync(file);
    // Overwrite the middle of the file (table b-tree pages) while keeping the header valid.
    bytes.fill(0xa5, 8192, 8192 + 4096 * 3);
    writeFileSync(file, bytes);
    expectRecovered(bytes);
  });

  it('refuses a newer database, leaving it byte for byte', () => {
    const file = join(dir, 'convscope.db');
    const db = new Database(file);
    db.pragma('user_version = 42');
    db.close();
    const before = sha(file);
    expect(() => openStoreDatabase(dir, 'convscope.db')).toThrow(DatabaseOpenError);
    expect(sha(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['convscope.db']);
  });

  it('runs on a temporary database, and says so, when the data folder cannot be used', () => {
    const notAFolder = join(dir, 'file-in-the-way');
    writeFileSync(notAFolder, 'x');
    const opened = openStoreDatabase(notAFolder, 'convscope.db');
    expect(opened.file).toBe(':memory:');
    expect(opened.notices.map((n) => n.kind)).toEqual(['temporary']);
    expect(opened.notices[0]!.message).toMatch(/will not be saved/);
    const store = createStore(opened.db);
    store.designs.save({ name: 'in memory', model: tinyModel }, 1, () => 'm');
    expect(store.designs.list()).toHaveLength(1);
    store.close();
    expect(readFileSync(notAFolder, 'utf8')).toBe('x');
  });
});
