import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Activation, type Init, gradientStats } from '../../../src/core/autograd';
import { referenceFile } from '../../helpers/reference';

/*
 * Agreement with PyTorch: every MLP configuration of shared/reference/gradients.json, 20 seeds
 * each as in the reference, must lie within 4 combined standard errors per layer:
 * |mean_ours − mean_ref| ≤ 4·√(se_ref² + se_ours²), se = std/√seeds. The reference rounds to 6
 * decimals, so 1e-6 is allowed on top.
 */
interface RefMlp {
  depth: number;
  activation: Exclude<Activation, 'identity'>;
  init: string;
  init_std: number;
  batchnorm: boolean;
  residual: boolean;
  n_seeds: number;
  n_nonfinite_seeds: number;
  log10_grad_norm_mean: number[];
  log10_grad_norm_std: number[];
  log10_ratio_first_last_mean: number;
  log10_ratio_first_last_std: number;
  log10_output_std_mean: number;
  log10_output_std_std: number;
}

const REF = referenceFile('gradients.json');
const ref = JSON.parse(readFileSync(REF, 'utf8')) as { mlp: RefMlp[] };

function initOf(e: RefMlp): Init {
  if (e.init === 'normal_std1') return { kind: 'normal', std: e.init_std };
  if (e.init === 'xavier_normal' || e.init === 'kaiming_normal') return { kind: e.init };
  throw new Error(`init ${e.init} not in the reference grid`);
}

function within(ours: number, oursStd: number, refMean: number, refStd: number, seeds: number): boolean {
  const se = Math.sqrt((refStd * refStd + oursStd * oursStd) / seeds);
  return Math.abs(ours - refMean) <= 4 * se + 1e-6;
}

describe('gradient statistics agree with the PyTorch reference', () => {
  it('has the configurations it claims', () => {
    expect(ref.mlp.length).toBeGreaterThan(0);
    for (const e of ref.mlp) expect(e.log10_grad_norm_mean).toHaveLength(e.depth);
  });

  it('reproduces every MLP configuration within 4 combined standard errors per layer', () => {
    const failures: string[] = [];
    let compared = 0;
    for (const e of ref.mlp) {
      const seeds = e.n_seeds;
      const st = gradientStats(
        {
          depth: e.depth,
          width: 64,
          batch: 128,
          activation: e.activation,
          leakySlope: 0.01,
          init: initOf(e),
          batchnorm: e.batchnorm,
          residual: e.residual,
          dtype: 'float64',
        },
        seeds,
      );
      const name = `depth ${e.depth} ${e.activation} ${e.init} bn=${e.batchnorm} res=${e.residual}`;
      expect(st.nonfiniteSeeds, name).toBe(e.n_nonfinite_seeds);
      st.layers.forEach((l, i) => {
        compared++;
        const m = l.log10GradNormMean as number,
          s = l.log10GradNormStd as number;
        if (!within(m, s, e.log10_grad_norm_mean[i], e.log10_grad_norm_std[i], seeds)) {
          failures.push(
            `${name} layer ${i + 1}: ours ${m.toFixed(4)}±${s.toFixed(4)}, ref ${e.log10_grad_norm_mean[i]}±${e.log10_grad_norm_std[i]}`,
          );
        }
      });
      const r = st.log10RatioFirstLastMean as number;
      if (
        !within(
          r,
          st.log10RatioFirstLastStd as number,
          e.log10_ratio_first_last_mean,
          e.log10_ratio_first_last_std,
          seeds,
        )
      ) {
        failures.push(`${name} first/last ratio: ours ${r.toFixed(4)}, ref ${e.log10_ratio_first_last_mean}`);
      }
      const o = st.log10OutputStdMean as number;
      if (
        !within(o, st.log10OutputStdStd as number, e.log10_output_std_mean, e.log10_output_std_std, seeds)
      ) {
        failures.push(`${name} output std: ours ${o.toFixed(4)}, ref ${e.log10_output_std_mean}`);
      }
    }
    expect(compared).toBe(ref.mlp.reduce((s, e) => s + e.depth, 0));
    expect(failures).toEqual([]);
  }, 600_000);
});
