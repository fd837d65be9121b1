/**
 * Reads the structure of an ONNX `ModelProto` (pinned `proto/onnx.proto`, ONNX 1.16, IR ≤ 10) without
 * the weight data.
 *
 * The two outer levels (ModelProto, GraphProto) and every TensorProto are pulled field by field from
 * a {@link ByteSource}, so `raw_data` and the typed data fields of initializers are skipped by offset:
 * their bytes are counted, never read or copied. Nodes, value infos and opset entries are small and
 * go through the code generated from the pinned proto (protobufjs static module), with TensorProto
 * and nested GraphProto decoding replaced by the same skipping decoder.
 */
import $protobuf from 'protobufjs/minimal';
import { OnnxImportError } from './errors';
import { onnx } from './proto/onnx';
import { type ByteSource, memorySource } from './source';

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

/** Where the values of a tensor are stored (a field of a TensorProto), read only on demand. */
export interface TensorDataRef {
  source: ByteSource;
  /** TensorProto field number: 9 raw_data, 4 float_data, 5 int32_data, 7 int64_data, 10 double_data, 11 uint64_data. */
  field: number;
  offset: number;
  length: number;
}

export interface TensorInfo {
  name: string;
  /** Safe integers ≥ 0 (checked by the reader). */
  dims: number[];
  dataType: number;
  /** Bytes the file stores for the values (0 for external data). */
  dataBytes: number;
  /** `data_location = EXTERNAL`: the values live in another file, which analysis never needs. */
  external: boolean;
  data: TensorDataRef | null;
}

export type AttrValue =
  | { type: 'float'; value: number }
  | { type: 'int'; value: number }
  | { type: 'string'; value: string }
  | { type: 'tensor'; value: TensorInfo }
  | { type: 'floats'; value: number[] }
  | { type: 'ints'; value: number[] }
  | { type: 'strings'; value: string[] }
  | { type: 'graph' | 'other'; value: null };

export interface NodeInfo {
  name: string;
  opType: string;
  /** '' for the default ONNX domain. */
  domain: string;
  inputs: string[];
  outputs: string[];
  attrs: Map<string, AttrValue>;
}

/** A dimension: a number, a symbolic name, or null when absent. */
export type DimInfo = number | string | null;

export interface ValueInfo {
  name: string;
  elemType: number;
  /** null when the type is not a tensor or the shape is absent. */
  dims: DimInfo[] | null;
}

export interface OnnxModelInfo {
  irVersion: number;
  opsets: { domain: string; version: number }[];
  producerName: string;
  producerVersion: string;
  graphName: string;
  nodes: NodeInfo[];
  initializers: TensorInfo[];
  /** Sparse initializers: only their dense dims matter. */
  sparseInitializers: TensorInfo[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  valueInfo: ValueInfo[];
  /** Model-local functions (`domain:name`): calls to them are operators the converter does not know. */
  functions: string[];
  fileBytes: number;
}

export interface ReadOptions {
  /** Called with the fraction of the file read so far (0…1), at most about 100 times. */
  onProgress?: (fraction: number) => void;
}

const CHUNK = 1 << 16;
const MAX_STRING = 1 << 20;
const utf8 = new TextDecoder('utf-8');

type Long = { toNumber(): number };
function num(v: number | Long | null | undefined): number {
  if (v === null || v === undefined) return 0;
  return typeof v === 'number' ? v : v.toNumber();
}

/**
 * A pull parser over a {@link ByteSource}: varints and length-delimited fields, with a window so
 * that a file source is read in 64 KiB chunks and skipped fields are never read at all.
 */
class Cursor {
  private buf: Uint8Array = new Uint8Array(0);
  private base = 0;
  pos: number;

  constructor(
    readonly source: ByteSource,
    start: number,
    /** End of the enclosing message. */
    public end: number,
  ) {
    this.pos = start;
    if (source.size <= CHUNK * 4 || isMemory(source)) {
      // Small or in-memory: one window over everything, no refills.
      this.buf = source.read(0, source.size);
      this.base = 0;
    }
  }

  private ensure(n: number): void {
    if (this.pos + n > this.end) throw truncated(this.pos);
    if (this.pos >= this.base && this.pos + n <= this.base + this.buf.length) return;
    const len = Math.min(Math.max(n, CHUNK), this.source.size - this.pos);
    this.buf = this.source.read(this.pos, len);
    this.base = this.pos;
  }

