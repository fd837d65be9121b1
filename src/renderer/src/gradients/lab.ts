import {
  createTrainingRun,
  parseInit,
  recurrentCurves,
  type StepStats,
  type TaskKind,
  type TrainConfig,
  type TrainingRun,
} from '../../../core/autograd';

/**
 * The Gradient Lab's run model, free of the DOM so that the Web Worker, the unit tests and the
 * page share it: a flat, JSON-friendly configuration (what the form edits and what is saved), its
 * translation to the engine's TrainConfig, and a runner that advances a run in slices and keeps a
 * compact history (every number in it comes from the engine).
 */

export type HiddenActivation = 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'elu';
export const HIDDEN_ACTIVATIONS: readonly HiddenActivation[] = [
  'sigmoid',
  'tanh',
  'relu',
  'leaky_relu',
  'elu',
];
export const INIT_KINDS = [
  'normal',
  'xavier_normal',
  'xavier_uniform',
  'kaiming_normal',
  'kaiming_uniform',
] as const;
export type InitKind = (typeof INIT_KINDS)[number];
export const TASKS: readonly TaskKind[] = ['spirals', 'circles', 'xor', 'blobs', 'sine'];
export type OptimizerKind = 'sgd' | 'momentum' | 'adam';
export type ClipKind = 'none' | 'norm' | 'value';

export interface MlpLabConfig {
  kind: 'mlp';
  task: TaskKind;
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
  dtype: 'float64' | 'float32';
  /** Fine-tuning steps (pre-training steps come on top). */
  steps: number;
}

export interface RnnLabConfig {
  kind: 'rnn';
  cell: 'tanh' | 'lstm';
  /** Sequence length T. */
  length: number;
  hidden: number;
  batch: number;
  seed: number;
}

export type LabConfig = MlpLabConfig | RnnLabConfig;

export const DEFAULT_MLP: MlpLabConfig = {
  kind: 'mlp',
  task: 'spirals',
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
  clipMax: 5,
  l1: 0,
  l2: 0,
  pretrain: false,
  pretrainSteps: 50,
  batchSize: 64,
  seed: 1,
  dtype: 'float64',
  steps: 300,
};

export const DEFAULT_RNN: RnnLabConfig = {
  kind: 'rnn',
  cell: 'tanh',
  length: 50,
  hidden: 32,
  batch: 32,
  seed: 1,
};

/** Limits of the form (the engine's supported ranges, with the step count kept to what a page can show). */
export const LIMITS = {
  depth: [1, 100],
  width: [2, 512],
  batchSize: [1, 512],
  steps: [1, 5000],
  pretrainSteps: [1, 1000],
  length: [1, 200],
  hidden: [1, 256],
  batch: [1, 256],
} as const;

