/** The result of converting an ONNX graph, and its options. */
import type { ModelSpec, Shape } from '../../model/types';
import type { NodeRef, SkipCause } from './value';

export type { NodeRef } from './value';

export interface ConvertOptions {
  /** Values of symbolic input dimensions by name; a symbolic first (batch) dimension is 1. */
  dims?: Record<string, number>;
  /** [C, H, W] or [N]: fills the symbolic non-batch input dimensions in order. */
  inputShape?: Shape;
  /** Model name; default the graph name. */
  name?: string;
}

export interface OpCount {
  op: string;
  count: number;
}

/** A node of the file that is not in the model, and why. */
export interface SkippedNode {
  node: string;
  op: string;
  reason: string;
}

/** Why the first node of a chain of left-out nodes could not be placed (see {@link SkipCause}). */
export type LeftOutCause = Exclude<SkipCause, { kind: 'depends' }>;

/** One node left out of the model, with the nodes left out because they read its output. */
export interface LeftOutGroup extends NodeRef {
  cause: LeftOutCause;
  /** Nodes left out only because they read its output, directly or through each other, in graph order. */
  dependants: NodeRef[];
}

/**
 * BatchNorm layers an exporter folded into the convolutions before them (PyTorch's eval-mode export):
 * the convolution reads a weight and a bias the exporter computed (named `onnx::Conv_…`, or a bare
 * number in older PyTorch) instead of the module's own parameters. Each BatchNorm of C channels loses
 * its scale and shift (2C parameters) and its convolution gains a bias (C), so the model counts
 * `channels` parameters fewer than the PyTorch module (when the convolutions had no bias of their own,
 * as before a BatchNorm). MACs do not change.
 */
export interface FoldedBatchNorm {
  /** Convolutions carrying a folded BatchNorm. */
  convs: number;
  /** Their output channels: the BatchNorm channels folded. */
  channels: number;
}

export interface OnnxImport {
  model: ModelSpec;
  source: {
    irVersion: number;
    opset: number;
    producer: string;
    graphName: string;
    nodes: number;
    initializers: number;
    fileBytes: number;
    /** Bytes of initializer data in the file (external data not included). */
    weightBytes: number;
    externalData: boolean;
  };
  /** Every operator of the graph with its count (domain-qualified outside the default domain). */
  ops: OpCount[];
  /** Operators the converter cannot express, with counts; never silently dropped. */
  unsupported: OpCount[];
  /**
   * Layers standing in for unsupported operators (`unsupported` layers with the right output shape):
   * their cost is unknown and missing from every total; the analysis marks them and says "incomplete".
   */
  unsupportedLayers: string[];
  /** Nodes left out of the model (downstream of an unsupported operator, or shapes the format cannot hold). */
  skipped: SkippedNode[];
  /** The same nodes grouped by where the trouble starts, with structured causes (for the import summary). */
  leftOut: LeftOutGroup[];
  /** false when anything is unsupported or skipped: totals are lower bounds. */
  complete: boolean;
  /**
   * Parameters counted from the initializers the layers read, each initializer once (shared
   * weights through Identity count once): conv/linear weights and biases, BatchNorm scale and shift.
   * BatchNorm running mean and variance are `buffers`.
   */
  params: { total: number; buffers: number };
  /** BatchNorm folded into convolutions by the exporter, or null when there is none. */
  foldedBatchNorm: FoldedBatchNorm | null;
  /** Where the model differs in form (not in cost) from the ONNX graph. */
  notes: string[];
}
