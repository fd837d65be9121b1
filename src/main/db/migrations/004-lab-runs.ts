import type { Migration } from './types';

/** Saved gradient-lab runs: the configuration and the recorded statistics, reopened as they were. */
export const migration004: Migration = {
  version: 4,
  name: 'gradient lab runs',
  sql: `
    CREATE TABLE lab_runs (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      config TEXT NOT NULL CHECK (json_valid(config)),
      result TEXT NOT NULL CHECK (json_valid(result)),
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX lab_runs_by_time ON lab_runs(created_at);
  `,
};
