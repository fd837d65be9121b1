/**
 * Constant tensors as the converter evaluates them: the small row-major number arrays of the shape
 * computations exporters emit (Shape → Gather → Concat → Reshape, ConstantOfShape, Slice, Range, …).
 * The ONNX handlers' `fold` functions are built from these operations.
 */
import { broadcastDims, normAxis } from '../dims';
import { type NodeInfo, tensorElements, tensorValues } from '../read';

/** A constant: dims, values (null when too large or not stored here), and whether it holds integers. */
export interface ConstVal {
  dims: number[];
  values: number[] | null;
  int: boolean;
}

/** Larger constants keep their dims but not their values (shape tensors are tiny). */
export const MAX_CONST_ELEMENTS = 1 << 16;

const INT_TYPES = new Set([2, 3, 4, 5, 6, 7, 9, 12, 13, 21, 22]);
/** Whether an ONNX data type holds integers (bool included). */
export const isIntType = (t: number): boolean => INT_TYPES.has(t);

function strides(dims: number[]): number[] {
  const s = new Array<number>(dims.length);
  let acc = 1;
  for (let i = dims.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= dims[i];
  }
  return s;
}

/**
 * A `dims`-shaped constant read from `values`: the element at coordinates (c₀, c₁, …) is
 * values[Σᵢ offset(i, cᵢ)] (a slice or a transpose of a row-major tensor).
 */
function remap(
  values: number[],
  dims: number[],
  int: boolean,
  offset: (axis: number, coord: number) => number,
): ConstVal {
  const dst = strides(dims);
  const n = tensorElements(dims);
  const out: number[] = new Array(n);
  for (let k = 0; k < n; k++) {
    let idx = 0;
    for (let i = 0; i < dims.length; i++) idx += offset(i, Math.floor(k / dst[i]) % dims[i]);
    out[k] = values[idx];
  }
  return { dims, values: out, int };
}

/** `f` applied element by element with broadcasting; values null when an input has none or the result is large. */
export function elementwise(ins: ConstVal[], f: (...v: number[]) => number, int: boolean): ConstVal | null {
  let dims: number[] | null = ins[0].dims;
  for (let i = 1; i < ins.length; i++) {
    dims = broadcastDims(dims, ins[i].dims);
    if (!dims) return null;
  }
  const n = tensorElements(dims);
  if (n > MAX_CONST_ELEMENTS || ins.some((v) => v.values === null)) return { dims, values: null, int };
  const st = strides(dims);
  const values: number[] = new Array(n);
  const args = new Array<number>(ins.length);
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < ins.length; j++) {
      const d = ins[j].dims;
      const off = dims.length - d.length;
      let idx = 0;
      let mul = 1;
      for (let i = d.length - 1; i >= 0; i--) {
        const coord = Math.floor(k / st[i + off]) % dims[i + off];
        idx += (d[i] === 1 ? 0 : coord) * mul;
        mul *= d[i];
      }
      args[j] = (ins[j].values as number[])[idx];
    }
    values[k] = f(...args);
  }
  return { dims, values, int };
}

/** ONNX Gather along `axisAttr` (negative indices count from the end). */
export function gatherConst(data: ConstVal, idx: ConstVal, axisAttr: number): ConstVal | null {
  const axis = normAxis(axisAttr, data.dims.length);
  if (axis === null) return null;
  const dims = [...data.dims.slice(0, axis), ...idx.dims, ...data.dims.slice(axis + 1)];
  const n = tensorElements(dims);
  if (n > MAX_CONST_ELEMENTS || !data.values || !idx.values) return { dims, values: null, int: data.int };
  const outer = tensorElements(data.dims.slice(0, axis));
  const inner = tensorElements(data.dims.slice(axis + 1));
  const size = data.dims[axis];
  const values: number[] = [];
  for (let o = 0; o < outer; o++) {
    for (const raw of idx.values) {
      const i = raw < 0 ? raw + size : raw;
      if (!(i >= 0 && i < size)) return null;
      for (let k = 0; k < inner; k++) values.push(data.values[(o * size + i) * inner + k]);
    }
  }
  return { dims, values, int: data.int };
}

