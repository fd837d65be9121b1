import { describe, expect, it } from 'vitest';
import { rfIntervals, rfRowSizes } from '../../../../src/renderer/src/practice/geometry';
import { readMap } from '../../../../src/renderer/src/lessons/bindings/common';
import { RF_STACKS } from '../../../../src/renderer/src/lessons/examples';
import { rfCellStates, rfReadRows } from '../../../../src/renderer/src/lessons/widgets/rf-geometry';

describe('rfReadRows', () => {
  it('reads exactly the input pixels the core’s hole bitmap marks, for every lesson stack', () => {
    for (const [name, layers] of Object.entries(RF_STACKS)) {
      const input = rfReadRows(layers, 0)[0]!;
      const [lo, hi] = rfIntervals(layers, 0)[0]!;
      const bits = readMap(layers);
      const expected = bits
        ? bits.flatMap((on, i) => (on ? [lo + i] : []))
        : Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
      expect(
        [...input].sort((a, b) => a - b),
        name,
      ).toEqual(expected);
    }
  });

  it('marks the holes of gridding as holes, not as read (13 cells spanned, 7 read)', () => {
    const layers = RF_STACKS.gridding;
    const sizes = rfRowSizes(layers, 3);
    const input = rfCellStates(layers, sizes, 1)[0]!;
    expect(input.filter((s) => s === 'read')).toHaveLength(7);
    expect(input.filter((s) => s === 'hole')).toHaveLength(6);
    // The hull starts at the unit's first pixel: read, hole, read, … alternating.
    const first = input.indexOf('read');
    expect(input.slice(first, first + 4)).toEqual(['read', 'hole', 'read', 'hole']);
  });

  it('reads the whole input span where the dilations cover each other (the rows between still skip units)', () => {
    const layers = RF_STACKS.mixed;
    const states = rfCellStates(layers, rfRowSizes(layers, 3), 0);
    expect(states[0]!.filter((s) => s === 'hole')).toHaveLength(0);
    expect(states[0]!.filter((s) => s === 'read')).toHaveLength(15);
    // The dilation-4 layer reads units 0, 4 and 8 of the row below it.
    expect(states[2]!.slice(0, 9)).toEqual([
      'read',
      'hole',
      'hole',
      'hole',
      'read',
      'hole',
      'hole',
      'hole',
      'read',
    ]);
  });
});
