import { LAB_VALUES } from '../../../shared/lab-fields';
import type { TaskKind } from '../data';
import { parseInit } from '../layers';
import type { RecurrentSetup } from '../recurrent';
import type { TrainConfig } from '../train';

/**
 * The gradient experiment's configuration: a flat, JSON-friendly record (what the lab's form edits,
 * what a saved run stores and what a named experiment fixes), and its translation to the engine's
 * TrainConfig / RecurrentSetup. One experiment is either a deep MLP trained on a toy task or a
 * recurrent cell whose gradient through time is measured.
 */

// The value lists live with the lab's field table (one list for the core, the form and the saved-run
// schema); the types below are read from them.
export type HiddenActivation = (typeof LAB_VALUES.activation)[number];
export const HIDDEN_ACTIVATIONS: readonly HiddenActivation[] = LAB_VALUES.activation;
export const INIT_KINDS = LAB_VALUES.init;
export type InitKind = (typeof INIT_KINDS)[number];
export const TASKS: readonly TaskKind[] = LAB_VALUES.task;
export const OPTIMIZERS = LAB_VALUES.optimizer;
export type OptimizerKind = (typeof OPTIMIZERS)[number];
export const CLIPS = LAB_VALUES.clip;
export type ClipKind = (typeof CLIPS)[number];
export const CELLS = LAB_VALUES.cell;
export const RECURRENT_INITS = LAB_VALUES.recurrentInit;

export interface MlpExperimentConfig {
  kind: 'mlp';
  task: TaskKind;
  /** Dataset size (examples generated from the seed). */
  samples: number;
  depth: number;
  width: number;
  activation: HiddenActivation;
  leakySlope: number;
  eluAlpha: number;
  init: InitKind;
  /** Standard deviation of the `normal` init (ignored by the others). */
  initStd: number;
  batchnorm: boolean;
  residual: boolean;
  optimizer: OptimizerKind;
  lr: number;
  momentum: number;
  clip: ClipKind;
  clipMax: number;
  l1: number;
  l2: number;
  pretrain: boolean;
  pretrainSteps: number;
  batchSize: number;
  seed: number;
  dtype: (typeof LAB_VALUES.dtype)[number];
  /** Fine-tuning steps (pre-training steps come on top). */
  steps: number;
}

export interface RnnExperimentConfig {
  kind: 'rnn';
  cell: (typeof CELLS)[number];
  /** Sequence length T. */
  length: number;
  hidden: number;
  batch: number;
  /** LSTM forget-gate bias (PyTorch's default init draws it like every bias; 1 is the usual choice). */
  forgetBias: number | null;
  /** W_hh's init: PyTorch's default U(−1/√H, 1/√H) or an orthogonal matrix (all singular values 1). */
  recurrentInit: (typeof RECURRENT_INITS)[number];
  seed: number;
}

export type ExperimentConfig = MlpExperimentConfig | RnnExperimentConfig;

export const DEFAULT_MLP: MlpExperimentConfig = {
  kind: 'mlp',
  task: 'circles',
  samples: 256,
  depth: 8,
  width: 32,
  activation: 'relu',
  leakySlope: 0.01,
  eluAlpha: 1,
  init: 'kaiming_normal',
  initStd: 1,
  batchnorm: false,
  residual: false,
  optimizer: 'momentum',
  lr: 0.05,
  momentum: 0.9,
  clip: 'none',
  clipMax: 1,
  l1: 0,
  l2: 0,
  pretrain: false,
  pretrainSteps: 50,
  batchSize: 64,
  seed: 1,
  dtype: 'float64',
  steps: 200,
};

export const DEFAULT_RNN: RnnExperimentConfig = {
  kind: 'rnn',
  cell: 'tanh',
  length: 50,
  hidden: 32,
  batch: 32,
  forgetBias: null,
  recurrentInit: 'default',
  seed: 1,
};

/** The engine's TrainConfig for an MLP experiment. */
export function toTrainConfig(c: MlpExperimentConfig): TrainConfig {
  const init = c.init === 'normal' ? parseInit(`normal:${c.initStd}`) : parseInit(c.init);
  const optimizer: TrainConfig['optimizer'] =
    c.optimizer === 'adam'
      ? { kind: 'adam', lr: c.lr }
      : { kind: 'sgd', lr: c.lr, momentum: c.optimizer === 'momentum' ? c.momentum : 0 };
  return {
    task: c.task,
    samples: c.samples,
    seed: c.seed,
    depth: c.depth,
    width: c.width,
    activation: c.activation,
    // Both are always given: an explicit undefined would replace the network's own defaults.
    leakySlope: c.leakySlope,
    eluAlpha: c.eluAlpha,
    init,
    batchnorm: c.batchnorm,
    residual: c.residual,
    dtype: c.dtype,
    batchSize: c.batchSize,
    optimizer,
    clip: c.clip === 'none' ? null : { kind: c.clip, max: c.clipMax },
    penalty: { l1: c.l1, l2: c.l2 },
    // Pre-training uses Adam: plain SGD barely moves the autoencoders of a saturated sigmoid stack.
    pretrain: c.pretrain ? { stepsPerLayer: c.pretrainSteps, optimizer: { kind: 'adam', lr: 0.01 } } : null,
  };
}

/** The engine's RecurrentSetup for an RNN experiment (input size = hidden size). */
export function toRecurrentSetup(c: RnnExperimentConfig): RecurrentSetup {
  return {
    cell: c.cell,
    steps: c.length,
    hidden: c.hidden,
    input: c.hidden,
    batch: c.batch,
    ...(c.cell === 'lstm' && c.forgetBias !== null ? { forgetBias: c.forgetBias } : {}),
    ...(c.recurrentInit === 'orthogonal' ? { recurrentInit: 'orthogonal' as const } : {}),
  };
}

/** Total optimisation steps of a run: pre-training of the depth − 1 hidden layers, then fine-tuning. */
export function totalSteps(c: ExperimentConfig): number {
  if (c.kind === 'rnn') return 1;
  const pre = c.pretrain && c.depth > 1 ? c.pretrainSteps * (c.depth - 1) : 0;
  return pre + c.steps;
}
