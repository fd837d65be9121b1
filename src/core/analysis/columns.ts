/**
 * Per-layer figures of one analysis as columns: typed arrays indexed by layer index, plus a few
 * arrays of references to records that runs of layers share (shapes, output-size traces). Nothing is
 * allocated per layer that outlives the layer's evaluation, so a 300,000-layer model leaves the
 * garbage collector no per-layer objects to copy or trace; rows are built from here on demand.
 */
import type { OutputSizeTrace } from '../formulas/output-size';
import type { Shape } from '../model/shape';
import type { Rf2 } from './ops';

/** Bits of {@link LayerColumns.flags}. */
export const F_VIEW = 1;
export const F_INPLACE = 2;
export const F_FROZEN = 4;
/** The layer left its single input's receptive field as it was (its row shares the input row's RF). */
export const F_SAME_RF = 8;

export class LayerColumns {
  readonly outElems: Float64Array;
  readonly inElems: Float64Array;
  readonly weights: Float64Array;
  readonly bias: Float64Array;
  readonly buffers: Float64Array;
  readonly inferenceBuffers: Float64Array;
  readonly macs: Float64Array;
  readonly flops: Float64Array;
  /** Element ops, five per layer: bias, norm, activation, pooling, elementwise. */
  readonly ops: Float64Array;
  /** Receptive field, six per layer: size, jump, start of h, then of w. */
  readonly rf: Float64Array;
  readonly flags: Uint8Array;
  /** Output shapes; equal consecutive shapes are one array. */
  readonly shapes: (Shape | undefined)[];
  readonly traces: ([OutputSizeTrace, OutputSizeTrace] | null)[];
  /** Receptive fields with holes, whole (the bitmaps do not fit a column); rare. */
  readonly holey = new Map<number, Rf2>();
  /** Operator names of `unsupported` layers; rare. */
  readonly unsupported = new Map<number, string>();

  constructor(n: number) {
    this.outElems = new Float64Array(n);
    this.inElems = new Float64Array(n);
    this.weights = new Float64Array(n);
    this.bias = new Float64Array(n);
    this.buffers = new Float64Array(n);
    this.inferenceBuffers = new Float64Array(n);
    this.macs = new Float64Array(n);
    this.flops = new Float64Array(n);
    this.ops = new Float64Array(5 * n);
    this.rf = new Float64Array(6 * n);
    this.flags = new Uint8Array(n);
    this.shapes = new Array<Shape | undefined>(n).fill(undefined);
    this.traces = new Array<[OutputSizeTrace, OutputSizeTrace] | null>(n).fill(null);
  }

  /** Stores layer `i`'s receptive field. */
  setRf(i: number, r: Rf2): void {
    const p = 6 * i;
    const rf = this.rf;
    rf[p] = r[0].size;
    rf[p + 1] = r[0].jump;
    rf[p + 2] = r[0].start;
    rf[p + 3] = r[1].size;
    rf[p + 4] = r[1].jump;
    rf[p + 5] = r[1].start;
    if (r[0].holes !== null || r[1].holes !== null) this.holey.set(i, r);
  }

  /** Layer `i`'s receptive field as the operators read it (a new pair unless it has holes). */
  rfOf(i: number): Rf2 {
    const h = this.holey.get(i);
    if (h !== undefined) return h;
    const p = 6 * i;
    const rf = this.rf;
    return [
      { size: rf[p], jump: rf[p + 1], start: rf[p + 2], holes: null },
      { size: rf[p + 3], jump: rf[p + 4], start: rf[p + 5], holes: null },
    ];
  }
}
