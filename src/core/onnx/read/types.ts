/** What the reader gives the converter: the structure of an ONNX model, never its weight values. */
import type { ByteSource } from '../source';

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
