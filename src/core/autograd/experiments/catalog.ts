import {
  DEFAULT_MLP,
  DEFAULT_RNN,
  type ExperimentConfig,
  type MlpExperimentConfig,
  type RnnExperimentConfig,
} from './config';
import type { Claim } from './claims';

/**
 * The named experiments: each problem, and each remedy run with the same seed against the problem it
 * `fixes` (changing as little as possible of it). The caption states what the numbers show, and for
 * a remedy what it does not do; `claims` are those statements as checks on the engine's result (a
 * unit test runs every pair and checks every claim). `view` is the curve a lesson's demo plots:
 * the back-propagated signal per layer at the first step, the loss per step, or the gradient through
 * time. The Gradient Lab's presets, the lessons' demos and `convscope lab` are these experiments.
 */
export interface NamedExperiment {
  id: string;
  kind: 'problem' | 'remedy';
  /** For a remedy: the problem experiment it is compared with. */
  fixes?: string;
  /** Short English name (the Chinese one is in the renderer's locale). */
  name: string;
  /** What the experiment shows and, for a remedy, what it does not do, in words. */
  caption: string;
  /**
   * The sentence quoting the measured numbers, a template filled from a run (`findings.ts`), so that
   * no caption states a number the engine computes.
   */
  finding?: string;
  view: 'signal' | 'loss' | 'time';
  claims: Claim[];
  config: ExperimentConfig;
}

/** 8 sigmoid layers (Xavier init) on two circles: the sigmoid's slope ≤ 0.25 shrinks the signal at every layer. */
const VANISHING: MlpExperimentConfig = {
  ...DEFAULT_MLP,
  task: 'circles',
  activation: 'sigmoid',
  init: 'xavier_normal',
  lr: 0.1,
};

/** 8 ReLU layers, weights N(0, 1.5²) on two spirals: each layer multiplies the scale by 1.5·√(32/2) = 6. */
const EXPLODING: MlpExperimentConfig = {
  ...DEFAULT_MLP,
  task: 'spirals',
  init: 'normal',
  initStd: 1.5,
  lr: 0.1,
};

/** A healthy ReLU network (Kaiming init) on circles, with a learning rate too large for it. */
const HIGH_LR: MlpExperimentConfig = { ...DEFAULT_MLP, task: 'circles', lr: 0.5 };

const RNN: RnnExperimentConfig = { ...DEFAULT_RNN, cell: 'tanh' };

const trains = (accuracy: number): Claim[] => [
  { measure: 'diverged', is: false },
  { measure: 'accuracy', atLeast: accuracy },
];

