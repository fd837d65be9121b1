/**
 * ConvScope's gradient engine: deep MLPs and recurrent cells trained for real with hand-written
 * back-propagation over typed arrays (float64 or float32), the statistics that show vanishing and
 * exploding gradients, and the measurement of the shared PyTorch reference.
 *
 * Entry points:
 * - `gradientStats(setup, seeds)`: per-layer log10 ‖dL/dW_l‖ over seeds (the reference setup)
 * - `sweepSetups` / `gradientSweep`: the reference sweep over depth × activation × init × BN × residual
 * - `recurrentStats(setup, seeds)` / `recurrentCurves`: ‖∂h_T/∂h_t‖ and ‖∂L/∂h_t‖ over t
 * - `createTrainingRun(config)`: a steppable training run on a toy task with per-step statistics
 * - `Mlp`, `Optimizer`, `lossForward`, `makeDataset`, `Rng`: the building blocks
 */
export { Rng } from './rng';
export { type DType, type FArray, type Kernels, alloc } from './types';
export { type KernelChoice, defaultKernelChoice, selectKernels } from './kernels';
export { type WasmVariant, wasmVariant } from './wasm/kernels';
export {
  ACTIVATIONS,
  type Activation,
  type Init,
  activate,
  activateBackward,
  formatInit,
  initWeights,
  parseInit,
  saturatedFraction,
} from './layers';
export { type ActivationStats, type LinearLayer, Mlp, type MlpConfig, type Param, l2 } from './mlp';
export { type LossKind, type LossResult, lossForward } from './losses';
export {
  type ClipConfig,
  Optimizer,
  type OptimizerConfig,
  type PenaltyConfig,
  type UpdateReport,
} from './optim';
export { type Dataset, type TaskKind, makeDataset } from './data';
export {
  type LayerStepStats,
  type StepStats,
  type TrainConfig,
  TrainingRun,
  createTrainingRun,
} from './train';
export {
  type GradientSeedResult,
  type GradientSetup,
  type GradientStats,
  createGradientRunner,
  gradientStats,
  meanStd,
} from './reference';
export {
  SWEEP_ACTIVATIONS,
  SWEEP_DEPTHS,
  SWEEP_INITS,
  SWEEP_SEEDS,
  gradientSweep,
  sweepSetups,
} from './sweep';
export {
  DEFAULT_RECURRENT,
  fillOrthogonal,
  type RecurrentCell,
  type RecurrentCurves,
  type RecurrentPoint,
  type RecurrentSetup,
  type RecurrentStats,
  recurrentCurves,
  recurrentStats,
} from './recurrent';
export * from './experiments';
