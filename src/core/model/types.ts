/**
 * The ConvScope model format, version 1 (documented in docs/model-format.md).
 *
 * Field names of op parameters follow PyTorch (`out_channels`, `ceil_mode`, …) so that a learner can
 * transcribe a `torch.nn` definition line by line. Shapes never include the batch dimension: the
 * analysis is per sample (batch 1). Each layer op and its fields are defined once, in the operator
 * registry (`src/core/analysis/ops`); the types here are derived from it.
 */
import { OPERATORS, type RegisteredLayer, type RegisteredOp } from '../analysis/ops';
import type { MessageNote } from '../analysis/warning-messages';
import type { Shape } from './shape';

export type { IntOrPair, PaddingSpec, Pair, Shape } from './shape';

export const MODEL_FORMAT = 'convscope-model';
export const MODEL_VERSION = 1;
/** The id by which layers refer to the model input. */
export const INPUT_ID = 'input';

/** A layer of the model format (one per operator of the registry). */
export type LayerSpec = RegisteredLayer;
export type LayerOp = RegisteredOp;
/** The layer type of one op, e.g. `LayerOf<'conv2d'>`. */
export type LayerOf<K extends LayerOp> = Extract<LayerSpec, { op: K }>;

/** Every layer op, in the registry's order (the order of menus and listings). */
export const LAYER_OPS: readonly LayerOp[] = OPERATORS.map((o) => o.op);

export interface ModelSpec {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  name: string;
  /** [C, H, W] for image models, [N] for vector models. */
  input: Shape;
  layers: LayerSpec[];
  description?: string;
}

/**
 * One problem found by validation; `message` is complete on its own (it names the layer). Every problem
 * also carries its message by code (`note`, the layer's id not included: `issueLine` adds it), which
 * the renderer translates.
 */
export interface ModelIssue {
  layerId?: string;
  /** JSON path of the offending value, e.g. `layers[3].kernel`. */
  path: string;
  message: string;
  note?: MessageNote;
}
