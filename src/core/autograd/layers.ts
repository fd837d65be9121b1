import type { FArray } from './types';
import type { Rng } from './rng';

/** Element-wise nonlinearities of the hidden blocks. `identity` is used for linear heads and decoders. */
export type Activation = 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'elu' | 'identity';

export const ACTIVATIONS: readonly Activation[] = [
  'sigmoid',
  'tanh',
  'relu',
  'leaky_relu',
  'elu',
  'identity',
];

/**
 * Weight initialisation, PyTorch conventions, with fan_in/fan_out of a Linear(in → out):
 * - `normal`: N(0, std²)
 * - `xavier_normal`: N(0, 2/(fan_in + fan_out)); `xavier_uniform`: U(−a, a), a = √(6/(fan_in + fan_out))
 * - `kaiming_normal`: N(0, 2/fan_in); `kaiming_uniform`: U(−b, b), b = √(6/fan_in) — the ReLU gain √2
 *   and mode fan_in of torch.nn.init.kaiming_*_(nonlinearity='relu'), whatever the activation.
 * - `torch_default`: U(−1/√fan_in, 1/√fan_in) (nn.Linear's bias rule, nn.RNNCell/LSTMCell's rule).
 */
export type Init =
  | { kind: 'normal'; std: number }
  | { kind: 'xavier_normal' | 'xavier_uniform' | 'kaiming_normal' | 'kaiming_uniform' | 'torch_default' };

/** Parses `normal:STD`, `xavier_normal`, `xavier_uniform`, `kaiming_normal`, `kaiming_uniform`. */
export function parseInit(text: string): Init {
  const m = /^normal:(.+)$/.exec(text);
  if (m) {
    const std = Number(m[1]);
    if (!Number.isFinite(std) || std <= 0) throw new Error(`init "${text}": STD must be a positive number`);
    return { kind: 'normal', std };
  }
  if (
    text === 'xavier_normal' ||
    text === 'xavier_uniform' ||
    text === 'kaiming_normal' ||
    text === 'kaiming_uniform'
  ) {
    return { kind: text };
  }
  throw new Error(
    `unknown init "${text}" (expected normal:STD, xavier_normal, xavier_uniform, kaiming_normal or kaiming_uniform)`,
  );
}

/** The inverse of parseInit. */
export function formatInit(init: Init): string {
  return init.kind === 'normal' ? `normal:${init.std}` : init.kind;
}

/** Fills a weight matrix of a Linear(fanIn → fanOut) by `init`, drawing in storage order. */
export function initWeights(w: FArray, fanIn: number, fanOut: number, init: Init, rng: Rng): void {
  switch (init.kind) {
    case 'normal':
      return rng.fillNormal(w, init.std);
    case 'xavier_normal':
      return rng.fillNormal(w, Math.sqrt(2 / (fanIn + fanOut)));
    case 'kaiming_normal':
      return rng.fillNormal(w, Math.sqrt(2 / fanIn));
    case 'xavier_uniform': {
      const a = Math.sqrt(6 / (fanIn + fanOut));
      return rng.fillUniform(w, -a, a);
    }
    case 'kaiming_uniform': {
      const b = Math.sqrt(6 / fanIn);
      return rng.fillUniform(w, -b, b);
    }
    case 'torch_default': {
      const k = 1 / Math.sqrt(fanIn);
      return rng.fillUniform(w, -k, k);
    }
  }
}

/** a = act(u) in place over the first `len` entries. leaky_relu: max(u, slope·u); elu: u > 0 ? u : α(eᵘ − 1). */
export function activate(
  act: Activation,
  u: FArray,
  a: FArray,
  len: number,
  slope: number,
  alpha: number,
): void {
  switch (act) {
    case 'sigmoid':
      for (let i = 0; i < len; i++) a[i] = 1 / (1 + Math.exp(-u[i]));
      return;
    case 'tanh':
      for (let i = 0; i < len; i++) a[i] = Math.tanh(u[i]);
      return;
    case 'relu':
      for (let i = 0; i < len; i++) a[i] = u[i] > 0 ? u[i] : 0;
      return;
    case 'leaky_relu':
      for (let i = 0; i < len; i++) a[i] = u[i] > 0 ? u[i] : slope * u[i];
      return;
    case 'elu':
      for (let i = 0; i < len; i++) a[i] = u[i] > 0 ? u[i] : alpha * Math.expm1(u[i]);
      return;
    case 'identity':
      if (a !== u) for (let i = 0; i < len; i++) a[i] = u[i];
      return;
  }
}

/**
 * du = da ⊙ act′, with act′ written in terms of the output a so that u need not be kept:
 * σ′ = a(1 − a); tanh′ = 1 − a²; relu′ = [a > 0]; leaky′ = a > 0 ? 1 : slope; elu′ = a > 0 ? 1 : a + α.
 * (Valid for slope > 0 and α > 0, where the sign of a is the sign of u.)
 */
export function activateBackward(
  act: Activation,
  a: FArray,
  da: FArray,
  du: FArray,
  len: number,
  slope: number,
  alpha: number,
): void {
  switch (act) {
    case 'sigmoid':
      for (let i = 0; i < len; i++) du[i] = da[i] * a[i] * (1 - a[i]);
      return;
    case 'tanh':
      for (let i = 0; i < len; i++) du[i] = da[i] * (1 - a[i] * a[i]);
      return;
    case 'relu':
      for (let i = 0; i < len; i++) du[i] = a[i] > 0 ? da[i] : 0;
      return;
    case 'leaky_relu':
      for (let i = 0; i < len; i++) du[i] = a[i] > 0 ? da[i] : slope * da[i];
      return;
    case 'elu':
      for (let i = 0; i < len; i++) du[i] = a[i] > 0 ? da[i] : da[i] * (a[i] + alpha);
      return;
    case 'identity':
      if (du !== da) for (let i = 0; i < len; i++) du[i] = da[i];
      return;
  }
}

/**
 * Whether a unit is saturated: its local derivative is below 10 % of the derivative's maximum
 * (σ: a(1 − a) < 0.025, i.e. a < 0.026 or a > 0.974; tanh: 1 − a² < 0.1, i.e. |a| > 0.949).
 * Only sigmoid and tanh saturate; other activations return null.
 */
export function saturatedFraction(act: Activation, a: FArray, len: number): number | null {
  let count = 0;
  if (act === 'sigmoid') {
    for (let i = 0; i < len; i++) if (a[i] * (1 - a[i]) < 0.025) count++;
  } else if (act === 'tanh') {
    for (let i = 0; i < len; i++) if (1 - a[i] * a[i] < 0.1) count++;
  } else return null;
  return len === 0 ? 0 : count / len;
}
