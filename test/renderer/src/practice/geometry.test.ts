import { describe, expect, it } from 'vitest';
import { generate, SKILLS, type Difficulty } from '../../../../src/core/quiz';
import {
  rfIntervals,
  rfRowSizes,
  windowTaps,
  type RfLayerSpec,
  type WindowSpec,
} from '../../../../src/renderer/src/practice/geometry';

/** Every diagram of a skill over a range of seeds and all difficulties. */
function diagrams(kind: 'rf-1d' | 'conv-window') {
  const out: { id: string; data: Record<string, unknown> }[] = [];
  for (const skill of SKILLS)
    for (const d of [1, 2, 3] as Difficulty[])
      for (let seed = 0; seed < 150; seed++) {
        const q = generate(skill, d, seed);
        if (q.diagram?.kind === kind) out.push({ id: q.id, data: q.diagram.data });
      }
  return out;
}

describe('receptive-field diagram geometry', () => {
  it('hand-worked: two 3-taps, the first with stride 2', () => {
    // r = 1 + 2·1 = 3, then 3 + 2·2 = 7; jump 2. Top unit 1 starts at 1·2·2 = 4 in the input.
    const layers: RfLayerSpec[] = [
      { kernel: 3, stride: 2, dilation: 1 },
      { kernel: 3, stride: 1, dilation: 1 },
    ];
    expect(rfIntervals(layers, 0)).toEqual([
      [0, 6],
      [0, 2],
      [0, 0],
    ]);
    expect(rfIntervals(layers, 1)).toEqual([
      [2, 8],
      [1, 3],
      [1, 1],
    ]);
    // Input for 2 top units: (2−1)·1 + 3 = 4 layer-1 units, (4−1)·2 + 3 = 9 inputs.
    expect(rfRowSizes(layers, 2)).toEqual([9, 4, 2]);
  });

  it('agrees with the core: the top unit sees exactly its RF, and neighbours are one jump apart', () => {
    const all = diagrams('rf-1d');
    expect(all.length).toBeGreaterThan(100);
    for (const { id, data } of all) {
      const layers = data.layers as RfLayerSpec[];
      const sizes = data.sizes as number[];
      const jumps = data.jumps as number[];
      const [lo, hi] = rfIntervals(layers, 0)[0]!;
      expect(hi - lo + 1, id).toBe(sizes[sizes.length - 1]);
      expect(rfIntervals(layers, 1)[0]![0] - lo, id).toBe(jumps[jumps.length - 1]);
      const rows = rfRowSizes(layers, 3);
      expect(rows[rows.length - 1], id).toBe(3);
      // The last top unit's interval ends at the last input position.
      expect(rfIntervals(layers, 2)[0]![1], id).toBe(rows[0]! - 1);
    }
  });
});

describe('sliding-window geometry', () => {
  it('hand-worked: kernel 3, stride 2, dilation 2', () => {
    // Output 1 starts at 1·2 = 2 and reads every 2nd cell: 2, 4, 6.
    const w: WindowSpec = { size: 7, kernel: 3, stride: 2, padding: [1, 1], dilation: 2, output: 2 };
    expect(windowTaps(w, 1)).toEqual([2, 4, 6]);
  });

  it('matches the core: the last window fits (or, with ceil_mode, starts before the right padding), the next does not', () => {
    // With ceil_mode the last window may run past the right padding (PyTorch keeps it when it starts
    // inside the input or the left padding); the diagram draws those cells as padding too.
    const all = diagrams('conv-window');
    expect(all.length).toBeGreaterThan(100);
    for (const { id, data } of all) {
      const w = data as unknown as WindowSpec;
      const padded = w.padding[0] + w.size + w.padding[1];
      const last = windowTaps(w, w.output - 1);
      expect(last[last.length - 1]! < padded || last[0]! < w.padding[0] + w.size, id).toBe(true);
      const beyond = windowTaps(w, w.output);
      expect(beyond[0]! >= w.padding[0] + w.size || beyond[beyond.length - 1]! >= padded, id).toBe(true);
    }
  });
});
