import type { Migration } from './types';

/** The first schema: designs with their version history, lesson progress, quiz attempts, review cards, settings. */
export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  sql: `
    CREATE TABLE designs (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      model TEXT NOT NULL CHECK (json_valid(model)),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    -- Every save is kept so that an older version can be viewed and restored.
    CREATE TABLE design_versions (
      id INTEGER PRIMARY KEY,
      design_id TEXT NOT NULL REFERENCES designs(id) ON DELETE CASCADE,
      model TEXT NOT NULL CHECK (json_valid(model)),
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX design_versions_by_design ON design_versions(design_id, id);

    CREATE TABLE lesson_progress (
      lesson_id TEXT PRIMARY KEY,
      visited_at INTEGER,
      completed_at INTEGER,
      position TEXT
    ) STRICT;

    CREATE TABLE quiz_attempts (
      id INTEGER PRIMARY KEY,
      question_id TEXT NOT NULL,
      skill TEXT NOT NULL,
      seed INTEGER NOT NULL,
      difficulty INTEGER NOT NULL,
      answer TEXT NOT NULL,
      correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
      time_ms INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX quiz_attempts_by_time ON quiz_attempts(created_at);

    CREATE TABLE review_cards (
      id TEXT PRIMARY KEY,
      skill TEXT NOT NULL,
      card TEXT NOT NULL CHECK (json_valid(card)),
      due INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX review_cards_by_due ON review_cards(due);

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value))
    ) STRICT;
  `,
};
