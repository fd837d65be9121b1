import type { Activation, Init } from './layers';
import { type GradientSetup, type GradientStats, gradientStats } from './reference';

/**
 * The reference gradient sweep: every combination of depth × activation × init × BatchNorm ×
 * residual of the reference setup (width 64, batch 128, float64, 20 seeds), in one fixed order.
 * The depths 5 and 20 are the grid of the PyTorch reference data (test/fixtures/reference,
 * gradients.json); the benchmark runs 5, 10, 20 and 50 (240 configurations). Each configuration is
 * independent of the others, so a sweep may run its configurations on several threads and gather
 * the results in this order: the result is the same as the sequential one, bit for bit.
 */
export const SWEEP_ACTIVATIONS: readonly Exclude<Activation, 'identity'>[] = [
  'sigmoid',
  'tanh',
  'relu',
  'leaky_relu',
  'elu',
];
export const SWEEP_INITS: readonly Init[] = [
  { kind: 'normal', std: 1 },
  { kind: 'xavier_normal' },
  { kind: 'kaiming_normal' },
];
export const SWEEP_DEPTHS: readonly number[] = [5, 10, 20, 50];
export const SWEEP_SEEDS = 20;

/** The configurations of the sweep over `depths`, depth outermost, residual innermost. */
export function sweepSetups(depths: readonly number[] = SWEEP_DEPTHS): GradientSetup[] {
  const out: GradientSetup[] = [];
  for (const depth of depths) {
    if (!Number.isInteger(depth) || depth < 1)
      throw new Error(`sweep depth must be an integer ≥ 1, got ${depth}`);
    for (const activation of SWEEP_ACTIVATIONS)
      for (const init of SWEEP_INITS)
        for (const batchnorm of [false, true])
          for (const residual of [false, true])
            out.push({
              depth,
              width: 64,
              batch: 128,
              activation,
              init,
              batchnorm,
              residual,
              dtype: 'float64',
            });
  }
  return out;
}

/** Seed statistics of each setup, in order, on this thread. */
export function gradientSweep(setups: readonly GradientSetup[], seeds = SWEEP_SEEDS): GradientStats[] {
  return setups.map((setup) => gradientStats(setup, seeds));
}
