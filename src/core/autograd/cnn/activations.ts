import { activate, activateBackward } from '../layers';
import type { FArray } from '../types';
import { type Map3, zerosLike } from './tensor';

/** The element-wise activations of the model format that the convolutional engine runs. */
export type CnnActivation =
  | 'relu'
  | 'relu6'
  | 'leaky_relu'
  | 'elu'
  | 'gelu'
  | 'silu'
  | 'sigmoid'
  | 'tanh'
  | 'hardswish'
  | 'hardsigmoid'
  | 'clamp';

export interface ActivationParams {
  /** leaky_relu, default 0.01. */
  negativeSlope?: number;
  /** elu, default 1. */
  alpha?: number;
  /** clamp bounds (absent = unbounded). */
  min?: number;
  max?: number;
}

/** erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5·10⁻⁷, below float32 resolution of GELU's output). */
function erf(x: number): number {
  const s = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const p = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return s * (1 - p * Math.exp(-a * a));
}

const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** Activations the MLP layers already implement (forward from u, backward from the output a). */
const SHARED = new Set<CnnActivation>(['relu', 'leaky_relu', 'elu', 'sigmoid', 'tanh']);

/**
 * y = f(x) element-wise:
 * relu6 = min(max(x, 0), 6); gelu = x·Φ(x) (exact, erf form); silu = x·σ(x);
 * hardswish = x·min(max(x + 3, 0), 6)/6; hardsigmoid = min(max(x + 3, 0), 6)/6; clamp = min(max(x, lo), hi);
 * relu, leaky_relu, elu, sigmoid, tanh as in the MLP engine (src/core/autograd/layers.ts).
 */
export function activationForward(act: CnnActivation, x: Map3, p: ActivationParams = {}): Map3 {
  const y = zerosLike(x);
  const u = x.data;
  const a = y.data;
  const len = u.length;
  if (SHARED.has(act)) {
    activate(act as 'relu', u, a, len, p.negativeSlope ?? 0.01, p.alpha ?? 1);
    return y;
  }
  switch (act) {
    case 'relu6':
      for (let i = 0; i < len; i++) a[i] = Math.min(Math.max(u[i], 0), 6);
      break;
    case 'gelu':
      for (let i = 0; i < len; i++) a[i] = 0.5 * u[i] * (1 + erf(u[i] * SQRT1_2));
      break;
    case 'silu':
      for (let i = 0; i < len; i++) a[i] = u[i] / (1 + Math.exp(-u[i]));
      break;
    case 'hardswish':
      for (let i = 0; i < len; i++) a[i] = (u[i] * Math.min(Math.max(u[i] + 3, 0), 6)) / 6;
      break;
    case 'hardsigmoid':
      for (let i = 0; i < len; i++) a[i] = Math.min(Math.max(u[i] + 3, 0), 6) / 6;
      break;
    case 'clamp': {
      const lo = p.min ?? -Infinity;
      const hi = p.max ?? Infinity;
      for (let i = 0; i < len; i++) a[i] = Math.min(Math.max(u[i], lo), hi);
      break;
    }
  }
  return y;
}

/**
 * ∂L/∂x = ∂L/∂y · f′(x), with PyTorch's choices at the kinks: relu6 and hardsigmoid pass the gradient
 * strictly inside (0, 6) and (−3, 3); hardswish′ = 0 below −3, x/3 + ½ up to 3, 1 above; clamp passes
 * it on [lo, hi]; silu′ = σ(x)(1 + x(1 − σ(x))); gelu′ = Φ(x) + x φ(x).
 */
export function activationBackward(
  act: CnnActivation,
  x: Map3,
  y: Map3,
  dy: Map3,
  p: ActivationParams = {},
): Map3 {
  const dx = zerosLike(dy);
  const u: FArray = x.data;
  const g = dy.data;
  const d = dx.data;
  const len = g.length;
  if (SHARED.has(act)) {
    activateBackward(act as 'relu', y.data, g, d, len, p.negativeSlope ?? 0.01, p.alpha ?? 1);
    return dx;
  }
  switch (act) {
    case 'relu6':
      for (let i = 0; i < len; i++) d[i] = u[i] > 0 && u[i] < 6 ? g[i] : 0;
      break;
    case 'gelu':
      for (let i = 0; i < len; i++) {
        const cdf = 0.5 * (1 + erf(u[i] * SQRT1_2));
        d[i] = g[i] * (cdf + u[i] * INV_SQRT_2PI * Math.exp(-0.5 * u[i] * u[i]));
      }
      break;
    case 'silu':
      for (let i = 0; i < len; i++) {
        const s = 1 / (1 + Math.exp(-u[i]));
        d[i] = g[i] * s * (1 + u[i] * (1 - s));
      }
      break;
    case 'hardswish':
      for (let i = 0; i < len; i++) d[i] = u[i] < -3 ? 0 : u[i] <= 3 ? g[i] * (u[i] / 3 + 0.5) : g[i];
      break;
    case 'hardsigmoid':
      for (let i = 0; i < len; i++) d[i] = u[i] > -3 && u[i] < 3 ? g[i] / 6 : 0;
      break;
    case 'clamp': {
      const lo = p.min ?? -Infinity;
      const hi = p.max ?? Infinity;
      for (let i = 0; i < len; i++) d[i] = u[i] >= lo && u[i] <= hi ? g[i] : 0;
      break;
    }
  }
  return dx;
}