/** The engine's TrainConfig for a lab configuration. */
export function toTrainConfig(c: MlpLabConfig): TrainConfig {
  const init = c.init === 'normal' ? parseInit(`normal:${c.initStd}`) : parseInit(c.init);
  const optimizer: TrainConfig['optimizer'] =
    c.optimizer === 'adam'
      ? { kind: 'adam', lr: c.lr }
      : { kind: 'sgd', lr: c.lr, momentum: c.optimizer === 'momentum' ? c.momentum : 0 };
  return {
    task: c.task,
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

/** Total optimisation steps of a run: pre-training of the depth − 1 hidden layers, then fine-tuning. */
export function totalSteps(c: LabConfig): number {
  if (c.kind === 'rnn') return 1;
  const pre = c.pretrain && c.depth > 1 ? c.pretrainSteps * (c.depth - 1) : 0;
  return pre + c.steps;
}

/** JSON has no NaN or ±Infinity: a diverged value is kept as null. */
const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
const round = (v: number, digits = 6): number | null =>
  Number.isFinite(v) ? Number(v.toPrecision(digits)) : null;

/**
 * The numbers panel of one run. Ratios are log10(‖dL/dW₁‖ / ‖dL/dW_L‖) (0 = balanced, strongly
 * negative = vanishing towards the input); "start" is the first fine-tuning step, "end" the mean of the
 * last 10. `gradMax` is log10 of the largest per-layer gradient norm (exploding when large). Loss and
 * accuracy are the engine's evaluation over the whole dataset at the end; saturated/dead are the mean
 * fractions over hidden layers at the last step (null when the activation cannot saturate / die).
 */
export interface LabSummary {
  log10RatioStart: number | null;
  log10RatioEnd: number | null;
  log10GradMaxStart: number | null;
  log10GradMaxEnd: number | null;
  finalLoss: number | null;
  finalAccuracy: number | null;
  saturated: number | null;
  dead: number | null;
  /** Loss or gradients became non-finite, or every layer's gradient became exactly 0. */
  diverged: boolean;
}

export interface LayerSnapshot {
  step: number;
  /** Per-layer log10 ‖dL/dW_l‖, layer 1 first (null where 0 or non-finite). */
  log10Grad: (number | null)[];
}

export interface Histograms {
  min: number;
  max: number;
  bins: number;
  /** One row per hidden layer shown: layer index and the fraction of activations per bin. */
  layers: { index: number; fractions: number[] }[];
}

export interface Boundary {
  /** Grid of size × size over [min, max]², row-major from the bottom-left; p = P(class 1). */
  size: number;
  min: number;
  max: number;
  p: number[];
  /** A sample of the training points: x, y, class. */
  points: [number, number, number][];
}

export interface MlpLabResult {
  kind: 'mlp';
  stepsDone: number;
  totalSteps: number;
  /** Per recorded step (every `stride`-th): step number, loss, accuracy, phase. */
  history: { step: number[]; loss: (number | null)[]; accuracy: (number | null)[]; pretrain: boolean[] };
  /** Per-layer gradient norms, sampled over the run (the live chart shows the latest). */
  layers: LayerSnapshot[];
  /** Latest fine-tuning step's per-layer activation statistics (hidden layers). */
  activations: {
    index: number;
    mean: number | null;
    std: number | null;
    saturated: number | null;
    dead: number | null;
  }[];
  histograms: Histograms | null;
  boundary: Boundary | null;
  summary: LabSummary;
}

export interface RnnLabResult {
  kind: 'rnn';
  stepsDone: number;
  totalSteps: number;
  /** Index t = 0..T: log10 ‖∂L/∂h_t‖ and log10 ‖∂h_T/∂h_t‖_F. */
  lossGrad: (number | null)[];
  jacobian: (number | null)[];
  /** log10 ‖∂L/∂h_T‖ − log10 ‖∂L/∂h_0‖: how many decades the gradient loses over the sequence. */
  decades: number | null;
}

export type LabResult = MlpLabResult | RnnLabResult;

const MAX_HISTORY = 2000;
const MAX_SNAPSHOTS = 120;
const HIST_BINS = 30;
const HIST_MAX_LAYERS = 24;
const HIST_SAMPLE = 256;
const GRID = 40;

/** Mean of the non-null values, null when there are none. */
function meanOf(values: (number | null | undefined)[]): number | null {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  return v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length;
}

/**
 * Advances one lab run in slices (`advance`) and produces its result at any time (`result`). The
 * RNN kind is a single measurement, done in the first slice.
 */
export class LabRunner {
  readonly config: LabConfig;
  readonly total: number;
  private run: TrainingRun | null = null;
  private done = 0;
  private stride = 1;
  private history: MlpLabResult['history'] = { step: [], loss: [], accuracy: [], pretrain: [] };
  private snapshots: LayerSnapshot[] = [];
  private snapshotEvery: number;
  private ratios: number[] = [];
  private gradMax: number[] = [];
  private ratioStart: number | null = null;
  private gradMaxStart: number | null = null;
  private last: StepStats | null = null;
  private lastFinetune: StepStats | null = null;
  private diverged = false;
  private rnn: RnnLabResult | null = null;
  private histCache: Histograms | null = null;
  private boundaryCache: Boundary | null = null;

  constructor(config: LabConfig) {
    this.config = config;
    this.total = totalSteps(config);
    this.snapshotEvery = Math.max(1, Math.ceil(this.total / MAX_SNAPSHOTS));
    if (config.kind === 'mlp') {
      this.run = createTrainingRun(toTrainConfig(config));
      this.stride = Math.max(1, Math.ceil(this.total / MAX_HISTORY));
    }
  }

  get finished(): boolean {
    return this.done >= this.total;
  }

  get stepsDone(): number {
    return this.done;
  }

  /** Runs up to `maxSteps` steps or until `budgetMs` has passed (checked between steps). */
  advance(maxSteps = Infinity, budgetMs = Infinity, now: () => number = () => performance.now()): void {
    const start = now();
    let n = 0;
    while (!this.finished && n < maxSteps && now() - start < budgetMs) {
      this.stepOnce();
      n++;
    }
  }

  private stepOnce(): void {
    if (this.config.kind === 'rnn') {
      const c = this.config;
      const curves = recurrentCurves(
        { cell: c.cell, steps: c.length, hidden: c.hidden, input: c.hidden, batch: c.batch },
        c.seed,
      );
      const lossGrad = Array.from(curves.log10LossGradNorm, (v) => round(v));
      const first = curves.log10LossGradNorm[0],
        lastV = curves.log10LossGradNorm[c.length];
      this.rnn = {
        kind: 'rnn',
        stepsDone: 1,
        totalSteps: 1,
        lossGrad,
        jacobian: Array.from(curves.log10JacobianFro, (v) => round(v)),
        decades: round(lastV - first),
      };
      this.done = 1;
      return;
    }
    const run = this.run as TrainingRun;
    const s = run.step();
    this.done++;
    this.last = s;
    const L = s.layers.length;
    if (!Number.isFinite(s.loss) || !Number.isFinite(s.gradNorm)) this.diverged = true;
    if (s.phase === 'finetune') {
      this.lastFinetune = s;
      const ratio = Math.log10(s.layers[0].gradNorm / s.layers[L - 1].gradNorm);
      const gmax = Math.log10(Math.max(...s.layers.map((l) => l.gradNorm)));
      if (s.layers.every((l) => l.gradNorm === 0)) this.diverged = true;
      if (this.ratioStart === null) {
        this.ratioStart = finite(ratio);
        this.gradMaxStart = finite(gmax);
      }
      this.ratios.push(ratio);
      this.gradMax.push(gmax);
      if (this.ratios.length > 10) {
        this.ratios.shift();
        this.gradMax.shift();
      }
    }
    if (this.done % this.stride === 0 || this.finished) {
      this.history.step.push(s.step);
      this.history.loss.push(round(s.loss));
      this.history.accuracy.push(s.accuracy === null ? null : round(s.accuracy));
      this.history.pretrain.push(s.phase === 'pretrain');
    }
    if (
      s.phase === 'finetune' &&
      (this.done % this.snapshotEvery === 0 || this.finished || this.snapshots.length === 0)
    ) {
      this.snapshots.push({ step: s.step, log10Grad: s.layers.map((l) => round(Math.log10(l.gradNorm), 5)) });
    }
    if (this.finished) {
      this.histCache = this.histograms();
      this.boundaryCache = this.boundary();
    }
  }

  /** Recomputes the histograms and the decision boundary for the current weights (live views). */
  refreshViews(): void {
    if (this.config.kind !== 'mlp' || this.done === 0) return;
    this.histCache = this.histograms();
    this.boundaryCache = this.boundary();
  }

  /**
   * Activation histograms of the hidden layers on a fixed sample of the dataset, in evaluation mode.
   * The engine returns h_l for the first l blocks (`forward` with `blocks`); with residual shortcuts
   * the block's own activation is h_l − h_{l−1}. At most 24 layers, evenly spread, are shown.
   */
  private histograms(): Histograms | null {
    const run = this.run;
    if (!run || this.config.kind !== 'mlp') return null;
    const net = run.net;
    const L = net.depth;
    if (L < 2) return null;
    const n = Math.min(HIST_SAMPLE, run.data.n);
    const x = run.data.x.subarray(0, n * run.data.inputDim);
    const hidden = L - 1;
    const count = Math.min(HIST_MAX_LAYERS, hidden);
    const chosen = [
      ...new Set(
        Array.from({ length: count }, (_, i) => Math.round(1 + (i * (hidden - 1)) / Math.max(1, count - 1))),
      ),
    ];
    const act = this.config.activation;
    const [min, max] = act === 'sigmoid' ? [0, 1] : act === 'tanh' ? [-1, 1] : [-3, 3];
    const layers: Histograms['layers'] = [];
    for (const l of chosen) {
      const residual = net.layers[l - 1].residual;
      const prev = residual ? Float64Array.from(net.forward(x, n, { blocks: l - 1, train: false })) : null;
      const h = net.forward(x, n, { blocks: l, train: false });
      const counts = new Array<number>(HIST_BINS).fill(0);
      const width = net.layers[l - 1].fanOut;
      const size = n * width;
      let total = 0;
      for (let i = 0; i < size; i++) {
        const v = prev ? h[i] - prev[i] : h[i];
        if (!Number.isFinite(v)) continue;
        const b = Math.min(HIST_BINS - 1, Math.max(0, Math.floor(((v - min) / (max - min)) * HIST_BINS)));
        counts[b]++;
        total++;
      }
      layers.push({
        index: l,
        fractions: counts.map((c) => (total === 0 ? 0 : Number((c / total).toPrecision(4)))),
      });
    }
    return { min, max, bins: HIST_BINS, layers };
  }

  /** P(class 1) over a grid covering the 2-D dataset, from the engine's predict(). */
  private boundary(): Boundary | null {
    const run = this.run;
    if (!run || run.data.inputDim !== 2 || run.data.classes === 0) return null;
    const d = run.data;
    let lim = 0;
    for (let i = 0; i < d.x.length; i++) lim = Math.max(lim, Math.abs(d.x[i]));
    lim = Math.ceil(lim * 11) / 10;
    const grid = new Float64Array(GRID * GRID * 2);
    for (let r = 0; r < GRID; r++) {
      for (let c = 0; c < GRID; c++) {
        grid[2 * (r * GRID + c)] = -lim + ((c + 0.5) * 2 * lim) / GRID;
        grid[2 * (r * GRID + c) + 1] = -lim + ((r + 0.5) * 2 * lim) / GRID;
      }
    }
    const p = run.predict(grid, GRID * GRID);
    const points: [number, number, number][] = [];
    const every = Math.max(1, Math.floor(d.n / 200));
    for (let i = 0; i < d.n; i += every) {
      points.push([Number(d.x[2 * i].toFixed(3)), Number(d.x[2 * i + 1].toFixed(3)), d.y[i]]);
    }
    return {
      size: GRID,
      min: -lim,
      max: lim,
      p: Array.from(p, (v) => (Number.isFinite(v) ? Number(v.toFixed(3)) : 0.5)),
      points,
    };
  }

  private summary(): LabSummary {
    const run = this.run as TrainingRun;
    const ev = this.finished ? run.evaluate() : null;
    const acts = this.lastFinetune?.layers.slice(0, -1) ?? [];
    return {
      log10RatioStart: this.ratioStart,
      log10RatioEnd: finite(meanOf(this.ratios) ?? NaN),
      log10GradMaxStart: this.gradMaxStart,
      log10GradMaxEnd: finite(meanOf(this.gradMax) ?? NaN),
      finalLoss: ev
        ? finite(ev.loss)
        : this.last && this.last.phase === 'finetune'
          ? finite(this.last.loss)
          : null,
      finalAccuracy: ev ? ev.accuracy : (this.lastFinetune?.accuracy ?? null),
      saturated: meanOf(acts.map((l) => l.saturated)),
      dead: meanOf(acts.map((l) => l.dead)),
      diverged: this.diverged || (ev !== null && !Number.isFinite(ev.loss)),
    };
  }

  /** The run's result so far (complete once `finished`). */
  result(): LabResult {
    if (this.config.kind === 'rnn') {
      return (
        this.rnn ?? { kind: 'rnn', stepsDone: 0, totalSteps: 1, lossGrad: [], jacobian: [], decades: null }
      );
    }
    const s = this.lastFinetune;
    return {
      kind: 'mlp',
      stepsDone: this.done,
      totalSteps: this.total,
      history: {
        step: [...this.history.step],
        loss: [...this.history.loss],
        accuracy: [...this.history.accuracy],
        pretrain: [...this.history.pretrain],
      },
      layers:
        s && this.snapshots.at(-1)?.step !== s.step
          ? [
              ...this.snapshots,
              { step: s.step, log10Grad: s.layers.map((l) => round(Math.log10(l.gradNorm), 5)) },
            ]
          : [...this.snapshots],
      activations: (s?.layers.slice(0, -1) ?? []).map((l) => ({
        index: l.index,
        mean: l.actMean === null ? null : round(l.actMean, 4),
        std: l.actStd === null ? null : round(l.actStd, 4),
        saturated: l.saturated,
        dead: l.dead,
      })),
      histograms: this.histCache,
      boundary: this.boundaryCache,
      summary: this.summary(),
    };
  }
}

/** Runs a configuration to the end, synchronously (tests, headless use). */
export function runToEnd(config: LabConfig): LabResult {
  const runner = new LabRunner(config);
  runner.advance();
  return runner.result();
}
