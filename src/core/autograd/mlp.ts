import {
  type Activation,
  type Init,
  activate,
  activateBackward,
  initWeights,
  saturatedFraction,
} from './layers';
import { type KernelChoice, defaultKernelChoice, selectKernels } from './kernels';
import type { Rng } from './rng';
import { batchNormBackward, batchNormForward } from './batchnorm';
import { type DType, type FArray, type Kernels, alloc } from './types';

/**
 * A deep multilayer perceptron. `depth` counts Linear layers (as in the reference setup): layers
 * 1..L−1 are hidden blocks, layer L is a linear head.
 *
 *   h₀ = x
 *   hidden block l:  z_l = h_{l−1} W_lᵀ + b_l;  u_l = BN(z_l) or z_l;  a_l = act(u_l);
 *                    h_l = h_{l−1} + a_l  (residual, only where fan_in = fan_out)  or  h_l = a_l
 *   head:            y = h_{L−1} W_Lᵀ + b_L
 *
 * BatchNorm: u = γ·(z − μ_B)/√(σ²_B + ε) + β with batch mean and biased batch variance in training
 * mode, running estimates (momentum 0.1, unbiased variance, as torch.nn.BatchNorm1d) in eval mode.
 */
export interface MlpConfig {
  inputDim: number;
  outputDim: number;
  /** Width of every hidden block. */
  width: number;
  /** Number of Linear layers, ≥ 1. */
  depth: number;
  activation: Activation;
  /** Negative slope of leaky_relu (default 0.01). */
  leakySlope?: number;
  /** α of elu (default 1). */
  eluAlpha?: number;
  init: Init;
  batchnorm?: boolean;
  residual?: boolean;
  dtype?: DType;
  /** BatchNorm ε (default 1e-5). */
  bnEps?: number;
  /** float32 matrix kernels: WebAssembly SIMD or the TypeScript reference (default: see KernelChoice). */
  kernels?: KernelChoice;
}

/** One Linear layer with its optional BatchNorm and its gradients. */
export interface LinearLayer {
  readonly fanIn: number;
  readonly fanOut: number;
  /**
   * Weights stored input-major, [fanIn × fanOut] (the transpose of PyTorch's `weight`): the forward
   * pass multiplies by it, back-propagation by its transpose (gemmNT), so no copy in PyTorch's
   * layout has to be kept in step.
   */
  readonly wt: FArray;
  readonly b: FArray;
  readonly gwt: FArray;
  readonly gb: FArray;
  /** BatchNorm scale/shift and their gradients (null without BatchNorm, and for the head). */
  readonly gamma: FArray | null;
  readonly beta: FArray | null;
  readonly ggamma: FArray | null;
  readonly gbeta: FArray | null;
  readonly runningMean: Float64Array | null;
  readonly runningVar: Float64Array | null;
  readonly activation: Activation;
  readonly residual: boolean;
}

/** A trainable tensor, its gradient and what kind of parameter it is (penalties apply to weights only). */
export interface Param {
  layer: number;
  kind: 'weight' | 'bias' | 'gamma' | 'beta';
  value: FArray;
  grad: FArray;
}

/** Activation statistics of one hidden block for the last forward pass. */
export interface ActivationStats {
  mean: number;
  std: number;
  /** Fraction of activations in the saturated range (sigmoid/tanh; null otherwise). */
  saturated: number | null;
  /** Fraction of units that output 0 for every example of the batch (relu only; null otherwise). */
  dead: number | null;
}

interface Cache {
  n: number;
  x: FArray;
  z: FArray[];
  xhat: (FArray | null)[];
  invStd: (Float64Array | null)[];
  a: FArray[];
  h: FArray[];
  dA: FArray;
  dB: FArray;
  dz: FArray;
  du: FArray;
  colA: Float64Array;
  colB: Float64Array;
}

export class Mlp {
  readonly config: Required<MlpConfig>;
  readonly layers: LinearLayer[] = [];
  readonly kernels: Kernels;
  private cache: Cache | null = null;
  private initScratch: FArray | null = null;
  /**
   * ‖∂L/∂h_l‖ (Frobenius, over the batch) of every hidden block's output h_l, l = 1..L−1, from the
   * last backward pass: the back-propagated signal, before any weight is involved.
   */
  readonly signalNorms: Float64Array;
  /** Number of blocks run by the last forward pass. */
  private ranBlocks = 0;
  private lastTrain = true;

