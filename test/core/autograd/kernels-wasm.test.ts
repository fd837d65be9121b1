import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kernels as k32 } from '../../../src/core/autograd/kernels32';
import { kernels as k64 } from '../../../src/core/autograd/kernels64';
import { wasmKernels, wasmVariant } from '../../../src/core/autograd/wasm/kernels';
import { Rng, selectKernels } from '../../../src/core/autograd';
// @ts-expect-error: a plain ES module script without type declarations
import { GENERATED, render } from '../../../scripts/build-wasm.mjs';

const wasm = wasmKernels();
// The plain-SIMD module, for runtimes without relaxed SIMD: run through the same comparisons below.
const plain = wasmKernels('simd');

describe('WebAssembly SIMD matrix kernels', () => {
  it('load in this runtime (Node 22 has WebAssembly SIMD) and are the default for float32 and float64', () => {
    expect(wasm).not.toBeNull();
    expect(['relaxed-simd', 'simd']).toContain(wasmVariant());
    expect(selectKernels('float32', 'wasm')).not.toBe(k32);
    expect(selectKernels('float32', 'ts')).toBe(k32);
    expect(selectKernels('float64', 'wasm')).not.toBe(k64);
    expect(selectKernels('float64', 'ts')).toBe(k64);
  });

  it('has a plain-SIMD module that this runtime runs too', () => {
    expect(plain).not.toBeNull();
  });

  it('the committed generated module is what scripts/build-wasm.mjs builds from gemm.wat', async () => {
    expect(readFileSync(GENERATED as string, 'utf8')).toBe(await (render as () => Promise<string>)());
  });

  // Edges of the 4×8 register tile and of the 64-step k blocks, in every dimension.
  const sizes: [number, number, number][] = [
    [1, 1, 1],
    [3, 1, 17],
    [1, 17, 3],
    [4, 8, 8],
    [5, 3, 9],
    [17, 65, 3],
    [65, 17, 33],
    [8, 300, 16],
    [33, 257, 65],
    [128, 64, 64],
    [7, 513, 9],
  ];
  for (const [m, k, n] of sizes) {
    it(`gemmNN, gemmTN and gemmNT agree with the TypeScript reference for ${m}×${k}×${n}`, () => {
      const K = wasm as NonNullable<typeof wasm>;
      const rng = new Rng(m * 10_000 + k * 100 + n);
      const a = new Float32Array(m * k),
        at = new Float32Array(k * m),
        b = new Float32Array(k * n),
        bt = new Float32Array(n * k),
        c0 = new Float32Array(m * n);
      rng.fillNormal(a);
      rng.fillNormal(b);
      rng.fillNormal(c0);
      k32.transpose(a, at, m, k);
      k32.transpose(b, bt, k, n);
      // Float64 reference: |error| ≤ 1e-6·Σ|a·b| bounds float32 rounding over k terms.
      const exact = new Float64Array(m * n),
        scale = new Float64Array(m * n);
      k64.gemmNN(Float64Array.from(a), Float64Array.from(b), exact, m, k, n, false);
      k64.gemmNN(Float64Array.from(a, Math.abs), Float64Array.from(b, Math.abs), scale, m, k, n, false);
      const close = (c: Float32Array, extra: Float32Array | null, what: string) => {
        let worst = 0;
        for (let i = 0; i < m * n; i++) {
          const want = exact[i] + (extra ? extra[i] : 0);
          worst = Math.max(worst, Math.abs(c[i] - want) / (1e-6 * (scale[i] + Math.abs(want)) + 1e-30));
        }
        expect(worst, what).toBeLessThan(1);
      };
      const ref = new Float32Array(m * n);
      k32.gemmNN(a, b, ref, m, k, n, false);
      close(ref, null, 'TypeScript gemmNN');
      const P = plain as NonNullable<typeof plain>;
      for (const [name, run] of [
        ['NN', (c: Float32Array, acc: boolean) => K.gemmNN(a, b, c, m, k, n, acc)],
        ['TN', (c: Float32Array, acc: boolean) => K.gemmTN(at, b, c, m, k, n, acc)],
        ['NT', (c: Float32Array, acc: boolean) => K.gemmNT(a, bt, c, m, k, n, acc)],
        ['NN (plain SIMD)', (c: Float32Array, acc: boolean) => P.gemmNN(a, b, c, m, k, n, acc)],
        ['TN (plain SIMD)', (c: Float32Array, acc: boolean) => P.gemmTN(at, b, c, m, k, n, acc)],
        ['NT (plain SIMD)', (c: Float32Array, acc: boolean) => P.gemmNT(a, bt, c, m, k, n, acc)],
      ] as const) {
        const c = new Float32Array(m * n).fill(Number.NaN);
        run(c, false);
        close(c, null, `gemm${name}`);
        const acc = Float32Array.from(c0);
        run(acc, true);
        close(acc, c0, `gemm${name}, accumulating`);
      }
    });
  }

  for (const [m, k, n] of [
    [1, 1, 1],
    [5, 3, 9],
    [17, 65, 33],
    [128, 300, 64],
  ]) {
    it(`adds a bias row and sums columns as the TypeScript reference does for ${m}×${k}×${n}`, () => {
      const K = wasm as NonNullable<typeof wasm>;
      const rng = new Rng(m + k + n);
      const a = new Float32Array(m * k),
        at = new Float32Array(k * m),
        b = new Float32Array(k * n),
        bias = new Float32Array(n);
      rng.fillNormal(a);
      rng.fillNormal(b);
      rng.fillNormal(bias);
      k32.transpose(a, at, m, k);
      const want = new Float32Array(m * n),
        got = new Float32Array(m * n);
      k32.gemmNN(a, b, want, m, k, n, false, bias);
      K.gemmNN(a, b, got, m, k, n, false, bias);
      for (let i = 0; i < m * n; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-4 * Math.sqrt(k));
      // relu after the bias: the same entries are zero, the rest as before.
      const reluWant = new Float32Array(m * n),
        reluGot = new Float32Array(m * n);
      k32.gemmNN(a, b, reluWant, m, k, n, false, bias, true);
      K.gemmNN(a, b, reluGot, m, k, n, false, bias, true);
      for (let i = 0; i < m * n; i++) {
        expect(reluWant[i]).toBe(want[i] > 0 ? want[i] : 0);
        expect(Math.abs(reluGot[i] - reluWant[i])).toBeLessThan(1e-4 * Math.sqrt(k));
        expect(reluGot[i] >= 0).toBe(true);
        if (got[i] <= 0) expect(reluGot[i]).toBe(0);
      }
      // Column sums: same order of additions in float32, so the very same numbers.
      const sumsWant = new Float32Array(n),
        sumsGot = new Float32Array(n).fill(Number.NaN);
      k32.gemmTN(at, b, want, m, k, n, false, sumsWant);
      K.gemmTN(at, b, got, m, k, n, false, sumsGot);
      expect(Array.from(sumsGot)).toEqual(Array.from(sumsWant));
    });
  }

  it('reads only the m·k, k·n leading entries of longer buffers and writes only m·n of C', () => {
    const K = wasm as NonNullable<typeof wasm>;
    const a = new Float32Array(20).fill(1),
      b = new Float32Array(20).fill(2),
      c = new Float32Array(10).fill(-7);
    K.gemmNN(a, b, c, 2, 3, 2, false);
    expect(Array.from(c)).toEqual([6, 6, 6, 6, -7, -7, -7, -7, -7, -7]);
  });

  it('treats k = 0 as an empty sum', () => {
    const K = wasm as NonNullable<typeof wasm>;
    const c = new Float32Array(6).fill(3);
    K.gemmNN(new Float32Array(0), new Float32Array(0), c, 2, 0, 3, true);
    expect(Array.from(c)).toEqual([3, 3, 3, 3, 3, 3]);
    K.gemmNT(new Float32Array(0), new Float32Array(0), c, 2, 0, 3, false);
    expect(Array.from(c)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
