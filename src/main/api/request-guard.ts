import type { MessageNoteJson, ModelRefusal } from '../../shared/result';

/** A lone (unpaired) UTF-16 surrogate: not text, and stored as U+FFFD by SQLite. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string) => !LONE_SURROGATE.test(s);

/** How deep a request may nest: a model is about five levels, SQLite's json_valid stops at 1,000. */
export const MAX_REQUEST_DEPTH = 64;

/**
 * Checks a request before its schema does, for what no schema can see and the database would silently
 * change: nesting deeper than MAX_REQUEST_DEPTH (refused instead of failing later as `internal`), text that
 * is not valid Unicode (a lone surrogate would be stored as U+FFFD while the save is acknowledged), and
 * `__proto__` keys (dropped by JSON round trips). Returns what is wrong, or null. Iterative: no stack
 * overflow on hostile depth.
 */
export function requestProblem(input: unknown): string | null {
  const stack: [unknown, number, string][] = [[input, 0, '']];
  while (stack.length > 0) {
    const [value, depth, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (!wellFormed(value))
        return `${path || 'the request'}: text contains an unpaired surrogate (not valid Unicode)`;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_REQUEST_DEPTH) return `the request is nested more than ${MAX_REQUEST_DEPTH} levels deep`;
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push([item, depth + 1, path ? `${path}.${i}` : String(i)]));
      continue;
    }
    for (const key of Object.keys(value)) {
      const at = path ? `${path}.${key.slice(0, 40)}` : key.slice(0, 40);
      if (key === '__proto__') return `${at}: the key "__proto__" is not allowed`;
      if (!wellFormed(key))
        return `${path || 'the request'}: a key contains an unpaired surrogate (not valid Unicode)`;
      stack.push([(value as Record<string, unknown>)[key], depth + 1, at]);
    }
  }
  return null;
}

const MAX_MESSAGE = 500;
/** Error messages echo input (a field name, a model's text): never more than MAX_MESSAGE characters of it. */
export function boundMessage(message: string): string {
  return message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE - 1)}…`;
}

/** A refused model's problem under the same bound: its English and every text of its note. */
export function boundRefusal(refusal: ModelRefusal): ModelRefusal {
  const note = (n: MessageNoteJson): MessageNoteJson => ({
    code: n.code,
    params: Object.fromEntries(
      Object.entries(n.params).map(([k, v]) => [
        k,
        typeof v === 'string'
          ? boundMessage(v)
          : typeof v === 'number'
            ? v
            : Array.isArray(v)
              ? v.map(note)
              : note(v),
      ]),
    ),
  });
  const { path, layerId, message, note: n } = refusal.issue;
  const issue: ModelRefusal['issue'] = { path: boundMessage(path), message: boundMessage(message) };
  if (layerId !== undefined) issue.layerId = boundMessage(layerId);
  if (n) issue.note = note(n);
  return { issue, more: refusal.more };
}
