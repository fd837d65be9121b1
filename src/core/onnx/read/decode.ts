/**
 * The small messages of a graph (nodes, value infos, opset entries) go through the code generated from
 * the pinned `proto/onnx.proto`. Inside them, the generated decoders of TensorProto, GraphProto,
 * SparseTensorProto and the nested TypeProto kinds are replaced, for the duration of one decode only,
 * by {@link withSkippingDecoders}: a tensor attribute (a Constant node's weights) is then read like an
 * initializer — dims and data offsets, never the values — and subgraphs and nested types are skipped
 * whole, which also bounds the nesting depth.
 */
import $protobuf from 'protobufjs/minimal';
import { onnx } from '../proto/onnx';
import { Cursor, trackedMemorySource, utf8 } from './cursor';
import { num, readTensor } from './tensor';
import type { AttrValue, DimInfo, NodeInfo, TensorInfo, ValueInfo } from './types';

type Decoder = (reader: $protobuf.Reader | Uint8Array, length?: number) => unknown;
type Decodable = { decode: Decoder };

/** TensorProto decode for the generated code: the skipping reader on the message's buffer. */
function decodeTensorFromReader(reader: $protobuf.Reader | Uint8Array, length?: number): TensorInfo {
  const r = reader instanceof $protobuf.Reader ? reader : $protobuf.Reader.create(reader);
  const end = length === undefined ? r.len : r.pos + length;
  if (end > r.len) throw new RangeError('index out of range');
  const t = readTensor(new Cursor(trackedMemorySource(r.buf), r.pos, end), end);
  r.pos = end;
  return t;
}

/** Subgraphs of If/Loop/Scan, sparse tensors and nested types are not analysed: skipped whole. */
function skipMessage(reader: $protobuf.Reader | Uint8Array, length?: number): object {
  const r = reader instanceof $protobuf.Reader ? reader : $protobuf.Reader.create(reader);
  const end = length === undefined ? r.len : r.pos + length;
  if (end > r.len) throw new RangeError('index out of range');
  r.pos = end;
  return { skipped: true };
}

type Namespace = typeof onnx;

/**
 * The generated message classes whose decoders are replaced, and by what. Nested decoders are looked
 * up at run time through protobufjs's shared root (`roots.default.onnx`), so that is the namespace
 * patched (the same object as `onnx` unless another copy of the generated module replaced it).
 */
function replaced(): [Decodable, Decoder][] {
  const ns = ($protobuf.roots as Record<string, { onnx?: Namespace }>).default?.onnx ?? onnx;
  const d = (cls: unknown) => cls as Decodable;
  return [
    [d(ns.TensorProto), decodeTensorFromReader],
    [d(ns.GraphProto), skipMessage],
    [d(ns.SparseTensorProto), skipMessage],
    [d(ns.TypeProto.Sequence), skipMessage],
    [d(ns.TypeProto.Map), skipMessage],
    [d(ns.TypeProto.Optional), skipMessage],
  ];
}

/**
 * Runs `decode` (a call of the generated code) with the skipping decoders in place, and puts the
 * generated ones back afterwards, also when it throws. The generated classes call nested decoders
 * by name at run time, so the replacement is seen by every nested message of this one decode and by
 * nothing else: no other code runs in between (decoding is synchronous).
 */
export function withSkippingDecoders<T>(decode: () => T): T {
  const targets = replaced();
  const saved = targets.map(([cls]) => cls.decode);
  for (const [cls, replacement] of targets) cls.decode = replacement;
  try {
    return decode();
  } finally {
    targets.forEach(([cls], i) => (cls.decode = saved[i]));
  }
}

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

type Long = { toNumber(): number };

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
      // With the skipping decoders in place the generated code hands back a TensorInfo.
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

/** Decodes one NodeProto (weights in tensor attributes skipped). */
export function decodeNode(bytes: Uint8Array): NodeInfo {
  const n = withSkippingDecoders(() => onnx.NodeProto.decode(bytes));
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

/** Decodes one ValueInfoProto: a tensor's element type and dims (nested non-tensor types skipped). */
export function decodeValueInfo(bytes: Uint8Array): ValueInfo {
  const v = withSkippingDecoders(() => onnx.ValueInfoProto.decode(bytes));
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

/** Decodes one OperatorSetIdProto (no nested messages). */
export function decodeOpset(bytes: Uint8Array): { domain: string; version: number } {
  const o = onnx.OperatorSetIdProto.decode(bytes);
  return { domain: o.domain ?? '', version: num(o.version as number | Long) };
}
