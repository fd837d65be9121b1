import type { Db } from './connection';

/** A JSON value per key; callers own the shape and validate what they read back. */
export function createSettingsRepo(db: Db) {
  const getOne = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const getAll = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  return {
    get(key: string): unknown {
      const row = getOne.get(key);
      return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
    },
    all(): Record<string, unknown> {
      return Object.fromEntries(getAll.all().map((r) => [r.key, JSON.parse(r.value) as unknown]));
    },
    setMany: db.transaction((entries: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(entries)) {
        if (value !== undefined) upsert.run(key, JSON.stringify(value));
      }
    }),
  };
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
