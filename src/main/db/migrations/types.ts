export interface Migration {
  /** The `PRAGMA user_version` the database has once this migration ran; numbered 1, 2, 3… without gaps. */
  version: number;
  name: string;
  sql: string;
}
