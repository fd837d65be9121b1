import { describe, expect, it } from 'vitest';
import { stableRows } from '../../../../src/renderer/src/designs/stable-rows';

interface Row {
  id: string;
  value: number;
}
const rows = (values: Record<string, number>): Row[] =>
  Object.entries(values).map(([id, value]) => ({ id, value }));
const same = (a: Row, b: Row) => a.id === b.id && a.value === b.value;
const key = (r: Row) => r.id;

describe('stableRows', () => {
  it('keeps the row objects whose shown values are alike and takes the new ones where they differ', () => {
    const before = rows({ a: 1, b: 2, c: 3 });
    const after = stableRows(rows({ a: 1, b: 5, c: 3 }), before, key, same);
    expect(after.map((r) => r.value)).toEqual([1, 5, 3]);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[2]).toBe(before[2]);
  });

  it('returns the previous list itself when no row changed, a new one when rows moved, came or went', () => {
    const before = rows({ a: 1, b: 2 });
    expect(stableRows(rows({ a: 1, b: 2 }), before, key, same)).toBe(before);
    const swapped = stableRows(rows({ b: 2, a: 1 }), before, key, same);
    expect(swapped).not.toBe(before);
    expect(swapped).toEqual([before[1], before[0]]);
    expect(stableRows(rows({ a: 1 }), before, key, same)).toEqual([before[0]]);
    expect(stableRows(rows({ a: 1, b: 2, c: 3 }), before, key, same).map((r) => r.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
    const first = rows({ a: 1 });
    expect(stableRows(first, undefined, key, same)).toBe(first);
  });
});
