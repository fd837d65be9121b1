import { readFileSync } from 'node:fs';
import type { RecurrentPoint, RecurrentStats } from '../../../src/core/autograd';
import { referenceFile } from '../../helpers/reference';

/** Shape of one `recurrent` entry of shared/reference/gradients.json. */
export interface RefRecurrent {
  T: number;
  hidden: number;
  input: number;
  batch: number;
  n_seeds: number;
  t: number[];
  log10_jacobian_fro_mean: number[];
  log10_jacobian_fro_std: number[];
  log10_loss_grad_norm_mean: number[];
  log10_loss_grad_norm_std: number[];
  log10_cell_jacobian_fro_mean?: number[];
  log10_cell_jacobian_fro_std?: number[];
}

export function loadRecurrentReference(kind: 'rnn_tanh' | 'lstm'): RefRecurrent {
  const all = JSON.parse(readFileSync(referenceFile('gradients.json'), 'utf8')) as {
    recurrent: Record<string, RefRecurrent>;
  };
  return all.recurrent[kind];
}

/**
 * Compares every curve point: |ours − ref| ≤ 4·√(se_ref² + se_ours²) + 1e-6 (the reference's
 * rounding to 6 decimals; it matters where both stds are 0, at t = T).
 */
export function compareRecurrent(
  ours: RecurrentStats,
  ref: RefRecurrent,
): { compared: number; failures: string[] } {
  const curves: [keyof RecurrentPoint, keyof RecurrentPoint, number[] | undefined, number[] | undefined][] = [
    ['log10JacobianFroMean', 'log10JacobianFroStd', ref.log10_jacobian_fro_mean, ref.log10_jacobian_fro_std],
    [
      'log10LossGradNormMean',
      'log10LossGradNormStd',
      ref.log10_loss_grad_norm_mean,
      ref.log10_loss_grad_norm_std,
    ],
    [
      'log10CellJacobianFroMean',
      'log10CellJacobianFroStd',
      ref.log10_cell_jacobian_fro_mean,
      ref.log10_cell_jacobian_fro_std,
    ],
  ];
  const failures: string[] = [];
  let compared = 0;
  for (const [mk, sk, rm, rs] of curves) {
    if (!rm || !rs) continue;
    ref.t.forEach((t, i) => {
      const p = ours.points[t];
      const m = p[mk] as number,
        s = p[sk] as number;
      const se = Math.sqrt((rs[i] * rs[i] + s * s) / ref.n_seeds);
      compared++;
      if (!(Math.abs(m - rm[i]) <= 4 * se + 1e-6))
        failures.push(`${String(mk)} t=${t}: ours ${m.toFixed(4)}±${s.toFixed(4)}, ref ${rm[i]}±${rs[i]}`);
    });
  }
  return { compared, failures };
}
