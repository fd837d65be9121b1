/**
 * The shape vocabulary of the model format, shared by the model types and the operator registry.
 * Shapes never include the batch dimension: the analysis is per sample (batch 1).
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
/**
 * A tensor shape without batch: [C, H, W] for feature maps, [T, D] for token sequences (T tokens of D
 * features each) and [N] for flat vectors.
 */
export type Shape = [number] | [number, number] | [number, number, number];
