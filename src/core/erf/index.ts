/**
 * Effective receptive field (Luo et al., NeurIPS 2016) of any design the gradient engine runs.
 *
 * For a chosen layer L and unit u = (u_h, u_w) of its output (default: the centre,
 * u = (⌊(H_L − 1)/2⌋, ⌊(W_L − 1)/2⌋)):
 *   y = Σ_c out_L[c][u_h][u_w],   ERF(p) = Σ_c |∂y/∂x[c][p]| / Σ_{p′} Σ_c |∂y/∂x[c][p′]|
 * over the input plane, so that Σ_p ERF(p) = 1.
 *
 * Modes:
 * - `uniform`: every conv weight 1/fan_in, biases 0, no nonlinearity (activations are the identity,
 *   max pooling averages its window), BatchNorm in its default eval state — the deterministic ERF of
 *   the wiring. The map does not depend on the input, so only the backward pass runs.
 * - `random`: Kaiming-normal conv weights N(0, 2/fan_in), biases 0, the model's own activations,
 *   BatchNorm in its default eval state, input x ~ N(0, 1). Seed s (s = firstSeed … firstSeed + N − 1)
 *   draws from Rng(s) every conv weight in evaluation order, then the input. The map is the mean over
 *   seeds of the per-seed normalised maps.
 *
 * The theoretical RF hull of the unit comes from the analysis (src/core/analysis):
 *   start = rf.start + u·jump, size = rf.size.
 */
import { analyzeModel } from '../analysis/analyze';
import { Rng } from '../autograd/rng';
import type { FormulaTrace } from '../formulas/latex';
import type { ModelAnalysis } from '../analysis/types';
import type { ModelSpec, Shape } from '../model/types';
import { buildNetwork, initNetwork, inputGradient } from './network';
import type { ErfMode } from './ops';
import { type ErfHull, type ErfStats, erfStats, erfStatsFormulas, radialProfile } from './stats';

export { ERF_OPS, type ErfMode, type ErfNode, type OpEntry } from './ops';
export { type ErfHull, type ErfStats, erfStats, radialProfile } from './stats';
export { buildNetwork } from './network';

export interface ErfOptions {
  /** Layer id; default: the last conv2d layer. */
  layer?: string;
  /** Output unit [row, column]; default: the centre of the layer's output. */
  unit?: [number, number];
  /** Replaces the model's input shape [C, H, W]. */
  input?: Shape;
  mode?: ErfMode;
  /** Random mode: number of seeds (default 8). */
  seeds?: number;
  /** Random mode: the first seed (default 0). */
  firstSeed?: number;
  /** Called after every layer step with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export interface ErfInfo {
  model: string;
  layer: string;
  unit: [number, number];
  /** The layer's output shape [C, H, W]. */
  layerShape: [number, number, number];
  input: [number, number, number];
  mode: ErfMode;
  /** Seeds averaged (0 in uniform mode, which draws nothing). */
  seeds: number;
  firstSeed: number;
  /** ERF over the input plane, row-major H × W, summing to 1. */
  map: Float64Array;
  hull: ErfHull;
  stats: ErfStats;
  /** Mean ERF by whole-pixel distance from the hull centre. */
  profile: number[];
  formulas: FormulaTrace[];
}

/**
 * The layers whose ERF can be asked for ([C, H, W] outputs, in evaluation order) and the default one:
 * the last conv2d, else the last of them.
 */
export function erfLayers(analysis: ModelAnalysis): { layers: string[]; defaultLayer: string | null } {
  const rows = analysis.layers.filter((r) => r.outputShape.length === 3);
  const convs = rows.filter((r) => r.op === 'conv2d');
  const pick = convs.length ? convs[convs.length - 1] : rows[rows.length - 1];
  return { layers: rows.map((r) => r.id), defaultLayer: pick ? pick.id : null };
}

export function computeErf(model: ModelSpec, options: ErfOptions = {}): ErfInfo {
  const m = options.input ? { ...model, input: options.input } : model;
  const mode = options.mode ?? 'uniform';
  const seeds = mode === 'uniform' ? 0 : (options.seeds ?? 8);
  const firstSeed = options.firstSeed ?? 0;
  if (mode === 'random' && (!Number.isInteger(seeds) || seeds < 1))
    throw new Error(`seeds must be a positive integer, got ${seeds}`);
  const analysis = analyzeModel(m);
  const layer = options.layer ?? erfLayers(analysis).defaultLayer;
  if (layer === null) throw new Error(`model "${m.name}" has no layer with a [C, H, W] output`);
  const net = buildNetwork(m, analysis, layer);
  const [, lh, lw] = net.target.outShape;
  const unit = options.unit ?? [Math.floor((lh - 1) / 2), Math.floor((lw - 1) / 2)];
  if (!unit.every((v, i) => Number.isInteger(v) && v >= 0 && v < [lh, lw][i]))
    throw new Error(`unit [${unit.join(', ')}] is outside layer "${layer}"'s ${lh}×${lw} output`);
  const [c, h, w] = net.input;
  const total = mode === 'uniform' ? net.nodes.length : seeds * 2 * net.nodes.length;
  let done = 0;
  const step = () => options.onProgress?.(++done, total);
  const map = new Float64Array(h * w);
  const runs = mode === 'uniform' ? 1 : seeds;
  for (let k = 0; k < runs; k++) {
    let x = null;
    let rng: Rng | null = null;
    if (mode === 'random') {
      rng = new Rng(firstSeed + k);
      initNetwork(net, mode, rng);
      x = { c, h, w, data: new Float32Array(c * h * w) };
      rng.fillNormal(x.data);
    } else initNetwork(net, mode, null);
    const { dx } = inputGradient(net, mode, unit, x, step);
    const one = new Float64Array(h * w);
    let sum = 0;
    for (let ch = 0; ch < c; ch++) {
      for (let i = 0; i < h * w; i++) one[i] += Math.abs(dx.data[ch * h * w + i]);
    }
    for (let i = 0; i < h * w; i++) sum += one[i];
    if (sum > 0) for (let i = 0; i < h * w; i++) map[i] += one[i] / sum / runs;
  }
  const rf = net.target.row.rf;
  const hull: ErfHull = {
    size: [rf.size[0], rf.size[1]],
    start: [rf.start[0] + unit[0] * rf.jump[0], rf.start[1] + unit[1] * rf.jump[1]],
  };
  const stats = erfStats(map, h, w, hull);
  return {
    model: m.name,
    layer,
    unit,
    layerShape: net.target.outShape,
    input: net.input,
    mode,
    seeds,
    firstSeed,
    map,
    hull,
    stats,
    profile: radialProfile(map, h, w, hull),
    formulas: erfStatsFormulas(stats, hull),
  };
}
