/**
 * The one graph walk behind both validation and analysis, so that a model that validates always
 * analyses. Each layer is evaluated by its operator's registry entry (`./ops`); this file adds up
 * memory, FLOPs under the chosen convention, cumulative sums and totals, and checks the 2^53 limits.
 */
import { RF_INPUT, toReceptiveField } from '../formulas/receptive-field';
import type { Shape } from '../model/shape';
import type { ModelIssue, ModelSpec } from '../model/types';
import { computeLayer } from './compute';
import { inputIdsOf, resolveGraph } from './graph';
import { numel, OPERATOR_BY_OP, type OpResult, type Rf2, ShapeError } from './ops';
import { wholeInputRf, ZERO_OPS, zeroOps } from './ops/common';
import {
  freezeRf,
  RecordCache,
  sameActivation,
  sameMemory,
  sameOps,
  sameParams,
  sameShape,
  sameTraces,
} from './records';
import { LayerRow, type SharedContext } from './rows';
import {
  type AnalysisOptions,
  type AnalysisWarning,
  DTYPE_BYTES,
  type LayerAnalysis,
  type ModelAnalysis,
} from './types';

export { layerWithFormulas } from './rows';

const MAX = Number.MAX_SAFE_INTEGER;

export interface EvalResult {
  issues: ModelIssue[];
  analysis?: ModelAnalysis;
}

/** The rows of a layer's inputs (null: the model input). */
function rowsOf(
  rowOf: LayerAnalysis[],
  sources: Int32Array,
  s0: number,
  nIn: number,
): (LayerAnalysis | null)[] {
  const rows: (LayerAnalysis | null)[] = [];
  for (let t = 0; t < nIn; t++) {
    const j = sources[s0 + t];
    rows.push(j < 0 ? null : rowOf[j]);
  }
  return rows;
}

