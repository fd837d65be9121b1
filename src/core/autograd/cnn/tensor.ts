import { selectKernels } from '../kernels';
import type { DType, FArray, Kernels } from '../types';
import { alloc } from '../types';

/**
 * One feature map of the convolutional layers, batch 1, channels-first like PyTorch's NCHW:
 * element (c, y, x) sits at `data[(c·h + y)·w + x]`.
 */
export interface Map3 {
  c: number;
  h: number;
  w: number;
  data: FArray;
}

/** A zeroed map of the given shape and element type. */
export function zeros(c: number, h: number, w: number, dtype: DType = 'float32'): Map3 {
  return { c, h, w, data: alloc(dtype, c * h * w) };
}

/** A zeroed map with the shape and element type of `like`. */
export function zerosLike(like: Map3): Map3 {
  return { c: like.c, h: like.h, w: like.w, data: alloc(dtypeOf(like.data), like.data.length) };
}

export function dtypeOf(a: FArray): DType {
  return a instanceof Float64Array ? 'float64' : 'float32';
}

/** The matrix kernels for this element type (WebAssembly SIMD unless CONVSCOPE_KERNELS=ts). */
export function kernelsFor(a: FArray): Kernels {
  return selectKernels(dtypeOf(a));
}
