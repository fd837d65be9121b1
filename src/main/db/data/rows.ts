import { z } from 'zod';
import { parseRequest } from '../../../shared/contract';
import type { DataDocument, RefusedImportRow } from '../../../shared/types';
import { checkModel } from '../../design-model';
import type { TableInfo } from './tables';

type Row = Record<string, string | number | null>;
/** Why a row is refused, or null when it is one the app can read back. */
type RowCheck = (row: Row) => string | null;

/** JSON text → value; a cell that is not JSON is reported by its column. */
function json(row: Row, column: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const text = row[column];
  if (typeof text !== 'string') return { ok: false, message: `${column} is not JSON text` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: `${column} is not valid JSON` };
  }
}

const reason = (parsed: { ok: true } | { ok: false; message: string }) => (parsed.ok ? null : parsed.message);

function model(row: Row): string | null {
  const m = json(row, 'model');
  if (!m.ok) return m.message;
  if (typeof m.value !== 'object' || m.value === null || Array.isArray(m.value))
    return 'model is not a model';
  const checked = checkModel(m.value as Parameters<typeof checkModel>[0]);
  return checked.ok ? null : `model: ${checked.message}`;
}

/** Review cards are written only by the scheduler; what the app reads back from one is this. */
const card = z.looseObject({
  state: z.union([z.string(), z.number()]).optional(),
  reps: z.number().int().nonnegative().optional(),
  lapses: z.number().int().nonnegative().optional(),
});

function question(row: Row): string | null {
  if (row.question === null || row.question === undefined) return null;
  const q = json(row, 'question');
  return q.ok ? reason(parseRequest('practice:question', { question: q.value })) : q.message;
}

/**
 * One check per table, each built from the API's own request schema for the channel that writes such a
 * row (so a stricter schema there is stricter here too), plus the model check the save handler runs.
 */
const CHECKS: Record<string, RowCheck> = {
  designs: (row) => {
    const tags = row.tags === undefined ? { ok: true as const, value: [] } : json(row, 'tags');
    if (!tags.ok) return tags.message;
    const m = json(row, 'model');
    if (!m.ok) return m.message;
    return (
      reason(
        parseRequest('designs:save', { id: row.id, name: row.name, model: m.value, tags: tags.value }),
      ) ?? model(row)
    );
  },
  design_versions: (row) => model(row),
  lesson_progress: (row) =>
    reason(parseRequest('lessons:visit', { lessonId: row.lesson_id, position: row.position ?? undefined })),
  quiz_attempts: (row) =>
    reason(
      parseRequest('practice:question', {
        question: { kind: 'generated', skill: row.skill, difficulty: row.difficulty, seed: row.seed },
      }),
    ) ?? question(row),
  review_cards: (row) => {
    const c = json(row, 'card');
    if (!c.ok) return c.message;
    const parsed = card.safeParse(c.value);
    if (!parsed.success) return `card is not a review card (${parsed.error.issues[0]?.message ?? 'invalid'})`;
    return question(row);
  },
  settings: (row) => {
    const value = json(row, 'value');
    if (!value.ok) return value.message;
    // Keys the settings API knows are checked by it; others (the window's bounds) are validated on read.
    const checked =
      row.key === 'devices'
        ? parseRequest('devices:set', value.value)
        : parseRequest('settings:set', { [String(row.key)]: value.value });
    return checked.ok || /unknown field/.test(checked.message) ? null : checked.message;
  },
  drafts: (row) =>
    reason(parseRequest('drafts:save', { key: row.key, name: row.name, content: row.content })),
  lab_runs: (row) => {
    const config = json(row, 'config');
    const result = json(row, 'result');
    if (!config.ok) return config.message;
    if (!result.ok) return result.message;
    return reason(
      parseRequest('labruns:save', { name: row.name, config: config.value, result: result.value }),
    );
  },
};

type RefusedRow = RefusedImportRow;

/** How a refused row is named in a message: `tables.<table>.<index> ("<id>"): <reason>`. */
export const describeRefused = (r: RefusedImportRow) =>
  `tables.${r.table}.${r.index}${r.key === undefined ? '' : ` (${JSON.stringify(r.key)})`}: ${r.reason}`;

/**
 * Every row the app could not read back, with its place and reason, in file order per table: a row a
 * channel's schema refuses, a later row whose key repeats an earlier one of the file (the later one would
 * otherwise silently win), and the versions of a refused design. A generator: it yields the number of rows
 * checked so far every ROWS_PER_STEP rows, so that a caller can report progress and let other work run.
 */
export function* checkRows(
  doc: DataDocument,
  tables: readonly TableInfo[],
): Generator<number, RefusedRow[], void> {
  const refused: RefusedRow[] = [];
  const refusedDesigns = new Set<string>();
  const keys = new Map(tables.map((t) => [t.name, t.rowidKey ? [] : t.key]));
  let checked = 0;
  for (const name of ['designs', ...Object.keys(doc.tables).filter((t) => t !== 'designs')]) {
    const check = CHECKS[name];
    const key = keys.get(name) ?? [];
    const seen = new Map<string, number>();
    const rows = doc.tables[name] ?? [];
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index]!;
      if (++checked % ROWS_PER_STEP === 0) yield checked;
      let why =
        name === 'design_versions' && refusedDesigns.has(String(row.design_id))
          ? 'its design was refused'
          : (check?.(row) ?? null);
      if (why === null && key.length > 0) {
        const value = JSON.stringify(key.map((k) => row[k] ?? null));
        const first = seen.get(value);
        if (first === undefined) seen.set(value, index);
        else {
          const shown = key.map((k) => JSON.stringify(row[k] ?? null).slice(0, 80)).join(', ');
          refused.push({
            table: name,
            index,
            reason: `${key.join(', ')} ${shown} appears twice in the file (also tables.${name}.${first})`,
          });
          continue;
        }
      }
      if (why === null) continue;
      if (name === 'designs') refusedDesigns.add(String(row.id));
      const id = row.id ?? row.key ?? row.lesson_id;
      why = why.slice(0, 200);
      refused.push({
        table: name,
        index,
        ...(id == null ? {} : { key: String(id).slice(0, 64) }),
        reason: why,
      });
    }
  }
  return refused;
}

/** Rows checked between two yields of {@link checkRows}. */
export const ROWS_PER_STEP = 500;
