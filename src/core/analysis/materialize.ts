/**
 * Rows from columns: the `layers` of an analysis, built when first read. Long runs of similar layers
 * share one frozen record per kind (params, ops, activation, memory access, RF) instead of one per row.
 */
import { toReceptiveField } from '../formulas/receptive-field';
import type { Shape } from '../model/shape';
import { INPUT_ID, type LayerSpec } from '../model/types';
import {
  BIAS,
  BUFFERS,
  COST,
  F_FROZEN,
  F_INPLACE,
  F_SAME_RF,
  F_VIEW,
  FLOPS,
  IN_ELEMS,
  INFERENCE_BUFFERS,
  type LayerColumns,
  MACS,
  OPS,
  OUT_ELEMS,
  WEIGHTS,
} from './columns';
import { ZERO_OPS } from './ops/common';
import { freezeRf, RecordCache, sameActivation, sameMemory, sameOps, sameParams } from './records';
import { LayerRow, type SharedContext } from './rows';
import type { LayerAnalysis, ModelAnalysis, OtherOps } from './types';

/** What {@link buildRows} reads: the model's layers, their evaluation order and inputs, the columns. */
export interface RowSource {
  layers: readonly LayerSpec[];
  input: Shape;
  /** null: the list order. */
  order: Int32Array | null;
  /** The inputs of each layer as the graph gives them (`start`, `sources`); null: each reads the one before it. */
  inputs: { start: Int32Array; sources: Int32Array } | null;
  cols: LayerColumns;
  ctx: SharedContext;
}

const NO_SOURCES = new Int32Array(0);

/** The analysed rows, in evaluation order. */
export function buildRows(s: RowSource): LayerAnalysis[] {
  const { layers, input, order, inputs, cols, ctx } = s;
  const n = layers.length;
  const bytes = ctx.bytes;
  const out: LayerAnalysis[] = new Array(n);
  /** Rows by layer index (`out` is in evaluation order). */
  const rowOf: LayerAnalysis[] = new Array(n);
  /** `[shape]` of each layer's output, shared by the single-input layers that read it. */
  const singleShapes: (Shape[] | undefined)[] = new Array(n);
  const paramsCache = new RecordCache(sameParams);
  const opsCache = new RecordCache(sameOps);
  const activationCache = new RecordCache(sameActivation);
  const memoryCache = new RecordCache(sameMemory);
  const { cost, flags, nums, shapes } = cols;
  let cumMacs = 0;
  let cumFlops = 0;
  let cumAct = 0;
  let cumMem = 0;
  for (let k = 0; k < n; k++) {
    const i = order === null ? k : order[k];
    const layer = layers[i];
    const s0 = inputs === null ? i : inputs.start[i];
    const nIn = inputs === null ? 1 : inputs.start[i + 1] - s0;
    const sources = inputs === null ? NO_SOURCES : inputs.sources;
    /** The layer's single input (-1: the model input), or -2 when it reads several. */
    const one = inputs === null ? i - 1 : nIn === 1 ? sources[s0] : -2;
    const f = flags[i];
    const r = cost[i];
    const q = COST * r;
    const view = (f & F_VIEW) !== 0;
    const inplace = (f & F_INPLACE) !== 0;
    const outE = nums[q + OUT_ELEMS];
    const inE = nums[q + IN_ELEMS];
    const w = nums[q + WEIGHTS];
    const b = nums[q + BIAS];
    const total = w + b;
    const weightElems = total + nums[q + INFERENCE_BUFFERS];
    const memElems = view ? 0 : inE + weightElems + outE;
    const actElems = inplace ? 0 : outE;
    const mem = memoryCache.get(layer.op, {
      inputBytes: view ? 0 : inE * bytes,
      weightBytes: view ? 0 : weightElems * bytes,
      outputBytes: view ? 0 : outE * bytes,
      totalBytes: memElems * bytes,
    });
    const macs = nums[q + MACS];
    const fl = nums[q + FLOPS];
    cumMacs += macs;
    cumFlops += fl;
    cumAct += actElems * bytes;
    cumMem += mem.totalBytes;
    const p = q + OPS;
    let o: OtherOps;
    if (nums[p] === 0 && nums[p + 1] === 0 && nums[p + 2] === 0 && nums[p + 3] === 0 && nums[p + 4] === 0)
      o = ZERO_OPS;
    else
      o = opsCache.get(layer.op, {
        bias: nums[p],
        norm: nums[p + 1],
        activation: nums[p + 2],
        pooling: nums[p + 3],
        elementwise: nums[p + 4],
      });
    const src = one >= 0 ? rowOf[one] : undefined;
    let rf: LayerAnalysis['rf'];
    if (src !== undefined && (f & F_SAME_RF) !== 0) rf = freezeRf(src.rf);
    else {
      const r = cols.rfOf(i);
      rf = toReceptiveField(r[0], r[1]);
    }
    let inShapes: Shape[];
    if (one >= 0) {
      const shared = singleShapes[one];
      if (shared !== undefined) inShapes = shared;
      else inShapes = singleShapes[one] = [shapes[cost[one]]];
    } else {
      inShapes = new Array<Shape>(nIn);
      for (let t = 0; t < nIn; t++) {
        const j = one === -1 ? -1 : sources[s0 + t];
        inShapes[t] = j < 0 ? input : shapes[cost[j]];
      }
    }
    let rowSources: LayerAnalysis | null | (LayerAnalysis | null)[];
    if (one === -1) rowSources = null;
    else if (one >= 0) rowSources = rowOf[one];
    else {
      rowSources = [];
      for (let t = 0; t < nIn; t++) {
        const j = sources[s0 + t];
        rowSources.push(j < 0 ? null : rowOf[j]);
      }
    }
    const row = new LayerRow(
      {
        id: layer.id,
        op: layer.op,
        inputs: layer.inputs ?? [i === 0 ? INPUT_ID : layers[i - 1].id],
        inputShapes: inShapes,
        outputShape: shapes[r],
        outputElements: outE,
        params: paramsCache.get(layer.op, {
          weights: w,
          bias: b,
          buffers: nums[q + BUFFERS],
          trainable: (f & F_FROZEN) !== 0 ? 0 : total,
          total,
        }),
        macs,
        ops: o,
        flops: fl,
        activation: activationCache.get('', { elements: actElems, bytes: actElems * bytes, inplace }),
        memoryAccess: mem,
        arithmeticIntensity: mem.totalBytes > 0 ? fl / mem.totalBytes : 0,
        cumulative: { macs: cumMacs, flops: cumFlops, activationBytes: cumAct, memoryAccessBytes: cumMem },
        rf,
        outputSizeTrace: cols.traces[r],
        unsupported: cols.unsupported.get(i),
      },
      layer,
      rowSources,
      ctx,
    );
    out[k] = row;
    rowOf[i] = row;
  }
  return out;
}

