/**
 * Rows from columns: the `layers` of an analysis, built when first read. Long runs of similar layers
 * share one frozen record per kind (params, ops, activation, memory access, RF) instead of one per row.
 */
import { toReceptiveField } from '../formulas/receptive-field';
import type { Shape } from '../model/shape';
import { INPUT_ID, type LayerSpec } from '../model/types';
import { F_FROZEN, F_INPLACE, F_SAME_RF, F_VIEW, type LayerColumns } from './columns';
import { ZERO_OPS } from './ops/common';
import { freezeRf, RecordCache, sameActivation, sameMemory, sameOps, sameParams } from './records';
import { LayerRow, type SharedContext } from './rows';
import type { LayerAnalysis, ModelAnalysis, OtherOps } from './types';

/** What {@link buildRows} reads: the model's layers, their evaluation order and inputs, the columns. */
export interface RowSource {
  layers: readonly LayerSpec[];
  ids: readonly string[];
  input: Shape;
  order: Int32Array;
  start: Int32Array;
  sources: Int32Array;
  cols: LayerColumns;
  ctx: SharedContext;
}

/** The analysed rows, in evaluation order. */
export function buildRows(s: RowSource): LayerAnalysis[] {
  const { layers, ids, input, order, start, sources, cols, ctx } = s;
  const n = order.length;
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
  const { outElems, inElems, weights, bias, buffers, inferenceBuffers, macs, flops, flags, shapes } = cols;
  const ops = cols.ops;
  let cumMacs = 0;
  let cumFlops = 0;
  let cumAct = 0;
  let cumMem = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const layer = layers[i];
    const s0 = start[i];
    const nIn = start[i + 1] - s0;
    const one = nIn === 1 ? sources[s0] : -2;
    const f = flags[i];
    const view = (f & F_VIEW) !== 0;
    const inplace = (f & F_INPLACE) !== 0;
    const outE = outElems[i];
    const total = weights[i] + bias[i];
    const weightElems = total + inferenceBuffers[i];
    const memElems = view ? 0 : inElems[i] + weightElems + outE;
    const actElems = inplace ? 0 : outE;
    const mem = memoryCache.get(layer.op, {
      inputBytes: view ? 0 : inElems[i] * bytes,
      weightBytes: view ? 0 : weightElems * bytes,
      outputBytes: view ? 0 : outE * bytes,
      totalBytes: memElems * bytes,
    });
    const fl = flops[i];
    cumMacs += macs[i];
    cumFlops += fl;
    cumAct += actElems * bytes;
    cumMem += mem.totalBytes;
    const p = 5 * i;
    let o: OtherOps;
    if (ops[p] === 0 && ops[p + 1] === 0 && ops[p + 2] === 0 && ops[p + 3] === 0 && ops[p + 4] === 0)
      o = ZERO_OPS;
    else
      o = opsCache.get(layer.op, {
        bias: ops[p],
        norm: ops[p + 1],
        activation: ops[p + 2],
        pooling: ops[p + 3],
        elementwise: ops[p + 4],
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
      else inShapes = singleShapes[one] = [shapes[one] as Shape];
    } else {
      inShapes = new Array<Shape>(nIn);
      for (let t = 0; t < nIn; t++) {
        const j = sources[s0 + t];
        inShapes[t] = j < 0 ? input : (shapes[j] as Shape);
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
        id: ids[i],
        op: layer.op,
        inputs: layer.inputs ?? [i === 0 ? INPUT_ID : ids[i - 1]],
        inputShapes: inShapes,
        outputShape: shapes[i] as Shape,
        outputElements: outE,
        params: paramsCache.get(layer.op, {
          weights: weights[i],
          bias: bias[i],
          buffers: buffers[i],
          trainable: (f & F_FROZEN) !== 0 ? 0 : total,
          total,
        }),
        macs: macs[i],
        ops: o,
        flops: fl,
        activation: activationCache.get('', { elements: actElems, bytes: actElems * bytes, inplace }),
        memoryAccess: mem,
        arithmeticIntensity: mem.totalBytes > 0 ? fl / mem.totalBytes : 0,
        cumulative: { macs: cumMacs, flops: cumFlops, activationBytes: cumAct, memoryAccessBytes: cumMem },
        rf,
        outputSizeTrace: cols.traces[i],
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
  const rows = buildRows(this[SOURCE]);
  setLayers.call(this, rows);
  return rows;
}
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
