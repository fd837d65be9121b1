/**
 * Every validation error as a code with parameters, the English text of each here (the CLI, the core's
 * `message` and the renderer's English print it); the renderer shows `modelErrors.notes.<code>` in the UI
 * language (`locales/zh-CN/model-errors*.ts` key on the same codes with the same parameters). Templates
 * follow the warnings' rules (src/core/analysis/warning-messages.ts): `{name}` parameters, no @ $ or |.
 * This table: a layer that does not fit its input (the operators' ShapeError) and the graph (ids,
 * inputs, cycles); the schema's field problems are in ./schema-messages, an ONNX file's in ./onnx-messages.
 */
import { ONNX_MESSAGES } from './onnx-messages';
import { SCHEMA_MESSAGES } from './schema-messages';

export const SHAPE_ERROR_MESSAGES = {
  /** A field (or other named value) that must be an integer ≥ 1 or ≥ 0. */
  'not-positive-int': '{field} must be a positive integer, got {value}',
  'not-non-negative-int': '{field} must be a non-negative integer, got {value}',
  'needs-chw': 'needs a [C, H, W] input but gets {shape}',
  'needs-sequence': 'needs a [T, D] token sequence but gets {shape}',
  'needs-sequence-map': 'needs a [T, D] token sequence but gets {shape}; add a tokens layer before it',
  'needs-flat':
    'needs a flat [N] input or a [T, D] sequence but gets {shape}; add a flatten (or tokens) layer before it',
  'needs-token-ids': 'needs a [T] sequence of token ids but gets {shape}',
  'one-input-only': '{op} takes one input but {count} are given',
  'unknown-op-short': 'unknown op "{op}"',
  /** Convolutions. */
  'kernel-too-large': 'kernel {kernel} is larger than the padded input {h}×{w}',
  'kernel-too-large-dilated':
    'kernel {kernel} (dilated to {dilated}) is larger than the padded input {h}×{w}',
  'negative-padding': 'padding must not be negative',
  'groups-in-channels': 'input channels {channels} are not divisible by groups {groups}',
  'groups-out-channels': 'out_channels {channels} are not divisible by groups {groups}',
  'output-padding-too-large':
    'output_padding {value} must be smaller than stride {stride} or dilation {dilation}',
  'transposed-output-below-1': 'output size {h}×{w} is below 1 (padding {padding} too large)',
  /** Pooling, padding and resizing. */
  'pool-padding-over-half': 'padding {padding} is more than half the kernel {kernel} (PyTorch rejects it)',
  'pad-not-non-negative': 'padding must be non-negative integers, got {value}',
  'reflect-pad-too-large': 'reflect padding must be smaller than the input {h}×{w}',
  'upsample-scale-or-size': 'upsample needs exactly one of scale and size',
  'scale-not-positive': 'scale must be positive, got {scale}',
  'upsample-beyond-2-53': 'output size {size} exceeds 2⁵³ ({max}), beyond exact integer arithmetic',
  'upsample-beyond-2-53-scaled':
    'output size {size} ({input} × scale {scale}) exceeds 2⁵³ ({max}), beyond exact integer arithmetic',
  'output-below-1': 'output size {h}×{w} is below 1',
  /** Activations. */
  'clamp-no-bounds': 'clamp needs min, max or both',
  'clamp-min-above-max': 'clamp needs min ≤ max, got min {min} and max {max}',
  /** Layers of several inputs: each input as its shape and the id of the layer it comes from. */
  'concat-mismatch': 'cannot concatenate {a} ("{aId}") and {b} ("{bId}")',
  'concat-hw': 'concat needs equal H×W but inputs are {a} ("{aId}") and {b} ("{bId}")',
  'concat-features':
    'concat of sequences needs tokens of equal D but they have {a} ("{aId}") and {b} ("{bId}") features',
  'broadcast-ranks': 'cannot combine {a} ("{aId}") and {b} ("{bId}"): ranks differ',
  'broadcast-mismatch': 'shapes do not match: {a} ("{aId}") and {b} ("{bId}")',
  'elementwise-arity': '{op} needs at least two inputs, or one and constant_shape, but gets {count}',
  'matmul-arity': 'multiplies two inputs, not {count}',
  'matmul-ranks':
    'multiplies two [T, K] sequences or two [B, T, K] stacks of matrices, not {a} ("{aId}") and {b} ("{bId}")',
  'matmul-stacks': 'the stacks differ in size: {a} ("{aId}") and {b} ("{bId}")',
  'matmul-inner': 'inner sizes differ: {a} ("{aId}") has K = {k}, {b} ("{bId}") has {rows} rows',
  'matmul-inner-transposed': 'inner sizes differ: {a} ("{aId}") has K = {k}, {b} ("{bId}")ᵀ has {rows} rows',
  /** Sequences and attention. */
  'select-past-end': 'index {index} is past the last of {tokens} tokens ({shape})',
  'heads-not-dividing': 'num_heads {heads} does not divide the {features} features of {shape}',
  /** The graph: ids, inputs and order. */
  'bad-input-shape': 'input must be [C, H, W], [T, D] or [N] of positive integers, got {value}',
  'reserved-id': 'the id "input" is reserved for the model input',
  'duplicate-id': 'duplicate id (also used by layer {index})',
  'empty-inputs': 'inputs must not be empty',
  'unknown-input': 'unknown input "{input}"',
  cycle: 'the graph has a cycle ({path})',
} as const;

export const ERROR_MESSAGES = { ...SHAPE_ERROR_MESSAGES, ...SCHEMA_MESSAGES, ...ONNX_MESSAGES } as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
