import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot, type TempStore, tempStore } from '../../helpers/temp-store';

let t: TempStore;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.cleanup());

const config = { depth: 20, width: 64, activation: 'sigmoid', init: 'xavier_normal' };
const result = { steps: [{ loss: 0.69, gradNorms: [1e-9, 0.02] }] };

describe('labruns:*', () => {
  it('saves a run, lists it without its result, reopens it as saved, and deletes it', async () => {
    const saved = await t.api.call('labruns:save', { name: '20 sigmoid layers', config, result });
    expect(saved).toEqual({
      ok: true,
      value: { id: 'design-1', name: '20 sigmoid layers', config, result, createdAt: t.clock.now },
    });
    expect(await t.api.call('labruns:list', {})).toEqual({
      ok: true,
      value: [{ id: 'design-1', name: '20 sigmoid layers', config, createdAt: t.clock.now }],
    });
    t.reopen();
    expect(await t.api.call('labruns:get', { id: 'design-1' })).toEqual(saved);
    expect(await t.api.call('labruns:delete', { id: 'design-1' })).toEqual({
      ok: true,
      value: { id: 'design-1' },
    });
    const gone = await t.api.call('labruns:get', { id: 'design-1' });
    expect(!gone.ok && gone.error.code).toBe('not_found');
  });

  it('refuses a run without a name or with an oversized result, writing nothing', async () => {
    const before = snapshot(t.store);
    const noName = await t.api.call('labruns:save', { name: ' ', config, result });
    expect(!noName.ok && noName.error.message).toMatch(/name: name is empty/);
    const huge = await t.api.call('labruns:save', {
      name: 'huge',
      config,
      result: { blob: 'x'.repeat(8 * 1024 * 1024) },
    });
    expect(!huge.ok && huge.error.message).toMatch(/result is larger than/);
    expect(snapshot(t.store)).toBe(before);
  });
});
