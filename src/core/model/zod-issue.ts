import type { z } from 'zod';
import { type ErrorNote, errorNote } from '../analysis/warning-messages';
import type { ErrorCode } from '../analysis/error-messages';

/** zod's name of a value's type, as its messages write it ("received string"). */
function typeName(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? 'number' : String(v);
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v;
}

const TYPES = new Set(['number', 'int', 'string', 'boolean', 'array', 'object', 'null']);

/** A type as a message: `type-number`, …, or its name as it is. */
function typeNote(name: string): ErrorNote {
  return TYPES.has(name) ? errorNote(`type-${name}` as 'type-number', {}) : errorNote('type-other', { name });
}

/** A literal as zod quotes it: strings in double quotes. */
const literal = (v: unknown) =>
  typeof v === 'bigint' ? `${v}n` : typeof v === 'string' ? `"${v}"` : String(v);

/** The value at `path` inside `root` (undefined where the path leaves it). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const p of path)
    v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/** What zod found, without where: by the kind of its issue, in zod's own English. */
function what(issue: z.core.$ZodIssue, root: unknown): ErrorNote {
  switch (issue.code) {
    case 'invalid_union':
      return errorNote('invalid-union', {});
    case 'invalid_type': {
      const received = typeName(valueAt(root, issue.path));
      if (received === 'undefined') return errorNote('missing', { expected: typeNote(issue.expected) });
      if (issue.expected === 'int' && received === 'number') return errorNote('not-integer', {});
      return errorNote('expected-type', { expected: typeNote(issue.expected), received: typeNote(received) });
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? errorNote('expected-value', { value: literal(issue.values[0]) })
        : errorNote('expected-one-of', { values: issue.values.map(literal).join('|') });
    case 'too_small':
    case 'too_big': {
      const code = boundCode(issue);
      if (code === undefined) break;
      return issue.code === 'too_small'
        ? errorNote(code as 'too-small', { minimum: Number(issue.minimum) })
        : errorNote(code as 'too-big', { maximum: Number(issue.maximum) });
    }
  }
  return errorNote('zod-other', { message: issue.message });
}

/** The code of a bound zod writes in words we have: numbers, string lengths, array lengths. */
function boundCode(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): ErrorCode | undefined {
  if (issue.exact) return undefined;
  const small = issue.code === 'too_small';
  if (issue.origin === 'number')
    return small
      ? issue.inclusive
        ? 'too-small'
        : 'too-small-exclusive'
      : issue.inclusive
        ? 'too-big'
        : 'too-big-exclusive';
  if (!issue.inclusive) return undefined;
  if (issue.origin === 'string' && small) return 'too-short-string';
  if (issue.origin === 'array') return small ? 'too-short-array' : 'too-long-array';
  return undefined;
}

/** The field a path names: its first key (a layer's field or the model's), then items of it (`kernel.1`). */
function fieldOf(path: readonly PropertyKey[], ofModel: boolean): ErrorNote {
  let field = errorNote(ofModel ? 'model-field' : 'field', { key: String(path[0]) });
  for (const p of path.slice(1))
    field = errorNote('field-item', { field, index: typeof p === 'number' ? p : String(p) });
  return field;
}

/**
 * One zod issue of a layer (or of the model) as a message by code: the field it is about, then what
 * zod found; `root` is the object that was checked (for the type of a value zod does not report), the
 * model itself or a layer.
 */
export function zodIssueNote(issue: z.core.$ZodIssue, root: unknown, ofModel = false): ErrorNote {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return errorNote(issue.keys.length > 1 ? 'unknown-fields' : 'unknown-field', { keys });
  }
  const text = what(issue, root);
  return issue.path.length ? errorNote('at-field', { field: fieldOf(issue.path, ofModel), text }) : text;
}
