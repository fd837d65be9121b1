import type { RuleText } from './rule-notes';
/**
 * What an operator of the registry is: one object per layer op holding everything ConvScope knows
 * about it (attribute schema, editor fields, the "add layer" template, shape inference, cost, receptive
 * field, formula traces and the ONNX mapping). The engine walks the graph and asks each layer's entry.
 */
import type { z } from 'zod';
import type { FormulaTrace } from '../../formulas/latex';
import type { OutputSizeTrace } from '../../formulas/output-size';
import type { RfDim } from '../../formulas/receptive-field';
import type { Shape } from '../../model/shape';
import type { OtherOps, WarningKind } from '../types';
import type { OnnxNodeSketch } from './onnx-sketch';
import type { WarningNote } from '../warning-messages';

export type Rf2 = [RfDim, RfDim];

/** How the editor shows a field (LayerForm.vue has one input per kind). */
export type FieldKind =
  | 'int'
  | 'number'
  | 'bool'
  | 'enum'
  | 'intOrPair'
  | 'numberOrPair'
  | 'padding'
  | 'padding4'
  | 'text'
  | 'shape';

/** One attribute of an operator: its zod type (optional when it has a default) and what users see. */
export interface AttrSpec<T extends z.ZodType = z.ZodType> {
  zod: T;
  kind: FieldKind;
  /** The value used when the attribute is absent, as `convscope ops` prints it ("kernel": the kernel size). */
  default?: number | boolean | string;
  /** Allowed values in words, e.g. "≥ 1" or "[0, 1]". */
  range?: string;
  /** Unit of the value, e.g. "px" or "channels". */
  unit?: string;
  /** The choices of an `enum` field. */
  options?: readonly string[];
}

/** An attribute as listed (schema, editor, CLI): the spec with its key and whether it must be given. */
export interface FieldSpec extends Omit<AttrSpec, 'zod'> {
  key: string;
  required: boolean;
  /** i18n key of the field's label (`ops.fields.<key>`). */
  labelKey: string;
}

/** The effect of one layer, computed from its attributes and input shapes. */
export interface OpResult {
  outShape: Shape;
  rf: Rf2;
  weights: number;
  bias: number;
  buffers: number;
  /** Buffers read at inference (BatchNorm running mean and variance, a constant operand). */
  inferenceBuffers: number;
  macs: number;
  ops: OtherOps;
  traces: [OutputSizeTrace, OutputSizeTrace] | null;
  /** Op-specific formula traces, built on demand. */
  formulas: () => FormulaTrace[];
  /** Formula traces of the RF step, built on demand. */
  rfFormulas: () => FormulaTrace[];
  warnings: ({ kind: WarningKind } & WarningNote)[];
  /** The operator's name when the layer's cost is unknown (`unsupported` layers). */
  unsupported?: string;
}

/** What a layer reads: the shapes and receptive fields of its inputs, and their ids (for messages). */
export interface OpInputs {
  shapes: Shape[];
  rfs: Rf2[];
  ids: string[];
  /**
   * The receptive field of a unit that sees the whole model input (H×W of a map, the T positions of a
   * sequence): what attention and recurrence give, since every token reads every (earlier) token.
   */
  whole?: Rf2;
}

/** What an input of an ONNX node is for; a message names it by role and ONNX name ("weights W", 权重（W）). */
export type OnnxInputRole = 'input' | 'weight' | 'bias' | 'scale' | 'mean' | 'variance' | 'recurrent-weight';

/** An input of an ONNX node: its name in the ONNX operator specification and its role. */
export type OnnxInput = readonly [name: string, role: OnnxInputRole];

/**
 * How an operator maps to ONNX: the ONNX op types the importer turns into it, and a small ONNX node
 * chain that computes the same layer (the round-trip test writes it, imports it and compares), or the
 * reason there is no mapping. `inputs` gives, per ONNX op type, the node's inputs in order, as the
 * importer's messages name them (the only list of them).
 */
