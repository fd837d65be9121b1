/**
 * The roofline estimate: how long each layer would take on a device if it ran at the device's
 * roof — an upper bound on speed from two numbers of a specification sheet, never a measurement.
 *
 *   arithmetic intensity  I = FLOPs / bytes moved                 (FLOP/B)
 *   attainable rate       P = min(peak, I · bandwidth)             (FLOP/s)
 *   time                  t = max(FLOPs / peak, bytes / bandwidth) + launch overhead
 *   bound                 overhead when the overhead is larger than both terms, else the larger term
 *   ridge point           I* = peak / bandwidth: layers left of it wait on memory
 */
import type { Dtype, ModelAnalysis } from '../analysis/types';
import { type FormulaTrace, tex, trace } from '../formulas/latex';
import type { LayerOp } from '../model/types';
import type { DeviceModel } from './devices';
import type { TrainingAnalysis } from '../analysis/training';
import { estimateTrainingStep, type TrainingStepEstimate } from './training-step';
import { forwardWork, type LayerWork } from './work';

/** Shown with every estimate, in the UI's and the CLI's words. */
export const ESTIMATE_LABEL = 'roofline estimate, not a measurement';

export type Bound = 'compute' | 'memory' | 'overhead';

export interface LayerEstimate {
  id: string;
  op: LayerOp;
  flops: number;
  bytes: number;
  /** FLOP/B; 0 for a layer that only moves data (concat). */
  intensity: number;
  /** FLOP/s the roof allows at this intensity. */
  attainable: number;
  computeSeconds: number;
  memorySeconds: number;
  overheadSeconds: number;
  seconds: number;
  /** Which roof limits the layer: memory left of the ridge point (I < I*), compute at or right of it. */
  roof: 'compute' | 'memory';
  /** What dominates its time: the larger of compute and memory time, or the launch overhead when larger still. */
  bound: Bound;
  /** Each number above explained (LaTeX formula, substituted, value). */
  formulas: FormulaTrace[];
}

export interface KindShare {
  op: LayerOp;
  layers: number;
  seconds: number;
  /** seconds / total seconds */
  share: number;
}

export interface ModelEstimate {
  label: typeof ESTIMATE_LABEL;
  device: DeviceModel;
  dtype: Dtype;
  batch: number;
  pass: 'forward';
  /** The peak used: the device's peak for the analysis's data type (FLOP/s). */
  peak: number;
  bandwidth: number;
  /** peak / bandwidth (FLOP/B) */
  ridge: number;
  layers: LayerEstimate[];
  /** Sum of the layers' times: layers run one after another. */
  seconds: number;
  flops: number;
  bytes: number;
  bounds: Record<Bound, number>;
  /** How many layers sit under each roof. */
  roofs: Record<'compute' | 'memory', number>;
  /** Time per operator kind, largest first. */
  byKind: KindShare[];
  /** The layers that take the most time, largest first, until they add up to half the total (at most 5). */
  dominating: { id: string; seconds: number; share: number }[];
  /** Layers of unknown cost (unsupported operators): left out, so the time is a lower bound. */
  unknown: string[];
  /** One training step (forward + backward + update) at the same batch, when a training analysis was given. */
  trainingStep: TrainingStepEstimate | null;
  formulas: FormulaTrace[];
}

/** The device's peak for a data type (int8: operations per second). */
export function peakFor(device: DeviceModel, dtype: Dtype): number {
  return device.peak[dtype];
}

/** I* = peak / bandwidth (FLOP/B). */
export function ridgePoint(device: DeviceModel, dtype: Dtype): number {
  return peakFor(device, dtype) / device.bandwidth;
}

/** P = min(peak, I · bandwidth). */
export function attainableAt(device: DeviceModel, dtype: Dtype, intensity: number): number {
  return Math.min(peakFor(device, dtype), intensity * device.bandwidth);
}

const s = (x: number) => tex(Number(x.toPrecision(4)));

/** One layer's estimate from its work. */
export function estimateLayer(
  work: LayerWork & { flops: number },
  device: DeviceModel,
  dtype: Dtype,
): LayerEstimate {
  const peak = peakFor(device, dtype);
  const bw = device.bandwidth;
  const { flops, bytes } = work;
  const intensity = bytes > 0 ? flops / bytes : 0;
  const attainable = Math.min(peak, intensity * bw);
  const computeSeconds = flops / peak;
  const memorySeconds = bytes / bw;
  const overheadSeconds = device.launchOverhead;
  const busy = Math.max(computeSeconds, memorySeconds);
  const seconds = busy + overheadSeconds;
  const bound: Bound =
    overheadSeconds > busy ? 'overhead' : computeSeconds >= memorySeconds ? 'compute' : 'memory';
  return {
    id: work.id,
    op: work.op,
    flops,
    bytes,
    intensity,
    attainable,
    computeSeconds,
    memorySeconds,
    overheadSeconds,
    seconds,
    roof: intensity * bw < peak ? 'memory' : 'compute',
    bound,
    formulas: [
      trace(
        'bytes',
        '\\text{in} + \\text{weights} + \\text{out}',
        `${tex(work.traffic.input)} + ${tex(work.traffic.weight)} + ${tex(work.traffic.output)}`,
        bytes,
      ),
      trace(
        'intensity',
        '\\frac{\\text{FLOPs}}{\\text{bytes}}',
        `\\frac{${tex(flops)}}{${tex(bytes)}}`,
        intensity,
      ),
      trace(
        'attainable',
        '\\min(P_{\\text{peak}},\\ I \\cdot B)',
        `\\min(${s(peak)},\\ ${s(intensity)} \\cdot ${s(bw)})`,
        attainable,
      ),
      trace(
        'seconds',
        '\\max\\left(\\frac{\\text{FLOPs}}{P_{\\text{peak}}}, \\frac{\\text{bytes}}{B}\\right) + t_{\\text{launch}}',
        `\\max(${s(computeSeconds)}, ${s(memorySeconds)}) + ${s(overheadSeconds)}`,
        seconds,
      ),
    ],
  };
}