  /** A varint as a number; values beyond 2^53 lose precision (callers reject them as too large). */
  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      this.ensure(1);
      const b = this.buf[this.pos - this.base];
      this.pos++;
      result += (b & 0x7f) * scale;
      if (b < 0x80) return result;
      scale *= 128;
    }
    throw malformed(this.pos, 'a number is longer than 10 bytes');
  }

  fixed32(): number {
    this.ensure(4);
    const i = this.pos - this.base;
    const b = this.buf;
    this.pos += 4;
    return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
  }

  /** The length of a length-delimited field, checked against the enclosing message. */
  length(): number {
    const len = this.varint();
    if (this.pos + len > this.end) throw truncated(this.pos);
    return len;
  }

  bytes(len: number): Uint8Array {
    if (len <= CHUNK) {
      this.ensure(len);
      const out = this.buf.subarray(this.pos - this.base, this.pos - this.base + len);
      this.pos += len;
      return out;
    }
    const out = this.source.read(this.pos, len);
    this.pos += len;
    return out;
  }

  string(len: number): string {
    if (len > MAX_STRING) {
      this.pos += len;
      return '';
    }
    return utf8.decode(this.bytes(len));
  }

  skip(wire: number): void {
    switch (wire) {
      case 0:
        this.varint();
        return;
      case 1:
        this.advance(8);
        return;
      case 2:
        this.advance(this.length());
        return;
      case 5:
        this.advance(4);
        return;
      default:
        throw malformed(this.pos, `unexpected wire type ${wire}`);
    }
  }

  advance(n: number): void {
    if (this.pos + n > this.end) throw truncated(this.pos);
    this.pos += n;
  }

  tag(): [field: number, wire: number] {
    const t = this.varint();
    const field = Math.floor(t / 8);
    if (field === 0) throw malformed(this.pos, 'field number 0');
    return [field, t % 8];
  }
}

const memorySources = new WeakSet<ByteSource>();
function isMemory(s: ByteSource): boolean {
  return memorySources.has(s);
}
function trackedMemorySource(bytes: Uint8Array): ByteSource {
  const s = memorySource(bytes);
  memorySources.add(s);
  return s;
}

function truncated(pos: number): OnnxImportError {
  return new OnnxImportError(
    'truncated',
    `the file is truncated or not an ONNX model (a field runs past its end at byte ${pos})`,
  );
}
function malformed(pos: number, what: string): OnnxImportError {
  return new OnnxImportError('malformed', `the file is not a valid ONNX model (${what} at byte ${pos})`);
}

function checkDim(d: number, what: string): number {
  if (!Number.isSafeInteger(d) || d < 0 || d > 2 ** 40) {
    throw new OnnxImportError('too-large', `${what} has a dimension ${d} that is negative or too large`);
  }
  return d;
}

/** Reads one TensorProto from `c` up to `end`: metadata and data offsets, never the data itself. */
function readTensor(c: Cursor, end: number): TensorInfo {
  const outer = c.end;
  c.end = end;
  const t: TensorInfo = { name: '', dims: [], dataType: 0, dataBytes: 0, external: false, data: null };
  while (c.pos < end) {
    const [field, wire] = c.tag();
    if (field === 1 && wire === 0) t.dims.push(c.varint());
    else if (field === 1 && wire === 2) {
      const e = c.pos + c.length();
      while (c.pos < e) t.dims.push(c.varint());
    } else if (field === 2 && wire === 0) t.dataType = c.varint();
    else if (field === 8 && wire === 2) t.name = c.string(c.length());
    else if (field === 14 && wire === 0) t.external = c.varint() === 1;
    else if (
      (field === 9 || field === 4 || field === 5 || field === 7 || field === 10 || field === 11) &&
      wire === 2
    ) {
      const len = c.length();
      t.data = { source: c.source, field, offset: c.pos, length: len };
      t.dataBytes += len;
      c.advance(len);
    } else if ((field === 4 || field === 5 || field === 7 || field === 10 || field === 11) && wire !== 2) {
      // Unpacked repeated values (legal, rare): counted, not kept.
      const before = c.pos;
      c.skip(wire);
      t.dataBytes += c.pos - before;
    } else c.skip(wire);
  }
  c.end = outer;
  const what = `tensor "${t.name}"`;
  for (const d of t.dims) checkDim(d, what);
  return t;
}

