/** Storage of every tensor in the engine: float64 for reference-grade numbers, float32 for speed/memory. */
export type FArray = Float64Array | Float32Array;

export type DType = 'float64' | 'float32';

/** Matrix kernels, one monomorphic copy per element type (see kernels64.ts). */
export interface Kernels {
  /**
   * C[m×n] (+)= A[m×k] · B[k×n]; without accumulate, + bias[n] on every row when given; with relu,
   * then C = max(C, 0) (NaN → 0).
   */
  gemmNN(
    a: FArray,
    b: FArray,
    c: FArray,
    m: number,
    k: number,
    n: number,
    accumulate: boolean,
    bias?: FArray,
    relu?: boolean,
  ): void;
  /** C[m×n] (+)= A[k×m]ᵀ · B[k×n]; with `sums`, also its column sums Σ_p B[p][j] (rows in order). */
  gemmTN(
    a: FArray,
    b: FArray,
    c: FArray,
    m: number,
    k: number,
    n: number,
    accumulate: boolean,
    sums?: FArray,
  ): void;
  /** C[m×n] (+)= A[m×k] · B[n×k]ᵀ. */
  gemmNT(a: FArray, b: FArray, c: FArray, m: number, k: number, n: number, accumulate: boolean): void;
  transpose(a: FArray, b: FArray, m: number, n: number): void;
}

/** Allocates a zeroed array of the given element type. */
export function alloc(dtype: DType, length: number): FArray {
  return dtype === 'float64' ? new Float64Array(length) : new Float32Array(length);
}
