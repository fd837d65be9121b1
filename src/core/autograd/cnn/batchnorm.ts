import type { FArray } from '../types';
import { alloc } from '../types';
import { type Map3, zerosLike } from './tensor';

/** torch.nn.BatchNorm2d's default ε. */
export const BN_EPS = 1e-5;

/**
 * BatchNorm2d parameters and buffers. The default state of a fresh torch module: γ = 1, β = 0,
 * running mean 0, running variance 1.
 */
export interface BatchNormState {
  gamma: FArray;
  beta: FArray;
  runningMean: FArray;
  runningVar: FArray;
  eps: number;
}

export function defaultBatchNorm(channels: number, like: FArray): BatchNormState {
  const make = (v: number) => {
    const a = alloc(like instanceof Float64Array ? 'float64' : 'float32', channels);
    a.fill(v);
    return a;
  };
  return { gamma: make(1), beta: make(0), runningMean: make(0), runningVar: make(1), eps: BN_EPS };
}

/** What the backward pass needs: x̂ and 1/σ per channel (train) or the scale γ/σ (eval). */
export interface BatchNormCache {
  mode: 'eval' | 'train';
  xhat: Map3 | null;
  invStd: Float64Array;
}

/**
 * Forward pass, per channel c:
 * - eval: y = γ (x − μ_run) / √(σ²_run + ε) + β
 * - train (batch 1, statistics over the H·W pixels, biased variance as torch normalises with):
 *   μ = mean(x), σ² = mean((x − μ)²), x̂ = (x − μ) / √(σ² + ε), y = γ x̂ + β.
 *   The running buffers are left unchanged.
 */
export function batchNormForward(
  x: Map3,
  s: BatchNormState,
  mode: 'eval' | 'train',
): { y: Map3; cache: BatchNormCache } {
  const n = x.h * x.w;
  const y = zerosLike(x);
  const invStd = new Float64Array(x.c);
  const xhat = mode === 'train' ? zerosLike(x) : null;
  for (let c = 0; c < x.c; c++) {
    const o = c * n;
    let mean: number;
    let variance: number;
    if (mode === 'train') {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += x.data[o + i];
      mean = sum / n;
      let sq = 0;
      for (let i = 0; i < n; i++) sq += (x.data[o + i] - mean) ** 2;
      variance = sq / n;
    } else {
      mean = s.runningMean[c];
      variance = s.runningVar[c];
    }
    const inv = 1 / Math.sqrt(variance + s.eps);
    invStd[c] = inv;
    const gamma = s.gamma[c];
    const beta = s.beta[c];
    for (let i = 0; i < n; i++) {
      const xh = (x.data[o + i] - mean) * inv;
      if (xhat) xhat.data[o + i] = xh;
      y.data[o + i] = gamma * xh + beta;
    }
  }
  return { y, cache: { mode, xhat, invStd } };
}

export interface BatchNormGrads {
  dx: Map3;
  dGamma: FArray;
  dBeta: FArray;
}

/**
 * Backward pass, per channel over its N = H·W pixels:
 * - eval: ∂L/∂x = γ/σ · ∂L/∂y
 * - train: ∂L/∂x = γ/(N σ) · (N ∂L/∂y − Σ ∂L/∂y − x̂ Σ (∂L/∂y · x̂))
 * and ∂L/∂γ = Σ ∂L/∂y · x̂, ∂L/∂β = Σ ∂L/∂y (x̂ = (x − μ)/σ, σ = √(var + ε)).
 */
export function batchNormBackward(
  dy: Map3,
  s: BatchNormState,
  cache: BatchNormCache,
  x: Map3 | null,
): BatchNormGrads {
  const n = dy.h * dy.w;
  const dx = zerosLike(dy);
  const dGamma = alloc(dy.data instanceof Float64Array ? 'float64' : 'float32', dy.c);
  const dBeta = alloc(dy.data instanceof Float64Array ? 'float64' : 'float32', dy.c);
  for (let c = 0; c < dy.c; c++) {
    const o = c * n;
    const inv = cache.invStd[c];
    const gamma = s.gamma[c];
    let sumDy = 0;
    let sumDyXhat = 0;
    for (let i = 0; i < n; i++) {
      const g = dy.data[o + i];
      const xh = cache.xhat ? cache.xhat.data[o + i] : x ? (x.data[o + i] - s.runningMean[c]) * inv : 0;
      sumDy += g;
      sumDyXhat += g * xh;
    }
    dGamma[c] = sumDyXhat;
    dBeta[c] = sumDy;
    if (cache.mode === 'eval') {
      const k = gamma * inv;
      for (let i = 0; i < n; i++) dx.data[o + i] = k * dy.data[o + i];
    } else {
      const xhat = cache.xhat as Map3;
      const k = (gamma * inv) / n;
      for (let i = 0; i < n; i++)
        dx.data[o + i] = k * (n * dy.data[o + i] - sumDy - xhat.data[o + i] * sumDyXhat);
    }
  }
  return { dx, dGamma, dBeta };
}