export type OnnxMapping<L> =
  | {
      from: readonly string[];
      opset: number;
      inputs?: Readonly<Record<string, readonly OnnxInput[]>>;
      example(layer: L, input: Shape): OnnxNodeSketch[];
    }
  | { none: string };

/**
 * How a layer is written in PyTorch (the `convscope export --pytorch` file): the module built in
 * `__init__` (called with the layer's inputs in `forward`), or an expression of the inputs' variable
 * names; `helpers` names classes of the file's prelude it needs. `none` gives the reason there is no
 * equivalent; the export then names the layer and refuses rather than dropping it.
 */
export type PytorchMapping<L> =
  | {
      to(
        layer: L,
        inputs: Shape[],
      ): { module: string; helpers?: PytorchHelper[] } | { expr(args: string[]): string };
    }
  | { none: string };

/** Classes the exported file defines once when a layer needs them (src/core/export/pytorch-prelude.ts). */
export type PytorchHelper =
  'LayerNorm2d' | 'WithConstant' | 'ClassToken' | 'PosEmbedding' | 'SelfAttention' | 'RecurrentOutput';

export type OpFamily =
  | 'convolution'
  | 'pooling'
  | 'linear'
  | 'normalisation'
  | 'activation'
  | 'elementwise'
  | 'structure'
  | 'resize'
  | 'sequence'
  | 'attention'
  | 'recurrent';

/** The fields every layer has besides its attributes. */
export interface LayerBase {
  /** Unique within the model; `"input"` is reserved for the model input. */
  id: string;
  /** Ids of the layers (or `"input"`) this layer reads. Default: the previous layer in the list. */
  inputs?: string[];
  /** false marks the layer's parameters frozen (counted as non-trainable). Default true. */
  trainable?: boolean;
}

/** A layer's attributes (everything but id, op, inputs and trainable). */
export type AttrsOf<L> = Omit<L, keyof LayerBase | 'op'>;

/** The single definition of one layer op. */
export interface OperatorDef<L extends LayerBase & { op: string } = LayerBase & { op: string }> {
  op: L['op'];
  family: OpFamily;
  /** One line for `convscope ops` and docs. */
  summary: string;
  /** Attributes in the order the editor shows them. */
  fields: readonly FieldSpec[];
  /**
   * The attributes as defined, their zod types as recipes (./zod-recipe): src/core/model/schema.ts
   * builds the layer's strict schema from them (with id, op, inputs, trainable) when one is validated.
   */
  attrs: Readonly<Record<string, AttrSpec>>;
  /**
   * What "add layer" starts with: the required fields at common values, for a layer reading
   * `inputs` tensors the first of which has shape `input`.
   */
  template(input: Shape, inputs: number): AttrsOf<L>;
  /** Prefix of generated ids (`conv` → conv1, conv2…). */
  idPrefix: string;
  /** 'one': exactly one input; 'many': one or more. */
  arity: 'one' | 'many';
  /** The input ranks it accepts: [C, H, W] maps, [N] vectors, [T, D] sequences, or any. */
  accepts: 'map' | 'vector' | 'sequence' | 'any';
  /** May overwrite its input (PyTorch `inplace=True`) or is a view/no-op at inference. */
  inplace: boolean;
  /** Moves no data at inference (views and no-ops). */
  view: boolean;
  /**
   * Shapes, cost, RF and warnings; throws ShapeError for a layer that does not fit its input. With
   * `explain`, also prepares the formula traces (skipped on the hot path).
   */
  compute(layer: L, input: OpInputs, explain: boolean): OpResult;
  onnx: OnnxMapping<L>;
  pytorch: PytorchMapping<L>;
  /** i18n key of the op's name (`ops.names.<op>`). */
  labelKey: string;
  /**
   * The layer's arithmetic per kind and what fvcore and ptflops count for it (docs/conventions.md),
   * per sample. Optional: without it, `layerCounting` (../counting.ts) derives it from the result:
   * the MACs under the op family's product kind, the element ops under their category, and the
   * counters' default rules (fvcore: MACs; ptflops: MACs + bias adds).
   */
  counting?(layer: L, io: CountingIO): LayerCounting;
  /**
   * What autograd keeps of this layer for the backward pass (PyTorch 1.13 CPU). Optional: the
   * default keeps the inputs of a layer with MACs and nothing otherwise (see ../training.ts).
   */
  saves?(layer: L, io: CountingIO, inplace: boolean): SavedSpec;
  /**
   * Backward MACs per sample when they are not the default (the forward MACs once for the weight
   * gradients and once for the gradient of each input that needs one; see ../training.ts): a
   * recurrent layer computes no gradient for its initial hidden state (zeros).
   */
  backward?(layer: L, io: CountingIO, inputNeedsGrad: boolean): BackwardMacs;
  /**
   * How many tensors hold its parameters in PyTorch (Adam keeps one `step` per tensor). Default: one
   * for the weights and one for the bias, when there are any.
   */
  paramTensors?(layer: L): number;
}

