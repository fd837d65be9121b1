import { describe, expect, it } from 'vitest';
import { kernels as k64 } from '../../../src/core/autograd/kernels64';
import { wasmKernels64 } from '../../../src/core/autograd/wasm/kernels64';
import { wasmVariant } from '../../../src/core/autograd/wasm/kernels';
import { selectKernels } from '../../../src/core/autograd/kernels';
import { Rng } from '../../../src/core/autograd';

// The plain-SIMD module promises more than closeness: the same sums in the same order, so the same
// bits. The relaxed-SIMD module fuses each multiply into its sum (a·b + c rounded once) and sums k
// step by k step, so it rounds differently. Each of the two is within γ·Σ|terms| of the exact sum,
// γ = j·u/(1 − j·u), u = 2⁻⁵³, for j roundings (k products and additions, the addition to C's start
// value, the bias; Higham, Accuracy and Stability, §3.1): hence within 2γ of each other.
const modules = [
  ['relaxed-simd', wasmKernels64('relaxed-simd'), 'fused'],
  ['simd', wasmKernels64('simd'), 'exact'],
] as const;

const U = 2 ** -53;

/** The first index where two arrays differ bitwise (NaN equal to NaN), or -1. */
function firstDifference(x: Float64Array, y: Float64Array): number {
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return i;
  return x.length === y.length ? -1 : x.length;
}

/**
 * The first index where |x − y| exceeds 2γ_{k+2}·bound[i] (bound: Σ_p |a_ip·b_pj| + |C's start value| +
 * |bias|), or -1.
 */
function firstBeyond(x: Float64Array, y: Float64Array, bound: Float64Array, k: number): number {
  const j = k + 2;
  const gamma = (j * U) / (1 - j * U);
  for (let i = 0; i < x.length; i++) if (!(Math.abs(x[i] - y[i]) <= 2 * gamma * bound[i])) return i;
  return x.length === y.length ? -1 : x.length;
}

/** Σ_p |a[i][p]·b[p][j]| + |c0[i][j]| (+ |bias[j]|), the scale of each element's rounding error. */
function magnitudes(
  a: Float64Array,
  b: Float64Array,
  c0: Float64Array | null,
  bias: Float64Array | null,
  m: number,
  k: number,
  n: number,
): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = (c0 ? Math.abs(c0[i * n + j]) : 0) + (bias ? Math.abs(bias[j]) : 0);
      for (let p = 0; p < k; p++) s += Math.abs(a[i * k + p] * b[p * n + j]);
      out[i * n + j] = s;
    }
  return out;
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
    it(`gemmNN, gemmTN and gemmNT match the TypeScript reference for ${m}×${k}×${n} (plain SIMD: bit for bit)`, () => {
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
      for (const [variant, K, rounding] of modules) {
        const W = K as NonNullable<typeof K>;
        for (const acc of [false, true]) {
          const cases: [string, boolean, (K: typeof W, c: Float64Array, sums: Float64Array) => void][] = [
            ['NN', false, (K, c) => K.gemmNN(a, b, c, m, k, n, acc)],
            ['NN + bias + relu', true, (K, c) => K.gemmNN(a, b, c, m, k, n, acc, bias, true)],
            ['TN + column sums', false, (K, c, sums) => K.gemmTN(at, b, c, m, k, n, acc, sums)],
            ['NT', false, (K, c) => K.gemmNT(a, bt, c, m, k, n, acc)],
          ];
          for (const [name, withBias, run] of cases) {
            const want = c0.slice(),
              got = c0.slice(),
              wantSums = new Float64Array(n).fill(5),
              gotSums = new Float64Array(n).fill(5);
            run(k64, want, wantSums);
            run(W, got, gotSums);
            const what = `${variant} ${name}${acc ? ' (accumulate)' : ''}`;
            if (rounding === 'exact') expect(firstDifference(got, want), what).toBe(-1);
            else {
              const bound = magnitudes(a, b, acc ? c0 : null, withBias && !acc ? bias : null, m, k, n);
              expect(firstBeyond(got, want, bound, k), what).toBe(-1);
            }
            // The column sums are added in the same order by both, whatever the module.
            expect(firstDifference(gotSums, wantSums), `${what}: column sums`).toBe(-1);
          }
        }
      }
      // The bound can fail: a product that loses its last k step is far outside it.
      if (k >= 2 && m >= 1 && n >= 1) {
        const full = new Float64Array(m * n),
          short = new Float64Array(m * n);
        k64.gemmNN(a, b, full, m, k, n, false);
        const aShort = new Float64Array(m * (k - 1)),
          bShort = b.subarray(0, (k - 1) * n);
        for (let i = 0; i < m; i++) aShort.set(a.subarray(i * k, i * k + k - 1), i * (k - 1));
        k64.gemmNN(aShort, bShort, short, m, k - 1, n, false);
        expect(firstBeyond(short, full, magnitudes(a, b, null, null, m, k, n), k)).not.toBe(-1);
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

  it('keep NaN and infinities where the reference has them, in both modules', () => {
    const a = Float64Array.from([1, Number.NaN, 2, 3, Infinity, 0, 1, 1]);
    const b = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const want = new Float64Array(4);
    k64.gemmNN(a, b, want, 2, 4, 2, false);
    for (const [variant, K] of modules) {
      const got = new Float64Array(4);
      (K as NonNullable<typeof K>).gemmNN(a, b, got, 2, 4, 2, false);
      expect(firstDifference(got, want), variant).toBe(-1);
      expect(Number.isNaN(got[0]), variant).toBe(true);
    }
  });

  it('the default float64 kernels are the fused ones where the runtime has relaxed SIMD, else exact', () => {
    // With fused multiply-add a product rounds once where the reference rounds twice: some element of a
    // 128×64×64 product differs in its last bits (where the hardware fuses; x64 with FMA3 does).
    const variant = wasmVariant();
    expect(['relaxed-simd', 'simd']).toContain(variant);
    const rng = new Rng(3);
    const a = new Float64Array(128 * 64),
      b = new Float64Array(64 * 64);
    rng.fillNormal(a);
    rng.fillNormal(b);
    const want = new Float64Array(128 * 64),
      got = new Float64Array(128 * 64);
    k64.gemmNN(a, b, want, 128, 64, 64, false);
    selectKernels('float64', 'wasm').gemmNN(a, b, got, 128, 64, 64, false);
    if (variant === 'relaxed-simd') expect(firstDifference(got, want)).not.toBe(-1);
    else expect(firstDifference(got, want)).toBe(-1);
  });
});
