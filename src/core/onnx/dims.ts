/**
 * Dimension algebra of ONNX tensors (dims with the batch dimension) and their place in the model
 * format (dims without batch).
 */
import { errorNote, type ErrorNote, warningText } from '../analysis/warning-messages';
import type { Shape } from '../model/types';
import { numsText, numText } from './attrs';
import { OnnxImportError } from './errors';
import { tensorElements } from './read';

/** Largest dimension of a value in the graph. */
export const MAX_DIM = 2 ** 31;

/**
 * The model format's shape of ONNX dims: [B, C, H, W] → [C, H, W], [B, N] → [N], and a sequence of
 * one sample, batch-first [1, T, D] or time-major [T, 1, D], → [T, D] (the same elements in the same
 * order); null for any other rank or a batch of sequences (the format cannot hold it).
 */
export function modelShape(dims: readonly number[]): Shape | null {
  if (dims.length === 4) return [dims[1], dims[2], dims[3]];
  if (dims.length === 2) return [dims[1]];
  if (dims.length === 3) {
    if (dims[0] === 1) return [dims[1], dims[2]];
    if (dims[1] === 1) return [dims[0], dims[2]];
  }
  return null;
}

export function sameDims(a: readonly number[] | null, b: readonly number[] | null): boolean {
  return !!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]);
}

/** `[1, 64, 56, 56]`, or `[?]` for an unknown shape, as a message's parameter (see `numText`). */
export function dimsParam(d: readonly number[] | null): string | ErrorNote {
  const values = d ? numsText(d) : '?';
  return typeof values === 'string' ? `[${values}]` : errorNote('onnx-dims', { values });
}

/** {@link dimsParam} in English, for the reasons a node is left out (which are English only). */
export function dimsText(d: readonly number[] | null): string {
  const p = dimsParam(d);
  return typeof p === 'string' ? p : warningText(p);
}

/** Checks computed dims: safe integers in 0…2^31, at most 2^53 elements. */
export function checkDims(dims: number[], what: ErrorNote): number[] {
  let n = 1;
  for (const d of dims) {
    if (!Number.isSafeInteger(d) || d < 0 || d > MAX_DIM) {
      throw new OnnxImportError('too-large', errorNote('onnx-dim-range', { what, value: numText(d) }));
    }
    n *= d;
  }
  if (n > Number.MAX_SAFE_INTEGER)
    throw new OnnxImportError('too-large', errorNote('onnx-too-many-elements', { what }));
  return dims;
}

/** ONNX (NumPy) broadcasting of two shapes; null when they do not broadcast. */
export function broadcastDims(a: number[], b: number[]): number[] | null {
  const n = Math.max(a.length, b.length);
  const out: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x === y || y === 1) out[i] = x;
    else if (x === 1) out[i] = y;
    else return null;
  }
  return out;
}

/** A possibly negative axis in 0…rank−1 (0 for a scalar), or null when out of range. */
export function normAxis(axis: number, rank: number): number | null {
  const a = axis < 0 ? axis + rank : axis;
  return Number.isInteger(a) && a >= 0 && a < Math.max(rank, 1) ? a : null;
}

/** ONNX Reshape target: 0 copies the input dimension (unless allowzero), −1 is inferred. */
export function reshapeDims(input: number[], shape: number[], allowZero: boolean): number[] | null {
  const out = shape.map((d, i) => (d === 0 && !allowZero ? input[i] : d));
  if (out.some((d) => d === undefined || !Number.isInteger(d) || d < -1)) return null;
  const minus = out.filter((d) => d === -1).length;
  if (minus > 1) return null;
  const total = tensorElements(input);
  if (minus === 1) {
    const known = tensorElements(out.filter((d) => d !== -1));
    if (known === 0 || total % known !== 0) return null;
    out[out.indexOf(-1)] = total / known;
  }
  return tensorElements(out) === total ? out : null;
}

export function squeezeDims(input: number[], axes: number[] | undefined): number[] | null {
  if (!axes) return input.filter((d) => d !== 1);
  const norm = axes.map((a) => normAxis(a, input.length));
  if (norm.some((a) => a === null || input[a] !== 1)) return null;
  return input.filter((_, i) => !norm.includes(i));
}

export function unsqueezeDims(input: number[], axes: number[]): number[] | null {
  const rank = input.length + axes.length;
  const norm = axes.map((a) => (a < 0 ? a + rank : a));
  if (norm.some((a) => a < 0 || a >= rank) || new Set(norm).size !== norm.length) return null;
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < rank; i++) out.push(norm.includes(i) ? 1 : input[j++]);
  return out;
}

export function flattenDims(input: number[], axisAttr: number): number[] | null {
  const axis = axisAttr < 0 ? axisAttr + input.length : axisAttr;
  if (axis < 0 || axis > input.length) return null;
  return [tensorElements(input.slice(0, axis)), tensorElements(input.slice(axis))];
}

/** Whether `perm` is a permutation of 0…rank−1. */
export function isPermutation(perm: readonly number[], rank: number): boolean {
  return perm.length === rank && [...perm].sort((a, b) => a - b).every((v, i) => v === i);
}
