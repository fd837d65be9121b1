import { kernels as kernels32 } from './kernels32';
import { kernels as kernels64 } from './kernels64';
import type { DType, Kernels } from './types';
import { wasmKernels } from './wasm/kernels';

/**
 * Which float32 kernels the engine runs: 'wasm' (WebAssembly SIMD, the default where the runtime
 * has it) or 'ts' (the TypeScript reference). float64 always runs the TypeScript kernels. The
 * environment variable CONVSCOPE_KERNELS=ts changes the default, e.g. to benchmark both.
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

/** The matrix kernels for an element type (see KernelChoice). */
export function selectKernels(dtype: DType, choice: KernelChoice = defaultKernelChoice()): Kernels {
  if (dtype === 'float64') return kernels64;
  if (choice === 'ts') return kernels32;
  if (wasm === undefined) wasm = wasmKernels();
  return wasm ?? kernels32;
}
