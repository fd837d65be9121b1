import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeModel, validateModel } from '../../../src/core';
import { snapshot, type TempStore, tempStore, tinyModel } from '../../helpers/temp-store';

/** The totals the library stores come from the analysis core; so does the expectation. */
function coreStats(model: unknown) {
  const valid = validateModel(model);
  if (!valid.ok) throw new Error(valid.errors[0]!.message);
  const { totals } = analyzeModel(valid.model);
  return { params: totals.params, macs: totals.macs };
}

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
        tags: [],
        stats: coreStats(tinyModel),
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
    const changed = { ...tinyModel, name: 'changed', input: [3, 64, 64] };
    const result = await t.api.call('designs:save', { id: 'design-1', name: 'b', model: changed });
    expect(result).toEqual({
      ok: true,
      value: {
        id: 'design-1',
        name: 'b',
        tags: [],
        stats: coreStats(changed),
        model: changed,
        createdAt: created,
        updatedAt: created + 1000,
      },
    });
    // A 64×64 input has four times the positions of 32×32: the stored MACs follow the model.
    expect(result.ok && result.value.stats!.macs).toBe(4 * coreStats(tinyModel).macs);
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
      ['designs:save', { name: 'x', model: tinyModel, tags: ['a,b'] }, /tags.0: tag contains a comma/],
      ['designs:list', { sort: 'size' }, /sort/],
      ['designs:version', { id: 'design-1', versionId: 1.5 }, /versionId must be a whole number/],
      [
        'drafts:save',
        { key: 'new', name: 'n', content: 'x'.repeat(4 * 1024 * 1024 + 1) },
        /content is larger/,
      ],
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

  it('refuses an invalid model with the core’s message naming the layer, and stores nothing', async () => {
    const before = snapshot(t.store);
    const broken = {
      ...tinyModel,
      layers: [{ id: 'big', op: 'conv2d', out_channels: 4, kernel: 50 }],
    };
    const result = await t.api.call('designs:save', { name: 'Broken', model: broken });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_model');
      const core = validateModel(broken);
      expect(core.ok).toBe(false);
      expect(result.error.message).toBe(`"Broken" was not saved: ${!core.ok && core.errors[0]!.message}`);
      expect(result.error.message).toMatch(/big/);
      // The same problem by code, for the page to say in the user's language.
      expect(result.error.refusal).toEqual({ issue: !core.ok && core.errors[0], more: 0 });
      expect(result.error.refusal?.issue.note?.code).toBeTruthy();
    }
    expect(snapshot(t.store)).toBe(before);
  });

  it('a refusal of a model with several problems counts the others, in English and in the refusal', async () => {
    const broken = {
      ...tinyModel,
      layers: [
        { id: 'a', op: 'conv2d', out_channels: 4, kernel: 50 },
        { id: 'b', op: 'conv2d', out_channels: 4, kernel: 50, inputs: ['input'] },
      ],
    };
    const core = validateModel(broken);
    if (core.ok) throw new Error('the model was expected to be invalid');
    const more = core.errors.length - 1;
    expect(more).toBeGreaterThan(0);
    const result = await t.api.call('designs:save', { name: 'Two', model: broken });
    if (result.ok) throw new Error('the model was expected to be refused');
    expect(result.error.message).toBe(
      `"Two" was not saved: ${core.errors[0]!.message} (and ${more} more problem${more > 1 ? 's' : ''})`,
    );
    expect(result.error.refusal).toEqual({ issue: core.errors[0], more });
  });

  it('sorts by name, MACs and params, and filters by tag', async () => {
    const wide = {
      ...tinyModel,
      layers: [{ id: 'c', op: 'conv2d', out_channels: 64, kernel: 3, padding: 1 }],
    };
    const small = { ...tinyModel, input: [3, 8, 8] };
    await t.api.call('designs:save', { name: 'b-wide', model: wide, tags: ['big'] });
    t.clock.now += 1;
    await t.api.call('designs:save', { name: 'A-small', model: small, tags: ['small', 'toy'] });
    t.clock.now += 1;
    await t.api.call('designs:save', { name: 'c-tiny', model: tinyModel, tags: ['toy'] });
    const names = async (request: object) => {
      const r = await t.api.call('designs:list', request);
      return r.ok ? r.value.map((d) => d.name) : r.error.message;
    };
    const byMacs = [
      ['b-wide', coreStats(wide).macs],
      ['A-small', coreStats(small).macs],
      ['c-tiny', coreStats(tinyModel).macs],
    ].sort((a, b) => (b[1] as number) - (a[1] as number));
    expect(await names({ sort: 'macs' })).toEqual(byMacs.map((r) => r[0]));
    expect(await names({ sort: 'name' })).toEqual(['A-small', 'b-wide', 'c-tiny']);
    expect(await names({ sort: 'updated' })).toEqual(['c-tiny', 'A-small', 'b-wide']);
    expect(await names({ tag: 'toy', sort: 'name' })).toEqual(['A-small', 'c-tiny']);
    expect(await t.api.call('designs:tags', {})).toEqual({ ok: true, value: ['big', 'small', 'toy'] });
  });

  it('keeps every save as a version; an old one can be viewed and restored as a new save', async () => {
    const v1 = tinyModel;
    const v2 = { ...tinyModel, input: [3, 16, 16] };
    await t.api.call('designs:save', { name: 'history', model: v1 });
    t.clock.now += 10;
    await t.api.call('designs:save', { id: 'design-1', name: 'history', model: v2 });
    const versions = await t.api.call('designs:versions', { id: 'design-1' });
    expect(versions.ok && versions.value.map((v) => v.stats)).toEqual([coreStats(v2), coreStats(v1)]);
    const oldest = versions.ok ? versions.value[1]!.versionId : -1;
    const viewed = await t.api.call('designs:version', { id: 'design-1', versionId: oldest });
    expect(viewed.ok && viewed.value.model).toEqual(v1);
    t.clock.now += 10;
    const restored = await t.api.call('designs:restore', { id: 'design-1', versionId: oldest });
    expect(restored.ok && restored.value.model).toEqual(v1);
    expect(restored.ok && restored.value.stats).toEqual(coreStats(v1));
    expect(t.store.designs.versionCount('design-1')).toBe(3);
    const missing = await t.api.call('designs:restore', { id: 'design-1', versionId: 999 });
    expect(!missing.ok && missing.error).toEqual({
      code: 'not_found',
      message: 'Design "design-1" has no version 999.',
    });
  });

  it('duplicates a design with its tags under a new id and a "(copy)" name', async () => {
    await t.api.call('designs:save', { name: 'original', model: tinyModel, tags: ['x'] });
    const copy = await t.api.call('designs:duplicate', { id: 'design-1' });
    expect(copy.ok && copy.value).toMatchObject({
      id: 'design-2',
      name: 'original (copy)',
      tags: ['x'],
      model: tinyModel,
    });
    const named = await t.api.call('designs:duplicate', { id: 'design-1', name: 'variant' });
    expect(named.ok && named.value.name).toBe('variant');
    expect(t.store.designs.versionCount('design-2')).toBe(1);
  });

  it('tags are trimmed and de-duplicated', async () => {
    await t.api.call('designs:save', { name: 'tagged', model: tinyModel });
    const tagged = await t.api.call('designs:tag', { id: 'design-1', tags: [' cnn ', 'cnn', 'resnet'] });
    expect(tagged.ok && tagged.value.tags).toEqual(['cnn', 'resnet']);
  });
});

describe('drafts:*', () => {
  it('keeps the editor text verbatim, even when it is not valid JSON, and survives a reopen', async () => {
    const content = '{ "format": "convscope-model", "layers": [ { "id": "half-typed", ';
    expect(await t.api.call('drafts:save', { key: 'new', name: 'unsaved', content })).toEqual({
      ok: true,
      value: { key: 'new', name: 'unsaved', content, updatedAt: t.clock.now },
    });
    t.reopen();
    expect(await t.api.call('drafts:get', { key: 'new' })).toEqual({
      ok: true,
      value: { key: 'new', name: 'unsaved', content, updatedAt: t.clock.now },
    });
    const list = await t.api.call('drafts:list', {});
    expect(list.ok && list.value.map((d) => d.key)).toEqual(['new']);
    expect(await t.api.call('drafts:discard', { key: 'new' })).toEqual({ ok: true, value: { key: 'new' } });
    expect(await t.api.call('drafts:get', { key: 'new' })).toEqual({ ok: true, value: null });
  });
});
