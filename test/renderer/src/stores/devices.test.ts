import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { DEVICE_PRESETS } from '../../../../src/core/hardware';
import { deviceSettingsSchema } from '../../../../src/shared/contracts/devices';
import { createFakeApi } from './fake-api';

const fake = vi.hoisted(() => ({
  value: null as ReturnType<typeof import('./fake-api').createFakeApi> | null,
}));
vi.mock('../../../../src/renderer/src/api', async () => {
  const { createFakeApi: make } = await import('./fake-api');
  fake.value = make();
  return { api: fake.value.api };
});

const { useDevicesStore } = await import('../../../../src/renderer/src/stores/devices');
const backend = () => fake.value as ReturnType<typeof createFakeApi>;

/** A backend that validates like the real one and keeps what it was sent. */
function savingBackend() {
  let saved: unknown = null;
  backend().on('devices:set', (request) => {
    const parsed = deviceSettingsSchema.safeParse(request);
    if (!parsed.success)
      return { ok: false, error: { code: 'invalid_request', message: parsed.error.issues[0].message } };
    saved = parsed.data;
    return { ok: true, value: parsed.data };
  });
  return () => saved;
}

beforeEach(() => {
  setActivePinia(createPinia());
  backend().reset();
});

describe('devices store', () => {
  it('edits a figure of the selected device, saves it, and restores the sheet’s figures', async () => {
    const saved = savingBackend();
    const store = useDevicesStore();
    await store.select('rtx-3060');
    expect(await store.edit({ bandwidth: 300e9 })).toBe(true);
    expect(store.device.bandwidth).toBe(300e9);
    expect(store.isEdited).toBe(true);
    expect(
      (saved() as { devices: { id: string; bandwidth: number }[] }).devices.find((d) => d.id === 'rtx-3060')!
        .bandwidth,
    ).toBe(300e9);
    await store.resetSelected();
    expect(store.device).toEqual(DEVICE_PRESETS.find((d) => d.id === 'rtx-3060'));
    expect(store.isEdited).toBe(false);
  });

  it('adds a device of one’s own from the selected one and removes it again', async () => {
    savingBackend();
    const store = useDevicesStore();
    await store.addFrom('My board');
    expect(store.device).toMatchObject({ id: 'custom-1', name: 'My board', kind: 'custom' });
    expect(store.devices).toHaveLength(DEVICE_PRESETS.length + 1);
    await store.removeSelected();
    expect(store.devices).toHaveLength(DEVICE_PRESETS.length);
  });

  it('rolls back a refused change and keeps the message', async () => {
    savingBackend();
    const store = useDevicesStore();
    const before = store.device.bandwidth;
    expect(await store.edit({ bandwidth: -1 })).toBe(false);
    expect(store.device.bandwidth).toBe(before);
    expect(store.saveError).toMatch(/bandwidth must be greater than 0/);
  });
});
