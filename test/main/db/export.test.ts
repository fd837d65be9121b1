import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { openDatabase } from '../../../src/main/db';
import { exportData } from '../../../src/main/db/data';
import { migrations } from '../../../src/main/db/migrations';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataDocument, ImportReport } from '../../../src/shared/types';
import { snapshot, type TempStore, tempStore, tinyModel } from '../../helpers/temp-store';

/** Every row of every table, in an order that does not depend on insertion (rowid) order. */
function canonical(t: TempStore): string {
  const parsed = JSON.parse(snapshot(t.store)) as [string, unknown[]][];
  return JSON.stringify(parsed.map(([name, rows]) => [name, rows.map((r) => JSON.stringify(r)).sort()]));
}

const checksum = (t: TempStore) => createHash('sha256').update(snapshot(t.store)).digest('hex');

let a: TempStore;
let b: TempStore;
beforeEach(() => {
  a = tempStore();
  b = tempStore();
});
afterEach(() => {
  a.cleanup();
  b.cleanup();
});

/** A learner's worth of data in every user table: designs with history, progress, attempts, cards, settings. */
async function populate(t: TempStore, prefix: string) {
  const first = await t.api.call('designs:save', { name: `${prefix} first`, model: tinyModel });
  if (!first.ok) throw new Error(first.error.message);
  t.clock.now += 1000;
  await t.api.call('designs:save', {
    id: first.value.id,
    name: `${prefix} first`,
    model: { ...tinyModel, name: 'v2' },
  });
  await t.api.call('designs:save', { name: `${prefix} second`, model: { ...tinyModel, name: 'second' } });
  await t.api.call('settings:set', { theme: 'dark', locale: 'zh-CN' });
  const db = t.store.db;
  db.prepare(
    'INSERT INTO lesson_progress (lesson_id, visited_at, completed_at, position) VALUES (?, ?, ?, ?)',
  ).run(`${prefix}-output-size`, 1, 2, 'padding');
  const attempt = db.prepare(
    `INSERT INTO quiz_attempts (question_id, skill, seed, difficulty, answer, correct, time_ms, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  attempt.run(`${prefix}:conv-macs-flops:1:7`, 'conv-macs-flops', 7, 1, '1024', 1, 5300, 10);
  attempt.run(`${prefix}:conv-params:2:9`, 'conv-params', 9, 2, '96', 0, 8100, 11);
  db.prepare('INSERT INTO review_cards (id, skill, card, due, updated_at) VALUES (?, ?, ?, ?, ?)').run(
    `${prefix}-macs`,
    'conv-macs-flops',
    JSON.stringify({ stability: 2.5, difficulty: 5, reps: 1 }),
    99,
    10,
  );
}

const rowCount = (doc: DataDocument) => Object.values(doc.tables).reduce((n, rows) => n + rows.length, 0);

async function exported(t: TempStore): Promise<DataDocument> {
  const res = await t.api.call('data:export', {});
  if (!res.ok) throw new Error(res.error.message);
  // Through text, as a file would be.
  return JSON.parse(JSON.stringify(res.value)) as DataDocument;
}

async function imported(t: TempStore, document: unknown, mode: 'merge' | 'replace', dryRun = false) {
  return t.api.call('data:import', { document, mode, dryRun });
}

describe('data export', () => {
  it('holds every user table, with the format and schema versions', async () => {
    await populate(a, 'a');
    const doc = await exported(a);
    expect(doc).toMatchObject({ format: 'convscope-data', formatVersion: 1, exportedAt: a.clock.now });
    expect(doc.schemaVersion).toBe(a.store.db.pragma('user_version', { simple: true }));
    const tables = a.store.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string }[];
    expect(Object.keys(doc.tables).sort()).toEqual(tables.map((t) => t.name));
    expect(doc.tables.designs).toHaveLength(2);
    // Two saves of the first design and one of the second.
    expect(doc.tables.design_versions).toHaveLength(3);
    expect(doc.tables.quiz_attempts).toHaveLength(2);
    expect(doc.tables.review_cards).toHaveLength(1);
    expect(doc.tables.lesson_progress).toHaveLength(1);
    expect(doc.tables.settings!.map((r) => r.key).sort()).toEqual(['locale', 'theme']);
  });
});

describe('data import', () => {
  it('round-trips: replace into an empty database gives the same data, row for row', async () => {
    await populate(a, 'a');
    const doc = await exported(a);
    const res = await imported(b, doc, 'replace');
    expect(res.ok).toBe(true);
    expect(canonical(b)).toBe(canonical(a));
    expect((res as { value: ImportReport }).value.totals.added).toBe(rowCount(doc));
    // And the API reads it back.
    const list = await b.api.call('designs:list', {});
    expect(list.ok && list.value.map((d) => d.name).sort()).toEqual(['a first', 'a second']);
    const settings = await b.api.call('settings:get', {});
    expect(settings).toEqual({ ok: true, value: { theme: 'dark', locale: 'zh-CN', convention: 'paper' } });
  });

  it('merge of a file into the database it came from adds and replaces nothing', async () => {
    await populate(a, 'a');
    const doc = await exported(a);
    const before = checksum(a);
    const res = await imported(a, doc, 'merge');
    expect(res.ok && res.value.totals).toEqual({
      added: 0,
      replaced: 0,
      unchanged: rowCount(doc),
      removed: 0,
    });
    expect(checksum(a)).toBe(before);
  });

  it('merge keeps local data, adds the file’s, and the preview predicts it exactly', async () => {
    await populate(a, 'a');
    await populate(b, 'b');
    const doc = await exported(a);
    const localRows = rowCount(await exported(b));
    const before = checksum(b);
    const preview = await imported(b, doc, 'merge', true);
    expect(preview.ok).toBe(true);
    expect(checksum(b)).toBe(before);
    const applied = await imported(b, doc, 'merge');
    expect(applied.ok).toBe(true);
    if (!preview.ok || !applied.ok) return;
    expect(preview.value).toMatchObject({ dryRun: true, applied: false });
    expect(applied.value).toMatchObject({ dryRun: false, applied: true });
    expect(applied.value.tables).toEqual(preview.value.tables);
    // Design ids collide (both stores count design-1, design-2) and settings keys are shared; the file's
    // values replace those rows; attempts, versions, progress and cards with their own keys are added.
    expect(preview.value.tables.designs).toEqual({ added: 0, replaced: 2, unchanged: 0, removed: 0 });
    expect(preview.value.tables.settings).toEqual({ added: 0, replaced: 0, unchanged: 2, removed: 0 });
    expect(preview.value.tables.quiz_attempts).toEqual({ added: 2, replaced: 0, unchanged: 0, removed: 0 });
    expect(preview.value.tables.design_versions).toEqual({ added: 3, replaced: 0, unchanged: 0, removed: 0 });
    const after = await exported(b);
    expect(rowCount(after)).toBe(localRows + preview.value.totals.added);
    // Replacing a design updated it in place: its own earlier versions were not cascaded away.
    expect(after.tables.design_versions).toHaveLength(6);
    expect(after.tables.designs!.map((d) => d.name).sort()).toEqual(['a first', 'a second']);
  });

  it('replace preview counts what would be removed, and changes nothing', async () => {
    await populate(a, 'a');
    await populate(b, 'b');
    const doc = await exported(a);
    const localRows = rowCount(await exported(b));
    const before = checksum(b);
    const preview = await imported(b, doc, 'replace', true);
    expect(preview.ok && preview.value.totals).toEqual({
      added: rowCount(doc),
      replaced: 0,
      unchanged: 0,
      removed: localRows,
    });
    expect(checksum(b)).toBe(before);
  });

  it('refuses a bad file with a clear message and changes nothing', async () => {
    await populate(a, 'a');
    await populate(b, 'b');
    const good = await exported(a);
    const withTable = (name: string, rows: unknown) => ({
      ...good,
      tables: { ...good.tables, [name]: rows },
    });
    const lastBad = (name: string, patch: Record<string, unknown>) =>
      withTable(name, [...good.tables[name]!, { ...good.tables[name]![0], ...patch }]);
    const cases: [string, unknown, RegExp][] = [
      ['not an object', 'hello', /document/],
      ['an array', [], /document/],
      ['wrong format', { ...good, format: 'other' }, /format/],
      ['newer schema', { ...good, schemaVersion: 999 }, /schemaVersion is newer/],
      ['newer format', { ...good, formatVersion: 2 }, /formatVersion/],
      ['extra field', { ...good, extra: 1 }, /unknown field/],
      ['unknown table', withTable('evil', []), /evil: this ConvScope has no such table/],
      ['missing table', { ...good, tables: { designs: [] } }, /is missing/],
      [
        'unknown column',
        lastBad('settings', { key: 'x', drop: 1 }),
        /settings\.2\.drop: the table has no such column/,
      ],
      ['__proto__ row', withTable('settings', [JSON.parse('{"__proto__": {"key": "x"}}')]), /settings\.0/],
      ['nested value', lastBad('settings', { key: 'y', value: { a: 1 } }), /settings\.2\.value/],
      [
        'model not JSON (last row)',
        lastBad('designs', { id: 'zz', model: '{broken' }),
        /tables\.designs\.2 \("zz"\): model is not valid JSON/,
      ],
      [
        'text in an integer column',
        lastBad('quiz_attempts', { id: 99, seed: 'seven' }),
        /tables\.quiz_attempts\.2 \("99"\): .*seed/,
      ],
      [
        'a value the database CHECK refuses',
        lastBad('quiz_attempts', { id: 99, correct: 2 }),
        /refused by the database/,
      ],
      [
        'version of a missing design',
        lastBad('design_versions', { id: 99, design_id: 'nope' }),
        /refused|refers/,
      ],
      ['settings row without key', lastBad('settings', { key: null }), /no key|refused/],
    ];
    for (const mode of ['merge', 'replace'] as const) {
      for (const [what, document, message] of cases) {
        const before = checksum(b);
        const res = await b.api.call('data:import', { document, mode });
        expect(res.ok, `${mode}: ${what}`).toBe(false);
        if (res.ok) continue;
        expect(res.error.code, what).toBe('invalid_request');
        expect(res.error.message, `${mode}: ${what}`).toMatch(message);
        // Past the request schema, the import itself says so; before it, nothing ran at all.
        if (typeof document === 'object' && !Array.isArray(document))
          expect(res.error.message, what).toMatch(/nothing was changed/);
        expect(checksum(b), `${mode}: ${what}`).toBe(before);
      }
    }
  });

  it('imports a file exported by the first schema into the current one', async () => {
    // A database at schema 1, as the first ConvScope release wrote it (today's repositories need columns
    // it lacks, so it is exported directly).
    const old = openDatabase(join(a.dir, 'schema1.db'), migrations.slice(0, 1));
    old
      .prepare('INSERT INTO designs (id, name, model, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run('old-1', 'from schema 1', JSON.stringify(tinyModel), 5, 6);
    old
      .prepare('INSERT INTO design_versions (design_id, model, created_at) VALUES (?, ?, ?)')
      .run('old-1', JSON.stringify(tinyModel), 6);
    const doc = exportData(old, '0.1.0', 7);
    old.close();
    expect(doc.schemaVersion).toBe(1);
    const done = await imported(b, JSON.parse(JSON.stringify(doc)), 'merge');
    expect(done.ok && done.value.tables.designs).toEqual({ added: 1, replaced: 0, unchanged: 0, removed: 0 });
    const design = await b.api.call('designs:get', { id: 'old-1' });
    expect(design.ok && design.value.name).toBe('from schema 1');
  });
});
