/**
 * 1-D geometry behind the diagrams: which positions a unit sees through a stack of layers, and which
 * input positions a sliding window touches. Valid (unpadded) positions, input first.
 */

export interface RfLayerSpec {
  kernel: number;
  stride: number;
  dilation: number;
}

export interface RfPlan {
  /** Units per row, input first. */
  sizes: number[];
  /** For each row (input first), the interval [first, last] the chosen top unit sees. */
  intervals: [number, number][];
}

const effective = (l: RfLayerSpec) => l.dilation * (l.kernel - 1) + 1;

/** Units per row when the input is just long enough for `topUnits` units in the last row. */
export function rfRowSizes(layers: readonly RfLayerSpec[], topUnits: number): number[] {
  // The input length that gives exactly topUnits: walk down with n_in = (n_out − 1)·S + K_eff.
  let n = topUnits;
  for (let i = layers.length - 1; i >= 0; i--) n = (n - 1) * layers[i]!.stride + effective(layers[i]!);
  const sizes = [n];
  for (const l of layers) {
    n = Math.floor((n - effective(l)) / l.stride) + 1;
    sizes.push(n);
  }
  return sizes;
}

/** The interval each row contributes to unit `unit` of the last row (input row first). */
export function rfIntervals(layers: readonly RfLayerSpec[], unit: number): [number, number][] {
  let lo = unit;
  let hi = unit;
  const out: [number, number][] = [[lo, hi]];
  for (let i = layers.length - 1; i >= 0; i--) {
    const l = layers[i]!;
    lo = lo * l.stride;
    hi = hi * l.stride + effective(l) - 1;
    out.unshift([lo, hi]);
  }
  return out;
}

export interface WindowSpec {
  size: number;
  kernel: number;
  stride: number;
  padding: [number, number];
  dilation: number;
  output: number;
}

/** Padded-input positions (0 = first padding cell) the window of output `position` reads. */
export function windowTaps(w: WindowSpec, position: number): number[] {
  return Array.from({ length: w.kernel }, (_, j) => position * w.stride + j * w.dilation);
}
