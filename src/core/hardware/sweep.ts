/**
 * Sweeps: the same analysis repeated over input resolutions or batch sizes, with a power law fitted
 * to each curve so that a student sees how a cost grows (MACs ∝ side², parameters flat).
 *
 * A resolution point is exactly analyzeModel with that input; a batch point scales the batch-1
 * analysis: MACs and activation memory × N, parameters × 1, time = the roofline estimate at batch N
 * (inputs and outputs × N, weights read once; see work.ts). Training memory is the peak of one Adam
 * step at that batch (analyzeTraining: parameters, gradients, both moments, live activations).
 */
import { analyzeModel } from '../analysis/analyze';
import { analyzeTraining } from '../analysis/training';
import type { AnalysisOptions, ModelAnalysis } from '../analysis/types';
import type { Shape } from '../model/shape';
import type { ModelSpec } from '../model/types';
import type { DeviceModel } from './devices';
import { estimateModel } from './roofline';

export const SWEEP_METRICS = ['macs', 'params', 'activationBytes', 'trainingBytes', 'seconds'] as const;
export type SweepMetric = (typeof SWEEP_METRICS)[number];

export interface SweepPoint {
  /** The swept value: the input side (√(H·W) for a non-square input) or the batch size. */
  x: number;
  input: Shape;
  batch: number;
  macs: number;
  params: number;
  activationBytes: number;
  /** Peak memory of one Adam training step at this batch (null when some layer is not understood). */
  trainingBytes: number | null;
  /** Roofline estimate of the forward pass (null without a device or when some cost is unknown). */
  seconds: number | null;
  /** Why this point could not be analysed (the input is too small for the network, say). */
  error?: string;
}

export interface PowerFit {
  /** k in y ≈ a·x^k, least squares on (ln x, ln y). */
  exponent: number;
  /** ln-ln slope between neighbouring points: where the growth changes. */
  local: number[];
}

export interface Sweep {
  axis: 'resolution' | 'batch';
  points: SweepPoint[];
  fits: Record<SweepMetric, PowerFit | null>;
}

/** A name for a fitted exponent near 0, 1 or 2 (within 0.1); null otherwise. */
export function growth(exponent: number): 'constant' | 'linear' | 'quadratic' | null {
  const near = (k: number) => Math.abs(exponent - k) < 0.1;
  return near(0) ? 'constant' : near(1) ? 'linear' : near(2) ? 'quadratic' : null;
}

/** Largest number of points one sweep computes. */
export const MAX_SWEEP_POINTS = 256;

/** Least-squares slope of ln y against ln x over the points with x, y > 0; null with fewer than 2 x values. */
export function powerFit(xs: number[], ys: (number | null)[]): PowerFit | null {
  const pts: [number, number][] = [];
  xs.forEach((x, i) => {
    const y = ys[i];
    if (x > 0 && y !== null && y > 0) pts.push([Math.log(x), Math.log(y)]);
  });
  if (new Set(pts.map((p) => p[0])).size < 2) return null;
  const n = pts.length;
  const mx = pts.reduce((a, p) => a + p[0], 0) / n;
  const my = pts.reduce((a, p) => a + p[1], 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of pts) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  const local: number[] = [];
  for (let i = 1; i < n; i++) {
    const dx = pts[i][0] - pts[i - 1][0];
    local.push(dx === 0 ? 0 : (pts[i][1] - pts[i - 1][1]) / dx);
  }
  return { exponent: sxy / sxx, local };
}

function fitsOf(points: SweepPoint[]): Sweep['fits'] {
  const ok = points.filter((p) => p.error === undefined);
  const xs = ok.map((p) => p.x);
  return Object.fromEntries(
    SWEEP_METRICS.map((m) => [
      m,
      powerFit(
        xs,
        ok.map((p) => p[m]),
      ),
    ]),
  ) as Sweep['fits'];
}

function checkCount(n: number) {
  if (n < 1) throw new Error('a sweep needs at least one point');
  if (n > MAX_SWEEP_POINTS) throw new Error(`a sweep has at most ${MAX_SWEEP_POINTS} points, got ${n}`);
}

function pointOf(
  model: ModelSpec,
  analysis: ModelAnalysis,
  x: number,
  batch: number,
  device?: DeviceModel,
): SweepPoint {
  const e = device ? estimateModel(analysis, device, batch) : null;
  const training = analyzeTraining(model, analysis, { optimizer: 'adam', batch });
  return {
    x,
    input: analysis.input,
    batch,
    macs: batch * analysis.totals.macs,
    params: analysis.totals.params,
    activationBytes: batch * analysis.totals.activationBytes,
    trainingBytes: training.complete ? training.peakBytes : null,
    seconds: e && e.unknown.length === 0 ? e.seconds : null,
  };
}

