import type { Migration } from './types';

/**
 * Practice details: how an attempt was made (hint, mode) and the question reference it answered, so
 * that a review card for a missed question can ask exactly that question again.
 */
export const migration003: Migration = {
  version: 3,
  name: 'practice details',
  sql: `
    ALTER TABLE quiz_attempts ADD COLUMN hint_used INTEGER NOT NULL DEFAULT 0 CHECK (hint_used IN (0, 1));
    ALTER TABLE quiz_attempts ADD COLUMN mode TEXT NOT NULL DEFAULT 'practice';
    ALTER TABLE quiz_attempts ADD COLUMN question TEXT CHECK (question IS NULL OR json_valid(question));
    ALTER TABLE review_cards ADD COLUMN question TEXT CHECK (question IS NULL OR json_valid(question));
    CREATE INDEX quiz_attempts_by_skill ON quiz_attempts(skill, id);
  `,
};
