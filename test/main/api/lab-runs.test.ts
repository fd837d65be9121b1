import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  DEFAULT_MLP,
  DEFAULT_RNN,
  runExperiment,
  type ExperimentConfig,
  type ExperimentResult,
} from '../../../src/core/autograd';
import { experimentConfigSchema, experimentResultSchema } from '../../../src/shared/contracts/lab-run-schema';
import { snapshot, type TempStore, tempStore } from '../../helpers/temp-store';

let t: TempStore;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.cleanup());

// A real (short) run of the engine, wrapped as the lab saves it.
const lab: ExperimentConfig = { ...DEFAULT_RNN, length: 5, hidden: 4, batch: 2 };
const config = { format: 'convscope-lab', version: 1, preset: null, lab };
const result = { format: 'convscope-lab', version: 1, result: runExperiment(lab) };

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

  it('refuses a run whose config or result is not a lab run, naming the field, writing nothing', async () => {
    const before = snapshot(t.store);
    const badDepth = await t.api.call('labruns:save', {
      name: 'bad',
      config: { ...config, lab: { ...lab, length: 'long' } },
      result,
    });
    expect(!badDepth.ok && badDepth.error.message).toMatch(/config\.lab\.length/);
    const mixed = await t.api.call('labruns:save', {
      name: 'mixed',
      config: { ...config, lab: { ...DEFAULT_MLP } },
      result,
    });
    expect(!mixed.ok && mixed.error.code).toBe('invalid_request');
    expect(snapshot(t.store)).toBe(before);
  });

  it('a malformed stored run gives a clear error on load and stays stored (nothing is lost)', async () => {
    // As a damaged database or an old hand-edited export would hold it: written around the API.
    t.store.labRuns.save(
      { name: 'Damaged run', config: { ...config, lab: { ...lab, cell: 'gru' } }, result },
      t.clock.now,
      'lab-bad',
    );
    const before = snapshot(t.store);
    const opened = await t.api.call('labruns:get', { id: 'lab-bad' });
    expect(opened.ok).toBe(false);
    expect(!opened.ok && opened.error.message).toMatch(
      /^The saved run “Damaged run” cannot be opened: config: lab\.cell: /,
    );
    expect(snapshot(t.store)).toBe(before);
    const listed = await t.api.call('labruns:list', {});
    expect(listed.ok && listed.value.map((r) => r.id)).toEqual(['lab-bad']);
    expect((await t.api.call('labruns:delete', { id: 'lab-bad' })).ok).toBe(true);
  });

  it('the stored shapes are the core’s experiment types', () => {
    expectTypeOf<z.output<typeof experimentConfigSchema>>().toEqualTypeOf<ExperimentConfig>();
    expectTypeOf<z.output<typeof experimentResultSchema>>().toEqualTypeOf<ExperimentResult>();
  });
});
