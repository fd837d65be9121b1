import { DEFAULT_MLP, DEFAULT_RNN, type LabConfig, type MlpLabConfig } from './lab';

/**
 * Presets that reproduce each phenomenon of the lessons and each remedy. A remedy names the
 * problem preset it fixes and changes as little as possible of it; `metric` says which number of the
 * numbers panel shows the fix and in which direction (the unit test runs every pair and checks it).
 * Captions live in the locale files under `gradients.presets.<id>`.
 */
export type PresetMetric =
  /** |log10 ‖g₁‖/‖g_L‖| at the end of training moves towards 0. */
  | 'ratio'
  /** log10 of the largest per-layer gradient norm gets smaller. */
  | 'gradMax'
  /** Final loss lower. */
  | 'loss'
  /** Final accuracy higher and fewer dead units. */
  | 'alive'
  /** The recurrent gradient loses fewer decades between t = T and t = 0. */
  | 'decades';

export interface Preset {
  id: string;
  kind: 'problem' | 'remedy';
  /** For a remedy: the problem preset it is compared with. */
  fixes?: string;
  /** For a remedy: the numbers that show the fix. */
  metrics?: PresetMetric[];
  config: LabConfig;
}

/** 20 sigmoid layers with Xavier init: the gradient of the first layer is ~10⁻¹² of the last one's. */
const VANISHING: MlpLabConfig = {
  ...DEFAULT_MLP,
  depth: 20,
  width: 32,
  activation: 'sigmoid',
  init: 'xavier_normal',
  optimizer: 'momentum',
  lr: 0.05,
  momentum: 0.9,
};

/** ReLU with N(0, 1.5²) weights: each layer multiplies the signal's scale by 1.5·√(width/2) = 6. */
const EXPLODING: MlpLabConfig = {
  ...DEFAULT_MLP,
  depth: 6,
  width: 32,
  activation: 'relu',
  init: 'normal',
  initStd: 1.5,
  optimizer: 'momentum',
  lr: 0.01,
  momentum: 0.9,
};

/** The same network with steps small enough not to blow up: it trains, with huge gradients throughout. */
const EXPLODING_SMALL_STEPS: MlpLabConfig = { ...EXPLODING, optimizer: 'sgd', lr: 1e-4 };

export const PRESETS: readonly Preset[] = [
  { id: 'vanishing', kind: 'problem', config: VANISHING },
  {
    id: 'relu',
    kind: 'remedy',
    fixes: 'vanishing',
    metrics: ['ratio'],
    config: { ...VANISHING, activation: 'relu', init: 'kaiming_normal' },
  },
  {
    id: 'leaky-relu',
    kind: 'remedy',
    fixes: 'vanishing',
    metrics: ['ratio'],
    config: { ...VANISHING, activation: 'leaky_relu', leakySlope: 0.01, init: 'kaiming_normal' },
  },
  {
    id: 'elu',
    kind: 'remedy',
    fixes: 'vanishing',
    metrics: ['ratio'],
    config: { ...VANISHING, activation: 'elu' },
  },
  {
    id: 'batchnorm',
    kind: 'remedy',
    fixes: 'vanishing',
    metrics: ['ratio'],
    config: { ...VANISHING, batchnorm: true },
  },
  {
    id: 'residual',
    kind: 'remedy',
    fixes: 'vanishing',
    metrics: ['ratio'],
    config: { ...VANISHING, residual: true },
  },
  {
    id: 'pretrain',
    kind: 'remedy',
    fixes: 'vanishing',
    metrics: ['ratio'],
    config: { ...VANISHING, pretrain: true, pretrainSteps: 50 },
  },
  { id: 'exploding', kind: 'problem', config: EXPLODING },
  {
    id: 'kaiming',
    kind: 'remedy',
    fixes: 'exploding',
    metrics: ['gradMax', 'loss'],
    config: { ...EXPLODING, init: 'kaiming_normal' },
  },
  {
    id: 'xavier',
    kind: 'remedy',
    fixes: 'exploding',
    metrics: ['gradMax', 'loss'],
    config: { ...EXPLODING, init: 'xavier_normal' },
  },
  {
    id: 'exploding-batchnorm',
    kind: 'remedy',
    fixes: 'exploding',
    metrics: ['gradMax', 'loss'],
    config: { ...EXPLODING, batchnorm: true },
  },
  {
    id: 'clip-norm',
    kind: 'remedy',
    fixes: 'exploding',
    metrics: ['alive'],
    config: { ...EXPLODING, clip: 'norm', clipMax: 5 },
  },
  {
    id: 'clip-value',
    kind: 'remedy',
    fixes: 'exploding',
    metrics: ['alive'],
    config: { ...EXPLODING, clip: 'value', clipMax: 0.1 },
  },
  { id: 'exploding-small-steps', kind: 'problem', config: EXPLODING_SMALL_STEPS },
  {
    id: 'l2',
    kind: 'remedy',
    fixes: 'exploding-small-steps',
    metrics: ['gradMax', 'loss'],
    config: { ...EXPLODING_SMALL_STEPS, l2: 10 },
  },
  {
    id: 'l1',
    kind: 'remedy',
    fixes: 'exploding-small-steps',
    metrics: ['gradMax'],
    config: { ...EXPLODING_SMALL_STEPS, l1: 20 },
  },
  { id: 'rnn-tanh', kind: 'problem', config: { ...DEFAULT_RNN, cell: 'tanh' } },
  {
    id: 'lstm',
    kind: 'remedy',
    fixes: 'rnn-tanh',
    metrics: ['decades'],
    config: { ...DEFAULT_RNN, cell: 'lstm' },
  },
];

export function getPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
