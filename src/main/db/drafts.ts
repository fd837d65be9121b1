import type { Draft } from '../../shared/types';
import type { Db } from './connection';

/** Autosaved editor text, keyed by design id (or "new"); kept verbatim, valid model or not. */
export function createDraftsRepo(db: Db) {
  const get = db.prepare<[string], { key: string; name: string; content: string; updated_at: number }>(
    'SELECT key, name, content, updated_at FROM drafts WHERE key = ?',
  );
  const all = db.prepare<[], { key: string; name: string; content: string; updated_at: number }>(
    'SELECT key, name, content, updated_at FROM drafts ORDER BY updated_at DESC',
  );
  const upsert = db.prepare(
    `INSERT INTO drafts (key, name, content, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET name = excluded.name, content = excluded.content, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM drafts WHERE key = ?');
  const toDraft = (r: { key: string; name: string; content: string; updated_at: number }): Draft => ({
    key: r.key,
    name: r.name,
    content: r.content,
    updatedAt: r.updated_at,
  });
  return {
    get(key: string): Draft | undefined {
      const row = get.get(key);
      return row && toDraft(row);
    },
    list(): Draft[] {
      return all.all().map(toDraft);
    },
    save(draft: { key: string; name: string; content: string }, now: number): Draft {
      upsert.run(draft.key, draft.name, draft.content, now);
      return { ...draft, updatedAt: now };
    },
    discard(key: string): boolean {
      return remove.run(key).changes > 0;
    },
  };
}

export type DraftsRepo = ReturnType<typeof createDraftsRepo>;