const SOURCE = Symbol('convscope.rowSource');
type Lazy = ModelAnalysis & { [SOURCE]: RowSource };

/*
 * One getter and one setter for every analysis, reading their state from the object: a getter
 * closing over each analysis's columns would keep them alive until the next full GC. The state is
 * frozen, so a Vue reactive wrapper hands it through as it is; `this` may be such a wrapper.
 */
function getLayers(this: Lazy): LayerAnalysis[] {
  const source = this[SOURCE];
  if (Object.isExtensible(this)) {
    const rows = buildRows(source);
    setLayers.call(this, rows);
    return rows;
  }
  // A frozen analysis keeps its getter; its rows are still built once.
  let rows = built.get(source);
  if (rows === undefined) {
    rows = buildRows(source);
    built.set(source, rows);
  }
  return rows;
}
/**
 * Rows of frozen analyses, by state. Only those: a WeakMap entry per analysis would keep every
 * analysis's rows past the young generation (the table lives in the old one).
 */
const built = new WeakMap<RowSource, LayerAnalysis[]>();
function setLayers(this: Lazy, value: LayerAnalysis[]): void {
  Object.defineProperty(this, 'layers', { value, enumerable: true, writable: true, configurable: true });
}

/** Gives `analysis` a `layers` property whose rows are built from `source` when first read. */
export function lazyLayers(analysis: ModelAnalysis, source: RowSource): void {
  Object.defineProperty(analysis, SOURCE, { value: Object.freeze(source) });
  Object.defineProperty(analysis, 'layers', {
    get: getLayers,
    set: setLayers,
    enumerable: true,
    configurable: true,
  });
}
