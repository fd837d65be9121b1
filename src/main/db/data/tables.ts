import type { Db } from '../connection';

export interface TableInfo {
  name: string;
  columns: Set<string>;
  /** Primary-key columns; empty for none. */
  key: string[];
  /** True when the key is an INTEGER PRIMARY KEY (a rowid): such ids are local, so rows match by content. */
  rowidKey: boolean;
  /** Tables this one references, which must be filled first. */
  parents: string[];
}

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The user tables in an order where every table comes after the tables it references. */
export function describeTables(db: Db): TableInfo[] {
  const names = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  const infos = names.map((name): TableInfo => {
    const cols = db.prepare(`SELECT name, type, pk FROM pragma_table_info(?)`).all(name) as {
      name: string;
      type: string;
      pk: number;
    }[];
    const key = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const parents = (
      db.prepare('SELECT DISTINCT "table" AS t FROM pragma_foreign_key_list(?)').all(name) as { t: string }[]
    )
      .map((r) => r.t)
      .filter((t) => t !== name);
    return {
      name,
      columns: new Set(cols.map((c) => c.name)),
      key: key.map((c) => c.name),
      rowidKey: key.length === 1 && key[0]!.type.toUpperCase() === 'INTEGER',
      parents,
    };
  });
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < infos.length) {
    const next = infos.filter(
      (t) => !placed.has(t.name) && t.parents.every((p) => placed.has(p) || !names.includes(p)),
    );
    // A reference cycle cannot be ordered; none exists in the schema, but never loop forever on one.
    const batch = next.length > 0 ? next : infos.filter((t) => !placed.has(t.name));
    for (const t of batch) {
      placed.add(t.name);
      ordered.push(t);
    }
  }
  return ordered;
}
