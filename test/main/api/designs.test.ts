import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot, type TempStore, tempStore, tinyModel } from '../../helpers/temp-store';

let t: TempStore;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.cleanup());

describe('designs:*', () => {
  it('save creates a design with timestamps and a first version; get returns it', async () => {
    const saved = await t.api.call('designs:save', { name: '  Tiny net ', model: tinyModel });
    expect(saved).toEqual({
      ok: true,
      value: {
        id: 'design-1',
        name: 'Tiny net',
        model: tinyModel,
        createdAt: t.clock.now,
        updatedAt: t.clock.now,
      },
    });
    expect(await t.api.call('designs:get', { id: 'design-1' })).toEqual(saved);
    expect(t.store.designs.versionCount('design-1')).toBe(1);
  });

  it('save with an id updates it, keeps createdAt and adds a version', async () => {
    await t.api.call('designs:save', { name: 'a', model: tinyModel });
    const created = t.clock.now;
    t.clock.now += 1000;
    const changed = { ...tinyModel, name: 'changed' };
    const result = await t.api.call('designs:save', { id: 'design-1', name: 'b', model: changed });
    expect(result).toEqual({
      ok: true,
      value: { id: 'design-1', name: 'b', model: changed, createdAt: created, updatedAt: created + 1000 },
    });
    expect(t.store.designs.versionCount('design-1')).toBe(2);
  });

  it('list is newest first and searches names literally (wildcards escaped)', async () => {
    await t.api.call('designs:save', { name: 'ResNet 50%', model: tinyModel });
    t.clock.now += 1;
    await t.api.call('designs:save', { name: 'VGG_16', model: tinyModel });
    t.clock.now += 1;
    await t.api.call('designs:save', { name: 'resnet tiny', model: tinyModel });
    const all = await t.api.call('designs:list', {});
    expect(all.ok && all.value.map((d) => d.name)).toEqual(['resnet tiny', 'VGG_16', 'ResNet 50%']);
    const search = async (s: string) => {
      const r = await t.api.call('designs:list', { search: s });
      return r.ok ? r.value.map((d) => d.name) : r.error.message;
    };
    expect(await search('resnet')).toEqual(['resnet tiny', 'ResNet 50%']);
    expect(await search('50%')).toEqual(['ResNet 50%']);
    expect(await search('G_1')).toEqual(['VGG_16']);
    expect(await search('%')).toEqual(['ResNet 50%']);
  });

  it('rename changes only the name and updatedAt', async () => {
    await t.api.call('designs:save', { name: 'old', model: tinyModel });
    t.clock.now += 5;
    const renamed = await t.api.call('designs:rename', { id: 'design-1', name: 'new' });
    expect(renamed.ok && renamed.value.name).toBe('new');
    const got = await t.api.call('designs:get', { id: 'design-1' });
    expect(got.ok && got.value.model).toEqual(tinyModel);
    expect(got.ok && got.value.updatedAt).toBe(t.clock.now);
    expect(t.store.designs.versionCount('design-1')).toBe(1);
  });

  it('delete removes the design and its versions; a second delete is not_found', async () => {
    await t.api.call('designs:save', { name: 'x', model: tinyModel });
    expect(await t.api.call('designs:delete', { id: 'design-1' })).toEqual({
      ok: true,
      value: { id: 'design-1' },
    });
    expect(t.store.designs.versionCount('design-1')).toBe(0);
    const again = await t.api.call('designs:delete', { id: 'design-1' });
    expect(again).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no design with id "design-1".' },
    });
  });

  it('get, rename and save of a missing id are not_found and write nothing', async () => {
    const before = snapshot(t.store);
    for (const [channel, request] of [
      ['designs:get', { id: 'nope' }],
      ['designs:rename', { id: 'nope', name: 'x' }],
      ['designs:save', { id: 'nope', name: 'x', model: tinyModel }],
    ] as const) {
      const result = await t.api.call(channel, request);
      expect(result.ok ? 'ok' : result.error.code, channel).toBe('not_found');
    }
    expect(snapshot(t.store)).toBe(before);
  });

  it('invalid input is an invalid_request naming the field, and nothing is written', async () => {
    await t.api.call('designs:save', { name: 'existing', model: tinyModel });
    const before = snapshot(t.store);
    const cases: [string, unknown, RegExp][] = [
      ['designs:save', { name: '', model: tinyModel }, /name: name is empty/],
      ['designs:save', { name: '   ', model: tinyModel }, /name: name is empty/],
      ['designs:save', { name: 'x'.repeat(201), model: tinyModel }, /name is longer than 200/],
      ['designs:save', { name: 'a\u0000b', model: tinyModel }, /control characters/],
      ['designs:save', { name: 'x' }, /model/],
      ['designs:save', { name: 'x', model: [1, 2] }, /model/],
      ['designs:save', { name: 'x', model: tinyModel, extra: 1 }, /unknown field\(s\) "extra"/],
      ['designs:save', { name: 42, model: tinyModel }, /name/],
      ['designs:save', 'not an object', /expected object/],
      ['designs:rename', { id: 'design-1' }, /name/],
      ['designs:rename', { id: '', name: 'x' }, /id: id is empty/],
      ['designs:get', {}, /id/],
      ['designs:delete', { id: 7 }, /id/],
      ['designs:list', { search: 3 }, /search/],
      ['settings:set', { theme: 'purple' }, /theme/],
      ['settings:set', { __proto__: { theme: 'dark' }, locale: 'xx' }, /locale/],
    ];
    for (const [channel, request, message] of cases) {
      const result = await t.api.call(channel, request);
      expect(result.ok, `${channel} ${JSON.stringify(request)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_request');
        expect(result.error.message).toMatch(message);
        expect(result.error.message.startsWith(`${channel}:`)).toBe(true);
      }
    }
    expect(snapshot(t.store)).toBe(before);
  });

  it('an oversized model is refused before it is stored', async () => {
    const before = snapshot(t.store);
    const huge = { ...tinyModel, padding: 'x'.repeat(4 * 1024 * 1024) };
    const result = await t.api.call('designs:save', { name: 'huge', model: huge });
    expect(!result.ok && result.error.message).toMatch(/model is larger than 4194304 bytes/);
    expect(snapshot(t.store)).toBe(before);
  });

  it('an unknown channel is refused by name', async () => {
    const result = await t.api.call('designs:drop', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: 'Unknown API channel "designs:drop".' },
    });
  });

  it('designs survive closing and reopening the database', async () => {
    await t.api.call('designs:save', { name: 'persisted', model: tinyModel });
    t.reopen();
    const list = await t.api.call('designs:list', {});
    expect(list.ok && list.value.map((d) => d.name)).toEqual(['persisted']);
  });
});