/** TensorProto decode for the generated code: the same skipping reader on the message's buffer. */
function decodeTensorFromReader(reader: $protobuf.Reader | Uint8Array, length?: number): TensorInfo {
  const r = reader instanceof $protobuf.Reader ? reader : $protobuf.Reader.create(reader);
  const end = length === undefined ? r.len : r.pos + length;
  if (end > r.len) throw new RangeError('index out of range');
  const c = new Cursor(trackedMemorySource(r.buf), r.pos, end);
  const t = readTensor(c, end);
  r.pos = end;
  return t;
}

/** Subgraphs of If/Loop/Scan are not analysed: skipped whole, which also bounds nesting depth. */
function skipMessage(reader: $protobuf.Reader | Uint8Array, length?: number): object {
  const r = reader instanceof $protobuf.Reader ? reader : $protobuf.Reader.create(reader);
  const end = length === undefined ? r.len : r.pos + length;
  if (end > r.len) throw new RangeError('index out of range');
  r.pos = end;
  return { skipped: true };
}

type Decoder = (reader: $protobuf.Reader | Uint8Array, length?: number) => unknown;
// Installed once on the generated classes: their nested-message decoders call these by name.
(onnx.TensorProto as unknown as { decode: Decoder }).decode = decodeTensorFromReader;
(onnx.GraphProto as unknown as { decode: Decoder }).decode = skipMessage;
(onnx.SparseTensorProto as unknown as { decode: Decoder }).decode = skipMessage;
(onnx.TypeProto.Sequence as unknown as { decode: Decoder }).decode = skipMessage;
(onnx.TypeProto.Map as unknown as { decode: Decoder }).decode = skipMessage;
(onnx.TypeProto.Optional as unknown as { decode: Decoder }).decode = skipMessage;

const ATTR_TYPES: Record<number, AttrValue['type']> = {
  1: 'float',
  2: 'int',
  3: 'string',
  4: 'tensor',
  5: 'graph',
  6: 'floats',
  7: 'ints',
  8: 'strings',
};

function attrValue(a: onnx.AttributeProto): AttrValue {
  let type: AttrValue['type'] | undefined = a.type ? (ATTR_TYPES[a.type] ?? 'other') : undefined;
  if (!type) {
    // IR < 2 files have no type field: the one value present decides.
    if (a.ints?.length) type = 'ints';
    else if (a.floats?.length) type = 'floats';
    else if (a.strings?.length) type = 'strings';
    else if (a.t) type = 'tensor';
    else if (a.g) type = 'graph';
    else if (a.s?.length) type = 'string';
    else if (a.f) type = 'float';
    else type = 'int';
  }
  switch (type) {
    case 'float':
      return { type, value: a.f ?? 0 };
    case 'int':
      return { type, value: num(a.i as number | Long) };
    case 'string':
      return { type, value: utf8.decode(a.s ?? new Uint8Array(0)) };
    case 'tensor':
      if (!a.t) return { type: 'other', value: null };
      return { type, value: a.t as unknown as TensorInfo };
    case 'floats':
      return { type, value: [...(a.floats ?? [])] };
    case 'ints':
      return { type, value: (a.ints ?? []).map((v) => num(v as number | Long)) };
    case 'strings':
      return { type, value: (a.strings ?? []).map((s) => utf8.decode(s)) };
    default:
      return { type: type === 'graph' ? 'graph' : 'other', value: null };
  }
}

function nodeInfo(n: onnx.NodeProto): NodeInfo {
  const attrs = new Map<string, AttrValue>();
  for (const a of n.attribute as onnx.AttributeProto[]) attrs.set(a.name, attrValue(a));
  return {
    name: n.name,
    opType: n.opType,
    domain: n.domain,
    inputs: [...n.input],
    outputs: [...n.output],
    attrs,
  };
}