  constructor(config: MlpConfig) {
    const c: Required<MlpConfig> = {
      leakySlope: 0.01,
      eluAlpha: 1,
      batchnorm: false,
      residual: false,
      dtype: 'float64',
      bnEps: 1e-5,
      kernels: defaultKernelChoice(),
      // An option passed as undefined means "default", not "undefined" (which would make every step NaN).
      ...(Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)) as MlpConfig),
    };
    for (const key of ['inputDim', 'outputDim', 'width', 'depth'] as const) {
      if (!Number.isInteger(c[key]) || c[key] < 1) throw new Error(`${key} must be a positive integer`);
    }
    this.config = c;
    this.signalNorms = new Float64Array(Math.max(0, c.depth - 1));
    this.kernels = selectKernels(c.dtype, c.kernels);
    const L = c.depth;
    for (let l = 1; l <= L; l++) {
      const fanIn = l === 1 ? c.inputDim : c.width;
      const fanOut = l === L ? c.outputDim : c.width;
      const hidden = l < L;
      const bn = hidden && c.batchnorm;
      this.layers.push({
        fanIn,
        fanOut,
        wt: alloc(c.dtype, fanIn * fanOut),
        b: alloc(c.dtype, fanOut),
        gwt: alloc(c.dtype, fanIn * fanOut),
        gb: alloc(c.dtype, fanOut),
        gamma: bn ? alloc(c.dtype, fanOut).fill(1) : null,
        beta: bn ? alloc(c.dtype, fanOut) : null,
        ggamma: bn ? alloc(c.dtype, fanOut) : null,
        gbeta: bn ? alloc(c.dtype, fanOut) : null,
        runningMean: bn ? new Float64Array(fanOut) : null,
        runningVar: bn ? new Float64Array(fanOut).fill(1) : null,
        activation: hidden ? c.activation : 'identity',
        residual: hidden && c.residual && fanIn === fanOut,
      });
    }
  }

  get depth(): number {
    return this.layers.length;
  }

  /**
   * Draws every weight matrix from `init` (layer 1 first, each in PyTorch's [out × in] order) and
   * zeroes biases; BatchNorm back to γ = 1, β = 0 and fresh running statistics.
   */
  initialize(rng: Rng, init: Init = this.config.init): void {
    // One scratch matrix in PyTorch's order serves every layer (and every call: seed sweeps call this often).
    const size = Math.max(...this.layers.map((l) => l.fanIn * l.fanOut));
    if (!this.initScratch || this.initScratch.length < size)
      this.initScratch = alloc(this.config.dtype, size);
    for (const layer of this.layers) {
      const w = this.initScratch.subarray(0, layer.fanIn * layer.fanOut);
      initWeights(w, layer.fanIn, layer.fanOut, init, rng);
      this.kernels.transpose(w, layer.wt, layer.fanOut, layer.fanIn);
      layer.b.fill(0);
      layer.gamma?.fill(1);
      layer.beta?.fill(0);
      layer.runningMean?.fill(0);
      layer.runningVar?.fill(1);
    }
  }

  /** Every trainable tensor with its gradient, layer 1 first. */
  params(): Param[] {
    const out: Param[] = [];
    this.layers.forEach((layer, i) => {
      const l = i + 1;
      out.push({ layer: l, kind: 'weight', value: layer.wt, grad: layer.gwt });
      out.push({ layer: l, kind: 'bias', value: layer.b, grad: layer.gb });
      if (layer.gamma && layer.ggamma)
        out.push({ layer: l, kind: 'gamma', value: layer.gamma, grad: layer.ggamma });
      if (layer.beta && layer.gbeta)
        out.push({ layer: l, kind: 'beta', value: layer.beta, grad: layer.gbeta });
    });
    return out;
  }

  private ensureCache(n: number): Cache {
    if (this.cache && this.cache.n === n) return this.cache;
    const { dtype, inputDim } = this.config;
    const maxDim = Math.max(inputDim, ...this.layers.map((l) => l.fanOut));
    const cache: Cache = {
      n,
      x: alloc(dtype, n * inputDim),
      z: [],
      xhat: [],
      invStd: [],
      a: [],
      h: [],
      dA: alloc(dtype, n * maxDim),
      dB: alloc(dtype, n * maxDim),
      dz: alloc(dtype, n * maxDim),
      du: alloc(dtype, n * maxDim),
      colA: new Float64Array(maxDim),
      colB: new Float64Array(maxDim),
    };
    for (const layer of this.layers) {
      const size = n * layer.fanOut;
      const z = alloc(dtype, size);
      const a = layer.activation === 'identity' && !layer.gamma ? z : alloc(dtype, size);
      cache.z.push(z);
      cache.xhat.push(layer.gamma ? alloc(dtype, size) : null);
      cache.invStd.push(layer.gamma ? new Float64Array(layer.fanOut) : null);
      cache.a.push(a);
      cache.h.push(layer.residual ? alloc(dtype, size) : a);
    }
    this.cache = cache;
    return cache;
  }

  /**
   * Forward pass over a batch of `n` rows (`x` row-major n × inputDim). Returns the output buffer
   * (n × outputDim, owned by the network and overwritten by the next pass), or with `blocks` set,
   * the output h_blocks of the first `blocks` blocks (h₀ = x for 0). `train` selects batch statistics
   * for BatchNorm (and updates the running estimates).
   */
  forward(x: ArrayLike<number>, n: number, options: { train?: boolean; blocks?: number } = {}): FArray {
    const train = options.train ?? true;
    const blocks = options.blocks ?? this.layers.length;
    const c = this.ensureCache(n);
    const { inputDim, leakySlope, eluAlpha, bnEps } = this.config;
    if (x.length < n * inputDim) throw new Error(`input has ${x.length} values, expected ${n * inputDim}`);
    for (let i = 0; i < n * inputDim; i++) c.x[i] = x[i];
    let hPrev: FArray = c.x;
    for (let l = 0; l < blocks; l++) {
      const layer = this.layers[l];
      const out = layer.fanOut;
      const size = n * out;
      const z = c.z[l];
      if (layer.activation === 'relu' && !layer.gamma) {
        // a = relu(h W + b) in one sweep over the output: z itself is needed by nothing later.
        this.kernels.gemmNN(hPrev, layer.wt, c.a[l], n, layer.fanIn, out, false, layer.b, true);
      } else {
        this.kernels.gemmNN(hPrev, layer.wt, z, n, layer.fanIn, out, false, layer.b);
      }
      let u: FArray = z;
      if (layer.gamma && layer.beta) {
        const xhat = c.xhat[l] as FArray;
        const invStd = c.invStd[l] as Float64Array;
        batchNormForward(layer, z, xhat, invStd, n, train, bnEps, c.colA, c.colB);
        // u = γ·x̂ + β is written into the activation buffer and activated in place.
        u = c.a[l];
        const gamma = layer.gamma,
          beta = layer.beta;
        for (let r = 0; r < n; r++) {
          const o = r * out;
          for (let j = 0; j < out; j++) u[o + j] = gamma[j] * xhat[o + j] + beta[j];
        }
      }
      if (layer.activation !== 'relu' || layer.gamma)
        activate(layer.activation, u, c.a[l], size, leakySlope, eluAlpha);
      if (layer.residual) {
        const h = c.h[l],
          a = c.a[l];
        for (let i = 0; i < size; i++) h[i] = hPrev[i] + a[i];
      }
      hPrev = c.h[l];
    }
    this.ranBlocks = blocks;
    this.lastTrain = train;
    return hPrev;
  }

  /**
   * Back-propagates dL/dy (n × outputDim, for the last full forward pass in training mode) and
   * writes every parameter gradient (overwriting, not accumulating). Returns dL/dx when asked
   * (a buffer owned by the network), else null.
   *
   *   δ_L = dL/dy;  dL/dW_lᵀ = h_{l−1}ᵀ δ_l;  dL/db_l = Σ_rows δ_l;  dL/dh_{l−1} = δ_l W_l (+ dL/dh_l if residual)
   *   hidden:  dL/du_l = dL/dh_l ⊙ act′;  BN: δ_l = γ/(n·σ) · (n·g − Σg − x̂·Σ(g·x̂)), g = dL/du_l
   */
  backward(dy: ArrayLike<number>, options: { inputGrad?: boolean } = {}): FArray | null {
    const c = this.cache;
    if (!c || this.ranBlocks !== this.layers.length)
      throw new Error('backward needs a full forward pass first');
    if (!this.lastTrain) throw new Error('backward needs a forward pass in training mode');
    const n = c.n;
    const { leakySlope, eluAlpha } = this.config;
    const L = this.layers.length;
    let dh = c.dA; // dL/dh_l of the block being processed
    let dhPrev = c.dB;
    const outDim = this.layers[L - 1].fanOut;
    for (let i = 0; i < n * outDim; i++) dh[i] = dy[i];
    for (let l = L - 1; l >= 0; l--) {
      const layer = this.layers[l];
      const out = layer.fanOut,
        fanIn = layer.fanIn;
      const size = n * out;
      let dz: FArray = dh;
      if (layer.activation !== 'identity' || layer.gamma) {
        dz = c.du;
        activateBackward(layer.activation, c.a[l], dh, dz, size, leakySlope, eluAlpha);
        if (layer.gamma)
          batchNormBackward(
            layer,
            c.xhat[l] as FArray,
            c.invStd[l] as Float64Array,
            dz,
            c.dz,
            n,
            c.colA,
            c.colB,
          );
        if (layer.gamma) dz = c.dz;
      }
      const hPrev = l === 0 ? c.x : c.h[l - 1];
      // dL/dWᵀ = h_{l−1}ᵀ δ_l and dL/db = Σ_rows δ_l in one call.
      this.kernels.gemmTN(hPrev, dz, layer.gwt, fanIn, n, out, false, layer.gb);
      if (l > 0 || options.inputGrad) {
        this.kernels.gemmNT(dz, layer.wt, dhPrev, n, out, fanIn, false);
        if (layer.residual) for (let i = 0; i < n * fanIn; i++) dhPrev[i] += dh[i];
        if (l > 0) this.signalNorms[l - 1] = l2(dhPrev.subarray(0, n * fanIn));
        const t = dh;
        dh = dhPrev;
        dhPrev = t;
      }
    }
    return options.inputGrad ? dh : null;
  }

  /** Frobenius norm ‖dL/dW_l‖ of every layer's weight gradient, layer 1 first. */
  weightGradNorms(out: Float64Array = new Float64Array(this.layers.length)): Float64Array {
    this.layers.forEach((layer, i) => (out[i] = l2(layer.gwt)));
    return out;
  }

  /** Activation statistics of hidden blocks 1..L−1 for the last forward pass. */
  activationStats(): ActivationStats[] {
    const c = this.cache;
    if (!c) return [];
    const stats: ActivationStats[] = [];
    for (let l = 0; l < Math.min(this.ranBlocks, this.layers.length - 1); l++) {
      const layer = this.layers[l];
      const a = c.a[l];
      const size = c.n * layer.fanOut;
      let s = 0,
        s2 = 0;
      for (let i = 0; i < size; i++) {
        s += a[i];
        s2 += a[i] * a[i];
      }
      const mean = s / size;
      let dead: number | null = null;
      if (layer.activation === 'relu') {
        let count = 0;
        for (let j = 0; j < layer.fanOut; j++) {
          let alive = false;
          for (let r = 0; r < c.n && !alive; r++) alive = a[r * layer.fanOut + j] > 0;
          if (!alive) count++;
        }
        dead = count / layer.fanOut;
      }
      stats.push({
        mean,
        std: Math.sqrt(Math.max(0, s2 / size - mean * mean)),
        saturated: saturatedFraction(layer.activation, a, size),
        dead,
      });
    }
    return stats;
  }
}

/** Euclidean norm of a whole array, accumulated in float64. */
export function l2(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}
