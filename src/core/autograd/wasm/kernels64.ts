/*
 * The float64 matrix kernels on WebAssembly SIMD (f64x2, gemm.wat). Where the runtime has relaxed
 * SIMD they run `gemm64fma`, which fuses each multiply into its sum (about twice as fast; each
 * element within k·2⁻⁵³·Σ|a·b| of the exact sum, as the reference's is, so the two agree within twice
 * that: test/core/autograd/kernels-wasm64.test.ts). Elsewhere they run `gemm64`, which sums every
 * element in the order of the TypeScript reference (kernels64.ts) with separate multiply and add, so
 * its products are bit-identical to the reference's. This file lays the operands out the way both
 * need them (A as m×k — or as stored, k×m, for the fused kernel's gemmTN — and B as k×n row-major,
 * an odd n padded by a zero column; the other transposes are done while copying in) and adds bias,
 * relu and column sums as the reference does.
 */
import { kernels as reference } from '../kernels64';
import type { FArray, Kernels } from '../types';
import { align, type Gemm, grownMemory, instantiate, loadedModule } from './kernels';

let heap = new Float64Array(0);

/** The module's memory as doubles, grown to at least `bytes`. */
function heapOf(g: Gemm, bytes: number): Float64Array {
  const buffer = grownMemory(g, bytes);
  if (heap.buffer !== buffer) heap = new Float64Array(buffer);
  return heap;
}

/** C[m×n] (+)= op(A)·op(B): A stored k×m when ta, B stored n×k when tb. */
function product(
  g: Gemm,
  fused: boolean,
  a: FArray,
  b: FArray,
  c: FArray,
  m: number,
  k: number,
  n: number,
  ta: boolean,
  tb: boolean,
  accumulate: boolean,
): void {
  if (m === 0 || n === 0) return;
  const n2 = n + (n & 1);
  const pa = 0;
  const pb = pa + align(8 * m * k);
  const pc = pb + align(8 * k * n2);
  const h = heapOf(g, pc + 8 * m * n2);
  const ha = pa >> 3,
    hb = pb >> 3,
    hc = pc >> 3;
  // The fused kernel reads a transposed A as it is stored.
  if (!ta || fused) h.set(a.length === m * k ? a : a.subarray(0, m * k), ha);
  else
    for (let p = 0; p < k; p++) {
      const r = p * m;
      for (let i = 0; i < m; i++) h[ha + i * k + p] = a[r + i];
    }
  if (tb) {
    for (let j = 0; j < n; j++) {
      const r = j * k;
      for (let p = 0; p < k; p++) h[hb + p * n2 + j] = b[r + p];
    }
    if (n2 !== n) for (let p = 0; p < k; p++) h[hb + p * n2 + n] = 0;
  } else if (n2 === n) h.set(b.length === k * n ? b : b.subarray(0, k * n), hb);
  else
    for (let p = 0; p < k; p++) {
      h.set(b.subarray(p * n, p * n + n), hb + p * n2);
      h[hb + p * n2 + n] = 0;
    }
  if (!accumulate) h.fill(0, hc, hc + m * n2);
  else if (n2 === n) h.set(c.subarray(0, m * n), hc);
  else
    for (let i = 0; i < m; i++) {
      h.set(c.subarray(i * n, i * n + n), hc + i * n2);
      h[hc + i * n2 + n] = 0;
    }
  if (fused) g.gemm64fma(pa, pb, pc, m, k, n2, ta ? 1 : 0);
  else g.gemm64(pa, pb, pc, m, k, n2);
  if (n2 === n) c.set(h.subarray(hc, hc + m * n));
  else for (let i = 0; i < m; i++) c.set(h.subarray(hc + i * n2, hc + i * n2 + n), i * n);
}

/**
 * The float64 WebAssembly SIMD kernels, or null when this runtime cannot run them; `variant` asks for
 * one module in particular (tests run both): 'relaxed-simd' fuses, 'simd' is bit-identical to the
 * reference.
 */
export function wasmKernels64(variant?: 'relaxed-simd' | 'simd'): Kernels | null {
  const loaded = variant ? { gemm: instantiate(variant), variant } : loadedModule();
  const g = loaded?.gemm;
  if (!g) return null;
  const fused = loaded.variant === 'relaxed-simd';
  return {
    gemmNN: (a, b, c, m, k, n, accumulate, bias, relu) => {
      product(g, fused, a, b, c, m, k, n, false, false, accumulate);
      if (bias && !accumulate)
        for (let i = 0; i < m; i++) {
          const o = i * n;
          for (let j = 0; j < n; j++) c[o + j] += bias[j];
        }
      if (relu) for (let i = 0; i < m * n; i++) c[i] = c[i] > 0 ? c[i] : 0;
    },
    gemmTN: (a, b, c, m, k, n, accumulate, sums) => {
      product(g, fused, a, b, c, m, k, n, true, false, accumulate);
      if (sums) {
        sums.fill(0, 0, n);
        for (let p = 0; p < k; p++) {
          const o = p * n;
          for (let j = 0; j < n; j++) sums[j] += b[o + j];
        }
      }
    },
    gemmNT: (a, b, c, m, k, n, accumulate) => product(g, fused, a, b, c, m, k, n, false, true, accumulate),
    transpose: reference.transpose,
  };
}
