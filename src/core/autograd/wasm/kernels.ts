/*
 * The float32 matrix kernels on WebAssembly SIMD (gemm.wat, built by scripts/build-wasm.mjs). The
 * operands are copied into the module's memory (a memcpy, small next to the product), multiplied
 * there and the result copied back; the memory grows to the largest product seen and is reused.
 * kernels32.ts stays the reference the tests compare against, and the fallback where the runtime
 * has no WebAssembly SIMD.
 */
import { kernels as reference } from '../kernels32';
import type { FArray, Kernels } from '../types';
import { GEMM_RELAXED_SIMD, GEMM_SIMD } from './gemm.generated';

/** The part of the WebAssembly API used here (the core compiles without the DOM library's types). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: object };
}

export interface Gemm {
  memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  gemm(
    a: number,
    b: number,
    c: number,
    m: number,
    k: number,
    n: number,
    ta: number,
    tb: number,
    acc: number,
    ap: number,
    bp: number,
    bias: number,
    relu: number,
  ): void;
  colsum(src: number, rows: number, cols: number, dst: number): void;
  gemm64(a: number, b: number, c: number, m: number, k: number, n: number): void;
  gemm64fma(a: number, b: number, c: number, m: number, k: number, n: number, ta: number): void;
}

/** Which module runs: relaxed SIMD with fused multiply-add, plain SIMD, or none (no SIMD here). */
export type WasmVariant = 'relaxed-simd' | 'simd' | null;

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

const MODULES = { 'relaxed-simd': GEMM_RELAXED_SIMD, simd: GEMM_SIMD } as const;

/** An instance of one module, or null where the runtime cannot validate or may not compile it. */
export function instantiate(variant: keyof typeof MODULES): Gemm | null {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) return null;
  const bytes = decode(MODULES[variant]);
  try {
    if (!api.validate(bytes)) return null;
    // Synchronous compilation: the module is a few KiB, well under any main-thread limit.
    return new api.Instance(new api.Module(bytes)).exports as unknown as Gemm;
  } catch {
    // A policy that forbids compiling WebAssembly (CSP without 'wasm-unsafe-eval'): no SIMD kernels.
    return null;
  }
}

let loaded: { gemm: Gemm; variant: WasmVariant } | null | undefined;

/** The first module this runtime runs: relaxed SIMD, else plain SIMD. */
function load(): { gemm: Gemm; variant: WasmVariant } | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  for (const variant of ['relaxed-simd', 'simd'] as const) {
    const gemm = instantiate(variant);
    if (gemm) {
      loaded = { gemm, variant };
      break;
    }
  }
  return loaded;
}

/** The module this runtime runs and its variant (see load), or null. */
export function loadedModule(): { gemm: Gemm; variant: WasmVariant } | null {
  return load();
}

/** The WebAssembly variant this runtime runs (null: none, the TypeScript kernels are used). */
export function wasmVariant(): WasmVariant {
  return load()?.variant ?? null;
}

let heap = new Float32Array(0);

/** The module's memory, grown to at least `bytes` (float32 and float64 kernels share it). */
export function grownMemory(gemm: Gemm, bytes: number): ArrayBuffer {
  const memory = gemm.memory;
  if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
  return memory.buffer;
}

/** The module's memory as floats, grown to at least `bytes`. */
function heapOf(gemm: Gemm, bytes: number): Float32Array {
  const buffer = grownMemory(gemm, bytes);
  if (heap.buffer !== buffer) heap = new Float32Array(buffer);
  return heap;
}

/** A byte offset rounded up to the 16 bytes of a SIMD lane group. */
export const align = (bytes: number) => (bytes + 15) & ~15;

/**
 * C[m×n] (+)= op(A)·op(B) with op(A) m×k (A stored k×m when ta) and op(B) k×n (B stored n×k when tb);
 * `bias` (n, without accumulate) is added to every row, then max(C, 0) with `relu`; `sums` receives
 * the column sums of B (k×n).
 */
function gemm(
  g: Gemm,
  a: FArray,
  b: FArray,
  c: FArray,
  m: number,
  k: number,
  n: number,
  ta: boolean,
  tb: boolean,
  accumulate: boolean,
  bias: FArray | undefined,
  relu: boolean,
  sums: FArray | undefined,
): void {
  if (sums) {
    // Column sums of B (k×n) also when C is empty; overwritten below in the usual case.
    sums.fill(0, 0, n);
    if (m === 0) for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) sums[j] += b[p * n + j];
  }
  if (m === 0 || n === 0) return;
  if (k === 0) {
    if (!accumulate) {
      c.fill(0, 0, m * n);
      if (bias) for (let i = 0; i < m; i++) c.set(bias.subarray(0, n), i * n);
    }
    if (relu) for (let i = 0; i < m * n; i++) c[i] = c[i] > 0 ? c[i] : 0;
    return;
  }
  // Layout: the 128-byte scratch tile, the bias (or column sums), A, B, C, then the packed panels.
  const pv = 128;
  const pa = pv + align(4 * n);
  const pb = pa + align(4 * m * k);
  const pc = pb + align(4 * k * n);
  const ppa = pc + align(4 * m * n);
  const ppb = ppa + 16 * Math.ceil(m / 4) * k;
  const end = ppb + 32 * Math.ceil(n / 8) * k;
  const h = heapOf(g, end);
  h.set(a.length === m * k ? a : a.subarray(0, m * k), pa >> 2);
  h.set(b.length === k * n ? b : b.subarray(0, k * n), pb >> 2);
  if (accumulate) h.set(c.subarray(0, m * n), pc >> 2);
  const withBias = bias !== undefined && !accumulate;
  if (withBias) h.set(bias.subarray(0, n), pv >> 2);
  g.gemm(
    pa,
    pb,
    pc,
    m,
    k,
    n,
    ta ? 1 : 0,
    tb ? 1 : 0,
    accumulate ? 1 : 0,
    ppa,
    ppb,
    withBias ? pv : 0,
    relu ? 1 : 0,
  );
  c.set(h.subarray(pc >> 2, (pc >> 2) + m * n));
  if (sums) {
    g.colsum(pb, k, n, pv);
    sums.set(h.subarray(pv >> 2, (pv >> 2) + n));
  }
}

/**
 * The WebAssembly SIMD kernels, or null when this runtime cannot run them; `variant` asks for one
 * module in particular (tests run both).
 */
export function wasmKernels(variant?: 'relaxed-simd' | 'simd'): Kernels | null {
  const g = variant ? instantiate(variant) : load()?.gemm;
  if (!g) return null;
  return {
    gemmNN: (a, b, c, m, k, n, acc, bias, relu) =>
      gemm(g, a, b, c, m, k, n, false, false, acc, bias, relu === true, undefined),
    gemmTN: (a, b, c, m, k, n, acc, sums) =>
      gemm(g, a, b, c, m, k, n, true, false, acc, undefined, false, sums),
    gemmNT: (a, b, c, m, k, n, acc) =>
      gemm(g, a, b, c, m, k, n, false, true, acc, undefined, false, undefined),
    transpose: reference.transpose,
  };
}
