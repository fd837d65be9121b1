import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataDocument } from '../../../src/shared/types';
import { savedLabRun } from '../../helpers/lab-run';
import { snapshot, type TempStore, tempStore, tinyModel } from '../../helpers/temp-store';

// Every row of an import is checked with the API's own schemas: a row the app could not read back is
// refused, named, and nothing is imported — so no file can leave the app answering `internal`.

let source: TempStore;
let target: TempStore;
let good: DataDocument;
beforeEach(async () => {
  source = tempStore();
  target = tempStore();
  const saved = await source.api.call('designs:save', { name: 'ok', model: tinyModel, tags: ['a'] });
  if (!saved.ok) throw new Error(saved.error.message);
  await source.api.call('practice:answer', {
    question: { kind: 'generated', skill: 'conv-params', difficulty: 1, seed: 3 },
    answer: '0',
    timeMs: 1000,
  });
  const run = await source.api.call('labruns:save', { name: 'run', ...savedLabRun() });
  if (!run.ok) throw new Error(run.error.message);
  await source.api.call('lessons:visit', { lessonId: 'output-size' });
  await source.api.call('settings:set', { theme: 'dark' });
  const doc = await source.api.call('data:export', {});
  if (!doc.ok) throw new Error(doc.error.message);
  good = JSON.parse(JSON.stringify(doc.value)) as DataDocument;
});
afterEach(() => {
  source.cleanup();
  target.cleanup();
});

const patched = (table: string, patch: Record<string, string | number | null>): DataDocument => ({
  ...good,
  tables: { ...good.tables, [table]: [{ ...good.tables[table]![0]!, ...patch }] },
});

describe('import checks every row with the API schemas', () => {
  it('imports a sound export', async () => {
    const res = await target.api.call('data:import', { document: good, mode: 'merge' });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    expect((await target.api.call('practice:reviews', {})).ok).toBe(true);
  });

  const cases: [string, string, Record<string, string | number | null>, RegExp][] = [
    [
      'a design whose model is not a model',
      'designs',
      { model: '{"layers": 3}' },
      /tables\.designs\.0 .*model/,
    ],
    ['tags that are not an array', 'designs', { tags: '"x"' }, /tables\.designs\.0 .*tags/],
    [
      'a review card of null',
      'review_cards',
      { card: 'null' },
      /tables\.review_cards\.0 .*card is not a review card/,
    ],
    [
      'a review question of the wrong kind',
      'review_cards',
      { question: '{"kind":"nope"}' },
      /tables\.review_cards\.0 .*question/,
    ],
    [
      'an attempt of an unknown skill',
      'quiz_attempts',
      { skill: 'hacking' },
      /tables\.quiz_attempts\.0 .*skill/,
    ],
    ['a lab run whose config is a list', 'lab_runs', { config: '[1]' }, /tables\.lab_runs\.0 .*config/],
    ['a theme the app has not', 'settings', { value: '"purple"' }, /tables\.settings\.0 .*theme/],
    [
      'a lesson id with spaces',
      'lesson_progress',
      { lesson_id: 'BAD ID' },
      /tables\.lesson_progress\.0 .*lessonId/,
    ],
  ];
  it.each(cases)('refuses %s, names the row, and changes nothing', async (_what, table, patch, message) => {
    const before = snapshot(target.store);
    for (const mode of ['merge', 'replace'] as const) {
      const res = await target.api.call('data:import', { document: patched(table, patch), mode });
      expect(res.ok).toBe(false);
      if (res.ok) continue;
      expect(res.error.code).toBe('invalid_request');
      expect(res.error.message).toMatch(message);
      expect(res.error.message).toMatch(/nothing was changed/);
      expect(snapshot(target.store)).toBe(before);
    }
    expect((await target.api.call('practice:reviews', {})).ok).toBe(true);
  });

  it('refuses the versions of a refused design too, and names how many rows in all', async () => {
    const doc = patched('designs', { model: 'null' });
    const res = await target.api.call('data:import', { document: doc, mode: 'merge' });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.message).toMatch(/^data:import: 2 rows of the file cannot be used/);
      expect(res.error.message).toMatch(/tables\.design_versions\.0 .*its design was refused/);
    }
  });
});

describe('duplicate keys inside one import file', () => {
  it('are reported, naming both rows, instead of the later row silently winning', async () => {
    const design = good.tables.designs![0]!;
    const doc = {
      ...good,
      tables: { ...good.tables, designs: [design, { ...design, name: 'second copy' }] },
    };
    for (const mode of ['merge', 'replace'] as const) {
      const before = snapshot(target.store);
      const res = await target.api.call('data:import', { document: doc, mode });
      expect(res.ok).toBe(false);
      if (!res.ok)
        expect(res.error.message).toMatch(
          new RegExp(
            `tables\\.designs\\.1: id "${String(design.id)}" appears twice in the file \\(also tables\\.designs\\.0\\)`,
          ),
        );
      expect(snapshot(target.store)).toBe(before);
    }
  });
});

describe('partial import: the usable rows, and the refused ones listed', () => {
  const mixed = (): DataDocument => {
    const design = good.tables.designs![0]!;
    return {
      ...good,
      tables: {
        ...good.tables,
        designs: [
          design,
          { ...design, name: 'second copy' },
          { ...design, id: 'broken', model: '{"layers": 3}' },
        ],
        settings: [...good.tables.settings!, { key: 'theme', value: '"purple"' }],
      },
    };
  };

  it('is refused whole without the option, naming every refused row', async () => {
    const before = snapshot(target.store);
    const res = await target.api.call('data:import', { document: mixed(), mode: 'merge' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/^data:import: 3 rows of the file cannot be used/);
    expect(snapshot(target.store)).toBe(before);
  });

  it('previews and then imports the other rows, reporting each refused one by index and reason', async () => {
    const before = snapshot(target.store);
    const preview = await target.api.call('data:import', {
      document: mixed(),
      mode: 'merge',
      partial: true,
      dryRun: true,
    });
    expect(snapshot(target.store)).toBe(before);
    const res = await target.api.call('data:import', { document: mixed(), mode: 'merge', partial: true });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (!res.ok || !preview.ok) return;
    expect(preview.value.refused).toEqual(res.value.refused);
    expect(preview.value.totals).toEqual(res.value.totals);
    expect(res.value.refusedCount).toBe(3);
    const design = good.tables.designs![0]!;
    expect(res.value.refused.map((r) => [r.table, r.index, r.key ?? null])).toEqual([
      ['designs', 1, null],
      ['designs', 2, 'broken'],
      ['settings', good.tables.settings!.length, 'theme'],
    ]);
    expect(res.value.refused[0]!.reason).toBe(
      `id ${JSON.stringify(design.id)} appears twice in the file (also tables.designs.0)`,
    );
    expect(res.value.refused[1]!.reason).toMatch(/model/);
    expect(res.value.refused[2]!.reason).toMatch(/theme/);
    // The usable rows are in: the first copy of the design, its versions, the rest of the file.
    const list = await target.api.call('designs:list', {});
    expect(list.ok && list.value.map((d) => d.name)).toEqual(['ok']);
    expect(res.value.totals.added).toBe(
      Object.values(good.tables).reduce((n, rows) => n + rows.length, 0) - res.value.totals.unchanged,
    );
    const settings = await target.api.call('settings:get', {});
    expect(settings.ok && settings.value.theme).toBe('dark');
  });
});
