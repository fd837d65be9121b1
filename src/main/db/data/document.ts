import { z } from 'zod';
import type { DataDocument } from '../../../shared/types';
import { SCHEMA_VERSION } from '../migrations';

/**
 * The export document: the rows of every user table (designs and their version history, lesson progress,
 * quiz attempts, review cards, settings, and whatever later migrations add) with the schema version they
 * follow. Column values are SQLite's own (TEXT, INTEGER, REAL, NULL); JSON columns stay JSON text, which
 * keeps the file a faithful copy and lets the database's own CHECK constraints judge it on the way back in.
 */

export const DATA_FORMAT = 'convscope-data';
export const DATA_FORMAT_VERSION = 1;
/** A generous bound: years of practice are tens of thousands of rows, not millions. */
const MAX_ROWS_PER_TABLE = 1_000_000;
const MAX_CELL_CHARS = 8 * 1024 * 1024;

/** Tables every ConvScope database has had since schema 1; an export missing one is not a ConvScope file. */
export const CORE_TABLES = [
  'designs',
  'design_versions',
  'lesson_progress',
  'quiz_attempts',
  'review_cards',
  'settings',
];

const cell = z.union([z.string().max(MAX_CELL_CHARS), z.number().finite(), z.null()]);
const identifier = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'is not a table or column name');
/** A plain object without a `__proto__` key: such a key is refused outright rather than dropped. */
const plainObject = (message: string) =>
  z.custom<Record<string, unknown>>(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && !Object.hasOwn(v, '__proto__'),
    message,
  );
const row = plainObject('each row must be an object of column values').pipe(z.record(identifier, cell));

const documentSchema = z.strictObject({
  format: z.literal(DATA_FORMAT, `format must be "${DATA_FORMAT}"`),
  formatVersion: z
    .number()
    .int()
    .min(1)
    .max(DATA_FORMAT_VERSION, `formatVersion is newer than this ConvScope reads (${DATA_FORMAT_VERSION})`),
  schemaVersion: z
    .number()
    .int()
    .min(1)
    .max(
      SCHEMA_VERSION,
      `schemaVersion is newer than this ConvScope knows (${SCHEMA_VERSION}); update ConvScope`,
    ),
  exportedAt: z.number().int().nonnegative(),
  appVersion: z.string().max(64),
  tables: plainObject('tables must be an object of table name → rows').pipe(
    z.record(identifier, z.array(row).max(MAX_ROWS_PER_TABLE)),
  ),
});

export class DataImportError extends Error {}

/** Checks a document's shape; the message names the first offending place, e.g. `tables.designs.3.name`. */
export function parseDataDocument(input: unknown): DataDocument {
  const parsed = documentSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown field(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
        : issue.message;
    throw new DataImportError(`${where}${message}`);
  }
  const doc = parsed.data as DataDocument;
  for (const name of CORE_TABLES) {
    if (!Object.hasOwn(doc.tables, name)) throw new DataImportError(`tables: the table "${name}" is missing`);
  }
  return doc;
}
