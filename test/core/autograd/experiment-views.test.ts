import { describe, expect, it } from 'vitest';
import { DEFAULT_MLP, boundarySample, runExperiment } from '../../../src/core/autograd';

/** The decision-boundary view draws a sample of the training points: both classes must be in it. */
describe('decision boundary sample', () => {
  for (const samples of [100, 256, 400, 512, 1000, 4096]) {
    it(`shows both classes in about equal numbers (${samples} examples, labels alternating)`, () => {
      const idx = boundarySample(samples);
      expect(idx.length).toBeGreaterThan(Math.min(samples, 200) / 3);
      expect(idx.length).toBeLessThanOrEqual(Math.max(samples, 200));
      const ones = idx.filter((i) => i % 2 === 1).length;
      expect(ones / idx.length).toBeGreaterThan(0.4);
      expect(ones / idx.length).toBeLessThan(0.6);
    });
  }

  it('a finished Circles run draws points of class 0 and of class 1', () => {
    const r = runExperiment({ ...DEFAULT_MLP, task: 'circles', samples: 512, depth: 2, width: 4, steps: 1 });
    if (r.kind !== 'mlp' || !r.boundary) throw new Error('expected a 2-D classification run');
    const classes = new Set(r.boundary.points.map((p) => p[2]));
    expect([...classes].sort()).toEqual([0, 1]);
  });
});
