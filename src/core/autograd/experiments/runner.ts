import { gapsOf, type CurveGap } from './gaps';
import { recurrentCurves } from '../recurrent';
import { type StepStats, type TrainingRun, createTrainingRun } from '../train';
import { type ExperimentConfig, toRecurrentSetup, toTrainConfig, totalSteps } from './config';
import { type Boundary, type Histograms, boundaryOf, histogramsOf } from './views';

/**
 * Running an experiment: a runner that advances a run in slices (so that a Web Worker can report
 * progress, pause and cancel between them) and keeps a compact, JSON-friendly result in which every
 * number comes from the engine. The Gradient Lab, the lessons' demos and `convscope lab` all run it.
 */

/** JSON has no NaN or ±Infinity: a diverged value is kept as null. */
const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
const round = (v: number, digits = 6): number | null =>
  Number.isFinite(v) ? Number(v.toPrecision(digits)) : null;

/**
 * The numbers panel of one run; "start" is the first fine-tuning step, "end" the mean of the last 10.
 * - `signal`: log10(‖∂L/∂h₁‖ / ‖∂L/∂h_{L−1}‖), the back-propagated signal at the first hidden block
 *   over the last one (0 = balanced, strongly negative = vanishing, positive = exploding). This is the
 *   number that tells the truth: the weight-gradient ratio below multiplies it by the activations'
 *   scale, ‖dL/dW_l‖ ≈ ‖∂L/∂z_l‖·‖h_{l−1}‖, so an exploding init (growing activations, shrinking
 *   ∂L/∂z towards the output) can look balanced there.
 * - `ratio`: log10(‖dL/dW₁‖ / ‖dL/dW_L‖), the first over the last weight gradient.
 * - `gradMax`: log10 of the largest per-layer weight-gradient norm (exploding when large).
 * Loss and accuracy are the engine's evaluation over the whole dataset at the end; saturated/dead are
 * the mean fractions over hidden layers at the last step (null when the activation cannot saturate /
 * die). Null: not applicable or not finite.
 */
export interface ExperimentSummary {
  log10SignalStart: number | null;
  log10SignalEnd: number | null;
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
  /** Per-layer log10 ‖W_l‖. */
  log10Weight: (number | null)[];
  /** Per-layer log10 of this step's update/weight ratio ‖ΔW_l‖/‖W_l‖ (healthy training: about −3). */
  log10Update: (number | null)[];
  /** Per hidden block log10 ‖∂L/∂h_l‖, l = 1..L−1. */
  log10Signal: (number | null)[];
}

const lg = (v: number, digits = 5): number | null => round(Math.log10(v), digits);

/** The per-layer numbers of one fine-tuning step. */
function snapshotOf(s: StepStats): LayerSnapshot {
  return {
    step: s.step,
    log10Grad: s.layers.map((l) => lg(l.gradNorm)),
    log10Weight: s.layers.map((l) => lg(l.weightNorm)),
    log10Update: s.layers.map((l) => lg(l.updateRatio)),
    log10Signal: s.signalNorms.map((v) => lg(v)),
  };
}

export interface MlpExperimentResult {
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
  summary: ExperimentSummary;
}

export interface RnnExperimentResult {
  kind: 'rnn';
  stepsDone: number;
  totalSteps: number;
  /** Index t = 0..T: log10 ‖∂L/∂h_t‖ and log10 ‖∂h_T/∂h_t‖_F. */
  lossGrad: (number | null)[];
  jacobian: (number | null)[];
  /** log10 ‖∂L/∂h_T‖ − log10 ‖∂L/∂h_0‖: how many decades the gradient loses over the sequence. */
  decades: number | null;
  /** Where `lossGrad` is null and why (underflow to 0, overflow, NaN); absent in older saved runs. */
  lossGradGaps?: CurveGap[];
}

export type ExperimentResult = MlpExperimentResult | RnnExperimentResult;

const MAX_HISTORY = 2000;
const MAX_SNAPSHOTS = 120;

/** Mean of the non-null values, null when there are none. */
function meanOf(values: (number | null | undefined)[]): number | null {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  return v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length;
}

/**
 * Advances one lab run in slices (`advance`) and produces its result at any time (`result`). The
 * RNN kind is a single measurement, done in the first slice.
 */
export class ExperimentRunner {
  readonly config: ExperimentConfig;
  readonly total: number;
  private run: TrainingRun | null = null;
  private done = 0;
  private stride = 1;
  private history: MlpExperimentResult['history'] = { step: [], loss: [], accuracy: [], pretrain: [] };
  private snapshots: LayerSnapshot[] = [];
  private snapshotEvery: number;
  private ratios: number[] = [];
  private signals: number[] = [];
  private gradMax: number[] = [];
  private ratioStart: number | null = null;
  private signalStart: number | null = null;
  private gradMaxStart: number | null = null;
  private last: StepStats | null = null;
  private lastFinetune: StepStats | null = null;
  private diverged = false;
  private rnn: RnnExperimentResult | null = null;
  private histCache: Histograms | null = null;
  private boundaryCache: Boundary | null = null;

  constructor(config: ExperimentConfig) {
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
      const curves = recurrentCurves(toRecurrentSetup(c), c.seed);
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
        lossGradGaps: gapsOf(curves.log10LossGradNorm),
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
      const sig = s.signalNorms;
      const signal = sig.length > 0 ? Math.log10(sig[0] / sig[sig.length - 1]) : NaN;
      if (s.layers.every((l) => l.gradNorm === 0)) this.diverged = true;
      if (this.ratioStart === null) {
        this.ratioStart = finite(ratio);
        this.signalStart = finite(signal);
        this.gradMaxStart = finite(gmax);
      }
      this.ratios.push(ratio);
      this.signals.push(signal);
      this.gradMax.push(gmax);
      if (this.ratios.length > 10) {
        this.ratios.shift();
        this.signals.shift();
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
      this.snapshots.push(snapshotOf(s));
    }
    if (this.finished) {
      this.refreshViews();
    }
  }

  /** Recomputes the histograms and the decision boundary for the current weights (live views). */
  refreshViews(): void {
    if (this.config.kind !== 'mlp' || !this.run || this.done === 0) return;
    this.histCache = histogramsOf(this.run, this.config.activation);
    this.boundaryCache = boundaryOf(this.run);
  }

  private summary(): ExperimentSummary {
    const run = this.run as TrainingRun;
    const ev = this.finished ? run.evaluate() : null;
    const acts = this.lastFinetune?.layers.slice(0, -1) ?? [];
    return {
      log10SignalStart: this.signalStart,
      log10SignalEnd: finite(meanOf(this.signals) ?? NaN),
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
  result(): ExperimentResult {
    if (this.config.kind === 'rnn') {
      return (
        this.rnn ?? {
          kind: 'rnn',
          stepsDone: 0,
          totalSteps: 1,
          lossGrad: [],
          jacobian: [],
          decades: null,
          lossGradGaps: [],
        }
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
          ? [...this.snapshots, snapshotOf(s)]
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

/** Runs an experiment to the end, synchronously (tests, the CLI, the lessons' worker). */
export function runExperiment(config: ExperimentConfig): ExperimentResult {
  const runner = new ExperimentRunner(config);
  runner.advance();
  return runner.result();
}