/** ONNX Concat of constants along `axisAttr`. */
export function concatConst(ins: ConstVal[], axisAttr: number): ConstVal | null {
  const rank = ins[0].dims.length;
  const axis = normAxis(axisAttr, rank);
  if (axis === null || ins.some((v) => v.dims.length !== rank)) return null;
  const dims = [...ins[0].dims];
  dims[axis] = ins.reduce((s, v) => s + v.dims[axis], 0);
  if (tensorElements(dims) > MAX_CONST_ELEMENTS || ins.some((v) => !v.values))
    return { dims, values: null, int: ins[0].int };
  const outer = tensorElements(dims.slice(0, axis));
  const values: number[] = [];
  for (let o = 0; o < outer; o++) {
    for (const v of ins) {
      const chunk = tensorElements(v.dims.slice(axis));
      for (let k = 0; k < chunk; k++) values.push((v.values as number[])[o * chunk + k]);
    }
  }
  return { dims, values, int: ins[0].int };
}

/** ONNX Slice of a constant (starts/ends clamped as the spec says, negative steps included). */
export function sliceConst(
  data: ConstVal,
  starts: number[],
  ends: number[],
  axes: number[] | undefined,
  steps: number[] | undefined,
): ConstVal | null {
  const rank = data.dims.length;
  const ax = axes ?? starts.map((_, i) => i);
  const st = steps ?? starts.map(() => 1);
  if (ax.length !== starts.length || ends.length !== starts.length || st.length !== starts.length)
    return null;
  const lo = data.dims.map(() => 0);
  const hi = [...data.dims];
  const step = data.dims.map(() => 1);
  for (let k = 0; k < ax.length; k++) {
    const a = normAxis(ax[k], rank);
    if (a === null || st[k] === 0) return null;
    const d = data.dims[a];
    const clamp = (v: number, min: number, max: number) => Math.min(Math.max(v, min), max);
    let s = starts[k] < 0 ? starts[k] + d : starts[k];
    let e = ends[k] < 0 ? ends[k] + d : ends[k];
    if (st[k] > 0) {
      s = clamp(s, 0, d);
      e = clamp(e, 0, d);
    } else {
      s = clamp(s, -1, d - 1);
      e = clamp(e, -1, d - 1);
    }
    lo[a] = s;
    hi[a] = e;
    step[a] = st[k];
  }
  const dims = data.dims.map((_, i) => Math.max(0, Math.ceil((hi[i] - lo[i]) / step[i])));
  if (tensorElements(dims) > MAX_CONST_ELEMENTS || !data.values) return { dims, values: null, int: data.int };
  const src = strides(data.dims);
  return remap(data.values, dims, data.int, (i, c) => (lo[i] + c * step[i]) * src[i]);
}

/** ONNX Transpose of a constant; `perm` defaults to reversing the axes. */
export function transposeConst(data: ConstVal, p: number[]): ConstVal | null {
  const dims = p.map((i) => data.dims[i]);
  if (!data.values) return { dims, values: null, int: data.int };
  const src = strides(data.dims);
  return remap(data.values, dims, data.int, (i, c) => c * src[p[i]]);
}

/** A Constant node's value (the `value*` attributes). */
export function constantNodeValue(node: NodeInfo): ConstVal | null {
  for (const [name, a] of node.attrs) {
    if (name === 'value' && a.type === 'tensor') {
      const t = a.value;
      return { dims: t.dims, values: tensorValues(t, MAX_CONST_ELEMENTS), int: isIntType(t.dataType) };
    }
    if (name === 'value_float' && (a.type === 'float' || a.type === 'int'))
      return { dims: [], values: [a.value], int: false };
    if (name === 'value_int' && a.type === 'int') return { dims: [], values: [a.value], int: true };
    if (name === 'value_floats' && a.type === 'floats')
      return { dims: [a.value.length], values: a.value, int: false };
    if (name === 'value_ints' && a.type === 'ints')
      return { dims: [a.value.length], values: a.value, int: true };
  }
  return null;
}

/** A fold that needs its first input: null when that input is omitted. */
export function withInput(
  fold: (node: NodeInfo, x: ConstVal, ins: readonly (ConstVal | undefined)[]) => ConstVal | null,
): (node: NodeInfo, ins: readonly (ConstVal | undefined)[]) => ConstVal | null {
  return (node, ins) => (ins[0] ? fold(node, ins[0], ins) : null);
}

/** The values of an optional constant input, or null. */
export const valuesOf = (v: ConstVal | undefined): number[] | null => v?.values ?? null;
