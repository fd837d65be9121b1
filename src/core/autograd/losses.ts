import type { FArray } from './types';

/**
 * Losses over a batch y (n × d, row-major):
 * - `mean_square`: mean(y²) over all n·d entries (MSE against zero targets; the reference setup)
 * - `mse`: mean((y − t)²) over all n·d entries, t the target matrix
 * - `softmax_ce`: (1/n) Σ_r −log softmax(y_r)[c_r], c_r the class index of row r
 */
export type LossKind = 'mean_square' | 'mse' | 'softmax_ce';

export interface LossResult {
  loss: number;
  /** Fraction of rows whose arg-max is the target class (softmax_ce only; otherwise null). */
  accuracy: number | null;
}

/**
 * Computes the loss and writes dL/dy into `dy` (n × d):
 * mean_square: 2y/(n·d); mse: 2(y − t)/(n·d); softmax_ce: (softmax(y_r) − onehot(c_r))/n.
 * `target` holds n·d values for mse and n class indices for softmax_ce.
 */
export function lossForward(
  kind: LossKind,
  y: ArrayLike<number>,
  n: number,
  d: number,
  target: ArrayLike<number> | null,
  dy: FArray,
): LossResult {
  const size = n * d;
  if (kind === 'mean_square') {
    let s = 0;
    for (let i = 0; i < size; i++) {
      s += y[i] * y[i];
      dy[i] = (2 * y[i]) / size;
    }
    return { loss: s / size, accuracy: null };
  }
  if (!target) throw new Error(`loss ${kind} needs targets`);
  if (kind === 'mse') {
    let s = 0;
    for (let i = 0; i < size; i++) {
      const e = y[i] - target[i];
      s += e * e;
      dy[i] = (2 * e) / size;
    }
    return { loss: s / size, accuracy: null };
  }
  let total = 0;
  let correct = 0;
  for (let r = 0; r < n; r++) {
    const o = r * d;
    let max = -Infinity;
    let arg = 0;
    for (let j = 0; j < d; j++) {
      if (y[o + j] > max) {
        max = y[o + j];
        arg = j;
      }
    }
    // log-sum-exp shifted by the maximum so that large logits do not overflow.
    let sum = 0;
    for (let j = 0; j < d; j++) sum += Math.exp(y[o + j] - max);
    const cls = target[r];
    if (!Number.isInteger(cls) || cls < 0 || cls >= d)
      throw new Error(`class index ${cls} outside 0..${d - 1}`);
    total += Math.log(sum) + max - y[o + cls];
    if (arg === cls) correct++;
    for (let j = 0; j < d; j++) dy[o + j] = (Math.exp(y[o + j] - max) / sum - (j === cls ? 1 : 0)) / n;
  }
  return { loss: total / n, accuracy: correct / n };
}
