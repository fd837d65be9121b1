import type { Activation, Init } from './layers';
import { lossForward } from './losses';
import { Mlp } from './mlp';
import { Rng } from './rng';
import { type DType, alloc } from './types';

/**
 * The vanishing/exploding-gradient measurement of ConvScope's reference data (PyTorch, float64):
 * a width×width MLP of `depth` Linear layers (depth − 1 hidden blocks Linear → [BatchNorm] → act →
 * [+ residual], then a linear head), a batch of N(0, 1) inputs (batch × width), loss = mean(y²),
 * biases 0, every weight matrix from the same init. Per seed: g_l = ‖dL/dW_l‖_F for l = 1..L.
 */
export interface GradientSetup {
  depth: number;
  width: number;
  batch: number;
  activation: Exclude<Activation, 'identity'>;
  init: Init;
  batchnorm: boolean;
  residual: boolean;
  dtype: DType;
  /** Negative slope of leaky_relu (0.01 in the reference). */
  leakySlope?: number;
}

/** One seed: log10 g_l per layer, and log10 of the output's standard deviation (population std). */
export interface GradientSeedResult {
  log10GradNorms: Float64Array;
  log10OutputStd: number;
  /** False when some g_l is 0, infinite or NaN (the seed is then left out of the statistics). */
  finite: boolean;
}

/** Seed statistics: mean and population std (ddof 0) over the finite seeds; null if none was finite. */
export interface GradientStats {
  setup: GradientSetup;
  seeds: number;
  nonfiniteSeeds: number;
  layers: { index: number; log10GradNormMean: number | null; log10GradNormStd: number | null }[];
  log10RatioFirstLastMean: number | null;
  log10RatioFirstLastStd: number | null;
  log10OutputStdMean: number | null;
  log10OutputStdStd: number | null;
}

/**
 * Runs the measurement for seeds 0..seeds−1 (seed s draws x first, then W_1..W_L) and returns
 * mean and std over seeds of log10 g_l, of log10(g_1/g_L) and of log10 std(y). One network and
 * one set of buffers serve every seed.
 */
export function gradientStats(setup: GradientSetup, seeds: number): GradientStats {
  const runner = createGradientRunner(setup);
  const results: GradientSeedResult[] = [];
  for (let s = 0; s < seeds; s++) results.push(runner(s));
  return summarize(setup, results);
}

/** A reusable single-seed runner for `setup` (used by the sweep, the CLI and the benchmark). */
export function createGradientRunner(setup: GradientSetup): (seed: number) => GradientSeedResult {
  const { depth, width, batch, dtype } = setup;
  const net = new Mlp({
    inputDim: width,
    outputDim: width,
    width,
    depth,
    activation: setup.activation,
    leakySlope: setup.leakySlope ?? 0.01,
    init: setup.init,
    batchnorm: setup.batchnorm,
    residual: setup.residual,
    dtype,
  });
  const x = alloc(dtype, batch * width);
  const dy = alloc(dtype, batch * width);
  const norms = new Float64Array(depth);
  return (seed) => {
    const rng = new Rng(seed);
    rng.fillNormal(x);
    net.initialize(rng);
    const y = net.forward(x, batch);
    lossForward('mean_square', y, batch, width, null, dy);
    net.backward(dy);
    net.weightGradNorms(norms);
    const log10GradNorms = new Float64Array(depth);
    let finite = true;
    for (let l = 0; l < depth; l++) {
      log10GradNorms[l] = Math.log10(norms[l]);
      if (!Number.isFinite(log10GradNorms[l])) finite = false;
    }
    let s = 0,
      s2 = 0;
    for (let i = 0; i < batch * width; i++) s += y[i];
    const mean = s / (batch * width);
    for (let i = 0; i < batch * width; i++) s2 += (y[i] - mean) * (y[i] - mean);
    return { log10GradNorms, log10OutputStd: Math.log10(Math.sqrt(s2 / (batch * width))), finite };
  };
}

/** Mean and population standard deviation (ddof 0). */
export function meanStd(values: ArrayLike<number>): { mean: number; std: number } {
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i];
  const mean = s / n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (values[i] - mean) * (values[i] - mean);
  return { mean, std: Math.sqrt(v / n) };
}

function summarize(setup: GradientSetup, results: GradientSeedResult[]): GradientStats {
  const ok = results.filter((r) => r.finite);
  const L = setup.depth;
  const stat = (pick: (r: GradientSeedResult) => number) => (ok.length ? meanStd(ok.map(pick)) : null);
  const layers = [];
  for (let l = 0; l < L; l++) {
    const st = stat((r) => r.log10GradNorms[l]);
    layers.push({ index: l + 1, log10GradNormMean: st?.mean ?? null, log10GradNormStd: st?.std ?? null });
  }
  const ratio = stat((r) => r.log10GradNorms[0] - r.log10GradNorms[L - 1]);
  const out = stat((r) => r.log10OutputStd);
  return {
    setup,
    seeds: results.length,
    nonfiniteSeeds: results.length - ok.length,
    layers,
    log10RatioFirstLastMean: ratio?.mean ?? null,
    log10RatioFirstLastStd: ratio?.std ?? null,
    log10OutputStdMean: out?.mean ?? null,
    log10OutputStdStd: out?.std ?? null,
  };
}
