/**
 * Evaluation of the constant subgraphs exporters emit to compute shapes (Shape → Gather → Concat →
 * Reshape, ConstantOfShape, Slice, Cast, Range, …), on small row-major number arrays.
 */
import { type NodeInfo, tensorElements, tensorValues } from './read';

/** A constant: dims, values (null when too large or not stored here), and whether it holds integers. */
export interface ConstVal {
  dims: number[];
  values: number[] | null;
  int: boolean;
}

/** Larger constants keep their dims but not their values (shape tensors are tiny). */
export const MAX_CONST_ELEMENTS = 1 << 16;

const INT_TYPES = new Set([2, 3, 4, 5, 6, 7, 9, 12, 13, 21, 22]);
export const isIntType = (t: number): boolean => INT_TYPES.has(t);

export function attrInt(node: NodeInfo, name: string, dflt: number): number {
  const a = node.attrs.get(name);
  if (!a) return dflt;
  if (a.type !== 'int') throw new AttrError(node, name, 'an integer');
  return a.value;
}

export function attrFloat(node: NodeInfo, name: string, dflt: number): number {
  const a = node.attrs.get(name);
  if (!a) return dflt;
  if (a.type === 'float' || a.type === 'int') return a.value;
  throw new AttrError(node, name, 'a number');
}

export function attrInts(node: NodeInfo, name: string): number[] | undefined {
  const a = node.attrs.get(name);
  if (!a) return undefined;
  if (a.type !== 'ints') throw new AttrError(node, name, 'a list of integers');
  return a.value;
}

export function attrString(node: NodeInfo, name: string, dflt: string): string {
  const a = node.attrs.get(name);
  if (!a) return dflt;
  if (a.type !== 'string') throw new AttrError(node, name, 'a string');
  return a.value;
}

/** A malformed attribute: wrong type or impossible value. */
export class AttrError extends Error {
  constructor(node: NodeInfo, name: string, expected: string) {
    super(`node "${node.name || node.opType}" (${node.opType}): attribute "${name}" must be ${expected}`);
  }
}

function strides(dims: number[]): number[] {
  const s = new Array<number>(dims.length);
  let acc = 1;
  for (let i = dims.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= dims[i];
  }
  return s;
}

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

function normAxis(axis: number, rank: number): number | null {
  const a = axis < 0 ? axis + rank : axis;
  return Number.isInteger(a) && a >= 0 && a < Math.max(rank, 1) ? a : null;
}

