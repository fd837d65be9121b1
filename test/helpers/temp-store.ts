import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../../src/main/api';
import { createStore, openDatabase, type Store } from '../../src/main/db';

export interface TempStore {
  dir: string;
  file: string;
  store: Store;
  /** A deterministic clock and id source, so tests can assert exact timestamps and ids. */
  clock: { now: number };
  api: ReturnType<typeof createApi>;
  reopen(): void;
  cleanup(): void;
}

/** A real SQLite file in a fresh temp folder, with the API bound to it. */
export function tempStore(): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 'convscope-test-'));
  const file = join(dir, 'convscope.db');
  const clock = { now: 1_700_000_000_000 };
  let counter = 0;
  const make = () => {
    const store = createStore(openDatabase(file));
    return { store, api: createApi({ store, now: () => clock.now, newId: () => `design-${++counter}` }) };
  };
  const t: TempStore = {
    dir,
    file,
    clock,
    ...make(),
    reopen() {
      t.store.close();
      Object.assign(t, make());
    },
    cleanup() {
      try {
        t.store.close();
      } catch {
        // already closed by the test
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

/** Every row of every user table, for "nothing was written" assertions. */
export function snapshot(store: Store): string {
  const tables = store.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, store.db.prepare(`SELECT * FROM "${name}"`).all()]));
}

export const tinyModel = {
  format: 'convscope-model',
  version: 1,
  name: 'tiny',
  input: [3, 32, 32],
  layers: [
    { id: 'conv1', op: 'conv2d', out_channels: 8, kernel: 3, padding: 1 },
    { id: 'relu1', op: 'relu' },
  ],
};
