import type { Param } from './mlp';
import type { FArray } from './types';

/**
 * Optimizers, PyTorch conventions:
 * - SGD with momentum μ: v ← μ·v + g;  w ← w − lr·v   (μ = 0: plain SGD)
 * - Adam: m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  w ← w − lr·m̂/(√v̂ + ε), m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ)
 */
export type OptimizerConfig =
  | { kind: 'sgd'; lr: number; momentum?: number }
  | { kind: 'adam'; lr: number; beta1?: number; beta2?: number; eps?: number };

/** Gradient clipping: rescale all gradients so that their global L2 norm is ≤ max, or clamp each entry to [−max, max]. */
export type ClipConfig = { kind: 'norm'; max: number } | { kind: 'value'; max: number };

/** Weight penalties added to the loss: l1·Σ|w| + l2·Σw² over weight matrices (not biases or BatchNorm). */
export interface PenaltyConfig {
  l1?: number;
  l2?: number;
}

export interface UpdateReport {
  /** Penalty value added to the loss. */
  penalty: number;
  /** Global gradient L2 norm before clipping (penalty gradients included). */
  gradNorm: number;
  /** Whether clipping changed the gradients. */
  clipped: boolean;
  /** ‖Δw‖/‖w‖ of each weight matrix, in the order of the weight params. */
  updateRatios: number[];
}

/** Applies penalties, clipping and one optimizer update to `params`; state persists across calls. */
export class Optimizer {
  private readonly state: Float64Array[][] = [];
  private t = 0;

  constructor(
    readonly config: OptimizerConfig,
    readonly params: Param[],
    readonly clip: ClipConfig | null = null,
    readonly penalty: PenaltyConfig = {},
  ) {
    if (!(config.lr > 0)) throw new Error('learning rate must be positive');
    const slots = config.kind === 'adam' ? 2 : 1;
    for (const p of params) {
      const s: Float64Array[] = [];
      for (let i = 0; i < slots; i++) s.push(new Float64Array(p.value.length));
      this.state.push(s);
    }
  }

  /**
   * One update. Penalty gradients, the gradient norm, value clipping and the update itself run in one
   * pass over each tensor; only norm clipping needs the global norm first, and then a second pass.
   * The sums run in the same order as separate passes would, so the numbers do not change.
   */
  step(): UpdateReport {
    const l1 = this.penalty.l1 ?? 0,
      l2c = this.penalty.l2 ?? 0;
    const penalize = l1 !== 0 || l2c !== 0;
    const clip = this.clip;
    let penalty = 0;
    let sq = 0;
    let scale = 1;
    let clipped = false;
    let gradNorm = 0;
    if (clip?.kind === 'norm') {
      // The norm (penalty gradients included) must be known before any weight moves.
      for (const p of this.params) {
        if (penalize && p.kind === 'weight') penalty += addPenaltyGrad(p.value, p.grad, l1, l2c);
        sq += sumSquares(p.grad);
      }
      gradNorm = Math.sqrt(sq);
      // torch.nn.utils.clip_grad_norm_ scales by max/(norm + 1e-6).
      if (gradNorm > clip.max) {
        scale = clip.max / (gradNorm + 1e-6);
        clipped = true;
      }
    }
    const fold = clip?.kind !== 'norm';
    const vmax = clip?.kind === 'value' ? clip.max : Infinity;
    this.t++;
    const updateRatios: number[] = [];
    const cfg = this.config;
    const b1 = cfg.kind === 'adam' ? (cfg.beta1 ?? 0.9) : 0,
      b2 = cfg.kind === 'adam' ? (cfg.beta2 ?? 0.999) : 0,
      eps = cfg.kind === 'adam' ? (cfg.eps ?? 1e-8) : 0;
    const c1 = 1 - Math.pow(b1, this.t),
      c2 = 1 - Math.pow(b2, this.t);
    const mu = cfg.kind === 'sgd' ? (cfg.momentum ?? 0) : 0;
    const lr = cfg.lr;
    for (let k = 0; k < this.params.length; k++) {
      const p = this.params[k];
      const w = p.value,
        g = p.grad;
      if (fold && penalize && p.kind === 'weight') penalty += addPenaltyGrad(w, g, l1, l2c);
      let dw2 = 0,
        w2 = 0;
      const n = w.length;
      if (cfg.kind === 'sgd' && mu === 0 && fold && vmax === Infinity) {
        // Plain SGD (PyTorch keeps no momentum buffer then): w ← w − lr·g.
        for (let i = 0; i < n; i++) {
          const gi = g[i];
          sq += gi * gi;
          const d = lr * gi;
          const wi = w[i];
          w2 += wi * wi;
          dw2 += d * d;
          w[i] = wi - d;
        }
      } else {
        const s0 = this.state[k][0],
          s1 = cfg.kind === 'adam' ? this.state[k][1] : s0;
        for (let i = 0; i < n; i++) {
          let gi = g[i];
          if (fold) {
            sq += gi * gi;
            if (gi > vmax || gi < -vmax) {
              gi = g[i] = gi > vmax ? vmax : -vmax;
              clipped = true;
            }
          } else if (scale !== 1) gi = g[i] *= scale;
          let d: number;
          if (cfg.kind === 'sgd') {
            s0[i] = mu * s0[i] + gi;
            d = lr * s0[i];
          } else {
            s0[i] = b1 * s0[i] + (1 - b1) * gi;
            s1[i] = b2 * s1[i] + (1 - b2) * gi * gi;
            d = (lr * (s0[i] / c1)) / (Math.sqrt(s1[i] / c2) + eps);
          }
          w2 += w[i] * w[i];
          dw2 += d * d;
          w[i] -= d;
        }
      }
      if (p.kind === 'weight') updateRatios.push(w2 > 0 ? Math.sqrt(dw2 / w2) : 0);
    }
    if (fold) gradNorm = Math.sqrt(sq);
    return { penalty, gradNorm, clipped, updateRatios };
  }
}

/** Adds the gradient of l1·Σ|w| + l2·Σw² to g (sign(0) = 0, as torch.sign) and returns the penalty. */
function addPenaltyGrad(w: FArray, g: FArray, l1: number, l2c: number): number {
  let penalty = 0;
  for (let i = 0; i < w.length; i++) {
    penalty += l1 * Math.abs(w[i]) + l2c * w[i] * w[i];
    g[i] += l1 * Math.sign(w[i]) + 2 * l2c * w[i];
  }
  return penalty;
}

function sumSquares(x: FArray): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return s;
}
