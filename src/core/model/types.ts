/**
 * The ConvScope model format, version 1 (documented in docs/model-format.md).
 *
 * Field names of op parameters follow PyTorch (`out_channels`, `ceil_mode`, …) so that a learner can
 * transcribe a `torch.nn` definition line by line. Shapes never include the batch dimension: the
 * analysis is per sample (batch 1).
 */

/** A value for the two spatial dimensions, in the order [height, width]. */
export type Pair = [number, number];
/** One number for both spatial dimensions, or [height, width]. */
export type IntOrPair = number | Pair;
/**
 * Convolution / pooling padding: symmetric per dimension, or a mode.
 * `"same"` pads so that M = ⌈X / S⌉ (extra pixel at the end, as PyTorch and TensorFlow do);
 * `"valid"` means no padding.
 */
export type PaddingSpec = number | Pair | 'same' | 'valid';
/** A tensor shape without batch: [C, H, W] for feature maps, [N] for flat vectors. */
export type Shape = [number] | [number, number, number];

export const MODEL_FORMAT = 'convscope-model';
export const MODEL_VERSION = 1;
/** The id by which layers refer to the model input. */
export const INPUT_ID = 'input';

interface LayerBase {
  /** Unique within the model; `"input"` is reserved for the model input. */
  id: string;
  /** Ids of the layers (or `"input"`) this layer reads. Default: the previous layer in the list. */
  inputs?: string[];
  /** false marks the layer's parameters frozen (counted as non-trainable). Default true. */
  trainable?: boolean;
}

export interface Conv2dLayer extends LayerBase {
  op: 'conv2d';
  out_channels: number;
  kernel: IntOrPair;
  /** Default 1. */
  stride?: IntOrPair;
  /** Default 0. */
  padding?: PaddingSpec;
  /** Default 1. */
  dilation?: IntOrPair;
  /** Default 1; equal to the input channels (and a multiple of it for out_channels) for depthwise. */
  groups?: number;
  /** Default true, as in torch.nn.Conv2d. */
  bias?: boolean;
}

export interface ConvTranspose2dLayer extends LayerBase {
  op: 'conv_transpose2d';
  out_channels: number;
  kernel: IntOrPair;
  stride?: IntOrPair;
  /** Symmetric padding only (as torch.nn.ConvTranspose2d). Default 0. */
  padding?: IntOrPair;
  /** Default 0; must be smaller than stride or dilation. */
  output_padding?: IntOrPair;
  dilation?: IntOrPair;
  groups?: number;
  bias?: boolean;
}

export interface Pool2dLayer extends LayerBase {
  op: 'maxpool2d' | 'avgpool2d';
  kernel: IntOrPair;
  /** Default: the kernel size (as PyTorch). */
  stride?: IntOrPair;
  padding?: PaddingSpec;
  /** Max pooling only. Default 1. */
  dilation?: IntOrPair;
  /** Default false. */
  ceil_mode?: boolean;
}

export interface AdaptiveAvgPool2dLayer extends LayerBase {
  op: 'adaptive_avgpool2d';
  output_size: IntOrPair;
}

export interface GlobalAvgPoolLayer extends LayerBase {
  /** Same as adaptive_avgpool2d with output size 1: output [C, 1, 1]. */
  op: 'global_avgpool';
}

export interface LinearLayer extends LayerBase {
  op: 'linear';
  out_features: number;
  bias?: boolean;
}

export interface FlattenLayer extends LayerBase {
  op: 'flatten';
}

export interface BatchNormLayer extends LayerBase {
  op: 'batchnorm';
  /** Learnable scale and shift (γ, β). Default true. */
  affine?: boolean;
  /** Running mean/var buffers plus the num_batches_tracked counter. Default true. */
  track_running_stats?: boolean;
}

export interface LayerNormLayer extends LayerBase {
  /** Normalises over the channel dimension (torchvision's LayerNorm2d) or over a flat vector. */
  op: 'layernorm';
  elementwise_affine?: boolean;
}

export interface DropoutLayer extends LayerBase {
  op: 'dropout';
  /** Only informative: at inference dropout is the identity. Default 0.5. */
  p?: number;
}

export type ActivationOp =
  | 'relu'
  | 'relu6'
  | 'leaky_relu'
  | 'elu'
  | 'gelu'
  | 'silu'
  | 'sigmoid'
  | 'tanh'
  | 'hardswish'
  | 'hardsigmoid'
  | 'softmax'
  | 'clamp';

export interface ActivationLayer extends LayerBase {
  op: ActivationOp;
  /** leaky_relu only. Default 0.01. */
  negative_slope?: number;
  /** elu only. Default 1. */
  alpha?: number;
  /**
   * clamp only (torch.clamp): y = min(max(x, min), max). An absent bound is unbounded (JSON has no
   * infinity); at least one must be given, and min ≤ max.
   */
  min?: number;
  max?: number;
}

