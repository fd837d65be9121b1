import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createFakeApi } from './fake-api';

const fake = vi.hoisted(() => ({
  value: null as ReturnType<typeof import('./fake-api').createFakeApi> | null,
}));
vi.mock('../../../../src/renderer/src/api', async () => {
  const { createFakeApi: make } = await import('./fake-api');
  fake.value = make();
  return { api: fake.value.api };
});

const { useSettingsStore } = await import('../../../../src/renderer/src/stores/settings');
const backend = () => fake.value as ReturnType<typeof createFakeApi>;

beforeEach(() => {
  setActivePinia(createPinia());
  backend().reset();
});

describe('settings store', () => {
  it('starts from system defaults and loads the saved settings', async () => {
    backend().on('settings:get', () => ({ ok: true, value: { theme: 'dark', locale: 'zh-CN' } }));
    const store = useSettingsStore();
    expect([store.theme, store.locale, store.loaded]).toEqual(['system', 'system', false]);
    expect(await store.load()).toBe(true);
    expect([store.theme, store.locale, store.loaded, store.loadError]).toEqual(['dark', 'zh-CN', true, null]);
  });

  it('keeps the defaults and the message when loading fails', async () => {
    backend().on('settings:get', () => ({
      ok: false,
      error: { code: 'internal', message: 'Database is locked.' },
    }));
    const store = useSettingsStore();
    expect(await store.load()).toBe(false);
    expect([store.theme, store.locale, store.loaded, store.loadError]).toEqual([
      'system',
      'system',
      true,
      'Database is locked.',
    ]);
  });

  it('sends only the changed setting and takes the saved result', async () => {
    backend().on('settings:set', () => ({ ok: true, value: { theme: 'light', locale: 'en' } }));
    const store = useSettingsStore();
    expect(await store.update({ theme: 'light' })).toBe(true);
    expect(backend().calls).toEqual([{ channel: 'settings:set', request: { theme: 'light' } }]);
    // The backend's answer wins, including fields the call did not touch.
    expect([store.theme, store.locale, store.saveError]).toEqual(['light', 'en', null]);
  });

  it('shows a change at once and rolls it back when saving is refused', async () => {
    let release: () => void = () => {};
    backend().on(
      'settings:set',
      () =>
        new Promise((resolve) => {
          release = () =>
            resolve({ ok: false, error: { code: 'invalid_request', message: 'theme: invalid' } });
        }),
    );
    const store = useSettingsStore();
    const pending = store.update({ theme: 'dark' });
    expect(store.theme).toBe('dark');
    await vi.waitFor(() => expect(backend().calls).toHaveLength(1));
    release();
    expect(await pending).toBe(false);
    expect([store.theme, store.saveError]).toEqual(['system', 'theme: invalid']);
  });
});
