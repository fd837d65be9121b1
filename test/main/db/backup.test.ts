import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupIfDue, listBackups } from '../../../src/main/db/backup';
import { type TempStore, tempStore, tinyModel } from '../../helpers/temp-store';

const HOUR = 3_600_000;
const start = Date.UTC(2026, 2, 4, 9, 30, 0);
const at = (hours: number) => new Date(start + hours * HOUR);

let t: TempStore;
beforeEach(async () => {
  t = tempStore();
  await t.api.call('designs:save', { name: 'kept', model: tinyModel });
});
afterEach(() => t.cleanup());

const backupsDir = () => join(t.dir, 'backups');

describe('automatic backups', () => {
  it('takes the first backup at once: a readable copy of the database', async () => {
    const result = await backupIfDue(t.store.db, t.dir, { now: at(0) });
    expect(result.created).toBe(join(backupsDir(), 'convscope-20260304-093000.db'));
    const copy = new Database(result.created!, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT name FROM designs').all()).toEqual([{ name: 'kept' }]);
    } finally {
      copy.close();
    }
    expect(readdirSync(backupsDir()).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('takes at most one a day', async () => {
    expect((await backupIfDue(t.store.db, t.dir, { now: at(0) })).created).toBeDefined();
    expect((await backupIfDue(t.store.db, t.dir, { now: at(1) })).created).toBeUndefined();
    expect((await backupIfDue(t.store.db, t.dir, { now: at(23.9) })).created).toBeUndefined();
    expect((await backupIfDue(t.store.db, t.dir, { now: at(24) })).created).toBeDefined();
    expect(listBackups(backupsDir())).toHaveLength(2);
  });

  it('keeps the newest N and deletes only older backups of its own', async () => {
    writeFileSync(join(backupsDir().replace(/backups$/, ''), 'unrelated.txt'), 'x');
    for (let day = 0; day < 10; day++) await backupIfDue(t.store.db, t.dir, { now: at(day * 24), keep: 7 });
    const foreign = join(backupsDir(), 'my-notes.db');
    writeFileSync(foreign, 'not a backup');
    const last = await backupIfDue(t.store.db, t.dir, { now: at(10 * 24), keep: 7 });
    const kept = listBackups(backupsDir());
    expect(kept).toHaveLength(7);
    expect(kept.map((b) => b.takenAt)).toEqual([4, 5, 6, 7, 8, 9, 10].map((d) => at(d * 24).getTime()));
    expect(last.removed).toEqual([join(backupsDir(), 'convscope-20260307-093000.db')]);
    expect(existsSync(foreign)).toBe(true);
  });

  it('ignores a half-written backup and treats a future-dated one as stale', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(backupsDir());
    writeFileSync(join(backupsDir(), 'convscope-20260304-090000.db.partial'), 'half');
    expect((await backupIfDue(t.store.db, t.dir, { now: at(0) })).created).toBeDefined();
    writeFileSync(join(backupsDir(), 'convscope-20300101-000000.db'), 'from a wrong clock');
    const result = await backupIfDue(t.store.db, t.dir, { now: at(2) });
    expect(result.created).toBe(join(backupsDir(), 'convscope-20260304-113000.db'));
    expect(result.removed).toEqual([]);
  });
});
