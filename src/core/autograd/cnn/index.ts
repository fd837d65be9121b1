/**
 * Convolutional layers of the gradient engine, batch 1, NCHW, float32 (or float64): forward and
 * backward of conv2d (stride, padding, dilation, groups), max/average/adaptive pooling, BatchNorm
 * (eval and train), the activations of the model format, residual add and concat. Verified against
 * PyTorch in test/core/autograd/cnn.test.ts (fixtures from test/fixtures/erf/make_reference.py).
 */
export { type Map3, kernelsFor, zeros, zerosLike } from './tensor';
export { type Conv2dGeometry, type Conv2dGrads, conv2dBackward, conv2dForward, convFanIn } from './conv2d';
export {
  type MaxPoolResult,
  type Pool2dGeometry,
  adaptiveAvgPool2dBackward,
  adaptiveAvgPool2dForward,
  avgPool2dBackward,
  avgPool2dForward,
  maxPool2dBackward,
  maxPool2dForward,
} from './pool';
export {
  BN_EPS,
  type BatchNormCache,
  type BatchNormGrads,
  type BatchNormState,
  batchNormBackward,
  batchNormForward,
  defaultBatchNorm,
} from './batchnorm';
export {
  type ActivationParams,
  type CnnActivation,
  activationBackward,
  activationForward,
} from './activations';
export { addForward, concatBackward, concatForward } from './merge';
