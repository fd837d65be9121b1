/**
 * Reads the structure of an ONNX `ModelProto` (pinned `proto/onnx.proto`, ONNX 1.16, IR ≤ 10) without
 * the weight data.
 *
 * The two outer levels (ModelProto, GraphProto) and every TensorProto are pulled field by field from
 * a {@link ByteSource} ({@link Cursor}), so `raw_data` and the typed data fields of initializers are
 * skipped by offset: their bytes are counted, never read or copied. Nodes, value infos and opset
 * entries are small and go through the generated code (`decode.ts`).
 */
import { errorNote, type ErrorNote } from '../../analysis/warning-messages';
import { OnnxImportError } from '../errors';
import type { ByteSource } from '../source';
import { Cursor, malformed, trackedMemorySource } from './cursor';
import { decodeNode, decodeOpset, decodeValueInfo } from './decode';
import { readSparse, readTensor } from './tensor';
import type { OnnxModelInfo, ReadOptions } from './types';

export * from './types';
export { DATA_TYPES, tensorElements, tensorValues } from './tensor';
export { withSkippingDecoders } from './decode';

/**
 * What a protobufjs decoder's error says, by code (its messages are fixed English sentences:
 * protobufjs/src/reader.js and the generated decoders); any other error keeps its own words.
 */
export function decodeProblem(e: unknown): ErrorNote {
  const why = e instanceof Error ? e.message : String(e);
  const wire = /invalid wire type (\d+)/.exec(why);
  if (wire) return errorNote('onnx-wire-type', { wire: Number(wire[1]) });
  if (why.startsWith('index out of range')) return errorNote('onnx-past-end', {});
  if (/^invalid (varint|tag|length) encoding/.test(why)) return errorNote('onnx-bad-varint', {});
  if (why.includes('field number 0')) return errorNote('onnx-field-zero', {});
  if (why === 'max depth exceeded') return errorNote('onnx-too-deep', {});
  if (/end group/.test(why)) return errorNote('onnx-end-group', {});
  return errorNote('onnx-undecodable', { text: why });
}

/** Runs a generated decoder on one embedded message, turning protobufjs errors into ours. */
function decodeWith<T>(c: Cursor, len: number, decode: (bytes: Uint8Array) => T): T {
  const at = c.pos;
  const bytes = c.bytes(len);
  try {
    return decode(bytes);
  } catch (e) {
    if (e instanceof OnnxImportError) throw e;
    throw malformed(at, decodeProblem(e));
  }
}

/** GraphProto fields that must be length-delimited: 1 node, 5 initializer, 11 input, 12 output, 13 value_info, 15 sparse_initializer. */
const GRAPH_MESSAGES = new Set([1, 5, 11, 12, 13, 15]);

function readGraph(c: Cursor, end: number, info: OnnxModelInfo, progress: (pos: number) => void): void {
  const outer = c.end;
  c.end = end;
  while (c.pos < end) {
    progress(c.pos);
    const [field, wire] = c.tag();
    if (wire !== 2) {
      if (GRAPH_MESSAGES.has(field)) throw malformed(c.pos, errorNote('onnx-graph-wire', { field, wire }));
      c.skip(wire);
      continue;
    }
    const len = c.length();
    switch (field) {
      case 1:
        info.nodes.push(decodeWith(c, len, decodeNode));
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
        info.inputs.push(decodeWith(c, len, decodeValueInfo));
        break;
      case 12:
        info.outputs.push(decodeWith(c, len, decodeValueInfo));
        break;
      case 13:
        info.valueInfo.push(decodeWith(c, len, decodeValueInfo));
        break;
      default:
        c.advance(len);
    }
  }
  c.end = outer;
}

/** Reads the function name and domain of a FunctionProto (its body is never executed here). */
function readFunctionName(c: Cursor, end: number): string {
  let name = '';
  let domain = '';
  c.message(end, (field, wire) => {
    if (field === 1 && wire === 2) name = c.string(c.length());
    else if (field === 10 && wire === 2) domain = c.string(c.length());
    else c.skip(wire);
  });
  return `${domain}:${name}`;
}

/**
 * Reads an ONNX model's structure. Throws {@link OnnxImportError} with one clear message for empty,
 * truncated, random or wrong-type files and for versions outside IR 3–10.
 */
export function readOnnx(input: Uint8Array | ByteSource, options: ReadOptions = {}): OnnxModelInfo {
  const source = input instanceof Uint8Array ? trackedMemorySource(input) : input;
  if (source.size === 0) throw new OnnxImportError('empty', errorNote('onnx-empty', {}));
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
  // int64 in the file: kept exact for the message (a negative version must not print as 1.8e19).
  let ir: number | bigint = 0;
  try {
    const c = new Cursor(source, 0, source.size);
    while (c.pos < source.size) {
      const [field, wire] = c.tag();
      // ModelProto: 1 ir_version, 2 producer_name, 3 producer_version, 7 graph, 8 opset_import, 25 functions.
      if (field === 1 && wire === 0) ir = c.int64();
      else if (field === 2 && wire === 2) info.producerName = c.string(c.length());
      else if (field === 3 && wire === 2) info.producerVersion = c.string(c.length());
      else if (field === 7 && wire === 2) {
        const len = c.length();
        readGraph(c, c.pos + len, info, progress);
        sawGraph = true;
      } else if (field === 8 && wire === 2) {
        info.opsets.push(decodeWith(c, c.length(), decodeOpset));
      } else if (field === 25 && wire === 2) {
        info.functions.push(readFunctionName(c, c.pos + c.length()));
      } else if (field > 30) {
        // ModelProto has no field above 26: random bytes and other formats usually land here first.
        throw malformed(c.pos, errorNote('onnx-unknown-field', { field }));
      } else c.skip(wire);
    }
  } catch (e) {
    if (e instanceof OnnxImportError) throw withFileHint(e, sawGraph);
    if (e instanceof RangeError)
      throw new OnnxImportError('malformed', errorNote('onnx-invalid', { detail: e.message }));
    throw e;
  }
  onProgress?.(1);
  info.irVersion = Number(ir);
  if (!sawGraph || ir === 0) {
    throw new OnnxImportError('not-onnx', errorNote('onnx-no-graph', {}));
  }
  if (ir < 3 || ir > 10) {
    throw new OnnxImportError('version', errorNote('onnx-ir-version', { ir: String(ir) }));
  }
  return info;
}

function withFileHint(e: OnnxImportError, sawGraph: boolean): OnnxImportError {
  if (sawGraph) return e;
  return new OnnxImportError(e.code === 'too-large' ? 'too-large' : 'not-onnx', e.note);
}
