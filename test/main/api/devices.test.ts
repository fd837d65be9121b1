import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEVICE_PRESETS } from '../../../src/core/hardware';
import { type TempStore, tempStore } from '../../helpers/temp-store';

let t: TempStore;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.cleanup());

describe('devices:*', () => {
  it('starts from the vendor presets', async () => {
    const got = await t.api.call('devices:get', {});
    expect(got.ok && got.value.devices.map((d) => d.id)).toEqual(DEVICE_PRESETS.map((d) => d.id));
    expect(got.ok && got.value.selected).toBe('a100-sxm');
  });

  it('saves an edited preset and an added device, and reads them back after a reopen', async () => {
    const edited = { ...DEVICE_PRESETS[3], bandwidth: 300e9, launchOverhead: 0 };
    const own = {
      id: 'my-board',
      name: 'My board',
      kind: 'custom' as const,
      peak: { fp32: 1e12, fp16: 2e12, int8: 4e12 },
      bandwidth: 25.6e9,
      launchOverhead: 2e-6,
    };
    const request = { devices: [edited, own], selected: 'my-board' };
    const set = await t.api.call('devices:set', request);
    expect(set).toEqual({ ok: true, value: request });
    t.reopen();
    expect(await t.api.call('devices:get', {})).toEqual({ ok: true, value: request });
  });

  it('refuses a bad device with the field named, and keeps what was saved', async () => {
    const before = await t.api.call('devices:get', {});
    const bad = { ...DEVICE_PRESETS[0], peak: { ...DEVICE_PRESETS[0].peak, fp16: -1 } };
    const got = await t.api.call('devices:set', { devices: [bad], selected: bad.id });
    expect(got.ok).toBe(false);
    expect(!got.ok && got.error.message).toMatch(/devices\.0\.peak\.fp16: peak\.fp16 must be greater than 0/);
    const dup = await t.api.call('devices:set', {
      devices: [DEVICE_PRESETS[0], DEVICE_PRESETS[0]],
      selected: 'a100-sxm',
    });
    expect(!dup.ok && dup.error.message).toMatch(/same id/);
    const missing = await t.api.call('devices:set', { devices: [DEVICE_PRESETS[0]], selected: 'nope' });
    expect(!missing.ok && missing.error.message).toMatch(/selected is not one of the devices/);
    expect(await t.api.call('devices:get', {})).toEqual(before);
  });

  it('travel in an export and are checked on import', async () => {
    const request = { devices: [{ ...DEVICE_PRESETS[5], bandwidth: 102e9 }], selected: DEVICE_PRESETS[5].id };
    await t.api.call('devices:set', request);
    const doc = await t.api.call('data:export', {});
    if (!doc.ok) throw new Error(doc.error.message);
    const target = tempStore();
    try {
      const imported = await target.api.call('data:import', { document: doc.value, mode: 'merge' });
      expect(imported.ok, JSON.stringify(imported)).toBe(true);
      expect(await target.api.call('devices:get', {})).toEqual({ ok: true, value: request });
      const tampered = JSON.parse(JSON.stringify(doc.value)) as typeof doc.value;
      const row = tampered.tables.settings!.find((r) => r.key === 'devices')!;
      row.value = JSON.stringify({ ...request, selected: 'gone' });
      const refused = await target.api.call('data:import', { document: tampered, mode: 'replace' });
      expect(!refused.ok && refused.error.message).toMatch(
        /tables\.settings\.\d .*selected is not one of the devices/,
      );
    } finally {
      target.cleanup();
    }
  });

  it('a stored list that is no longer valid reads as the presets', async () => {
    t.store.settings.setMany({ devices: { devices: [], selected: 'x' } });
    const got = await t.api.call('devices:get', {});
    expect(got.ok && got.value.devices.length).toBe(DEVICE_PRESETS.length);
  });
});