function valueInfo(v: onnx.ValueInfoProto): ValueInfo {
  const tt = v.type?.tensorType;
  if (!tt) return { name: v.name, elemType: 0, dims: null };
  const shape = tt.shape;
  const dims: DimInfo[] | null = shape
    ? (shape.dim ?? []).map((d) => {
        if (d.dimParam) return d.dimParam;
        if (d.dimValue !== null && d.dimValue !== undefined) return num(d.dimValue as number | Long);
        return null;
      })
    : null;
  return { name: v.name, elemType: tt.elemType ?? 0, dims };
}

/** Runs a generated decoder on one embedded message, turning protobufjs errors into ours. */
function decodeWith<T>(c: Cursor, len: number, decode: (bytes: Uint8Array) => T): T {
  const at = c.pos;
  const bytes = c.bytes(len);
  try {
    return decode(bytes);
  } catch (e) {
    if (e instanceof OnnxImportError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw malformed(at, why);
  }
}

function readGraph(c: Cursor, end: number, info: OnnxModelInfo, progress: (pos: number) => void): void {
  const outer = c.end;
  c.end = end;
  while (c.pos < end) {
    progress(c.pos);
    const [field, wire] = c.tag();
    if (wire !== 2) {
      if (field === 1 || field === 5 || field === 11 || field === 12 || field === 13 || field === 15) {
        throw malformed(c.pos, `graph field ${field} has wire type ${wire}`);
      }
      c.skip(wire);
      continue;
    }
    const len = c.length();
    switch (field) {
      case 1:
        info.nodes.push(decodeWith(c, len, (b) => nodeInfo(onnx.NodeProto.decode(b))));
        break;
      case 2:
        info.graphName = c.string(len);
        break;
      case 5:
        info.initializers.push(readTensor(c, c.pos + len));
        break;
      case 15:
        info.sparseInitializers.push(readSparse(c, c.pos + len));
        break;
      case 11:
        info.inputs.push(decodeWith(c, len, (b) => valueInfo(onnx.ValueInfoProto.decode(b))));
        break;
      case 12:
        info.outputs.push(decodeWith(c, len, (b) => valueInfo(onnx.ValueInfoProto.decode(b))));
        break;
      case 13:
        info.valueInfo.push(decodeWith(c, len, (b) => valueInfo(onnx.ValueInfoProto.decode(b))));
        break;
      default:
        c.advance(len);
    }
  }
  c.end = outer;
}

/** SparseTensorProto: the dense dims (field 3) and the stored size of values and indices. */
function readSparse(c: Cursor, end: number): TensorInfo {
  const outer = c.end;
  c.end = end;
  const t: TensorInfo = { name: '', dims: [], dataType: 0, dataBytes: 0, external: false, data: null };
  while (c.pos < end) {
    const [field, wire] = c.tag();
    if (field === 1 && wire === 2) {
      const v = readTensor(c, c.pos + c.length());
      t.name = v.name;
      t.dataType = v.dataType;
      t.dataBytes += v.dataBytes;
    } else if (field === 3 && wire === 0) t.dims.push(checkDim(c.varint(), 'a sparse initializer'));
    else if (field === 3 && wire === 2) {
      const e = c.pos + c.length();
      while (c.pos < e) t.dims.push(checkDim(c.varint(), 'a sparse initializer'));
    } else if (field === 2 && wire === 2) {
      const before = c.pos;
      c.skip(wire);
      t.dataBytes += c.pos - before;
    } else c.skip(wire);
  }
  c.end = outer;
  return t;
}

/** Reads the function name and domain of a FunctionProto (its body is never executed here). */
function readFunctionName(c: Cursor, end: number): string {
  const outer = c.end;
  c.end = end;
  let name = '';
  let domain = '';
  while (c.pos < end) {
    const [field, wire] = c.tag();
    if (field === 1 && wire === 2) name = c.string(c.length());
    else if (field === 10 && wire === 2) domain = c.string(c.length());
    else c.skip(wire);
  }
  c.end = outer;
  return `${domain}:${name}`;
}

/**
 * Reads an ONNX model's structure. Throws {@link OnnxImportError} with one clear message for empty,
 * truncated, random or wrong-type files and for versions outside IR 3–10.
 */
export function readOnnx(input: Uint8Array | ByteSource, options: ReadOptions = {}): OnnxModelInfo {
  const source = input instanceof Uint8Array ? trackedMemorySource(input) : input;
  if (source.size === 0) throw new OnnxImportError('empty', 'the file is empty');
  const info: OnnxModelInfo = {
    irVersion: 0,
    opsets: [],
    producerName: '',
    producerVersion: '',
    graphName: '',
    nodes: [],
    initializers: [],
    sparseInitializers: [],
    inputs: [],
    outputs: [],
    valueInfo: [],
    functions: [],
    fileBytes: source.size,
  };
  const onProgress = options.onProgress;
  let nextReport = 0;
  const progress = (pos: number) => {
    if (onProgress && pos >= nextReport) {
      onProgress(pos / source.size);
      nextReport = pos + source.size / 100;
    }
  };
  let sawGraph = false;
  try {
    const c = new Cursor(source, 0, source.size);
    while (c.pos < source.size) {
      const [field, wire] = c.tag();
      // ModelProto: 1 ir_version, 2 producer_name, 3 producer_version, 7 graph, 8 opset_import, 25 functions.
      if (field === 1 && wire === 0) info.irVersion = c.varint();
      else if (field === 2 && wire === 2) info.producerName = c.string(c.length());
      else if (field === 3 && wire === 2) info.producerVersion = c.string(c.length());
      else if (field === 7 && wire === 2) {
        const len = c.length();
        readGraph(c, c.pos + len, info, progress);
        sawGraph = true;
      } else if (field === 8 && wire === 2) {
        const len = c.length();
        const o = decodeWith(c, len, (b) => onnx.OperatorSetIdProto.decode(b));
        info.opsets.push({ domain: o.domain ?? '', version: num(o.version as number | Long) });
      } else if (field === 25 && wire === 2) {
        info.functions.push(readFunctionName(c, c.pos + c.length()));
      } else if (field > 30) {
        // ModelProto has no field above 26: random bytes and other formats usually land here first.
        throw malformed(c.pos, `unknown field ${field}`);
      } else c.skip(wire);
    }
  } catch (e) {
    if (e instanceof OnnxImportError) throw withFileHint(e, sawGraph);
    if (e instanceof RangeError)
      throw new OnnxImportError('malformed', `the file is not a valid ONNX model (${e.message})`);
    throw e;
  }
  onProgress?.(1);
  if (!sawGraph || info.irVersion === 0) {
    throw new OnnxImportError('not-onnx', 'the file is not an ONNX model (it has no graph or no IR version)');
  }
  if (info.irVersion < 3 || info.irVersion > 10) {
    throw new OnnxImportError('version', `ONNX IR version ${info.irVersion} is not supported (IR 3–10 are)`);
  }
  return info;
}

function withFileHint(e: OnnxImportError, sawGraph: boolean): OnnxImportError {
  if (sawGraph) return e;
  return new OnnxImportError(e.code === 'too-large' ? 'too-large' : 'not-onnx', e.message);
}

/** Number of elements of a dims list (1 for a scalar). */
export function tensorElements(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

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
    if (!Number.isInteger(size) || size === 0 || length !== n * size) return null;
    for (let i = 0; i < n; i++) {
      const o = i * size;
      switch (t.dataType) {
        case 1:
          out.push(dv.getFloat32(o, true));
          break;
        case 2:
        case 9:
          out.push(dv.getUint8(o));
          break;
        case 3:
          out.push(dv.getInt8(o));
          break;
        case 4:
          out.push(dv.getUint16(o, true));
          break;
        case 5:
          out.push(dv.getInt16(o, true));
          break;
        case 6:
          out.push(dv.getInt32(o, true));
          break;
        case 7:
          out.push(Number(dv.getBigInt64(o, true)));
          break;
        case 10:
          out.push(half(dv.getUint16(o, true)));
          break;
        case 11:
          out.push(dv.getFloat64(o, true));
          break;
        case 12:
          out.push(dv.getUint32(o, true));
          break;
        case 13:
          out.push(Number(dv.getBigUint64(o, true)));
          break;
        default:
          return null;
      }
    }
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

function half(bits: number): number {
  const s = bits & 0x8000 ? -1 : 1;
  const e = (bits >> 10) & 0x1f;
  const f = bits & 0x3ff;
  if (e === 0) return s * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}
