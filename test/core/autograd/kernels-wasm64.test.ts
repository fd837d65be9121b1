import { describe, expect, it } from 'vitest';
import { kernels as k64 } from '../../../src/core/autograd/kernels64';
import { wasmKernels64 } from '../../../src/core/autograd/wasm/kernels64';
import { Rng } from '../../../src/core/autograd';

// The float64 kernels promise more than closeness: the same sums in the same order, so the same bits.
const modules = [
  ['relaxed-simd', wasmKernels64('relaxed-simd')],
  ['simd', wasmKernels64('simd')],
] as const;

/** The first index where two arrays differ bitwise (NaN equal to NaN), or -1. */
function firstDifference(x: Float64Array, y: Float64Array): number {
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return i;
  return x.length === y.length ? -1 : x.length;
}

describe('WebAssembly SIMD float64 matrix kernels', () => {
  it('load in this runtime, in both modules', () => {
    for (const [, K] of modules) expect(K).not.toBeNull();
  });

  // Edges of the 4-row blocks, of the 4-step k groups and of the 2-column vectors (odd n is padded).
  const sizes: [number, number, number][] = [
    [1, 1, 1],
    [3, 1, 17],
    [1, 17, 3],
    [4, 4, 2],
    [4, 8, 8],
    [5, 3, 9],
    [6, 7, 10],
    [17, 65, 3],
    [65, 17, 33],
    [128, 64, 64],
    [64, 128, 64],
    [7, 513, 9],
    [0, 5, 3],
    [3, 0, 4],
  ];
  for (const [m, k, n] of sizes) {
    it(`gemmNN, gemmTN and gemmNT are bit-identical to the TypeScript reference for ${m}×${k}×${n}`, () => {
      const rng = new Rng(m * 10_000 + k * 100 + n + 7);
      const a = new Float64Array(m * k),
        at = new Float64Array(k * m),
        b = new Float64Array(k * n),
        bt = new Float64Array(n * k),
        c0 = new Float64Array(m * n),
        bias = new Float64Array(n);
      rng.fillNormal(a);
      rng.fillNormal(b);
      rng.fillNormal(c0);
      rng.fillNormal(bias);
      k64.transpose(a, at, m, k);
      k64.transpose(b, bt, k, n);
      for (const [variant, K] of modules) {
        const W = K as NonNullable<typeof K>;
        for (const acc of [false, true]) {
          const cases: [string, (K: typeof W, c: Float64Array, sums: Float64Array) => void][] = [
            ['NN', (K, c) => K.gemmNN(a, b, c, m, k, n, acc)],
            ['NN + bias + relu', (K, c) => K.gemmNN(a, b, c, m, k, n, acc, bias, true)],
            ['TN + column sums', (K, c, sums) => K.gemmTN(at, b, c, m, k, n, acc, sums)],
            ['NT', (K, c) => K.gemmNT(a, bt, c, m, k, n, acc)],
          ];
          for (const [name, run] of cases) {
            const want = c0.slice(),
              got = c0.slice(),
              wantSums = new Float64Array(n).fill(5),
              gotSums = new Float64Array(n).fill(5);
            run(k64, want, wantSums);
            run(W, got, gotSums);
            const what = `${variant} ${name}${acc ? ' (accumulate)' : ''}`;
            expect(firstDifference(got, want), what).toBe(-1);
            expect(firstDifference(gotSums, wantSums), `${what}: column sums`).toBe(-1);
          }
        }
      }
      // The comparison can fail: a product summed in another order differs in its last bits.
      if (m >= 4 && k >= 8 && n >= 2) {
        const other = new Float64Array(m * n);
        for (let i = 0; i < m; i++)
          for (let j = 0; j < n; j++) {
            let s = 0;
            for (let p = k - 1; p >= 0; p--) s += a[i * k + p] * b[p * n + j];
            other[i * n + j] = s;
          }
        const ref = new Float64Array(m * n);
        k64.gemmNN(a, b, ref, m, k, n, false);
        expect(firstDifference(other, ref)).not.toBe(-1);
      }
    });
  }

  it('keep NaN and infinities where the reference has them', () => {
    const a = Float64Array.from([1, Number.NaN, 2, 3, Infinity, 0, 1, 1]);
    const b = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const want = new Float64Array(4),
      got = new Float64Array(4);
    k64.gemmNN(a, b, want, 2, 4, 2, false);
    (modules[0][1] as NonNullable<(typeof modules)[0][1]>).gemmNN(a, b, got, 2, 4, 2, false);
    expect(firstDifference(got, want)).toBe(-1);
    expect(Number.isNaN(got[0])).toBe(true);
  });
});
