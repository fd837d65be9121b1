import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/autograd';

describe('Rng.fillNormal', () => {
  it('draws the same stream as normal() entry by entry, whatever the lengths and single draws between', () => {
    for (const lengths of [[5], [4, 3], [1, 1, 6], [0, 7, 2], [64, 129, 1]]) {
      for (const offset of [0, 1]) {
        const a = new Rng(42),
          b = new Rng(42);
        // Single draws before a fill continue the same stream.
        for (let i = 0; i < offset; i++) expect(a.normal()).toBe(b.normal());
        for (const n of lengths) {
          const filled = new Float64Array(n);
          a.fillNormal(filled, 0.5, 2);
          const one = Float64Array.from({ length: n }, () => 2 + 0.5 * b.normal());
          expect(filled).toEqual(one);
        }
        expect(a.normal()).toBe(b.normal());
        expect(a.uniform()).toBe(b.uniform());
      }
    }
  });

  it('rounds into float32 as a float32 store of the same values', () => {
    const a = new Float32Array(9);
    new Rng(3).fillNormal(a);
    const b = new Rng(3);
    expect(a).toEqual(Float32Array.from({ length: 9 }, () => b.normal()));
  });
});

describe('Rng.normal (ziggurat)', () => {
  // Φ(x) of the standard normal at points in the body, the wedges and both tails (beyond the base
  // layer's r = 3.4426 only the tail sampler reaches).
  const PHI: [number, number][] = [
    [-4, 3.167124183e-5],
    [-3.5, 2.32629079e-4],
    [-3, 1.349898032e-3],
    [-2, 0.02275013195],
    [-1, 0.1586552539],
    [-0.5, 0.3085375387],
    [0, 0.5],
    [0.25, 0.5987063257],
    [1, 0.8413447461],
    [2, 0.9772498681],
    [3.5, 0.999767371],
  ];

  it('draws N(0, 1): the distribution function within 5 standard errors at body, wedge and tail points', () => {
    const n = 2_000_000;
    const x = new Float64Array(n);
    new Rng(11).fillNormal(x);
    for (const [at, p] of PHI) {
      let below = 0;
      for (let i = 0; i < n; i++) if (x[i] <= at) below++;
      const se = Math.sqrt((p * (1 - p)) / n);
      expect(Math.abs(below / n - p), `Φ(${at})`).toBeLessThan(5 * se);
    }
    let s = 0,
      s2 = 0;
    for (let i = 0; i < n; i++) {
      s += x[i];
      s2 += x[i] * x[i];
    }
    expect(Math.abs(s / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(s2 / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it('can fail: a uniform stretched to the normal variance is caught at the wedge points', () => {
    const n = 200_000;
    const rng = new Rng(11);
    const x = Float64Array.from({ length: n }, () => Math.sqrt(3) * (2 * rng.uniform() - 1));
    const [at, p] = PHI[3];
    let below = 0;
    for (let i = 0; i < n; i++) if (x[i] <= at) below++;
    expect(Math.abs(below / n - p)).toBeGreaterThan(5 * Math.sqrt((p * (1 - p)) / n));
  });
});
