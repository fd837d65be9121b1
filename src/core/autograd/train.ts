import { type Dataset, type TaskKind, makeDataset } from './data';
import type { Activation, Init } from './layers';
import { type LossKind, lossForward } from './losses';
import { Mlp, l2 } from './mlp';
import { type ClipConfig, type OptimizerConfig, type PenaltyConfig, Optimizer } from './optim';
import { Rng } from './rng';
import { type DType, alloc, type FArray } from './types';

/** Everything that defines a training run; with the same values (seed included) a run is reproducible. */
export interface TrainConfig {
  task: TaskKind;
  /** Dataset size (default 512) and input noise std (default 0.1). */
  samples?: number;
  noise?: number;
  seed: number;
  depth: number;
  width: number;
  activation: Exclude<Activation, 'identity'>;
  leakySlope?: number;
  eluAlpha?: number;
  init: Init;
  batchnorm?: boolean;
  residual?: boolean;
  dtype?: DType;
  batchSize?: number;
  optimizer: OptimizerConfig;
  clip?: ClipConfig | null;
  penalty?: PenaltyConfig;
  /** Default: softmax_ce for classification, mse for regression. */
  loss?: LossKind;
  /**
   * Greedy layer-wise pre-training: each hidden layer in turn is trained for `stepsPerLayer` steps as
   * an autoencoder (encoder = the layer with its activation, a fresh linear decoder, MSE
   * reconstruction of the layer's input) on the outputs of the layers below, then the whole network
   * is fine-tuned with the main optimizer.
   */
  pretrain?: { stepsPerLayer: number; optimizer?: OptimizerConfig } | null;
}

/** Per-layer statistics of one step; hidden-block fields are null for the linear head. */
export interface LayerStepStats {
  index: number;
  gradNorm: number;
  weightNorm: number;
  /** ‖Δw‖/‖w‖ of this step's update. */
  updateRatio: number;
  actMean: number | null;
  actStd: number | null;
  saturated: number | null;
  dead: number | null;
}

export interface StepStats {
  step: number;
  phase: 'pretrain' | 'finetune';
  /** The hidden layer being pre-trained (1-based), or null while fine-tuning. */
  pretrainLayer: number | null;
  /** Data loss of this mini-batch (reconstruction loss while pre-training), plus penalties. */
  loss: number;
  /** Mini-batch accuracy (classification while fine-tuning), else null. */
  accuracy: number | null;
  /** Global gradient norm before clipping. */
  gradNorm: number;
  clipped: boolean;
  /**
   * ‖∂L/∂h_l‖ of every hidden block's output, l = 1..L−1 (fine-tuning only, else empty): the
   * back-propagated signal, which shows an exploding init that the weight gradients hide.
   */
  signalNorms: number[];
  /** Per layer of the main network (while pre-training: the layer being trained only). */
  layers: LayerStepStats[];
}

/**
 * A training run advanced one optimisation step at a time, so that a caller (a Web Worker, the
 * CLI) can report progress, pause or cancel between steps. Nothing runs in the background.
 */
export class TrainingRun {
  readonly config: TrainConfig;
  readonly data: Dataset;
  readonly net: Mlp;
  private readonly rng: Rng;
  private readonly optimizer: Optimizer;
  private readonly batch: number;
  private readonly lossKind: LossKind;
  private readonly order: Int32Array;
  private cursor: number;
  private readonly bx: FArray;
  private readonly by: Float64Array;
  private readonly dy: FArray;
  private stepCount = 0;
  private pre: {
    layer: number;
    done: number;
    ae: Mlp;
    opt: Optimizer;
    dy: FArray;
  } | null = null;

