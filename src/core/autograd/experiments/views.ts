import type { TrainingRun } from '../train';
import type { HiddenActivation } from './config';

/** Activation histograms of hidden layers: value range, bin count, and per layer the fraction per bin. */
export interface Histograms {
  min: number;
  max: number;
  bins: number;
  /** One row per hidden layer shown: layer index and the fraction of activations per bin. */
  layers: { index: number; fractions: number[] }[];
}

export interface Boundary {
  /** Grid of size × size over [min, max]², row-major from the bottom-left; p = P(class 1). */
  size: number;
  min: number;
  max: number;
  p: number[];
  /** A sample of the training points: x, y, class. */
  points: [number, number, number][];
}

const HIST_BINS = 30;
const HIST_MAX_LAYERS = 24;
const HIST_SAMPLE = 256;
const GRID = 40;
/** About this many training points are drawn on the decision boundary. */
const BOUNDARY_POINTS = 200;

/**
 * Activation histograms of the hidden layers on a fixed sample of the dataset, in evaluation mode.
 * The engine returns h_l for the first l blocks (`forward` with `blocks`); with residual shortcuts
 * the block's own activation is h_l − h_{l−1}. At most 24 layers, evenly spread, are shown.
 */
export function histogramsOf(run: TrainingRun, activation: HiddenActivation): Histograms | null {
  const net = run.net;
  const L = net.depth;
  if (L < 2) return null;
  const n = Math.min(HIST_SAMPLE, run.data.n);
  const x = run.data.x.subarray(0, n * run.data.inputDim);
  const hidden = L - 1;
  const count = Math.min(HIST_MAX_LAYERS, hidden);
  const chosen = [
    ...new Set(
      Array.from({ length: count }, (_, i) => Math.round(1 + (i * (hidden - 1)) / Math.max(1, count - 1))),
    ),
  ];
  const [min, max] = activation === 'sigmoid' ? [0, 1] : activation === 'tanh' ? [-1, 1] : [-3, 3];
  const layers: Histograms['layers'] = [];
  for (const l of chosen) {
    const residual = net.layers[l - 1].residual;
    const prev = residual ? Float64Array.from(net.forward(x, n, { blocks: l - 1, train: false })) : null;
    const h = net.forward(x, n, { blocks: l, train: false });
    const counts = new Array<number>(HIST_BINS).fill(0);
    const size = n * net.layers[l - 1].fanOut;
    let total = 0;
    for (let i = 0; i < size; i++) {
      const v = prev ? h[i] - prev[i] : h[i];
      if (!Number.isFinite(v)) continue;
      const b = Math.min(HIST_BINS - 1, Math.max(0, Math.floor(((v - min) / (max - min)) * HIST_BINS)));
      counts[b]++;
      total++;
    }
    layers.push({
      index: l,
      fractions: counts.map((c) => (total === 0 ? 0 : Number((c / total).toPrecision(4)))),
    });
  }
  return { min, max, bins: HIST_BINS, layers };
}

/**
 * Indices of the training points drawn on the boundary: every k-th with k ≥ n/200 odd, so that
 * both classes show when the generator alternates them (example i has class i mod 2).
 */
export function boundarySample(n: number): number[] {
  let every = Math.max(1, Math.ceil(n / BOUNDARY_POINTS));
  if (every % 2 === 0) every++;
  const out: number[] = [];
  for (let i = 0; i < n; i += every) out.push(i);
  return out;
}

/** P(class 1) over a grid covering the 2-D dataset, from the engine's predict(), and a sample of points. */
export function boundaryOf(run: TrainingRun): Boundary | null {
  const d = run.data;
  if (d.inputDim !== 2 || d.classes === 0) return null;
  let lim = 0;
  for (let i = 0; i < d.x.length; i++) lim = Math.max(lim, Math.abs(d.x[i]));
  lim = Math.ceil(lim * 11) / 10;
  const grid = new Float64Array(GRID * GRID * 2);
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      grid[2 * (r * GRID + c)] = -lim + ((c + 0.5) * 2 * lim) / GRID;
      grid[2 * (r * GRID + c) + 1] = -lim + ((r + 0.5) * 2 * lim) / GRID;
    }
  }
  const p = run.predict(grid, GRID * GRID);
  const points = boundarySample(d.n).map((i): [number, number, number] => [
    Number(d.x[2 * i].toFixed(3)),
    Number(d.x[2 * i + 1].toFixed(3)),
    d.y[i],
  ]);
  return {
    size: GRID,
    min: -lim,
    max: lim,
    p: Array.from(p, (v) => (Number.isFinite(v) ? Number(v.toFixed(3)) : 0.5)),
    points,
  };
}
