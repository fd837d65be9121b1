import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataDocument, ImportProgress } from '../../../src/shared/types';
import { type TempStore, tempStore, tinyModel } from '../../helpers/temp-store';

// A large import runs in steps with the event loop free between them: other requests are answered while
// it runs (reads at once, writes refused clearly instead of waiting or joining its transaction), and its
// progress can be asked for.

const ROWS = 10_000;
let source: TempStore;
let target: TempStore;
let doc: DataDocument;
beforeEach(() => {
  source = tempStore();
  target = tempStore();
  const insert = source.store.db.prepare(
    `INSERT INTO quiz_attempts (question_id, skill, seed, difficulty, answer, correct, time_ms, created_at)
     VALUES (?, 'output-size', ?, 1, '1', 0, 1000, 1700000000000)`,
  );
  source.store.db.transaction(() => {
    for (let i = 0; i < ROWS; i++) insert.run(`output-size:1:${i}`, i);
  })();
  doc = JSON.parse(JSON.stringify(source.store.data.export('test', 0))) as DataDocument;
});
afterEach(() => {
  source.cleanup();
  target.cleanup();
});

describe('a large import', () => {
  it('leaves the server answering: reads run, writes are refused as conflicts, progress is reported', async () => {
    const saved = await target.api.call('designs:save', { name: 'mine', model: tinyModel });
    expect(saved.ok).toBe(true);
    let finished = false;
    const running = target.api.call('data:import', { document: doc, mode: 'merge' }).then((res) => {
      finished = true;
      return res;
    });

    const list = await target.api.call('designs:list', {});
    expect(finished).toBe(false);
    expect(list.ok && list.value.map((d) => d.name)).toEqual(['mine']);

    const write = await target.api.call('designs:save', { name: 'during', model: tinyModel });
    expect(write.ok).toBe(false);
    if (!write.ok) {
      expect(write.error.code).toBe('conflict');
      expect(write.error.message).toMatch(/an import is running, so nothing was changed/);
    }
    const second = await target.api.call('data:import', { document: doc, mode: 'merge' });
    expect(!second.ok && second.error.code).toBe('conflict');

    const seen: ImportProgress[] = [];
    while (!finished) {
      const p = await target.api.call('data:progress', {});
      if (p.ok && p.value) seen.push(p.value);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((p) => p.done <= p.total)).toBe(true);
    expect(seen.some((p) => p.phase === 'writing' && p.done > 0)).toBe(true);
    expect(seen.at(-1)!.total).toBe(ROWS);

    const res = await running;
    expect(res.ok && res.value.totals.added).toBe(ROWS);
    expect(await target.api.call('data:progress', {})).toEqual({ ok: true, value: null });
    const after = await target.api.call('designs:save', { name: 'after', model: tinyModel });
    expect(after.ok).toBe(true);
  });

  it('that fails half way through its writes changes nothing and releases the database', async () => {
    const broken = structuredClone(doc);
    // A row the schemas accept but the database refuses (a CHECK on the column), late in the file.
    broken.tables.quiz_attempts!.at(-1)!.correct = 7;
    const before = await target.api.call('progress:get', { timezoneOffset: 0 });
    const res = await target.api.call('data:import', { document: broken, mode: 'merge' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/nothing was changed/);
    expect(await target.api.call('progress:get', { timezoneOffset: 0 })).toEqual(before);
    expect((await target.api.call('designs:save', { name: 'after', model: tinyModel })).ok).toBe(true);
  });
});
