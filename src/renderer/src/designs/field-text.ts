/**
 * The layer form's text fields: "3" → 3, "3, 5" → [3, 5], "same" → "same", "" → absent. Anything
 * else is passed on as typed, so that the core's validator names the problem instead of the form
 * silently dropping it.
 */
export function parseFieldText(text: string): unknown {
  const s = text.trim();
  if (s === '') return undefined;
  if (s === 'same' || s === 'valid') return s;
  const parts = s.split(/[\s,×x]+/).filter(Boolean);
  if (parts.length > 0 && parts.every((p) => /^-?\d+(\.\d+)?$/.test(p))) {
    const nums = parts.map(Number);
    return nums.length === 1 ? nums[0] : nums;
  }
  return s;
}

export function fieldText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** "a, b" → ["a", "b"]; empty → absent (the previous layer). */
export function parseInputs(text: string): string[] | undefined {
  const ids = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return ids.length > 0 ? ids : undefined;
}

/** "3, 224, 224" → [3, 224, 224]; the core validates the rank and sizes. */
export function parseShape(text: string): number[] | string {
  const value = parseFieldText(text);
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value as number[];
  return text;
}