/** The model at each input size [H, W] (channels as the model has them), batch 1. */
export function sweepResolution(
  model: ModelSpec,
  sizes: readonly (readonly [number, number])[],
  options: Partial<AnalysisOptions> = {},
  device?: DeviceModel,
): Sweep {
  checkCount(sizes.length);
  if (model.input.length !== 3) throw new Error('a resolution sweep needs a model with a [C, H, W] input');
  const c = model.input[0];
  const points = sizes.map(([h, w]): SweepPoint => {
    const x = h === w ? h : Math.sqrt(h * w);
    try {
      const sized: ModelSpec = { ...model, input: [c, h, w] };
      return pointOf(sized, analyzeModel(sized, options), x, 1, device);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        x,
        input: [c, h, w],
        batch: 1,
        macs: 0,
        params: 0,
        activationBytes: 0,
        trainingBytes: null,
        seconds: null,
        error: message,
      };
    }
  });
  return { axis: 'resolution', points, fits: fitsOf(points) };
}

/** The model at its own input size for each batch size. */
export function sweepBatch(
  model: ModelSpec,
  batches: readonly number[],
  options: Partial<AnalysisOptions> = {},
  device?: DeviceModel,
): Sweep {
  checkCount(batches.length);
  for (const b of batches)
    if (!(Number.isSafeInteger(b) && b >= 1))
      throw new Error(`batch sizes must be positive integers, got ${b}`);
  const analysis = analyzeModel(model, options);
  const points = batches.map((b) => pointOf(model, analysis, b, b, device));
  return { axis: 'batch', points, fits: fitsOf(points) };
}

/**
 * Values of a range written `a..b` or `a..b:step` (step 1 by default), a list `a,b,c`, or one number.
 * `what` names the value in error messages.
 */
export function parseRange(text: string, what: string): number[] {
  const t = text.trim().replace(/^\{(.*)\}$/, '$1');
  const int = (s: string) => {
    if (!/^\d+$/.test(s.trim()))
      throw new Error(`${what}: "${s.trim()}" is not a positive integer (in "${text}")`);
    const v = Number(s);
    if (v < 1 || !Number.isSafeInteger(v))
      throw new Error(`${what}: ${s.trim()} must be at least 1 (in "${text}")`);
    return v;
  };
  const m = /^([^.:]+)\.\.([^.:]+)(?::(.+))?$/.exec(t);
  if (!m) return t.split(',').map(int);
  const [a, b, step] = [int(m[1]), int(m[2]), m[3] === undefined ? 1 : int(m[3])];
  if (b < a) throw new Error(`${what}: the range ${a}..${b} runs backwards`);
  const n = Math.floor((b - a) / step) + 1;
  if (n > MAX_SWEEP_POINTS) throw new Error(`${what}: ${n} values, at most ${MAX_SWEEP_POINTS}`);
  return Array.from({ length: n }, (_, i) => a + i * step);
}

/**
 * Input sizes from `CxHxW` where H and W are numbers or ranges (`3x{128..512:32}x{128..512:32}`).
 * Ranges pair up (128×128, 160×160, …), so two ranges must have the same length; a number stays fixed.
 */
export function parseInputSweep(text: string): { channels: number; sizes: [number, number][] } {
  const m = /^\s*(\d+)\s*[x×]\s*(\{[^}]*\}|[^x×{}]+)\s*[x×]\s*(\{[^}]*\}|[^x×{}]+)\s*$/i.exec(text);
  if (!m)
    throw new Error(
      `--input must be CxHxW with H and W numbers or ranges, e.g. 3x{128..512:32}x{128..512:32}, got "${text}"`,
    );
  const channels = parseRange(m[1], 'C')[0];
  const hs = parseRange(m[2], 'H');
  const ws = parseRange(m[3], 'W');
  if (hs.length > 1 && ws.length > 1 && hs.length !== ws.length)
    throw new Error(
      `H has ${hs.length} values and W has ${ws.length}: ranges pair up, so they need the same number of values`,
    );
  const n = Math.max(hs.length, ws.length);
  return {
    channels,
    sizes: Array.from({ length: n }, (_, i) => [
      hs.length > 1 ? hs[i] : hs[0],
      ws.length > 1 ? ws[i] : ws[0],
    ]),
  };
}