/** Fields shared by the element-wise ops add, sub, mul and div. */
interface ElementwiseBase extends LayerBase {
  /**
   * Shape of a constant operand (a fixed tensor that is not a layer, e.g. `x - 0.5` or a learned
   * per-channel scale [C, 1, 1]), applied after the inputs. Same rank as the inputs; size-1
   * dimensions broadcast. With a constant, one input is enough.
   */
  constant_shape?: Shape;
}

export interface AddLayer extends ElementwiseBase {
  /** Element-wise sum of two or more inputs (or one and a constant), with broadcasting of size-1 dimensions. */
  op: 'add';
}

export interface MulLayer extends ElementwiseBase {
  /** Element-wise product with broadcasting (e.g. squeeze-and-excitation: [C,H,W] × [C,1,1]). */
  op: 'mul';
}

export interface SubLayer extends ElementwiseBase {
  /** Element-wise difference x₀ − x₁ − …; cost and broadcasting as add. */
  op: 'sub';
}

export interface DivLayer extends ElementwiseBase {
  /** Element-wise quotient x₀ / x₁ / …; cost and broadcasting as mul. */
  op: 'div';
}

export interface ConcatLayer extends LayerBase {
  /** Concatenation along channels ([C,H,W]) or features ([N]). */
  op: 'concat';
}

export interface UpsampleLayer extends LayerBase {
  op: 'upsample';
  /** Integer or fractional scale factor; exactly one of scale and size. */
  scale?: number | Pair;
  size?: IntOrPair;
  /** Default "nearest". */
  mode?: 'nearest' | 'bilinear';
}

export interface PadLayer extends LayerBase {
  op: 'pad';
  /** Symmetric (number or [h, w]) or explicit [top, bottom, left, right]. */
  padding: number | Pair | [number, number, number, number];
  mode?: 'constant' | 'reflect' | 'replicate';
}

export interface IdentityLayer extends LayerBase {
  op: 'identity';
}

/**
 * An operator the format cannot express (typically from an import), kept so that the graph goes on.
 * Its cost is unknown, not zero: the analysis marks the row, warns, and reports the totals as
 * incomplete. Its receptive field passes the first input's through unchanged.
 */
export interface UnsupportedLayer extends LayerBase {
  op: 'unsupported';
  /** The operator's own name, e.g. "Erf" or "com.example::Foo". Default "unknown". */
  name?: string;
  /** Output shape without batch. Default: the first input's shape. */
  output_shape?: Shape;
}

export type LayerSpec =
  | Conv2dLayer
  | ConvTranspose2dLayer
  | Pool2dLayer
  | AdaptiveAvgPool2dLayer
  | GlobalAvgPoolLayer
  | LinearLayer
  | FlattenLayer
  | BatchNormLayer
  | LayerNormLayer
  | DropoutLayer
  | ActivationLayer
  | AddLayer
  | MulLayer
  | SubLayer
  | DivLayer
  | ConcatLayer
  | UpsampleLayer
  | PadLayer
  | IdentityLayer
  | UnsupportedLayer;

export type LayerOp = LayerSpec['op'];

export const ACTIVATION_OPS: readonly ActivationOp[] = [
  'relu',
  'relu6',
  'leaky_relu',
  'elu',
  'gelu',
  'silu',
  'sigmoid',
  'tanh',
  'hardswish',
  'hardsigmoid',
  'softmax',
  'clamp',
];

export const LAYER_OPS: readonly LayerOp[] = [
  'conv2d',
  'conv_transpose2d',
  'maxpool2d',
  'avgpool2d',
  'adaptive_avgpool2d',
  'global_avgpool',
  'linear',
  'flatten',
  'batchnorm',
  'layernorm',
  'dropout',
  ...ACTIVATION_OPS,
  'add',
  'mul',
  'sub',
  'div',
  'concat',
  'upsample',
  'pad',
  'identity',
  'unsupported',
];

/** Element-wise ops of two or more operands (or one and a constant). */
export const ELEMENTWISE_OPS: readonly LayerOp[] = ['add', 'mul', 'sub', 'div'];

export interface ModelSpec {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  name: string;
  /** [C, H, W] for image models, [N] for vector models. */
  input: Shape;
  layers: LayerSpec[];
  description?: string;
}

/** One problem found by validation; `message` is complete on its own (it names the layer). */
export interface ModelIssue {
  layerId?: string;
  /** JSON path of the offending value, e.g. `layers[3].kernel`. */
  path: string;
  message: string;
}