  constructor(config: TrainConfig) {
    this.config = config;
    const dtype = config.dtype ?? 'float64';
    this.data = makeDataset(config.task, config.samples ?? 512, config.seed, config.noise ?? 0.1);
    this.lossKind = config.loss ?? (this.data.classes > 0 ? 'softmax_ce' : 'mse');
    if (this.lossKind === 'softmax_ce' && this.data.classes === 0)
      throw new Error('softmax_ce needs a classification task');
    this.rng = new Rng(config.seed + 0x5eed);
    this.net = new Mlp({
      inputDim: this.data.inputDim,
      outputDim: this.data.outputDim,
      width: config.width,
      depth: config.depth,
      activation: config.activation,
      leakySlope: config.leakySlope,
      eluAlpha: config.eluAlpha,
      init: config.init,
      batchnorm: config.batchnorm,
      residual: config.residual,
      dtype,
    });
    this.net.initialize(this.rng);
    this.batch = Math.min(config.batchSize ?? 64, this.data.n);
    this.optimizer = new Optimizer(
      config.optimizer,
      this.net.params(),
      config.clip ?? null,
      config.penalty ?? {},
    );
    this.order = new Int32Array(this.data.n).map((_, i) => i);
    this.cursor = this.data.n;
    this.bx = alloc(dtype, this.batch * this.data.inputDim);
    this.by = new Float64Array(this.batch * (this.data.classes > 0 ? 1 : this.data.outputDim));
    this.dy = alloc(dtype, this.batch * this.data.outputDim);
    if (config.pretrain && config.pretrain.stepsPerLayer > 0 && config.depth > 1) this.startPretrain(1);
  }

  /** Steps taken so far (pre-training included). */
  get steps(): number {
    return this.stepCount;
  }

  get phase(): 'pretrain' | 'finetune' {
    return this.pre ? 'pretrain' : 'finetune';
  }

  private startPretrain(layer: number): void {
    const main = this.net.layers[layer - 1];
    const ae = new Mlp({
      inputDim: main.fanIn,
      outputDim: main.fanIn,
      width: main.fanOut,
      depth: 2,
      activation: main.activation,
      leakySlope: this.net.config.leakySlope,
      eluAlpha: this.net.config.eluAlpha,
      init: this.config.init,
      dtype: this.net.config.dtype,
    });
    ae.initialize(this.rng);
    ae.layers[0].wt.set(main.wt);
    ae.layers[0].b.set(main.b);
    const opt = new Optimizer(this.config.pretrain?.optimizer ?? this.config.optimizer, ae.params());
    this.pre = { layer, done: 0, ae, opt, dy: alloc(this.net.config.dtype, this.batch * main.fanIn) };
  }

  private nextBatch(): void {
    const { inputDim, classes, outputDim } = this.data;
    const ty = classes > 0 ? 1 : outputDim;
    for (let r = 0; r < this.batch; r++) {
      if (this.cursor >= this.data.n) {
        this.rng.shuffle(this.order);
        this.cursor = 0;
      }
      const i = this.order[this.cursor++];
      for (let j = 0; j < inputDim; j++) this.bx[r * inputDim + j] = this.data.x[i * inputDim + j];
      for (let j = 0; j < ty; j++) this.by[r * ty + j] = this.data.y[i * ty + j];
    }
  }

  /** Runs one optimisation step on the next mini-batch and returns its statistics. */
  step(): StepStats {
    this.nextBatch();
    this.stepCount++;
    return this.pre ? this.pretrainStep() : this.finetuneStep();
  }

  private finetuneStep(): StepStats {
    const net = this.net,
      n = this.batch;
    const y = net.forward(this.bx, n);
    const target = this.lossKind === 'mean_square' ? null : this.by;
    const res = lossForward(this.lossKind, y, n, this.data.outputDim, target, this.dy);
    net.backward(this.dy);
    const grads = net.weightGradNorms();
    const acts = net.activationStats();
    const upd = this.optimizer.step();
    return {
      step: this.stepCount,
      phase: 'finetune',
      pretrainLayer: null,
      loss: res.loss + upd.penalty,
      accuracy: res.accuracy,
      gradNorm: upd.gradNorm,
      clipped: upd.clipped,
      signalNorms: Array.from(net.signalNorms),
      layers: net.layers.map((layer, i) => ({
        index: i + 1,
        gradNorm: grads[i],
        weightNorm: l2(layer.wt),
        updateRatio: upd.updateRatios[i],
        actMean: acts[i]?.mean ?? null,
        actStd: acts[i]?.std ?? null,
        saturated: acts[i]?.saturated ?? null,
        dead: acts[i]?.dead ?? null,
      })),
    };
  }

