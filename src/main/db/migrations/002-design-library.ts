import type { Migration } from './types';

/**
 * The design library: tags, the totals the library sorts by (computed by the analysis core at save time),
 * the name a version was saved under, and autosaved drafts (raw editor text, valid or not, so nothing
 * typed is lost on a crash).
 */
export const migration002: Migration = {
  version: 2,
  name: 'design library',
  sql: `
    ALTER TABLE designs ADD COLUMN tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags));
    ALTER TABLE designs ADD COLUMN params INTEGER;
    ALTER TABLE designs ADD COLUMN macs INTEGER;
    ALTER TABLE design_versions ADD COLUMN name TEXT;
    ALTER TABLE design_versions ADD COLUMN params INTEGER;
    ALTER TABLE design_versions ADD COLUMN macs INTEGER;

    CREATE TABLE drafts (
      key TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      content TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
  `,
};