function elementwise(ins: ConstVal[], f: (...v: number[]) => number, int: boolean): ConstVal | null {
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

function gather(data: ConstVal, idx: ConstVal, axisAttr: number): ConstVal | null {
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

function concat(ins: ConstVal[], axisAttr: number): ConstVal | null {
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

function sliceConst(
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
  const dst = strides(dims);
  const n = tensorElements(dims);
  const values: number[] = new Array(n);
  for (let k = 0; k < n; k++) {
    let idx = 0;
    for (let i = 0; i < rank; i++) idx += (lo[i] + (Math.floor(k / dst[i]) % dims[i]) * step[i]) * src[i];
    values[k] = data.values[idx];
  }
  return { dims, values, int: data.int };
}

function transposeConst(data: ConstVal, perm: number[] | undefined): ConstVal | null {
  const rank = data.dims.length;
  const p = perm ?? data.dims.map((_, i) => rank - 1 - i);
  if (p.length !== rank || [...p].sort().some((v, i) => v !== i)) return null;
  const dims = p.map((i) => data.dims[i]);
  if (!data.values) return { dims, values: null, int: data.int };
  const src = strides(data.dims);
  const dst = strides(dims);
  const n = tensorElements(dims);
  const values: number[] = new Array(n);
  for (let k = 0; k < n; k++) {
    let idx = 0;
    for (let i = 0; i < rank; i++) idx += (Math.floor(k / dst[i]) % dims[i]) * src[p[i]];
    values[k] = data.values[idx];
  }
  return { dims, values, int: data.int };
}

const FLOAT_UNARY: Record<string, (x: number) => number> = {
  Neg: (x) => -x,
  Abs: Math.abs,
  Floor: Math.floor,
  Ceil: Math.ceil,
  Sqrt: Math.sqrt,
  Reciprocal: (x) => 1 / x,
  Exp: Math.exp,
  Log: Math.log,
  Sign: Math.sign,
  Not: (x) => (x ? 0 : 1),
  Round: (x) => {
    // Round half to even, as ONNX specifies.
    const r = Math.round(x);
    return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
  },
};

const BINARY: Record<string, (a: number, b: number, int: boolean) => number> = {
  Add: (a, b) => a + b,
  Sub: (a, b) => a - b,
  Mul: (a, b) => a * b,
  Div: (a, b, int) => (int ? Math.trunc(a / b) : a / b),
  Pow: (a, b) => a ** b,
  Mod: (a, b) => a - Math.floor(a / b) * b,
  Equal: (a, b) => (a === b ? 1 : 0),
  Less: (a, b) => (a < b ? 1 : 0),
  Greater: (a, b) => (a > b ? 1 : 0),
  LessOrEqual: (a, b) => (a <= b ? 1 : 0),
  GreaterOrEqual: (a, b) => (a >= b ? 1 : 0),
  And: (a, b) => (a && b ? 1 : 0),
  Or: (a, b) => (a || b ? 1 : 0),
  Min: (a, b) => Math.min(a, b),
  Max: (a, b) => Math.max(a, b),
};

export const CONST_OPS = new Set([
  'Constant',
  'Identity',
  'Cast',
  'CastLike',
  'Gather',
  'Concat',
  'Unsqueeze',
  'Squeeze',
  'Reshape',
  'Flatten',
  'Slice',
  'Transpose',
  'ConstantOfShape',
  'Range',
  'Expand',
  'Where',
  'ReduceProd',
  'ReduceSum',
  'ReduceMin',
  'ReduceMax',
  ...Object.keys(FLOAT_UNARY),
  ...Object.keys(BINARY),
]);

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

/**
 * Evaluates one node whose inputs are all constants (undefined for an omitted optional input).
 * Returns null when the op is not evaluated here or its inputs are unusable.
 */
export function evalConst(node: NodeInfo, ins: (ConstVal | undefined)[]): ConstVal | null {
  const op = node.opType;
  const x = ins[0];
  const vals = (v: ConstVal | undefined) => v?.values ?? null;
  if (op === 'Constant') return constantNodeValue(node);
  if (!x) {
    return null;
  }
  switch (op) {
    case 'Identity':
      return x;
    case 'Cast':
    case 'CastLike': {
      const to = op === 'Cast' ? attrInt(node, 'to', 1) : ins[1]?.int ? 7 : 1;
      const int = isIntType(to);
      if (!x.values) return { ...x, int };
      return {
        dims: x.dims,
        values: int ? x.values.map((v) => (to === 9 ? (v ? 1 : 0) : Math.trunc(v))) : x.values,
        int,
      };
    }
    case 'Gather':
      return ins[1] ? gather(x, ins[1], attrInt(node, 'axis', 0)) : null;
    case 'Concat':
      return ins.every((v) => v) ? concat(ins as ConstVal[], attrInt(node, 'axis', 0)) : null;
    case 'Unsqueeze':
    case 'Squeeze': {
      const axes = attrInts(node, 'axes') ?? vals(ins[1]) ?? undefined;
      if (op === 'Unsqueeze' && !axes) return null;
      const dims = op === 'Unsqueeze' ? unsqueezeDims(x.dims, axes as number[]) : squeezeDims(x.dims, axes);
      return dims ? { ...x, dims } : null;
    }
    case 'Reshape': {
      const shape = vals(ins[1]);
      const dims = shape ? reshapeDims(x.dims, shape, attrInt(node, 'allowzero', 0) === 1) : null;
      return dims ? { ...x, dims } : null;
    }
    case 'Flatten': {
      const dims = flattenDims(x.dims, attrInt(node, 'axis', 1));
      return dims ? { ...x, dims } : null;
    }
    case 'Slice': {
      const starts = attrInts(node, 'starts') ?? vals(ins[1]);
      const ends = attrInts(node, 'ends') ?? vals(ins[2]);
      if (!starts || !ends) return null;
      const axes = attrInts(node, 'axes') ?? vals(ins[3]) ?? undefined;
      const steps = vals(ins[4]) ?? undefined;
      return sliceConst(x, starts, ends, axes, steps);
    }
    case 'Transpose':
      return transposeConst(x, attrInts(node, 'perm'));
    case 'ConstantOfShape': {
      const shape = vals(x);
      if (!shape || shape.some((d) => !Number.isSafeInteger(d) || d < 0)) return null;
      const a = node.attrs.get('value');
      const v = a?.type === 'tensor' ? (tensorValues(a.value, 1)?.[0] ?? 0) : 0;
      const int = a?.type === 'tensor' ? isIntType(a.value.dataType) : false;
      const n = tensorElements(shape);
      return { dims: shape, values: n <= MAX_CONST_ELEMENTS ? new Array<number>(n).fill(v) : null, int };
    }
    case 'Range': {
      const [s, l, d] = [vals(ins[0])?.[0], vals(ins[1])?.[0], vals(ins[2])?.[0]];
      if (s === undefined || l === undefined || d === undefined || d === 0) return null;
      const n = Math.max(Math.ceil((l - s) / d), 0);
      if (!Number.isSafeInteger(n)) return null;
      const values = n <= MAX_CONST_ELEMENTS ? Array.from({ length: n }, (_, i) => s + i * d) : null;
      return { dims: [n], values, int: x.int };
    }
    case 'Expand': {
      const shape = vals(ins[1]);
      const dims = shape ? broadcastDims(x.dims, shape) : null;
      if (!dims) return null;
      const n = tensorElements(dims);
      const zeros: ConstVal = {
        dims,
        values: n <= MAX_CONST_ELEMENTS ? new Array<number>(n).fill(0) : null,
        int: x.int,
      };
      return elementwise([x, zeros], (a) => a, x.int);
    }
    case 'Where':
      return ins[1] && ins[2] ? elementwise([x, ins[1], ins[2]], (c, a, b) => (c ? a : b), ins[1].int) : null;
    case 'ReduceProd':
    case 'ReduceSum':
    case 'ReduceMin':
    case 'ReduceMax': {
      // Only the all-axes form exporters use on shape vectors.
      if (attrInts(node, 'axes') || ins[1] || !x.values) return null;
      const keep = attrInt(node, 'keepdims', 1) === 1;
      const f: (a: number, b: number) => number = {
        ReduceProd: (a: number, b: number) => a * b,
        ReduceSum: (a: number, b: number) => a + b,
        ReduceMin: (a: number, b: number) => Math.min(a, b),
        ReduceMax: (a: number, b: number) => Math.max(a, b),
      }[op];
      const init = { ReduceProd: 1, ReduceSum: 0, ReduceMin: Infinity, ReduceMax: -Infinity }[op];
      return { dims: keep ? x.dims.map(() => 1) : [], values: [x.values.reduce(f, init)], int: x.int };
    }
  }
  const unary = FLOAT_UNARY[op];
  if (unary) return elementwise([x], unary, x.int || op === 'Floor' || op === 'Ceil');
  const binary = BINARY[op];
  if (binary && ins[1]) {
    const int = x.int && ins[1].int;
    const r = elementwise([x, ins[1]], (a, b) => binary(a, b, int), int);
    return r && /^(Equal|Less|Greater|LessOrEqual|GreaterOrEqual|And|Or)$/.test(op) ? { ...r, int: true } : r;
  }
  return null;
}
