import { Rng } from './rng';

/** Toy tasks generated in code: 2-D classification (two classes) and a 1-D regression. */
export type TaskKind = 'spirals' | 'circles' | 'xor' | 'blobs' | 'sine';

export interface Dataset {
  task: TaskKind;
  /** Inputs, row-major n × inputDim. */
  x: Float64Array;
  /** Class indices (classification) or targets n × outputDim (regression). */
  y: Float64Array;
  n: number;
  inputDim: number;
  /** Number of classes for classification, 0 for regression. */
  classes: number;
  /** Output dimension of a network for this task: classes, or 1 for regression. */
  outputDim: number;
}

/**
 * Generates `n` examples with Gaussian noise of std `noise` (seeded):
 * - spirals: two interleaved arms, radius 0.1 + 0.9t at angle 3πt (t ~ U(0, 1)), the second rotated by π
 * - circles: class 0 inside radius 0.5, class 1 on a ring of radius 1
 * - xor: uniform in [−1, 1]², class = sign(x₁)·sign(x₂) < 0
 * - blobs: two Gaussians of std 0.5 centred at (−1, −1) and (1, 1)
 * - sine: x ~ U(−π, π), y = sin(x) + noise
 */
export function makeDataset(task: TaskKind, n: number, seed: number, noise = 0.1): Dataset {
  if (!Number.isInteger(n) || n < 2) throw new Error('dataset size must be an integer ≥ 2');
  const rng = new Rng(seed);
  if (task === 'sine') {
    const x = new Float64Array(n),
      y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = (rng.uniform() * 2 - 1) * Math.PI;
      y[i] = Math.sin(x[i]) + noise * rng.normal();
    }
    return { task, x, y, n, inputDim: 1, classes: 0, outputDim: 1 };
  }
  const x = new Float64Array(2 * n),
    y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const cls = i % 2;
    let a = 0,
      b = 0;
    if (task === 'spirals') {
      const t = rng.uniform();
      const theta = t * 3 * Math.PI + cls * Math.PI;
      const r = 0.1 + 0.9 * t;
      a = r * Math.cos(theta);
      b = r * Math.sin(theta);
    } else if (task === 'circles') {
      const theta = rng.uniform() * 2 * Math.PI;
      const r = cls === 0 ? 0.5 * Math.sqrt(rng.uniform()) : 1;
      a = r * Math.cos(theta);
      b = r * Math.sin(theta);
    } else if (task === 'xor') {
      a = rng.uniform() * 2 - 1;
      b = rng.uniform() * 2 - 1;
      // The class follows the quadrant; draw until the point falls in one of this class's quadrants.
      while ((a * b < 0 ? 1 : 0) !== cls) {
        a = rng.uniform() * 2 - 1;
        b = rng.uniform() * 2 - 1;
      }
    } else {
      const c = cls === 0 ? -1 : 1;
      a = c + 0.5 * rng.normal();
      b = c + 0.5 * rng.normal();
    }
    x[2 * i] = a + noise * rng.normal();
    x[2 * i + 1] = b + noise * rng.normal();
    y[i] = cls;
  }
  return { task, x, y, n, inputDim: 2, classes: 2, outputDim: 2 };
}