  private pretrainStep(): StepStats {
    const pre = this.pre as NonNullable<TrainingRun['pre']>;
    const n = this.batch;
    // The layers below are frozen: their output (evaluation mode for BatchNorm) is the AE's input and target.
    const h = this.net.forward(this.bx, n, { blocks: pre.layer - 1, train: false });
    const input = h.slice(0, n * pre.ae.config.inputDim);
    const out = pre.ae.forward(input, n);
    const res = lossForward('mse', out, n, pre.ae.config.inputDim, input, pre.dy);
    pre.ae.backward(pre.dy);
    const grads = pre.ae.weightGradNorms();
    const acts = pre.ae.activationStats();
    const upd = pre.opt.step();
    const main = this.net.layers[pre.layer - 1];
    main.wt.set(pre.ae.layers[0].wt);
    main.b.set(pre.ae.layers[0].b);
    const stats: StepStats = {
      step: this.stepCount,
      phase: 'pretrain',
      pretrainLayer: pre.layer,
      loss: res.loss,
      accuracy: null,
      gradNorm: upd.gradNorm,
      clipped: upd.clipped,
      signalNorms: [],
      layers: [
        {
          index: pre.layer,
          gradNorm: grads[0],
          weightNorm: l2(main.wt),
          updateRatio: upd.updateRatios[0],
          actMean: acts[0]?.mean ?? null,
          actStd: acts[0]?.std ?? null,
          saturated: acts[0]?.saturated ?? null,
          dead: acts[0]?.dead ?? null,
        },
      ],
    };
    pre.done++;
    if (pre.done >= (this.config.pretrain?.stepsPerLayer ?? 0)) {
      if (pre.layer + 1 < this.net.depth) this.startPretrain(pre.layer + 1);
      else this.pre = null;
    }
    return stats;
  }

  /**
   * Network outputs for `n` inputs (evaluation mode; e.g. a grid for a decision-boundary plot).
   * Classification returns the softmax probability of class 1 per row, regression the prediction.
   */
  predict(x: ArrayLike<number>, n: number): Float64Array {
    const out = new Float64Array(n);
    const chunk = 1024;
    const d = this.data.inputDim,
      k = this.data.outputDim;
    for (let s = 0; s < n; s += chunk) {
      const m = Math.min(chunk, n - s);
      const xs = Array.prototype.slice.call(x, s * d, (s + m) * d) as number[];
      const y = this.net.forward(xs, m, { train: false });
      for (let r = 0; r < m; r++) {
        if (this.data.classes > 0) {
          let max = -Infinity;
          for (let j = 0; j < k; j++) max = Math.max(max, y[r * k + j]);
          let sum = 0;
          for (let j = 0; j < k; j++) sum += Math.exp(y[r * k + j] - max);
          out[s + r] = Math.exp(y[r * k + 1] - max) / sum;
        } else out[s + r] = y[r * k];
      }
    }
    return out;
  }

  /** Loss and accuracy over the whole dataset in evaluation mode. */
  evaluate(): { loss: number; accuracy: number | null } {
    const { n, outputDim } = this.data;
    const y = this.net.forward(this.data.x, n, { train: false });
    const dy = alloc(this.net.config.dtype, n * outputDim);
    const lk = this.lossKind === 'mean_square' ? 'mean_square' : this.lossKind;
    return lossForward(lk, y, n, outputDim, lk === 'mean_square' ? null : this.data.y, dy);
  }
}

/** Creates a steppable training run (see TrainingRun). */
export function createTrainingRun(config: TrainConfig): TrainingRun {
  return new TrainingRun(config);
}
