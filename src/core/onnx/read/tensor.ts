/**
 * TensorProto without its values: dims, type and where the data lies (field, offset, length), pulled
 * by the {@link Cursor} so that weights are counted and skipped, never read or copied. Small tensors
 * (shapes, axes, scales) are decoded on demand by {@link tensorValues}.
 */
import { errorNote } from '../../analysis/warning-messages';
import $protobuf from 'protobufjs/minimal';
import { OnnxImportError } from '../errors';
import type { Cursor } from './cursor';
import type { TensorInfo } from './types';

/** ONNX `TensorProto.DataType` names, for messages and for the byte size of typed data. */
export const DATA_TYPES: Record<number, { name: string; bytes: number }> = {
  1: { name: 'float32', bytes: 4 },
  2: { name: 'uint8', bytes: 1 },
  3: { name: 'int8', bytes: 1 },
  4: { name: 'uint16', bytes: 2 },
  5: { name: 'int16', bytes: 2 },
  6: { name: 'int32', bytes: 4 },
  7: { name: 'int64', bytes: 8 },
  8: { name: 'string', bytes: 0 },
  9: { name: 'bool', bytes: 1 },
  10: { name: 'float16', bytes: 2 },
  11: { name: 'float64', bytes: 8 },
  12: { name: 'uint32', bytes: 4 },
  13: { name: 'uint64', bytes: 8 },
  14: { name: 'complex64', bytes: 8 },
  15: { name: 'complex128', bytes: 16 },
  16: { name: 'bfloat16', bytes: 2 },
  17: { name: 'float8e4m3fn', bytes: 1 },
  18: { name: 'float8e4m3fnuz', bytes: 1 },
  19: { name: 'float8e5m2', bytes: 1 },
  20: { name: 'float8e5m2fnuz', bytes: 1 },
  21: { name: 'uint4', bytes: 0.5 },
  22: { name: 'int4', bytes: 0.5 },
};

/** Largest dimension a tensor may declare (weights beyond 2^40 elements per axis are not real files). */
const MAX_TENSOR_DIM = 2 ** 40;

/**
 * A dimension read from the file, checked: a safe integer in 0…2^40. The message shows the value
 * as stored (an int64, so −3 stays −3).
 */
export function checkDim(d: number | bigint, what: string): number {
  if (d < 0)
    throw new OnnxImportError(
      'too-large',
      errorNote('onnx-negative-dim', {
        what: errorNote('onnx-place-tensor', { name: what }),
        value: String(d),
      }),
    );
  if (typeof d === 'bigint' || !Number.isSafeInteger(d) || d > MAX_TENSOR_DIM) {
    throw new OnnxImportError(
      'too-large',
      errorNote('onnx-dim-over-2-40', {
        what: errorNote('onnx-place-tensor', { name: what }),
        value: String(d),
      }),
    );
  }
  return d;
}

/** Dims (int64, one per field or packed) as read, each handed to `take`. */
function readDims(c: Cursor, wire: number, take: (d: number | bigint) => void): void {
  if (wire === 0) take(c.int64());
  else {
    const e = c.pos + c.length();
    while (c.pos < e) take(c.int64());
  }
}

/** TensorProto fields holding values: 9 raw_data, 4 float_data, 5 int32_data, 7 int64_data, 10 double_data, 11 uint64_data. */
const DATA_FIELDS = new Set([9, 4, 5, 7, 10, 11]);

/** Reads one TensorProto from `c` up to `end`: metadata and data offsets, never the data itself. */
export function readTensor(c: Cursor, end: number): TensorInfo {
  const t: TensorInfo = { name: '', dims: [], dataType: 0, dataBytes: 0, external: false, data: null };
  // Checked once the name (a later field) is known, for the message.
  const dims: (number | bigint)[] = [];
  c.message(end, (field, wire) => {
    if (field === 1 && (wire === 0 || wire === 2)) readDims(c, wire, (d) => dims.push(d));
    else if (field === 2 && wire === 0) t.dataType = c.varint();
    else if (field === 8 && wire === 2) t.name = c.string(c.length());
    else if (field === 14 && wire === 0) t.external = c.varint() === 1;
    else if (DATA_FIELDS.has(field) && wire === 2) {
      const len = c.length();
      t.data = { source: c.source, field, offset: c.pos, length: len };
      t.dataBytes += len;
      c.advance(len);
    } else if (DATA_FIELDS.has(field) && field !== 9) {
      // Unpacked repeated values (legal, rare): counted, not kept.
      const before = c.pos;
      c.skip(wire);
      t.dataBytes += c.pos - before;
    } else c.skip(wire);
  });
  const what = t.name;
  t.dims = dims.map((d) => checkDim(d, what));
  return t;
}