export const EXPERIMENTS: readonly NamedExperiment[] = [
  {
    id: 'vanishing',
    kind: 'problem',
    name: 'Vanishing: 8 sigmoid layers',
    caption:
      'Eight sigmoid layers with Xavier init on two circles. The sigmoid’s slope is at most 0.25, so the signal shrinks at every layer on its way back, and the network stays at chance.',
    finding:
      'At the first step the gradient reaching layer 1 is about {signal} of the one reaching the last hidden layer, and after {steps} steps the accuracy is {accuracy} (chance is 50%).',
    view: 'signal',
    claims: [
      { measure: 'signal', atMost: -3 },
      { measure: 'accuracy', atMost: 0.6 },
    ],
    config: VANISHING,
  },
  {
    id: 'relu',
    kind: 'remedy',
    fixes: 'vanishing',
    name: 'Remedy: ReLU + Kaiming init',
    caption:
      'The same 8 layers with ReLU and Kaiming init. ReLU’s slope is 1 where it is active and Kaiming’s variance 2/fan_in keeps the signal’s scale, so the signal reaches layer 1 undiminished and the network separates the circles.',
    finding:
      'The signal reaching layer 1 is about {signal} times the one reaching the last hidden layer, instead of {baselineSignal}, and the accuracy reaches {accuracy}.',
    view: 'signal',
    claims: [...trains(0.95), { measure: 'signal', between: [-0.5, 0.5] }],
    config: { ...VANISHING, activation: 'relu', init: 'kaiming_normal' },
  },
  {
    id: 'leaky-relu',
    kind: 'remedy',
    fixes: 'vanishing',
    name: 'Remedy: LeakyReLU',
    caption:
      'LeakyReLU (slope 0.01 below 0) with Kaiming init: like ReLU the signal keeps its scale, and negative inputs still pass a small gradient, so units cannot die completely.',
    view: 'signal',
    claims: [...trains(0.95), { measure: 'signal', between: [-0.5, 0.5] }],
    config: { ...VANISHING, activation: 'leaky_relu', leakySlope: 0.01, init: 'kaiming_normal' },
  },
  {
    id: 'elu',
    kind: 'remedy',
    fixes: 'vanishing',
    name: 'Remedy: ELU',
    caption:
      'ELU keeps the sigmoid stack’s Xavier init and changes only the activation (slope 1 for positive inputs): the signal loses far fewer decades than with sigmoids, and the network learns.',
    finding:
      'The signal reaching layer 1 is about {signal} times the one reaching the last hidden layer, instead of {baselineSignal}, and the accuracy reaches {accuracy}.',
    view: 'signal',
    claims: [...trains(0.95), { measure: 'signal', atLeast: -1 }],
    config: { ...VANISHING, activation: 'elu' },
  },
  {
    id: 'batchnorm',
    kind: 'remedy',
    fixes: 'vanishing',
    name: 'Remedy: BatchNorm',
    caption:
      'The sigmoid stack with BatchNorm before each activation. Normalising every layer’s pre-activations keeps the sigmoids near their steepest slope, so the signal no longer shrinks layer after layer, and the network learns. BatchNorm does not change the sigmoid: its slope is still at most 0.25.',
    view: 'signal',
    claims: [...trains(0.95), { measure: 'signal', atLeast: -1 }],
    config: { ...VANISHING, batchnorm: true },
  },
  {
    id: 'residual',
    kind: 'remedy',
    fixes: 'vanishing',
    name: 'Remedy: residual shortcuts',
    caption:
      'Each block adds its input to its output (h = h + f(h)), so the gradient has a path with slope 1 around every sigmoid: it reaches layer 1 undiminished. What shortcuts do not do: with sigmoid blocks, whose outputs are all positive, the sum grows block after block and this network still does not learn the circles.',
    finding:
      'The gradient reaching layer 1 is about {signal} of the one reaching the last hidden layer instead of {baselineSignal}, yet after {steps} steps the accuracy is {accuracy}.',
    view: 'signal',
    claims: [
      { measure: 'signal', between: [-0.5, 0.5] },
      { measure: 'accuracy', atMost: 0.6 },
    ],
    config: { ...VANISHING, residual: true },
  },
  {
    id: 'pretrain',
    kind: 'remedy',
    fixes: 'vanishing',
    name: 'Remedy: layer-wise pre-training',
    caption:
      'Each hidden layer is first trained alone as an autoencoder of the layer below (the autoencoder variant of Bengio et al., 2007; Hinton et al., 2006 stacked RBMs), then the whole network is fine-tuned. Fine-tuning starts with a less vanished signal than the random init, but the sigmoid’s slope is unchanged: the gradient reaching layer 1 is still orders of magnitude smaller than at the last hidden layer, and the network stays at chance here.',
    finding:
      'At the start of fine-tuning the gradient reaching layer 1 is about {signal} of the one reaching the last hidden layer, instead of {baselineSignal} from the random init, and the accuracy stays at {accuracy}.',
    view: 'signal',
    claims: [
      { measure: 'signal', atMost: -2 },
      { measure: 'signal', aboveBaselineBy: 0.5 },
      { measure: 'accuracy', atMost: 0.6 },
    ],
    config: { ...VANISHING, pretrain: true, pretrainSteps: 50 },
  },
  {
    id: 'exploding',
    kind: 'problem',
    name: 'Exploding: N(0, 1.5²) init with ReLU',
    caption:
      'Eight ReLU layers whose weights are drawn from N(0, 1.5²) on two spirals. Each layer multiplies the signal’s scale by about 1.5·√(32/2) = 6, so the signal grows by orders of magnitude on its way back, the weight gradients are huge, and the first steps wreck the network. The first/last weight-gradient ratio stays near 1 and hides this: the growing activations and the shrinking gradients cancel in it.',
    finding:
      'The signal reaching layer 1 is about {signal} times the one reaching the last hidden layer, and the accuracy stays at {accuracy}.',
    view: 'signal',
    claims: [
      { measure: 'signal', atLeast: 4 },
      { measure: 'gradMax', atLeast: 4 },
      { measure: 'weightRatio', between: [-1, 1] },
      { measure: 'accuracy', atMost: 0.6 },
    ],
    config: EXPLODING,
  },
  {
    id: 'kaiming',
    kind: 'remedy',
    fixes: 'exploding',
    name: 'Remedy: Kaiming init',
    caption:
      'The same network with Kaiming init (variance 2/fan_in): the scale stays constant through the layers, the signal keeps its size through the layers, and the network learns the spirals.',
    finding:
      'The signal reaching layer 1 is about {signal} times the one reaching the last hidden layer, instead of {baselineSignal}, and the accuracy reaches {accuracy}.',
    view: 'signal',
    claims: [...trains(0.8), { measure: 'signal', between: [-0.5, 0.5] }, { measure: 'gradMax', atMost: 1 }],
    config: { ...EXPLODING, init: 'kaiming_normal' },
  },
  {
    id: 'xavier',
    kind: 'remedy',
    fixes: 'exploding',
    name: 'Remedy: Xavier init',
    caption:
      'Xavier init (variance 2/(fan_in + fan_out)) also removes the explosion; with ReLU it errs on the small side (the signal shrinks a little over the layers) and the network learns, more slowly than with Kaiming init.',
    finding:
      'The signal reaching layer 1 is about {signal} times the one reaching the last hidden layer, instead of {baselineSignal}, and the accuracy reaches {accuracy}.',
    view: 'signal',
    claims: [...trains(0.65), { measure: 'signal', between: [-1.5, 0] }],
    config: { ...EXPLODING, init: 'xavier_normal' },
  },
  {
    id: 'exploding-batchnorm',
    kind: 'remedy',
    fixes: 'exploding',
    name: 'Remedy: BatchNorm on the exploding net',
    caption:
      'BatchNorm rescales every layer’s pre-activations whatever the weights’ scale: with the same bad init the signal no longer explodes and the network learns.',
    finding:
      'The signal reaching layer 1 is about {signal} times the one reaching the last hidden layer, instead of {baselineSignal}, and the accuracy reaches {accuracy}.',
    view: 'signal',
    claims: [...trains(0.8), { measure: 'signal', between: [-1, 1] }],
    config: { ...EXPLODING, batchnorm: true },
  },
  {
    id: 'clip-norm',
    kind: 'remedy',
    fixes: 'exploding',
    name: 'Clipping by global norm (does not cure)',
    caption:
      'Gradients are rescaled whenever their global norm exceeds 1. This bounds every step, so the run no longer blows up — but it does not fix the multiplication that causes the explosion: the gradients stay huge and the loss stays far above chance level (ln 2 ≈ 0.69), where the same network with Kaiming init learns. Clipping keeps a working run stable (see “Clipping a too-large step”); it does not rescue a bad initialisation.',
    finding: 'At the end the loss is about {loss} and the accuracy {accuracy}.',
    view: 'loss',
    claims: [
      { measure: 'diverged', is: false },
      { measure: 'loss', atLeast: 10 },
      { measure: 'gradMaxEnd', atLeast: 2 },
      { measure: 'accuracy', atMost: 0.8 },
    ],
    config: { ...EXPLODING, clip: 'norm', clipMax: 1 },
  },
  {
    id: 'clip-value',
    kind: 'remedy',
    fixes: 'exploding',
    name: 'Clipping by value (does not cure)',
    caption:
      'Every gradient entry is clamped to ±0.1. Like norm clipping it bounds each step, and it also changes the gradient’s direction; the explosion’s cause stays, and the network does not learn.',
    view: 'loss',
    claims: [{ measure: 'accuracy', atMost: 0.6 }],
    config: { ...EXPLODING, clip: 'value', clipMax: 0.1 },
  },
  {
    id: 'l2',
    kind: 'remedy',
    fixes: 'exploding',
    name: 'L2 weight penalty (does not rescue)',
    caption:
      'An L2 penalty λ·Σw² (λ = 0.01) pulls every weight towards 0 a little at each step. Against gradients this large that pull is negligible: the run diverges exactly like the problem. A weight penalty limits how large weights grow in a working run; it does not rescue an exploding initialisation.',
    view: 'loss',
    claims: [
      { measure: 'diverged', is: true },
      { measure: 'accuracy', atMost: 0.6 },
    ],
    config: { ...EXPLODING, l2: 0.01 },
  },
  {
    id: 'l1',
    kind: 'remedy',
    fixes: 'exploding',
    name: 'L1 weight penalty (does not rescue)',
    caption:
      'An L1 penalty λ·Σ∣w∣ (λ = 0.001) shrinks every weight by a constant amount per step. Like L2 it is no match for the explosion: the run diverges.',
    view: 'loss',
    claims: [
      { measure: 'diverged', is: true },
      { measure: 'accuracy', atMost: 0.6 },
    ],
    config: { ...EXPLODING, l1: 0.001 },
  },
  {
    id: 'high-lr',
    kind: 'problem',
    name: 'A step too large: learning rate 0.5',
    caption:
      'A healthy ReLU network (Kaiming init) trained with momentum SGD at learning rate 0.5: the steps are too large, the loss overflows and the run diverges, although nothing is wrong with the initialisation.',
    view: 'loss',
    claims: [{ measure: 'diverged', is: true }],
    config: HIGH_LR,
  },
  {
    id: 'clip-stable',
    kind: 'remedy',
    fixes: 'high-lr',
    name: 'Remedy: clipping a too-large step',
    caption:
      'The same run with the gradient clipped to global norm 1: no step can be larger than 0.5 in norm (before momentum), the run stays finite and learns the circles. This is what clipping is for: it keeps a working run stable.',
    view: 'loss',
    claims: trains(0.95),
    config: { ...HIGH_LR, clip: 'norm', clipMax: 1 },
  },
  {
    id: 'rnn-tanh',
    kind: 'problem',
    name: 'Vanishing through time: tanh RNN',
    caption:
      'A tanh RNN (hidden size 32) over 50 time steps: the gradient of a loss at the end with respect to the hidden state at time t shrinks at every step back, so the network cannot learn long-range dependencies.',
    finding: 'It loses about {perStep} decades per step back, {decades} decades over the {steps} steps.',
    view: 'time',
    claims: [{ measure: 'decades', atLeast: 12 }],
    config: RNN,
  },
  {
    id: 'lstm',
    kind: 'remedy',
    fixes: 'rnn-tanh',
    name: 'Remedy: LSTM gates',
    caption:
      'An LSTM of the same size with PyTorch’s default init: the cell state is updated additively through the forget gate, so the gradient decays more slowly than in the tanh RNN — but with a forget-gate bias near 0 the gate is only half open and it still loses many decades.',
    finding:
      'It loses about {decades} decades over {steps} steps, against {baselineDecades} for the tanh RNN.',
    view: 'time',
    claims: [
      { measure: 'decades', atLeast: 8 },
      { measure: 'decades', belowBaselineBy: 2 },
    ],
    config: { ...RNN, cell: 'lstm' },
  },
  {
    id: 'lstm-forget-bias',
    kind: 'remedy',
    fixes: 'rnn-tanh',
    name: 'Remedy: LSTM with forget-gate bias 1',
    caption:
      'The same LSTM with its forget-gate bias set to 1 (as Jozefowicz et al., 2015 recommend): σ(1) ≈ 0.73 keeps the cell state longer, and the gradient loses about half as many decades as with bias 0 — well under half of the tanh RNN’s loss.',
    finding:
      'It loses about {decades} decades over {steps} steps, against {baselineDecades} for the tanh RNN.',
    view: 'time',
    claims: [{ measure: 'decades', belowBaselineFraction: 0.5 }],
    config: { ...RNN, cell: 'lstm', forgetBias: 1 },
  },
  {
    id: 'rnn-orthogonal',
    kind: 'remedy',
    fixes: 'rnn-tanh',
    name: 'Remedy: orthogonal Wₕₕ',
    caption:
      'The same tanh RNN with its recurrent weights Wₕₕ drawn orthogonal (all singular values 1): the weights no longer shrink the gradient, so it loses fewer decades per step back. What it does not do: tanh’s slope is still below 1 wherever a unit is not at 0, so the gradient still vanishes, only more slowly; and the matrix is orthogonal only at initialisation — training can move it away.',
    finding:
      'It loses about {perStep} decades per step back instead of {baselinePerStep}: about {decades} over {steps} steps instead of {baselineDecades}.',
    view: 'time',
    claims: [
      { measure: 'decades', belowBaselineFraction: 0.5 },
      { measure: 'decades', belowBaselineBy: 6 },
      { measure: 'decades', atLeast: 4 },
    ],
    config: { ...RNN, recurrentInit: 'orthogonal' },
  },
];

/** The named experiment with this id, or undefined. */
export function getExperiment(id: string): NamedExperiment | undefined {
  return EXPERIMENTS.find((e) => e.id === id);
}

/** The ids, for error messages that list what exists. */
export const EXPERIMENT_IDS: readonly string[] = EXPERIMENTS.map((e) => e.id);
