import { describe, expect, it } from 'vitest';
import { receptiveFieldOfStack, RF_INPUT, rfConv1d, rfMerge1d } from '../../../src/core';

describe('receptiveFieldOfStack', () => {
  it('three 3×3 convs with stride 1: 3, 5, 7 (RF_l = RF_{l−1} + (K − 1)·Π S)', () => {
    const rows = receptiveFieldOfStack([
      { kernel: 3, padding: 1 },
      { kernel: 3, padding: 1 },
      { kernel: 3, padding: 1 },
    ]);
    expect(rows.map((r) => r.size[0])).toEqual([3, 5, 7]);
    expect(rows.map((r) => r.jump[0])).toEqual([1, 1, 1]);
    expect(rows.map((r) => r.padding[0])).toEqual([1, 2, 3]);
    const f = rows[2].formulas.find((x) => x.quantity === 'rf.size.h');
    expect(f?.substituted).toBe('r_{out} = 5 + (3 - 1) \\cdot 1 = 7');
  });

  it('a stride multiplies later growth: k3 s2, k3, k3 → 3, 7, 11 with jump 2', () => {
    // 1 + 2·1 = 3; 3 + 2·2 = 7; 7 + 2·2 = 11
    const rows = receptiveFieldOfStack([{ kernel: 3, stride: 2 }, { kernel: 3 }, { kernel: 3 }]);
    expect(rows.map((r) => r.size[0])).toEqual([3, 7, 11]);
    expect(rows[2].jump).toEqual([2, 2]);
  });

  it('dilation uses K_eff: dilations 1, 2, 4, 8 give 3, 7, 15, 31', () => {
    const rows = receptiveFieldOfStack([1, 2, 4, 8].map((d) => ({ kernel: 3, dilation: d, padding: d })));
    expect(rows.map((r) => r.size[0])).toEqual([3, 7, 15, 31]);
    expect(rows.every((r) => !r.hasHoles)).toBe(true);
  });

  it('separate height and width', () => {
    const rows = receptiveFieldOfStack([{ kernel: [3, 1] }, { kernel: [1, 5], stride: [2, 1] }]);
    expect(rows[1].size).toEqual([3, 5]);
    expect(rows[1].jump).toEqual([2, 1]);
  });

  it('detects holes: a 1×1 stride-2 conv followed by a 3×3 sees pixels 0, 2, 4 only', () => {
    const rows = receptiveFieldOfStack([{ kernel: 1, stride: 2 }, { kernel: 3 }]);
    expect(rows[0].hasHoles).toBe(false);
    expect(rows[1].size[0]).toBe(5);
    expect(rows[1].hasHoles).toBe(true);
  });

  it('dilation larger than the RF so far leaves holes (gridding)', () => {
    // k3 d1 → r 3; then k3 d4 → taps at 0, 4, 8 each 3 wide: {0..2, 4..6, 8..10}
    const rows = receptiveFieldOfStack([{ kernel: 3 }, { kernel: 3, dilation: 4 }]);
    expect(rows[1].size[0]).toBe(11);
    expect(rows[1].hasHoles).toBe(true);
    // a following 3×3 fills the gaps: taps spaced 1 over a pattern with 1-pixel holes
    expect(
      receptiveFieldOfStack([{ kernel: 3 }, { kernel: 3, dilation: 4 }, { kernel: 3 }])[2].hasHoles,
    ).toBe(false);
  });
});

describe('rfMerge1d', () => {
  it('takes the hull of misaligned intervals, which can exceed the largest branch', () => {
    const a = rfConv1d(RF_INPUT, 3, 1, 1, 1); // [−1, 1]
    const b = rfConv1d(RF_INPUT, 3, 1, 1, 0); // [0, 2]
    const m = rfMerge1d([a, b], [false, false]);
    expect(m.rf).toMatchObject({ size: 4, start: -1, jump: 1 });
    expect(m.misaligned).toBe(true);
    expect(m.jumpMismatch).toBe(false);
  });

  it('centred branches (k3 p1 and k5 p2) are aligned: the hull equals the max rule', () => {
    const m = rfMerge1d([rfConv1d(RF_INPUT, 3, 1, 1, 1), rfConv1d(RF_INPUT, 5, 1, 1, 2)], [false, false]);
    expect(m.rf.size).toBe(5);
    expect(m.misaligned).toBe(false);
  });

  it('flags different jumps and disjoint intervals as holes', () => {
    const a = rfConv1d(RF_INPUT, 1, 2, 1, 0); // [0, 0], jump 2
    const b = { size: 1, jump: 1, start: 3, holes: null };
    const m = rfMerge1d([a, b], [false, false]);
    expect(m.jumpMismatch).toBe(true);
    expect(m.rf.size).toBe(4);
    expect(m.rf.holes).not.toBeNull();
  });
});
