/**
 * Per-layer figures of one analysis as columns. Each layer holds two numbers: the index of its cost
 * record (shape, elements, params, MACs, FLOPs, element ops, output-size trace) and of its
 * receptive-field record, in tables that grow only when a layer differs from the last layer of the
 * same op (cost) or from its input (RF). A 300,000-layer chain of repeated blocks is then a few
 * records and 9 bytes a layer, and nothing allocated per layer outlives the layer's evaluation: the
 * garbage collector has no per-layer objects to copy or trace. Rows are built from here on demand.
 */
import type { OutputSizeTrace } from '../formulas/output-size';
import type { Shape } from '../model/shape';
import { OPERATORS, type Rf2 } from './ops';

/** Bits of {@link LayerColumns.flags}. */
export const F_VIEW = 1;
export const F_INPLACE = 2;
export const F_FROZEN = 4;
/** The layer left its single input's receptive field as it was (its row shares the input row's RF). */
export const F_SAME_RF = 8;

/** Offsets in a cost record. */
export const OUT_ELEMS = 0;
export const IN_ELEMS = 1;
export const WEIGHTS = 2;
export const BIAS = 3;
export const BUFFERS = 4;
export const INFERENCE_BUFFERS = 5;
export const MACS = 6;
export const FLOPS = 7;
/** Five element-op counts: bias, norm, activation, pooling, elementwise. */
export const OPS = 8;
export const COST = 13;
const RF = 6;

type Traces = [OutputSizeTrace, OutputSizeTrace] | null;

/**
 * Cost and RF records while a walk writes them, kept from one walk to the next (walks do not
 * overlap; {@link LayerColumns.finish} copies them out). A 300,000-layer chain has an RF record per
 * convolution: a table doubled from a few records up to those megabytes, in fresh memory, cost more
 * than the walk over them (page faults, copies, and external memory that starts full collections
 * of the live model); a small model zero-filled tables sized for 512 records on every analysis.
 */
const pool = { nums: new Float64Array(COST * 512), rfs: new Float64Array(RF * 512) };

export class LayerColumns {
  /** Cost record of each layer (-1: not evaluated). */
  readonly cost: Int32Array;
  /** RF record of each layer. */
  readonly rfRec: Int32Array;
  readonly flags: Uint8Array;
  /** Cost records, {@link COST} numbers each; `costs` is the record being written before `addCost`. */
  nums: Float64Array<ArrayBuffer>;
  readonly costs = new Float64Array(COST);
  readonly shapes: Shape[] = [];
  readonly traces: Traces[] = [];
  /** Per op (its position in the registry), its last cost record (-1: none yet). */
  private readonly lastOfOp = new Int32Array(OPERATORS.length).fill(-1);
  /** RF records: size, jump, start of h, then of w (the shared scratch table until {@link finish}). */
  rfs: Float64Array<ArrayBuffer>;
  private nRf = 0;
  /** RF records with holes, whole (the bitmaps do not fit a column); rare. */
  readonly holey = new Map<number, Rf2>();
  /** Operator names of `unsupported` layers; rare. */
  readonly unsupported = new Map<number, string>();

  constructor(n: number) {
    this.cost = new Int32Array(n).fill(-1);
    this.rfRec = new Int32Array(n);
    this.flags = new Uint8Array(n);
    this.nums = pool.nums;
    this.rfs = pool.rfs;
  }

  /**
   * Ends the walk: the records written into the shared scratch tables move to tables of their own,
   * of their exact size (one fresh allocation each instead of one per doubling).
   */
  finish(): void {
    if (this.nums === pool.nums) this.nums = copyOf(pool.nums, COST * this.shapes.length);
    if (this.rfs === pool.rfs) this.rfs = copyOf(pool.rfs, RF * this.nRf);
  }

  /** The output shape of layer `i`, or undefined when it was not evaluated (it failed). */
  shapeOf(i: number): Shape | undefined {
    const r = this.cost[i];
    return r < 0 ? undefined : this.shapes[r];
  }

  /**
   * Gives layer `i` the cost record in {@link costs} with `shape` and `traces`: the last record of
   * the same op (`op`: its position in the registry) when it is equal, else a new one.
   */
  addCost(i: number, op: number, shape: Shape, traces: Traces): void {
    const c = this.costs;
    const last = this.lastOfOp[op];
    if (last >= 0 && this.shapes[last] === shape && this.traces[last] === traces) {
      const nums = this.nums;
      const p = COST * last;
      let same = true;
      for (let k = 0; k < COST && same; k++) same = nums[p + k] === c[k];
      if (same) {
        this.cost[i] = last;
        return;
      }
    }
    const r = this.shapes.length;
    if (COST * (r + 1) > this.nums.length) this.nums = pool.nums = grow(this.nums);
    const nums = this.nums;
    for (let k = 0, p = COST * r; k < COST; k++) nums[p + k] = c[k];
    this.shapes.push(shape);
    this.traces.push(traces);
    this.lastOfOp[op] = r;
    this.cost[i] = r;
  }

  /** Stores layer `i`'s receptive field; `same` ≥ 0: it is layer `same`'s, unchanged. */
  setRf(i: number, r: Rf2, same: number): void {
    if (same >= 0) {
      this.rfRec[i] = this.rfRec[same];
      return;
    }
    const k = this.nRf++;
    if (RF * (k + 1) > this.rfs.length) this.rfs = pool.rfs = grow(this.rfs);
    const p = RF * k;
    const rf = this.rfs;
    rf[p] = r[0].size;
    rf[p + 1] = r[0].jump;
    rf[p + 2] = r[0].start;
    rf[p + 3] = r[1].size;
    rf[p + 4] = r[1].jump;
    rf[p + 5] = r[1].start;
    if (r[0].holes !== null || r[1].holes !== null) this.holey.set(k, r);
    this.rfRec[i] = k;
  }

  /** Layer `i`'s receptive field as the operators read it (a new pair unless it has holes). */
  rfOf(i: number): Rf2 {
    const k = this.rfRec[i];
    const h = this.holey.get(k);
    if (h !== undefined) return h;
    const p = RF * k;
    const rf = this.rfs;
    return [
      { size: rf[p], jump: rf[p + 1], start: rf[p + 2], holes: null },
      { size: rf[p + 3], jump: rf[p + 4], start: rf[p + 5], holes: null },
    ];
  }
}

function grow(a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * The first `n` numbers of `a` in a table of their own. A loop: `slice` and `subarray` look up the
 * array's species constructor each time, which cost more than the copy on a small model.
 */
function copyOf(a: Float64Array, n: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(n);
  for (let k = 0; k < n; k++) b[k] = a[k];
  return b;
}
