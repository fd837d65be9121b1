import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase, SCHEMA_VERSION } from '../../../src/main/db';
import { migrate } from '../../../src/main/db/connection';
import { migrations } from '../../../src/main/db/migrations';
import type { Migration } from '../../../src/main/db/migrations/types';
import { type TempStore, tempStore } from '../../helpers/temp-store';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let t: TempStore | undefined;
afterEach(() => t?.cleanup());

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(migrations.length);
  });

  it('a fresh database ends at the latest version with WAL and foreign keys on', () => {
    t = tempStore();
    const { db } = t.store;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('001 creates every table as STRICT, with json checks and cascading versions', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, migrations.slice(0, 1))).toBe(1);
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string; sql: string }[];
    expect(tables.map((r) => r.name)).toEqual([
      'design_versions',
      'designs',
      'lesson_progress',
      'quiz_attempts',
      'review_cards',
      'settings',
    ]);
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT$/);
    // STRICT refuses a value of the wrong type instead of storing it.
    expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('a', 'not json')").run()).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare("INSERT INTO designs VALUES ('d', 'n', '{}', 'yesterday', 1)").run()).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    db.prepare("INSERT INTO designs VALUES ('d', 'n', '{}', 1, 1)").run();
    db.prepare("INSERT INTO design_versions (design_id, model, created_at) VALUES ('d', '{}', 1)").run();
    db.prepare("DELETE FROM designs WHERE id = 'd'").run();
    expect(db.prepare('SELECT count(*) AS n FROM design_versions').get()).toEqual({ n: 0 });
    db.close();
  });

  it('002 adds tags, totals and version names to existing designs, and the drafts table', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 1));
    db.prepare("INSERT INTO designs VALUES ('d', 'old', '{}', 1, 2)").run();
    db.prepare("INSERT INTO design_versions (design_id, model, created_at) VALUES ('d', '{}', 1)").run();
    expect(migrate(db, migrations.slice(0, 2))).toBe(2);
    expect(db.prepare('SELECT id, name, tags, params, macs FROM designs').all()).toEqual([
      { id: 'd', name: 'old', tags: '[]', params: null, macs: null },
    ]);
    expect(db.prepare('SELECT name, params, macs FROM design_versions').all()).toEqual([
      { name: null, params: null, macs: null },
    ]);
    expect(() => db.prepare("UPDATE designs SET tags = 'not json'").run()).toThrow(/CHECK/);
    const drafts = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'drafts'").get() as { sql: string };
    expect(drafts.sql).toMatch(/\)\s*STRICT$/);
    db.close();
  });

  it('003 adds hint, mode and question references to attempts and review cards, keeping old rows', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 2));
    db.prepare(
      "INSERT INTO quiz_attempts (question_id, skill, seed, difficulty, answer, correct, time_ms, created_at) VALUES ('q', 's', 1, 1, '7', 1, 5, 9)",
    ).run();
    expect(migrate(db, migrations.slice(0, 3))).toBe(3);
    expect(db.prepare('SELECT hint_used, mode, question FROM quiz_attempts').all()).toEqual([
      { hint_used: 0, mode: 'practice', question: null },
    ]);
    expect(() => db.prepare('UPDATE quiz_attempts SET hint_used = 2').run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE quiz_attempts SET question = '{'").run()).toThrow(/CHECK/);
    db.close();
  });

  it('004 creates the STRICT lab_runs table with JSON checks', () => {
    const db = new Database(':memory:');
    expect(migrate(db, migrations.slice(0, 4))).toBe(4);
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'lab_runs'").get() as { sql: string })
      .sql;
    expect(sql).toMatch(/\)\s*STRICT$/);
    expect(() => db.prepare("INSERT INTO lab_runs VALUES ('r', 'n', '{', '{}', 1)").run()).toThrow(/CHECK/);
    db.close();
  });

  it('005 turns the missed-question cards of a real schema-4 database into parametric cards', () => {
    t = tempStore();
    t.store.close();
    copyFileSync(join(import.meta.dirname, '../../fixtures/db/schema-4-reviews.db'), t.file);
    const before = new Database(t.file, { readonly: true });
    expect(before.pragma('user_version', { simple: true })).toBe(4);
    const old = before.prepare('SELECT * FROM review_cards').all() as {
      id: string;
      due: number;
      card: string;
    }[];
    const attempts = before.prepare('SELECT * FROM quiz_attempts').all();
    before.close();
    const db = openDatabase(t.file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const rows = db.prepare('SELECT id, skill, card, due, question FROM review_cards ORDER BY id').all() as {
      id: string;
      skill: string;
      card: string;
      due: number;
      question: string | null;
    }[];
    expect(rows.map((r) => r.id)).toEqual([
      'review:design:design-1:2',
      'review:gradient-arithmetic:2',
      'review:output-size:1',
      'review:output-size:3',
      'skill:output-size',
    ]);
    const byId = (id: string) => old.find((r) => r.id === id)!;
    const out = (id: string) => rows.find((r) => r.id === id)!;
    // Two old cards on one skill and difficulty: the earlier due keeps its schedule and state.
    expect(out('review:output-size:1').due).toBe(byId('question:output-size:1:2').due);
    expect(out('review:output-size:1').card).toBe(byId('question:output-size:1:2').card);
    expect(JSON.parse(out('review:output-size:1').question!)).toEqual({
      kind: 'generated',
      skill: 'output-size',
      difficulty: 1,
      seed: 2,
    });
    expect(out('review:design:design-1:2').skill).toBe('design');
    expect(out('skill:output-size').card).toBe(byId('skill:output-size').card);
    expect(db.prepare('SELECT * FROM quiz_attempts').all()).toEqual(attempts);
    const sql = (
      db.prepare("SELECT sql FROM sqlite_master WHERE name = 'review_cards'").get() as { sql: string }
    ).sql;
    expect(sql).toMatch(/\)\s*STRICT$/);
    expect(
      db.prepare("SELECT count(*) AS n FROM sqlite_temp_master WHERE name = 'parametric'").get(),
    ).toEqual({
      n: 0,
    });
    db.close();
  });

  it('upgrades an older database and keeps its data', () => {
    t = tempStore();
    t.store.designs.save({ name: 'kept', model: { a: 1 } }, 5, () => 'kept-id');
    t.store.close();
    const next = migrations.length + 1;
    const extra: Migration = {
      version: next,
      name: 'test column',
      sql: 'ALTER TABLE designs ADD COLUMN note TEXT',
    };
    const db = openDatabase(t.file, [...migrations, extra]);
    expect(db.pragma('user_version', { simple: true })).toBe(next);
    expect(db.prepare('SELECT name, note FROM designs').all()).toEqual([{ name: 'kept', note: null }]);
    db.close();
  });

  it('a failing migration leaves the database exactly as it was', () => {
    t = tempStore();
    t.store.close();
    const broken: Migration[] = [
      ...migrations,
      { version: migrations.length + 1, name: 'ok part', sql: 'CREATE TABLE half (x INTEGER) STRICT' },
      { version: migrations.length + 2, name: 'broken', sql: 'THIS IS NOT SQL' },
    ];
    expect(() => openDatabase(t!.file, broken)).toThrow(/syntax error/);
    const db = openDatabase(t.file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database from a newer version without touching the file', () => {
    t = tempStore();
    t.store.db.pragma('wal_checkpoint(TRUNCATE)');
    t.store.db.pragma('journal_mode = DELETE');
    t.store.db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    t.store.close();
    const before = sha(t.file);
    let error: unknown;
    try {
      openDatabase(t.file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).reason).toBe('newer-version');
    expect((error as Error).message).toMatch(/newer version of ConvScope .*not changed/);
    expect(sha(t.file)).toBe(before);
    expect(existsSync(`${t.file}-wal`)).toBe(false);
  });

  it('refuses a file that is not SQLite and leaves it as it was', () => {
    t = tempStore();
    t.store.close();
    writeFileSync(t.file, 'this is a text file, not a database'.repeat(200));
    const before = sha(t.file);
    expect(() => openDatabase(t!.file)).toThrow(/not a ConvScope database/);
    expect(sha(t.file)).toBe(before);
  });
});
