import type { Design, DesignStats, DesignSummary, DesignVersion, ModelJson } from '../../shared/types';
import type { Db } from './connection';

interface SummaryRow {
  id: string;
  name: string;
  tags: string;
  params: number | null;
  macs: number | null;
  created_at: number;
  updated_at: number;
}
interface DesignRow extends SummaryRow {
  model: string;
}
interface VersionRow {
  id: number;
  name: string | null;
  params: number | null;
  macs: number | null;
  created_at: number;
}

export type DesignSort = 'updated' | 'name' | 'macs' | 'params';

const SUMMARY_COLUMNS = 'id, name, tags, params, macs, created_at, updated_at';
const ORDER: Record<DesignSort, string> = {
  updated: 'updated_at DESC, name',
  name: 'name COLLATE NOCASE, updated_at DESC',
  // Designs without totals (none computed) sort last.
  macs: 'macs IS NULL, macs DESC, name',
  params: 'params IS NULL, params DESC, name',
};

const toSummary = (row: SummaryRow): DesignSummary => ({
  id: row.id,
  name: row.name,
  tags: JSON.parse(row.tags) as string[],
  stats: row.params === null || row.macs === null ? null : { params: row.params, macs: row.macs },
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toDesign = (row: DesignRow): Design => ({
  ...toSummary(row),
  model: JSON.parse(row.model) as ModelJson,
});

/** Escapes LIKE wildcards so a search for "50%" finds that text, not everything. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface SaveInput {
  id?: string;
  name: string;
  model: ModelJson;
  tags?: string[];
  /** Totals from the analysis core; unknown (null) when the caller did not compute them. */
  stats?: DesignStats | null;
}

export function createDesignsRepo(db: Db) {
  const getOne = db.prepare<[string], DesignRow>(
    `SELECT ${SUMMARY_COLUMNS}, model FROM designs WHERE id = ?`,
  );
  const insert = db.prepare(
    'INSERT INTO designs (id, name, model, tags, params, macs, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const update = db.prepare(
    'UPDATE designs SET name = ?, model = ?, tags = coalesce(?, tags), params = ?, macs = ?, updated_at = ? WHERE id = ?',
  );
  const rename = db.prepare('UPDATE designs SET name = ?, updated_at = ? WHERE id = ?');
  const setTags = db.prepare('UPDATE designs SET tags = ?, updated_at = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM designs WHERE id = ?');
  const addVersion = db.prepare(
    'INSERT INTO design_versions (design_id, model, name, params, macs, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const versions = db.prepare<[string], VersionRow>(
    'SELECT id, name, params, macs, created_at FROM design_versions WHERE design_id = ? ORDER BY id DESC',
  );
  const version = db.prepare<[string, number], VersionRow & { model: string }>(
    'SELECT id, name, params, macs, created_at, model FROM design_versions WHERE design_id = ? AND id = ?',
  );

  const save = db.transaction((input: SaveInput, now: number, newId: () => string): Design | undefined => {
    const text = JSON.stringify(input.model);
    const tags = input.tags === undefined ? null : JSON.stringify(input.tags);
    const { params = null, macs = null } = input.stats ?? {};
    let id = input.id;
    if (id === undefined) {
      id = newId();
      insert.run(id, input.name, text, tags ?? '[]', params, macs, now, now);
    } else if (update.run(input.name, text, tags, params, macs, now, id).changes === 0) {
      return undefined;
    }
    addVersion.run(id, text, input.name, params, macs, now);
    return toDesign(getOne.get(id)!);
  });

  return {
    list(options: { search?: string; sort?: DesignSort; tag?: string } = {}): DesignSummary[] {
      const where: string[] = [];
      const args: string[] = [];
      if (options.search?.trim()) {
        where.push("name LIKE ? ESCAPE '\\'");
        args.push(likePattern(options.search.trim()));
      }
      if (options.tag) {
        where.push('EXISTS (SELECT 1 FROM json_each(designs.tags) WHERE value = ?)');
        args.push(options.tag);
      }
      const sql = `SELECT ${SUMMARY_COLUMNS} FROM designs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${ORDER[options.sort ?? 'updated']}`;
      return (db.prepare(sql).all(...args) as SummaryRow[]).map(toSummary);
    },
    get(id: string): Design | undefined {
      const row = getOne.get(id);
      return row && toDesign(row);
    },
    /** Creates (no id) or updates a design; each save also becomes a version in its history. */
    save,
    rename(id: string, name: string, now: number): DesignSummary | undefined {
      if (rename.run(name, now, id).changes === 0) return undefined;
      return toSummary(getOne.get(id)!);
    },
    setTags(id: string, tags: string[], now: number): DesignSummary | undefined {
      if (setTags.run(JSON.stringify(tags), now, id).changes === 0) return undefined;
      return toSummary(getOne.get(id)!);
    },
    delete(id: string): boolean {
      return remove.run(id).changes > 0;
    },
    versions(id: string): DesignVersion[] {
      return versions.all(id).map((r) => ({
        versionId: r.id,
        name: r.name,
        stats: r.params === null || r.macs === null ? null : { params: r.params, macs: r.macs },
        createdAt: r.created_at,
      }));
    },
    version(id: string, versionId: number): (DesignVersion & { model: ModelJson }) | undefined {
      const r = version.get(id, versionId);
      return (
        r && {
          versionId: r.id,
          name: r.name,
          stats: r.params === null || r.macs === null ? null : { params: r.params, macs: r.macs },
          createdAt: r.created_at,
          model: JSON.parse(r.model) as ModelJson,
        }
      );
    },
    versionCount(id: string): number {
      return versions.all(id).length;
    },
    tags(): string[] {
      return (
        db
          .prepare(
            'SELECT DISTINCT value FROM designs, json_each(designs.tags) ORDER BY value COLLATE NOCASE',
          )
          .all() as {
          value: string;
        }[]
      ).map((r) => r.value);
    },
  };
}

export type DesignsRepo = ReturnType<typeof createDesignsRepo>;
