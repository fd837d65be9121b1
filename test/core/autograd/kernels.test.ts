import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kernels as k32 } from '../../../src/core/autograd/kernels32';
import { kernels as k64 } from '../../../src/core/autograd/kernels64';
import { Rng } from '../../../src/core/autograd';

const body = (file: string) => {
  const text = readFileSync(new URL(`../../../src/core/autograd/${file}`, import.meta.url), 'utf8');
  return text.slice(text.indexOf('import type'));
};

describe('matrix kernels', () => {
  it('kernels32.ts and kernels64.ts are the same code below their header comments', () => {
    expect(body('kernels32.ts')).toBe(body('kernels64.ts'));
  });

  // Sizes that exercise the 4-row blocks, the 4-step unrolling and both remainders.
  for (const [m, k, n] of [
    [1, 1, 1],
    [4, 4, 4],
    [7, 5, 3],
    [9, 13, 6],
    [16, 3, 11],
  ]) {
    it(`gemmNN, gemmTN and gemmNT equal the naive triple loop for ${m}×${k}×${n}`, () => {
      const rng = new Rng(m * 100 + k * 10 + n);
      const a = new Float64Array(m * k),
        at = new Float64Array(k * m),
        b = new Float64Array(k * n);
      rng.fillNormal(a);
      rng.fillNormal(b);
      k64.transpose(a, at, m, k);
      const expected = new Float64Array(m * n);
      for (let i = 0; i < m; i++)
        for (let j = 0; j < n; j++)
          for (let p = 0; p < k; p++) expected[i * n + j] += a[i * k + p] * b[p * n + j];
      for (const kernels of [k64, k32]) {
        const c = kernels === k64 ? new Float64Array(m * n) : new Float32Array(m * n);
        const tol = kernels === k64 ? 1e-12 : 1e-5;
        const A = kernels === k64 ? a : Float32Array.from(a),
          AT = kernels === k64 ? at : Float32Array.from(at),
          B = kernels === k64 ? b : Float32Array.from(b);
        kernels.gemmNN(A, B, c, m, k, n, false);
        for (let i = 0; i < m * n; i++) expect(Math.abs(c[i] - expected[i])).toBeLessThan(tol * 10);
        kernels.gemmTN(AT, B, c, m, k, n, true); // accumulate: now 2·A·B
        for (let i = 0; i < m * n; i++) expect(Math.abs(c[i] - 2 * expected[i])).toBeLessThan(tol * 20);
        const BT = kernels === k64 ? new Float64Array(n * k) : new Float32Array(n * k);
        kernels.transpose(B, BT, k, n);
        kernels.gemmNT(A, BT, c, m, k, n, true); // now 3·A·B
        for (let i = 0; i < m * n; i++) expect(Math.abs(c[i] - 3 * expected[i])).toBeLessThan(tol * 30);
      }
    });
  }
});
