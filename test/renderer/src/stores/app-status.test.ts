import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { StartupNotice } from '../../../../src/shared/types';
import { createFakeApi } from './fake-api';

const fake = vi.hoisted(() => ({
  value: null as ReturnType<typeof import('./fake-api').createFakeApi> | null,
}));
vi.mock('../../../../src/renderer/src/api', async () => {
  const { createFakeApi: make } = await import('./fake-api');
  fake.value = make();
  return { api: fake.value.api };
});

const { useAppStatusStore } = await import('../../../../src/renderer/src/stores/app-status');
const backend = () => fake.value as ReturnType<typeof createFakeApi>;

const notices: StartupNotice[] = [
  { kind: 'recovered', message: 'The database was damaged and set aside.', keptAs: 'convscope.db.broken' },
  { kind: 'temporary', message: 'Running on a temporary database.' },
];

beforeEach(() => {
  setActivePinia(createPinia());
  backend().reset();
});

describe('app status store', () => {
  it('loads the start-up notices and dismisses them one by one', async () => {
    backend().on('app:status', () => ({
      ok: true,
      value: { version: '0.1.0', dataFile: ':memory:', notices },
    }));
    const store = useAppStatusStore();
    await store.load();
    expect(store.notices).toEqual(notices);
    store.dismiss(0);
    expect(store.notices).toEqual([notices[1]]);
  });

  it('shows nothing when the status cannot be read', async () => {
    backend().on('app:status', () => ({ ok: false, error: { code: 'internal', message: 'down' } }));
    const store = useAppStatusStore();
    await store.load();
    expect(store.notices).toEqual([]);
  });
});
