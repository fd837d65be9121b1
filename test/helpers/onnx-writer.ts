/**
 * Writes small ONNX models for tests: a chain of nodes after one graph input, encoded as a ModelProto
 * with the code generated from the pinned proto (src/core/onnx/proto). Each node reads the previous
 * node's output (the graph input for the first; `reads` times) followed by its constant inputs, written as
 * initializers with raw little-endian data (zeros when no values are given).
 */
import type { OnnxNodeSketch } from '../../src/core/analysis/ops';
import { onnx } from '../../src/core/onnx/proto/onnx';

export type { OnnxNodeSketch };

/**
 * Attributes the ONNX operator schemas declare as FLOAT / FLOATS: written as floats even when the
 * value is a whole number (`alpha: 1`), as an exporter would.
 */
const FLOAT_ATTRS = new Set([
  'alpha',
  'beta',
  'gamma',
  'epsilon',
  'momentum',
  'ratio',
  'min',
  'max',
  'scales',
  'bias',
  'lambd',
  'extrapolation_value',
  'cubic_coeff_a',
  'value_float',
  'value_floats',
  'spatial_scale',
]);

/** The IR version that goes with an opset (onnx/helper.py's VERSION_TABLE). */
function irVersionFor(opset: number): number {
  if (opset <= 8) return 3;
  if (opset <= 9) return 4;
  if (opset <= 10) return 5;
  if (opset <= 11) return 6;
  if (opset <= 14) return 7;
  if (opset <= 18) return 8;
  if (opset <= 20) return 9;
  return 10;
}

const { AttributeType } = onnx.AttributeProto;

function attribute(name: string, v: number | string | number[]): onnx.IAttributeProto {
  if (typeof v === 'string') return { name, type: AttributeType.STRING, s: new TextEncoder().encode(v) };
  if (Array.isArray(v)) {
    return FLOAT_ATTRS.has(name) || !v.every(Number.isInteger)
      ? { name, type: AttributeType.FLOATS, floats: v }
      : { name, type: AttributeType.INTS, ints: v };
  }
  return FLOAT_ATTRS.has(name) || !Number.isInteger(v)
    ? { name, type: AttributeType.FLOAT, f: v }
    : { name, type: AttributeType.INT, i: v };
}

const FLOAT = 1;
const INT64 = 7;

function initializer(name: string, c: NonNullable<OnnxNodeSketch['consts']>[number]): onnx.ITensorProto {
  const n = c.dims.reduce((a, b) => a * b, 1);
  if (c.values && c.values.length !== n)
    throw new Error(`constant ${name}: ${c.values.length} values for dims [${c.dims.join(', ')}]`);
  const size = c.dataType === 'float' ? 4 : 8;
  const raw = new Uint8Array(n * size);
  const view = new DataView(raw.buffer);
  c.values?.forEach((v, i) => {
    if (c.dataType === 'float') view.setFloat32(i * size, v, true);
    else view.setBigInt64(i * size, BigInt(v), true);
  });
  return { name, dims: c.dims, dataType: c.dataType === 'float' ? FLOAT : INT64, rawData: raw };
}

/**
 * A model whose graph input is `[1, ...input]` (float) and whose nodes form a chain; the last node's
 * output is the graph output. Node i is named `<OpType>_<i>` and writes `t<i>`.
 */
export function writeOnnxModel({
  input,
  nodes,
  opset = 13,
}: {
  input: number[] /* without batch */;
  nodes: OnnxNodeSketch[] /* a chain */;
  opset?: number;
}): Uint8Array {
  const initializers: onnx.ITensorProto[] = [];
  let prev = 'x';
  const graphNodes = nodes.map((sketch, i) => {
    const name = `${sketch.opType}_${i}`;
    const constNames = (sketch.consts ?? []).map((c, j) => {
      const cname = `${name}_c${j}`;
      initializers.push(initializer(cname, c));
      return cname;
    });
    const node: onnx.INodeProto = {
      name,
      opType: sketch.opType,
      input: [...new Array<string>(sketch.reads ?? 1).fill(prev), ...constNames],
      output: [`t${i}`],
      attribute: Object.entries(sketch.attrs ?? {}).map(([k, v]) => attribute(k, v)),
    };
    prev = `t${i}`;
    return node;
  });
  const tensor = (name: string, dims?: number[]): onnx.IValueInfoProto => ({
    name,
    type: {
      tensorType: {
        elemType: FLOAT,
        ...(dims ? { shape: { dim: dims.map((d) => ({ dimValue: d })) } } : {}),
      },
    },
  });
  return onnx.ModelProto.encode({
    irVersion: irVersionFor(opset),
    producerName: 'convscope-test',
    opsetImport: [{ domain: '', version: opset }],
    graph: {
      name: 'sketch',
      node: graphNodes,
      initializer: initializers,
      input: [tensor('x', [1, ...input])],
      output: [tensor(prev)],
    },
  }).finish();
}
