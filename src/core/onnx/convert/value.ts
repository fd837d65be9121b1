/**
 * What the conversion knows about each value (tensor name) of the graph, and the two ways a handler
 * declines a node: {@link Unsupported} (the operator, or this use of it, cannot be expressed) and
 * {@link Skip} (the node cannot be placed in the model).
 */
import type { ConstVal } from '../fold/values';
import type { NodeInfo, TensorInfo } from '../read';

/** A node by name and op type, as the import summary shows it. */
export interface NodeRef {
  node: string;
  op: string;
}

/**
 * Why a node was left out of the model, structured for a summary in any language. `depends` points
 * at the node where the chain of left-out nodes starts (an index into the skipped list).
 */
export type SkipCause =
  /** Its operator cannot be expressed and the shape of its output is unknown. */
  | { kind: 'unsupported' }
  /** Its data input is a constant, or it is a constant computation that is not evaluated. */
  | { kind: 'constant' }
  /** It reads a view (Transpose, Reshape, …) whose memory layout the model format cannot express. */
  | { kind: 'layout'; view: NodeRef }
  /** It reads a second graph input: the model format has a single input. */
  | { kind: 'input'; input: string }
  /** It reads a secondary output of a node (MaxPool indices, a Dropout mask, …) that is not analysed. */
  | { kind: 'secondary'; of: NodeRef }
  /** Its input is missing or has an unknown shape. */
  | { kind: 'shape' }
  /** It reads the output of a node left out; `root` is the first left-out node of the chain. */
  | { kind: 'depends'; root: number };

/** A value in the graph: dims with batch, and where its data comes from. */
export interface Val {
  dims: number[] | null;
  /** Known constant (initializer, Constant, folded subgraph). */
  c?: ConstVal;
  /** Initializer (or Constant tensor) behind a constant, for parameter counting. */
  tensor?: TensorInfo;
  /** The layer whose output this value is, exactly. */
  layer?: string;
  /** A view (no data moved) of this layer's output. */
  src?: string;
  viewNode?: NodeInfo;
  /** Why this value cannot be analysed (a sentence for the skipped list) … */
  broken?: string;
  /** … and the cause a node reading it inherits. */
  blocked?: SkipCause;
}

/** The node cannot be placed in the model: `message` is the reason listed, `why` its structured form. */
export class Skip extends Error {
  constructor(
    message: string,
    readonly why: SkipCause,
  ) {
    super(message);
  }
}

/** The operator (or this use of it) cannot be expressed: counted as unsupported, kept as a placeholder when its shape is known. */
export class Unsupported extends Error {}

export const ref = (node: NodeInfo): NodeRef => ({ node: node.name, op: node.opType });
