/** One ONNX node of an operator's example, as a small chain writer turns it into a model. */
export interface OnnxNodeSketch {
  opType: string;
  /** ints, floats, strings, lists of ints/floats */
  attrs?: Record<string, number | string | number[]>;
  /** How many times the node reads the previous node's output (default 1), before its constants. */
  reads?: number;
  /** Constant inputs after the data input(s), written as initializers (weights, shapes, scales). */
  consts?: { dims: number[]; dataType: 'float' | 'int64'; values?: number[] }[];
}