/** MACs of a layer's backward pass per sample: weight gradients and input gradients. */
export interface BackwardMacs {
  weights: number;
  input: number;
}

/** What a counting or saving rule reads: the layer's input and output shapes and its result. */
export interface CountingIO {
  inShapes: Shape[];
  outShape: Shape;
  result: OpResult;
}

/** Multiply-accumulates by the kind of product (the kinds of `totals.macsByKind`). */
export type ProductKind = 'conv' | 'convTranspose' | 'linear' | 'matmul' | 'recurrent';
/** Arithmetic outside the products, counted one operation at a time. */
export type ElementKind = 'bias' | 'norm' | 'activation' | 'pool' | 'elementwise' | 'softmax';
export type ArithmeticKind = ProductKind | ElementKind;

/** What one established counter gives for a layer, in its own unit (MACs for fvcore and ptflops). */
export interface CounterRule {
  count: number;
  /** The rule: formula, note and source, e.g. "2·numel(x): eval [F-norm]" (./rule-notes.ts). */
  rule: RuleText;
  /** The counter does not know the op: it counts 0 and warns with this name (fvcore's "aten::max_pool2d"). */
  unsupported?: string;
}

/** One layer's arithmetic, per sample. */
export interface LayerCounting {
  /** MACs by product kind. */
  macs: Partial<Record<ProductKind, number>>;
  /** Operations counted one by one ("all operators"), by kind; `bias` is one add per output. */
  ops: Partial<Record<ElementKind, number>>;
  /** How "all operators" counts the op (e.g. "1·numel(y): 1 comparison per element"). */
  rule?: RuleText;
  fvcore?: CounterRule;
  ptflops?: CounterRule;
}

/**
 * What a layer saves for backward, as storages: its inputs (by position), its output, a copy of its
 * input, and extra elements (statistics, masks) or int64 indices that no other layer shares.
 */
export interface SavedSpec {
  inputs?: number[];
  output?: boolean;
  /** A new storage of the input's size (an in-place op whose derivative needs the input: ReLU6). */
  inputCopy?: boolean;
  /** Extra values of the analysis dtype per sample (dropout's mask, LayerNorm's row statistics). */
  extraElements?: number;
  /** Extra values of the analysis dtype per layer, whatever the batch (BatchNorm's mean and inverse std). */
  statElements?: number;
  /** int64 values (max-pooling indices). */
  indexElements?: number;
  /**
   * Bytes per layer whatever the batch and the dtype: a Python number autograd keeps as a float64
   * scalar tensor (attention's √d divisor, 8 bytes).
   */
  scalarBytes?: number;
  /** The output is a new storage in training although the op is a view at inference (dropout). */
  allocates?: boolean;
}
