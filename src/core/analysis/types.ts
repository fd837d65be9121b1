import type { FormulaTrace } from '../formulas/latex';
import type { OutputSizeTrace } from '../formulas/output-size';
import type { ReceptiveField } from '../formulas/receptive-field';
import type { LayerOp, Shape } from '../model/types';
import type { WarningNote } from './warning-messages';

export type Dtype = 'fp32' | 'fp16' | 'int8';
export const DTYPE_BYTES: Record<Dtype, number> = { fp32: 4, fp16: 2, int8: 1 };

export interface AnalysisOptions {
  /** 'flops': FLOPs = 2 × MACs (a multiply and an add); 'macs': one MAC counts as one FLOP. */
  convention: 'macs' | 'flops';
  /** Add one FLOP per output element of a conv/linear with bias. */
  countBias: boolean;
  /** Add BatchNorm/LayerNorm at 1 op per output element (fused scale and shift). */
  countNorm: boolean;
  /** Add activations at 1 op per output element. */
  countActivations: boolean;
  /** Add pooling: out × K_h × K_w for windows, input elements for adaptive/global pooling. */
  countPooling: boolean;
  /**
   * Add element-wise add/sub/mul/div ((operands − 1) × output elements, a constant operand counting as
   * one) and bilinear upsampling (4 per output).
   */
  countElementwise: boolean;
  dtype: Dtype;
  /** In-place activations (ReLU and friends), dropout and views (flatten, identity) allocate no new map. */
  inplaceActivations: boolean;
}

export const DEFAULT_OPTIONS: AnalysisOptions = {
  convention: 'flops',
  countBias: false,
  countNorm: false,
  countActivations: false,
  countPooling: false,
  countElementwise: false,
  dtype: 'fp32',
  inplaceActivations: false,
};

/** Element operations outside conv/linear MACs, each in its own category (always computed). */
export interface OtherOps {
  bias: number;
  norm: number;
  activation: number;
  pooling: number;
  elementwise: number;
}

export interface LayerParams {
  weights: number;
  bias: number;
  /** Non-trainable state (BatchNorm running mean/var and num_batches_tracked); not in `total`. */
  buffers: number;
  /** weights + bias, unless the layer is frozen. */
  trainable: number;
  /** weights + bias */
  total: number;
}

export interface LayerAnalysis {
  id: string;
  op: LayerOp;
  inputs: string[];
  inputShapes: Shape[];
  outputShape: Shape;
  outputElements: number;
  params: LayerParams;
  /** Multiply-accumulates of conv/linear layers only (0 elsewhere). */
  macs: number;
  ops: OtherOps;
  /** FLOPs under the chosen convention and toggles. */
  flops: number;
  /** The feature map this layer allocates (0 elements when it works in place). */
  activation: { elements: number; bytes: number; inplace: boolean };
  memoryAccess: { inputBytes: number; weightBytes: number; outputBytes: number; totalBytes: number };
  /** FLOPs per byte of memory access (0 when nothing is moved). */
  arithmeticIntensity: number;
  /** Running sums over the layers up to and including this one (in analysis order). */
  cumulative: { macs: number; flops: number; activationBytes: number; memoryAccessBytes: number };
  rf: ReceptiveField;
  /** [h, w] output-size traces of windowed layers (conv, pooling); null for other layers. */
  outputSizeTrace: [OutputSizeTrace, OutputSizeTrace] | null;
  /**
   * Set only on `unsupported` layers: the operator's name. Such a row's params, MACs, FLOPs and
   * element ops are unknown (shown as 0, never meant as zero); see `totals.complete`.
   */
  unsupported?: string;
  /**
   * Every number of this row explained, built on first access. A getter, not data: JSON.stringify and
   * structuredClone leave it out; use layerWithFormulas(row) to send a row with its traces.
   */
  readonly formulas: FormulaTrace[];
}

export type WarningKind =
  'inexact-division' | 'misaligned-branches' | 'jump-mismatch' | 'rf-holes' | 'unsupported';

/**
 * A warning: its kind, its message by code with parameters (`./warning-messages.ts`, which the renderer
 * translates) and the same message in English, with the layer's id first.
 */
export interface AnalysisWarning extends WarningNote {
  layerId: string;
  kind: WarningKind;
  message: string;
}

export interface AnalysisTotals {
  params: number;
  trainableParams: number;
  buffers: number;
  macs: number;
  flops: number;
  ops: OtherOps;
  activationElements: number;
  activationBytes: number;
  memoryAccessBytes: number;
  /** false when some cost is unknown (unsupported layers): params, MACs and FLOPs are lower bounds. */
  complete: boolean;
  /** Ids of the layers whose cost is unknown, in analysis order. */
  incomplete: string[];
}

export interface ModelAnalysis {
  model: string;
  input: Shape;
  outputShape: Shape;
  options: AnalysisOptions;
  layers: LayerAnalysis[];
  totals: AnalysisTotals;
  warnings: AnalysisWarning[];
}