/** SparseTensorProto: the dense dims (field 3) and the stored size of values and indices. */
export function readSparse(c: Cursor, end: number): TensorInfo {
  const t: TensorInfo = { name: '', dims: [], dataType: 0, dataBytes: 0, external: false, data: null };
  c.message(end, (field, wire) => {
    if (field === 1 && wire === 2) {
      const v = readTensor(c, c.pos + c.length());
      t.name = v.name;
      t.dataType = v.dataType;
      t.dataBytes += v.dataBytes;
    } else if (field === 3 && (wire === 0 || wire === 2)) {
      readDims(c, wire, (d) => t.dims.push(checkDim(d, 'a sparse initializer')));
    } else if (field === 2 && wire === 2) {
      const before = c.pos;
      c.skip(wire);
      t.dataBytes += c.pos - before;
    } else c.skip(wire);
  });
  return t;
}

/** Number of elements of a dims list (1 for a scalar). */
export function tensorElements(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

type Long = { toNumber(): number };
/** A protobufjs 64-bit value (a number or a Long) as a number. */
export function num(v: number | Long | null | undefined): number {
  if (v === null || v === undefined) return 0;
  return typeof v === 'number' ? v : v.toNumber();
}

/** Reads element `i` of raw little-endian data of ONNX type `dataType`; undefined for types not decoded here. */
const RAW: Record<number, (dv: DataView, o: number) => number> = {
  1: (dv, o) => dv.getFloat32(o, true),
  2: (dv, o) => dv.getUint8(o),
  3: (dv, o) => dv.getInt8(o),
  4: (dv, o) => dv.getUint16(o, true),
  5: (dv, o) => dv.getInt16(o, true),
  6: (dv, o) => dv.getInt32(o, true),
  7: (dv, o) => Number(dv.getBigInt64(o, true)),
  9: (dv, o) => dv.getUint8(o),
  10: (dv, o) => half(dv.getUint16(o, true)),
  11: (dv, o) => dv.getFloat64(o, true),
  12: (dv, o) => dv.getUint32(o, true),
  13: (dv, o) => Number(dv.getBigUint64(o, true)),
};

/**
 * The values of a small tensor (shapes, axes, scales), or null when they are not stored here
 * (external data, unsupported type, more than `limit` elements).
 */
export function tensorValues(t: TensorInfo, limit = 1 << 16): number[] | null {
  const n = tensorElements(t.dims);
  if (t.external || n > limit) return null;
  if (!t.data) return n === 0 ? [] : null;
  const { source, field, offset, length } = t.data;
  if (length > limit * 16) return null;
  const bytes = source.read(offset, length).slice();
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: number[] = [];
  if (field === 9) {
    const size = DATA_TYPES[t.dataType]?.bytes ?? 0;
    const get = RAW[t.dataType];
    if (!Number.isInteger(size) || size === 0 || length !== n * size || (n > 0 && !get)) return null;
    for (let i = 0; i < n; i++) out.push(get(dv, i * size));
    return out;
  }
  if (field === 4) {
    for (let o = 0; o + 4 <= length; o += 4) out.push(dv.getFloat32(o, true));
  } else if (field === 10) {
    for (let o = 0; o + 8 <= length; o += 8) out.push(dv.getFloat64(o, true));
  } else {
    const r = $protobuf.Reader.create(bytes);
    while (r.pos < r.len) {
      if (field === 5) out.push(t.dataType === 10 ? half(r.int32()) : r.int32());
      else out.push(num((field === 7 ? r.int64() : r.uint64()) as unknown as number | Long));
    }
  }
  return out.length === n ? out : null;
}

/** IEEE 754 half precision bits → number. */
export function half(bits: number): number {
  const s = bits & 0x8000 ? -1 : 1;
  const e = (bits >> 10) & 0x1f;
  const f = bits & 0x3ff;
  if (e === 0) return s * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}
