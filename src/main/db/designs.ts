import type { Design, DesignSummary, ModelJson } from '../../shared/types';
import type { Db } from './connection';

interface DesignRow {
  id: string;
  name: string;
  model: string;
  created_at: number;
  updated_at: number;
}

const toSummary = (row: Omit<DesignRow, 'model'>): DesignSummary => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toDesign = (row: DesignRow): Design => ({
  ...toSummary(row),
  model: JSON.parse(row.model) as ModelJson,
});

/** Escapes LIKE wildcards so a search for "50%" finds that text, not everything. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createDesignsRepo(db: Db) {
  const listAll = db.prepare<[], Omit<DesignRow, 'model'>>(
    'SELECT id, name, created_at, updated_at FROM designs ORDER BY updated_at DESC, name',
  );
  const listMatching = db.prepare<[string], Omit<DesignRow, 'model'>>(
    "SELECT id, name, created_at, updated_at FROM designs WHERE name LIKE ? ESCAPE '\\' ORDER BY updated_at DESC, name",
  );
  const getOne = db.prepare<[string], DesignRow>('SELECT * FROM designs WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO designs (id, name, model, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const update = db.prepare('UPDATE designs SET name = ?, model = ?, updated_at = ? WHERE id = ?');
  const rename = db.prepare('UPDATE designs SET name = ?, updated_at = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM designs WHERE id = ?');
  const addVersion = db.prepare(
    'INSERT INTO design_versions (design_id, model, created_at) VALUES (?, ?, ?)',
  );

  return {
    list(search?: string): DesignSummary[] {
      const rows = search?.trim() ? listMatching.all(likePattern(search.trim())) : listAll.all();
      return rows.map(toSummary);
    },
    get(id: string): Design | undefined {
      const row = getOne.get(id);
      return row && toDesign(row);
    },
    /** Creates (no id) or updates a design; each save also becomes a version in its history. */
    save: db.transaction(
      (
        input: { id?: string; name: string; model: ModelJson },
        now: number,
        newId: () => string,
      ): Design | undefined => {
        const text = JSON.stringify(input.model);
        let id = input.id;
        if (id === undefined) {
          id = newId();
          insert.run(id, input.name, text, now, now);
        } else if (update.run(input.name, text, now, id).changes === 0) {
          return undefined;
        }
        addVersion.run(id, text, now);
        return toDesign(getOne.get(id)!);
      },
    ),
    rename(id: string, name: string, now: number): DesignSummary | undefined {
      if (rename.run(name, now, id).changes === 0) return undefined;
      return toSummary(getOne.get(id)!);
    },
    delete(id: string): boolean {
      return remove.run(id).changes > 0;
    },
    versionCount(id: string): number {
      return (
        db.prepare('SELECT count(*) AS n FROM design_versions WHERE design_id = ?').get(id) as { n: number }
      ).n;
    },
  };
}

export type DesignsRepo = ReturnType<typeof createDesignsRepo>;
