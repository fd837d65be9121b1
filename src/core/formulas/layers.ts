/**
 * The per-layer formulas lessons and quizzes use (one convolution, pooling window or fully connected
 * layer on its own), defined with their operators in the registry (`src/core/analysis/ops`).
 */
export {
  checkFits,
  conv2dCore,
  conv2dFormulas,
  conv2dInfo,
  convTranspose2dCore,
  convTranspose2dFormulas,
} from '../analysis/ops/conv-math';
export type { Conv2dInfo, Conv2dParams, ConvTranspose2dParams } from '../analysis/ops/conv-math';
export { pool2dCore, pool2dFormulas, type Pool2dInfo, type Pool2dParams } from '../analysis/ops/pool-math';
export { linearFormulas, linearInfo, type LinearInfo } from '../analysis/ops/linear-math';
export { numel, ShapeError, shapeText, toPair } from '../analysis/ops/shape-math';
