import type { FArray } from './types';

/** What BatchNorm reads and writes of a Linear layer (its output width, parameters and statistics). */
interface BnLayer {
  readonly fanOut: number;
  readonly gamma: FArray | null;
  readonly ggamma: FArray | null;
  readonly gbeta: FArray | null;
  readonly runningMean: Float64Array | null;
  readonly runningVar: Float64Array | null;
}

/**
 * BatchNorm over the batch dimension of one Linear layer's output z (n × fanOut), as
 * torch.nn.BatchNorm1d: x̂ = (z − μ_B)/√(σ²_B + ε) with the batch mean and biased batch variance in
 * training mode (running estimates updated with momentum 0.1 and the unbiased variance), the running
 * estimates in evaluation mode. `mean` and `v` are scratch columns of length ≥ fanOut.
 */
export function batchNormForward(
  layer: BnLayer,
  z: FArray,
  xhat: FArray,
  invStd: Float64Array,
  n: number,
  train: boolean,
  eps: number,
  mean: Float64Array,
  v: Float64Array,
): void {
  const out = layer.fanOut;
  const rm = layer.runningMean as Float64Array,
    rv = layer.runningVar as Float64Array;
  if (train) {
    mean.fill(0, 0, out);
    v.fill(0, 0, out);
    for (let r = 0; r < n; r++) {
      const o = r * out;
      for (let j = 0; j < out; j++) mean[j] += z[o + j];
    }
    for (let j = 0; j < out; j++) mean[j] /= n;
    for (let r = 0; r < n; r++) {
      const o = r * out;
      for (let j = 0; j < out; j++) {
        const d = z[o + j] - mean[j];
        v[j] += d * d;
      }
    }
    for (let j = 0; j < out; j++) {
      const biased = v[j] / n;
      invStd[j] = 1 / Math.sqrt(biased + eps);
      rm[j] = 0.9 * rm[j] + 0.1 * mean[j];
      rv[j] = 0.9 * rv[j] + 0.1 * (n > 1 ? v[j] / (n - 1) : biased);
    }
  } else {
    for (let j = 0; j < out; j++) {
      mean[j] = rm[j];
      invStd[j] = 1 / Math.sqrt(rv[j] + eps);
    }
  }
  for (let r = 0; r < n; r++) {
    const o = r * out;
    for (let j = 0; j < out; j++) xhat[o + j] = (z[o + j] - mean[j]) * invStd[j];
  }
}

/**
 * Backward of u = γ·x̂ + β: writes dL/dγ, dL/dβ and dL/dz = γ/(n·σ) · (n·du − Σdu − x̂·Σ(du·x̂)).
 */
export function batchNormBackward(
  layer: BnLayer,
  xhat: FArray,
  invStd: Float64Array,
  du: FArray,
  dz: FArray,
  n: number,
  s1: Float64Array,
  s2: Float64Array,
): void {
  const out = layer.fanOut;
  const gamma = layer.gamma as FArray;
  const gg = layer.ggamma as FArray,
    gbeta = layer.gbeta as FArray;
  s1.fill(0, 0, out);
  s2.fill(0, 0, out);
  for (let r = 0; r < n; r++) {
    const o = r * out;
    for (let j = 0; j < out; j++) {
      s1[j] += du[o + j];
      s2[j] += du[o + j] * xhat[o + j];
    }
  }
  for (let j = 0; j < out; j++) {
    gbeta[j] = s1[j];
    gg[j] = s2[j];
  }
  // With g = γ·du: Σg = γ·s1 and Σ(g·x̂) = γ·s2, so dz = γ·σ⁻¹/n · (n·du − s1 − x̂·s2).
  for (let r = 0; r < n; r++) {
    const o = r * out;
    for (let j = 0; j < out; j++) {
      dz[o + j] = ((gamma[j] * invStd[j]) / n) * (n * du[o + j] - s1[j] - xhat[o + j] * s2[j]);
    }
  }
}
