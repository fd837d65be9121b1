import type { Param } from './mlp';

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

  step(): UpdateReport {
    const l1 = this.penalty.l1 ?? 0,
      l2c = this.penalty.l2 ?? 0;
    let penalty = 0;
    for (const p of this.params) {
      if (p.kind !== 'weight' || (l1 === 0 && l2c === 0)) continue;
      const w = p.value,
        g = p.grad;
      for (let i = 0; i < w.length; i++) {
        penalty += l1 * Math.abs(w[i]) + l2c * w[i] * w[i];
        // d/dw of l1·|w| + l2·w² (sign(0) = 0, as torch.sign).
        g[i] += l1 * Math.sign(w[i]) + 2 * l2c * w[i];
      }
    }
    let sq = 0;
    for (const p of this.params) for (let i = 0; i < p.grad.length; i++) sq += p.grad[i] * p.grad[i];
    const gradNorm = Math.sqrt(sq);
    let clipped = false;
    if (this.clip?.kind === 'norm' && gradNorm > this.clip.max) {
      // torch.nn.utils.clip_grad_norm_ scales by max/(norm + 1e-6).
      const scale = this.clip.max / (gradNorm + 1e-6);
      for (const p of this.params) for (let i = 0; i < p.grad.length; i++) p.grad[i] *= scale;
      clipped = true;
    } else if (this.clip?.kind === 'value') {
      const m = this.clip.max;
      for (const p of this.params) {
        const g = p.grad;
        for (let i = 0; i < g.length; i++) {
          if (g[i] > m || g[i] < -m) {
            g[i] = g[i] > m ? m : -m;
            clipped = true;
          }
        }
      }
    }
    this.t++;
    const updateRatios: number[] = [];
    const cfg = this.config;
    this.params.forEach((p, k) => {
      const w = p.value,
        g = p.grad;
      let dw2 = 0,
        w2 = 0;
      if (cfg.kind === 'sgd') {
        const mu = cfg.momentum ?? 0;
        const v = this.state[k][0];
        for (let i = 0; i < w.length; i++) {
          v[i] = mu * v[i] + g[i];
          const d = cfg.lr * v[i];
          w2 += w[i] * w[i];
          dw2 += d * d;
          w[i] -= d;
        }
      } else {
        const b1 = cfg.beta1 ?? 0.9,
          b2 = cfg.beta2 ?? 0.999,
          eps = cfg.eps ?? 1e-8;
        const m = this.state[k][0],
          v = this.state[k][1];
        const c1 = 1 - Math.pow(b1, this.t),
          c2 = 1 - Math.pow(b2, this.t);
        for (let i = 0; i < w.length; i++) {
          m[i] = b1 * m[i] + (1 - b1) * g[i];
          v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
          const d = (cfg.lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
          w2 += w[i] * w[i];
          dw2 += d * d;
          w[i] -= d;
        }
      }
      if (p.kind === 'weight') updateRatios.push(w2 > 0 ? Math.sqrt(dw2 / w2) : 0);
    });
    return { penalty, gradNorm, clipped, updateRatios };
  }
}