/** The largest layers until they reach half the total time, at most `max`. */
function dominatingLayers(layers: LayerEstimate[], total: number, max = 5): ModelEstimate['dominating'] {
  const sorted = [...layers].sort((a, b) => b.seconds - a.seconds);
  const out: ModelEstimate['dominating'] = [];
  let sum = 0;
  for (const l of sorted) {
    if (out.length >= max || (out.length > 0 && sum >= total / 2)) break;
    out.push({ id: l.id, seconds: l.seconds, share: total > 0 ? l.seconds / total : 0 });
    sum += l.seconds;
  }
  return out;
}

/** Estimates work (one pass, in layer order) on a device. */
export function estimateWork(work: LayerWork[], device: DeviceModel, dtype: Dtype, batch = 1): ModelEstimate {
  const layers: LayerEstimate[] = [];
  const unknown: string[] = [];
  for (const w of work) {
    if (w.flops === null) unknown.push(w.id);
    else layers.push(estimateLayer({ ...w, flops: w.flops }, device, dtype));
  }
  let seconds = 0;
  let flops = 0;
  let bytes = 0;
  const bounds: Record<Bound, number> = { compute: 0, memory: 0, overhead: 0 };
  const roofs = { compute: 0, memory: 0 };
  const kinds = new Map<LayerOp, KindShare>();
  for (const l of layers) {
    seconds += l.seconds;
    flops += l.flops;
    bytes += l.bytes;
    bounds[l.bound]++;
    roofs[l.roof]++;
    const k = kinds.get(l.op) ?? { op: l.op, layers: 0, seconds: 0, share: 0 };
    k.layers++;
    k.seconds += l.seconds;
    kinds.set(l.op, k);
  }
  const byKind = [...kinds.values()]
    .map((k) => ({ ...k, share: seconds > 0 ? k.seconds / seconds : 0 }))
    .sort((a, b) => b.seconds - a.seconds);
  const peak = peakFor(device, dtype);
  return {
    label: ESTIMATE_LABEL,
    device,
    dtype,
    batch,
    pass: 'forward',
    peak,
    bandwidth: device.bandwidth,
    ridge: peak / device.bandwidth,
    layers,
    seconds,
    flops,
    bytes,
    bounds,
    roofs,
    byKind,
    dominating: dominatingLayers(layers, seconds),
    unknown,
    trainingStep: null,
    formulas: [
      trace(
        'ridge',
        '\\frac{P_{\\text{peak}}}{B}',
        `\\frac{${s(peak)}}{${s(device.bandwidth)}}`,
        peak / device.bandwidth,
      ),
      trace('seconds', '\\sum_{\\text{layers}} t', `${layers.length}\\ \\text{layers}`, seconds),
    ],
  };
}

/**
 * The forward pass of an analysed model for a batch, on a device, at the analysis's data type; with
 * `training` (analyzeTraining of the same model at the same batch) also one training step.
 */
export function estimateModel(
  analysis: ModelAnalysis,
  device: DeviceModel,
  batch = 1,
  training?: TrainingAnalysis,
): ModelEstimate {
  const e = estimateWork(forwardWork(analysis, batch), device, analysis.options.dtype, batch);
  if (!training) return e;
  if (training.batch !== batch)
    throw new Error(`the training analysis is for batch ${training.batch}, the estimate for batch ${batch}`);
  return { ...e, trainingStep: estimateTrainingStep(analysis, training, device, e.dtype, e) };
}

export interface MeasuredPoint {
  /** FLOP/B of the work measured. */
  intensity: number;
  /** FLOPs / measured seconds. */
  achieved: number;
  /** The roof at that intensity. */
  roof: number;
  /**
   * Faster than the roof allows: impossible, so the FLOPs, bytes or time are in the wrong
   * convention or unit (MACs counted as FLOPs against an FMA = 2 peak, ms read as s, the
   * wrong data type's peak, sparsity peaks…). Within 0.1 % of the roof is not flagged.
   */
  aboveRoof: boolean;
}

/** Places a measured time (for work of `flops` and `bytes`) against the device's roof. */
export function placeMeasurement(
  device: DeviceModel,
  dtype: Dtype,
  flops: number,
  bytes: number,
  seconds: number,
): MeasuredPoint {
  if (!(seconds > 0 && Number.isFinite(seconds)))
    throw new Error(`measured time must be a positive number of seconds, got ${seconds}`);
  const intensity = bytes > 0 ? flops / bytes : Infinity;
  const achieved = flops / seconds;
  const roof = bytes > 0 ? attainableAt(device, dtype, intensity) : peakFor(device, dtype);
  return { intensity, achieved, roof, aboveRoof: achieved > roof * 1.001 };
}
