import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, SCHEMA_VERSION } from '../../../src/main/db';
import { exportData } from '../../../src/main/db/data';
import { migrations } from '../../../src/main/db/migrations';
import type { DataDocument } from '../../../src/shared/types';
import { type TempStore, tempStore } from '../../helpers/temp-store';

// Real export files, one per schema (test/fixtures/exports/make-exports.ts says how they were made).
const DIR = fileURLToPath(new URL('../../fixtures/exports/', import.meta.url));
const fixture = (version: number) =>
  JSON.parse(readFileSync(join(DIR, `schema-${version}.json`), 'utf8')) as DataDocument;
const earlier = Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1);

/** What upgrading a database *file* at that schema gives: the fixture's rows, then `openDatabase` migrates it. */
function upgradedFile(dir: string, doc: DataDocument): DataDocument {
  const file = join(dir, `file-${doc.schemaVersion}.db`);
  const old = new Database(file);
  migrate(old, migrations.slice(0, doc.schemaVersion));
  for (const [table, rows] of Object.entries(doc.tables)) {
    for (const row of rows) {
      const columns = Object.keys(row);
      old
        .prepare(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        )
        .run(...columns.map((c) => row[c]));
    }
  }
  old.close();
  const db = openDatabase(file);
  const doc2 = exportData(db, doc.appVersion, doc.exportedAt);
  db.close();
  return doc2;
}

let t: TempStore;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.cleanup());

describe('importing an export written by an earlier schema', () => {
  it('has a real export file for every schema this version knows', () => {
    for (let v = 1; v <= SCHEMA_VERSION; v++) {
      expect(existsSync(join(DIR, `schema-${v}.json`)), `schema-${v}.json`).toBe(true);
      expect(fixture(v).schemaVersion).toBe(v);
    }
  });

  it.each(earlier)(
    'schema %i: lands exactly as that database file would after the app upgraded it',
    async (v) => {
      const doc = fixture(v);
      const res = await t.api.call('data:import', { document: doc, mode: 'replace' });
      expect(res.ok && res.value.totals.added, JSON.stringify(res)).toBe(
        Object.values(doc.tables).reduce((n, rows) => n + rows.length, 0),
      );
      const after = await t.api.call('data:export', {});
      expect(after.ok).toBe(true);
      if (!after.ok) return;
      expect(after.value.schemaVersion).toBe(SCHEMA_VERSION);
      expect(after.value.tables).toEqual(upgradedFile(t.dir, doc).tables);
    },
  );

  it.each(earlier)('schema %i: the app reads the imported designs, lessons and practice', async (v) => {
    const doc = fixture(v);
    expect((await t.api.call('data:import', { document: doc, mode: 'merge' })).ok).toBe(true);
    const list = await t.api.call('designs:list', {});
    expect(list.ok && list.value.map((d) => d.name).sort()).toEqual(
      doc.tables.designs!.map((d) => d.name).sort(),
    );
    for (const design of doc.tables.designs!) {
      const got = await t.api.call('designs:get', { id: design.id });
      expect(got.ok && got.value.model, String(design.id)).toEqual(JSON.parse(String(design.model)));
    }
    const progress = await t.api.call('progress:get', { timezoneOffset: 0 });
    expect(progress.ok, JSON.stringify(progress)).toBe(true);
    const reviews = await t.api.call('practice:reviews', {});
    expect(reviews.ok, JSON.stringify(reviews)).toBe(true);
    const settings = await t.api.call('settings:get', {});
    expect(settings).toEqual({ ok: true, value: { theme: 'dark', locale: 'zh-CN', convention: 'paper' } });
    // Importing the same file again adds nothing.
    const again = await t.api.call('data:import', { document: doc, mode: 'merge' });
    expect(again.ok && again.value.totals.added).toBe(0);
  });

  it('judges an old file by its own schema: a column that schema did not have is refused, naming it', async () => {
    const doc = fixture(1);
    const bad = { ...doc, tables: { ...doc.tables, designs: [{ ...doc.tables.designs![0], tags: '[]' }] } };
    const res = await t.api.call('data:import', { document: bad, mode: 'merge' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/tables\.designs\.0\.tags: the table has no such column/);
  });
});
