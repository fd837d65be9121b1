import { kernels as kernels32 } from './kernels32';
import { kernels as kernels64 } from './kernels64';
import type { DType, Kernels } from './types';
import { wasmKernels } from './wasm/kernels';
import { wasmKernels64 } from './wasm/kernels64';

/**
 * Which kernels the engine runs: 'wasm' (WebAssembly SIMD, the default where the runtime has it) or
 * 'ts' (the TypeScript reference). float32 runs f32x4 kernels of its own (rounding differs from the
 * reference within the bound the tests hold); float64 runs f64x2 kernels, with fused multiply-add
 * where the runtime has relaxed SIMD (within the bound the tests hold: a few ulps per element), and
 * bit-identical to the reference's products where it has plain SIMD only. The environment variable
 * CONVSCOPE_KERNELS=ts changes the default, e.g. to benchmark both.
 */
export type KernelChoice = 'wasm' | 'ts';

/** The default choice: CONVSCOPE_KERNELS when it is set to 'ts' or 'wasm', else 'wasm'. */
export function defaultKernelChoice(): KernelChoice {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.CONVSCOPE_KERNELS;
  if (value === undefined || value === '' || value === 'wasm') return 'wasm';
  if (value === 'ts') return 'ts';
  throw new Error(`CONVSCOPE_KERNELS must be 'wasm' or 'ts', got '${value}'`);
}

let wasm: Kernels | null | undefined;
let wasm64: Kernels | null | undefined;

/** The matrix kernels for an element type (see KernelChoice). */
export function selectKernels(dtype: DType, choice: KernelChoice = defaultKernelChoice()): Kernels {
  if (dtype === 'float64') {
    if (choice === 'ts') return kernels64;
    if (wasm64 === undefined) wasm64 = wasmKernels64();
    return wasm64 ?? kernels64;
  }
  if (choice === 'ts') return kernels32;
  if (wasm === undefined) wasm = wasmKernels();
  return wasm ?? kernels32;
}
