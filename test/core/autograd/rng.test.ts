import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/autograd';

describe('Rng.fillNormal', () => {
  it('draws the same stream as normal() entry by entry, whatever the spare and the lengths', () => {
    for (const lengths of [[5], [4, 3], [1, 1, 6], [0, 7, 2], [64, 129, 1]]) {
      for (const offset of [0, 1]) {
        const a = new Rng(42),
          b = new Rng(42);
        // An odd number of single draws leaves a spare value for the next fill.
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