function validInputShape(input: unknown): input is Shape {
  return (
    Array.isArray(input) &&
    input.length >= 1 &&
    input.length <= 3 &&
    input.every((v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1)
  );
}

/**
 * Evaluates the model graph. Collects issues (graph, shapes, 2^53 limits) instead of throwing;
 * with `build`, also assembles the analysis (only when there are no issues).
 */
export function evaluateModel(model: ModelSpec, options: AnalysisOptions, build: boolean): EvalResult {
  const issues: ModelIssue[] = [];
  const layers = model.layers;
  const n = layers.length;
  if (!validInputShape(model.input)) {
    issues.push({
      path: 'input',
      message: `input must be [C, H, W], [T, D] or [N] of positive integers, got ${JSON.stringify(model.input)}`,
    });
    return { issues };
  }
  const graph = resolveGraph(layers, issues);
  if (!graph) return { issues };
  const { order, start, sources } = graph;
  // --- per-layer evaluation ---
  const bytes = DTYPE_BYTES[options.dtype];
  const shapes: (Shape | undefined)[] = new Array(n);
  const rfs: (Rf2 | undefined)[] = new Array(n);
  const inputRf: Rf2 = [RF_INPUT, RF_INPUT];
  const whole = wholeInputRf(model.input);
  const out: LayerAnalysis[] = build ? new Array(n) : [];
  /** Rows by layer index (`out` is in evaluation order). */
  const rowOf: LayerAnalysis[] = build ? new Array(n) : [];
  const warnings: AnalysisWarning[] = [];
  let cumMacs = 0;
  let cumFlops = 0;
  let cumAct = 0;
  let cumMem = 0;
  let worstFlops = 0;
  let worstAct = 0;
  let worstMem = 0;
  let tParams = 0;
  let tTrainable = 0;
  let tBuffers = 0;
  const tOps = zeroOps();
  let tActElems = 0;
  const incomplete: string[] = [];
  const paramsCache = new RecordCache(sameParams);
  const opsCache = new RecordCache(sameOps);
  const activationCache = new RecordCache(sameActivation);
  const memoryCache = new RecordCache(sameMemory);
  const traceCache = new RecordCache(sameTraces);
  /** `[shape]` of each layer's output, shared by the single-input layers that read it. */
  const singleShapes: (Shape[] | undefined)[] = build ? new Array(n) : [];
  const rowCtx: SharedContext = { options, bytes, whole };
  const conv = options.convention === 'flops' ? 2 : 1;
  let lastShape: Shape = model.input;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const layer = layers[i];
    const s0 = start[i];
    const nIn = start[i + 1] - s0;
    /** The single layer read (-1: the model input), or -2 when the layer reads several. */
    const one = nIn === 1 ? sources[s0] : -2;
    const inShapes: Shape[] = new Array(nIn);
    const inRfs: Rf2[] = new Array(nIn);
    let blocked = false;
    for (let t = 0; t < nIn; t++) {
      const j = sources[s0 + t];
      const s = j < 0 ? model.input : shapes[j];
      if (s === undefined) {
        blocked = true;
        break;
      }
      inShapes[t] = s;
      inRfs[t] = j < 0 ? inputRf : (rfs[j] as Rf2);
    }
    // A layer fed by a failed layer is skipped: one mistake gives one message, not a cascade.
    if (blocked) continue;
    const inIds = inputIdsOf(layers, i);
    let c: OpResult;
    try {
      c = computeLayer(layer, inShapes, inRfs, inIds, false, whole);
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      issues.push({
        layerId: layer.id,
        path: `layers[${i}]`,
        message: `layer "${layer.id}": ${error.message}`,
      });
      continue;
    }
    const def = OPERATOR_BY_OP[layer.op];
    const outElems = numel(c.outShape);
    const o = c.ops;
    const otherAll = o.bias + o.norm + o.activation + o.pooling + o.elementwise;
    const total = c.weights + c.bias;
    const worstF = 2 * c.macs + otherAll;
    const view = def.view;
    let inElems = 0;
    for (const s of inShapes) inElems += numel(s);
    const weightElems = total + c.inferenceBuffers;
    const memElems = view ? 0 : inElems + weightElems + outElems;
    worstFlops += worstF;
    worstAct += outElems * 4;
    worstMem += memElems * 4;
    if (!(
      outElems * 4 <= MAX &&
      total + c.buffers <= MAX &&
      worstF <= MAX &&
      worstFlops <= MAX &&
      worstAct <= MAX &&
      worstMem <= MAX
    )) {
      const limits: [string, number][] = [
        ['output elements', outElems * 4],
        ['parameters', total + c.buffers],
        ['MACs', c.macs],
        ['FLOPs', worstF],
        ['total FLOPs', worstFlops],
        ['total activation bytes', worstAct],
        ['total memory access bytes', worstMem],
      ];
      const [what, v] = limits.find(([, x]) => !(x <= MAX)) as [string, number];
      const shown = what === 'output elements' ? outElems : v;
      issues.push({
        layerId: layer.id,
        path: `layers[${i}]`,
        message: `layer "${layer.id}": ${what} ${shown.toExponential(3)} exceed 2^53 (${MAX}), beyond exact integer arithmetic`,
      });
      continue;
    }
    shapes[i] = c.outShape;
    rfs[i] = c.rf;
    lastShape = c.outShape;
    for (const w of c.warnings)
      warnings.push({ layerId: layer.id, kind: w.kind, message: `layer "${layer.id}": ${w.message}` });
    const holes = c.rf[0].holes !== null || c.rf[1].holes !== null;
    if (holes && !inRfs.some((r) => r[0].holes !== null || r[1].holes !== null)) {
      warnings.push({
        layerId: layer.id,
        kind: 'rf-holes',
        message: `layer "${layer.id}": the receptive field has holes: its taps are spaced wider than what each tap sees, so some input pixels inside ${c.rf[0].size}×${c.rf[1].size} are never read`,
      });
    }
    if (!build) continue;
    // --- assemble the row ---
    const flops =
      conv * c.macs +
      (options.countBias ? o.bias : 0) +
      (options.countNorm ? o.norm : 0) +
      (options.countActivations ? o.activation : 0) +
      (options.countPooling ? o.pooling : 0) +
      (options.countElementwise ? o.elementwise : 0);
    const inplace = options.inplaceActivations && def.inplace;
    const actElems = inplace ? 0 : outElems;
    const mem = memoryCache.get(layer.op, {
      inputBytes: view ? 0 : inElems * bytes,
      weightBytes: view ? 0 : weightElems * bytes,
      outputBytes: view ? 0 : outElems * bytes,
      totalBytes: memElems * bytes,
    });
    cumMacs += c.macs;
    cumFlops += flops;
    cumAct += actElems * bytes;
    cumMem += mem.totalBytes;
    tParams += total;
    tTrainable += layer.trainable === false ? 0 : total;
    tBuffers += c.buffers;
    tOps.bias += o.bias;
    tOps.norm += o.norm;
    tOps.activation += o.activation;
    tOps.pooling += o.pooling;
    tOps.elementwise += o.elementwise;
    tActElems += actElems;
    if (c.unsupported !== undefined) incomplete.push(layer.id);
    // A layer that leaves its input's RF as it is (norms, activations, element-wise with a constant…)
    // shares the input row's RF record instead of building a new one.
    const src = one >= 0 ? rowOf[one] : undefined;
    const rf = src !== undefined && c.rf === inRfs[0] ? freezeRf(src.rf) : toReceptiveField(c.rf[0], c.rf[1]);
    // Same-size outputs (a padded 3×3 conv) reuse the input's shape array.
    const outShape =
      c.outShape !== inShapes[0] && sameShape(c.outShape, inShapes[0]) ? inShapes[0] : c.outShape;
    if (outShape !== c.outShape) shapes[i] = outShape;
    let rowShapes = inShapes;
    if (one >= 0) {
      const shared = singleShapes[one];
      if (shared !== undefined) rowShapes = shared;
      else singleShapes[one] = inShapes;
    }
    const row = new LayerRow(
      {
        id: layer.id,
        op: layer.op,
        inputs: inIds,
        inputShapes: rowShapes,
        outputShape: outShape,
        outputElements: outElems,
        params: paramsCache.get(layer.op, {
          weights: c.weights,
          bias: c.bias,
          buffers: c.buffers,
          trainable: layer.trainable === false ? 0 : total,
          total,
        }),
        macs: c.macs,
        ops: o === ZERO_OPS ? o : opsCache.get(layer.op, o),
        flops,
        activation: activationCache.get('', { elements: actElems, bytes: actElems * bytes, inplace }),
        memoryAccess: mem,
        arithmeticIntensity: mem.totalBytes > 0 ? flops / mem.totalBytes : 0,
        cumulative: { macs: cumMacs, flops: cumFlops, activationBytes: cumAct, memoryAccessBytes: cumMem },
        rf,
        outputSizeTrace: c.traces && traceCache.get(layer.op, c.traces),
        unsupported: c.unsupported,
      },
      layer,
      one === -1 ? null : one >= 0 ? rowOf[one] : rowsOf(rowOf, sources, s0, nIn),
      rowCtx,
    );
    out[k] = row;
    rowOf[i] = row;
  }
  if (issues.length || !build) return { issues };
  return {
    issues,
    analysis: {
      model: model.name,
      input: model.input,
      outputShape: lastShape,
      options,
      layers: out,
      totals: {
        params: tParams,
        trainableParams: tTrainable,
        buffers: tBuffers,
        macs: cumMacs,
        flops: cumFlops,
        ops: tOps,
        activationElements: tActElems,
        activationBytes: cumAct,
        memoryAccessBytes: cumMem,
        complete: incomplete.length === 0,
        incomplete,
      },
      warnings,
    },
  };
}
