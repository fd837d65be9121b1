import type { LabRun, LabRunSummary } from '../../shared/types';
import type { Db } from './connection';

interface Row {
  id: string;
  name: string;
  config: string;
  result: string;
  created_at: number;
}

export function createLabRunsRepo(db: Db) {
  const list = db.prepare<[], Omit<Row, 'result'>>(
    'SELECT id, name, config, created_at FROM lab_runs ORDER BY created_at DESC, name',
  );
  const get = db.prepare<[string], Row>(
    'SELECT id, name, config, result, created_at FROM lab_runs WHERE id = ?',
  );
  const insert = db.prepare(
    'INSERT INTO lab_runs (id, name, config, result, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const remove = db.prepare('DELETE FROM lab_runs WHERE id = ?');
  const summary = (r: Omit<Row, 'result'>): LabRunSummary => ({
    id: r.id,
    name: r.name,
    config: JSON.parse(r.config) as Record<string, unknown>,
    createdAt: r.created_at,
  });
  return {
    list: (): LabRunSummary[] => list.all().map(summary),
    get(id: string): LabRun | undefined {
      const r = get.get(id);
      return r && { ...summary(r), result: JSON.parse(r.result) as Record<string, unknown> };
    },
    save(
      run: { name: string; config: Record<string, unknown>; result: Record<string, unknown> },
      now: number,
      id: string,
    ): LabRun {
      insert.run(id, run.name, JSON.stringify(run.config), JSON.stringify(run.result), now);
      return { id, name: run.name, config: run.config, result: run.result, createdAt: now };
    },
    delete: (id: string): boolean => remove.run(id).changes > 0,
  };
}
