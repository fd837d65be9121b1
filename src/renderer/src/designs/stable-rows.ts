/**
 * A table's rows after an edit, each row object kept from `previous` when what it shows is unchanged
 * (`same`), and `previous` itself when no row changed. The data table re-renders a cell only when its
 * row object is new, so an edit of one layer re-renders the few rows whose numbers it changed, not
 * every visible row.
 */
export function stableRows<T, K>(
  next: T[],
  previous: T[] | undefined,
  key: (row: T) => K,
  same: (a: T, b: T) => boolean,
): T[] {
  if (!previous || previous.length === 0) return next;
  const byKey = new Map<K, T>();
  for (const row of previous) byKey.set(key(row), row);
  let changed = next.length !== previous.length;
  const rows = next.map((row, i) => {
    const old = byKey.get(key(row));
    const kept = old !== undefined && same(old, row) ? old : row;
    if (kept !== previous[i]) changed = true;
    return kept;
  });
  return changed ? rows : previous;
}
