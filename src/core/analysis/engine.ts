/**
 * The one graph walk behind both validation and analysis, so that a model that validates always
 * analyses. Each layer is evaluated by its operator's registry entry (`./ops`); this file adds up
 * memory, FLOPs under the chosen convention, cumulative sums and totals, and checks the 2^53 limits.
 */
import { RF_INPUT } from '../formulas/receptive-field';
import type { Shape } from '../model/shape';
import type { ModelIssue, ModelSpec } from '../model/types';
import { computeWith, operatorNumberFor } from './compute';
import { keptInputs, resolveGraph } from './graph';
import {
  type AnyOperator,
  numel,
  type OpInputs,
  type OpResult,
  OPERATORS,
  type Rf2,
  ShapeError,
} from './ops';
import {
  BIAS,
  BUFFERS,
  F_FROZEN,
  F_INPLACE,
  F_SAME_RF,
  F_VIEW,
  FLOPS,
  IN_ELEMS,
  INFERENCE_BUFFERS,
  LayerColumns,
  MACS,
  OPS,
  OUT_ELEMS,
  WEIGHTS,
} from './columns';
import { lazyLayers } from './materialize';
import { wholeInputRf, zeroOps } from './ops/common';
import { RecordCache, sameShape, sameTraces } from './records';
import {
  type AnalysisOptions,
  type AnalysisWarning,
  DTYPE_BYTES,
  type ModelAnalysis,
  type WarningKind,
} from './types';
import {
  errorNote,
  note,
  sig6,
  type WarningCode,
  warningLine,
  type WarningNote,
  warningText,
} from './warning-messages';
import { INPUT_ID } from '../model/types';

export { layerWithFormulas } from './rows';

const MAX = Number.MAX_SAFE_INTEGER;

export interface EvalResult {
  issues: ModelIssue[];
  analysis?: ModelAnalysis;
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
  // An analysis keeps the list as it is now (its rows are built later, should the caller edit the
  // model in place meanwhile); the walk reads that copy.
  const layers = build ? model.layers.slice() : model.layers;
  const n = layers.length;
  if (!validInputShape(model.input)) {
    const n = errorNote('bad-input-shape', { value: JSON.stringify(model.input) ?? 'undefined' });
    issues.push({ path: 'input', message: warningText(n), note: n });
    return { issues };
  }
  const graph = resolveGraph(layers, issues);
  if (!graph) return { issues };
  const { order, start, sources } = graph;
  // --- per-layer evaluation ---
  const bytes = DTYPE_BYTES[options.dtype];
  const cols = new LayerColumns(n);
  const inputRf: Rf2 = [RF_INPUT, RF_INPUT];
  const whole = wholeInputRf(model.input);
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
  const traceCache = new RecordCache(sameTraces);
  const conv = options.convention === 'flops' ? 2 : 1;
  let lastShape: Shape = model.input;
  /** The layer evaluated last and its RF pair: a chain reads it back without rebuilding it from columns. */
  let lastI = -1;
  let lastRf: Rf2 = inputRf;
  // What each layer reads, handed to its operator: one object for the whole walk, and one-element
  // arrays reused by every single-input layer (the operators read them and keep none of them).
  const oneShape: Shape[] = [model.input];
  const oneRf: Rf2[] = [inputRf];
  const oneId: string[] = [INPUT_ID];
  const input: OpInputs = { shapes: oneShape, rfs: oneRf, ids: oneId, whole };
  for (let k = 0; k < n; k++) {
    const i = order === null ? k : order[k];
    const layer = layers[i];
    const s0 = start[i];
    const nIn = start[i + 1] - s0;
    const inShapes: Shape[] = nIn === 1 ? oneShape : new Array(nIn);
    const inRfs: Rf2[] = nIn === 1 ? oneRf : new Array(nIn);
    let blocked = false;
    for (let t = 0; t < nIn; t++) {
      const j = sources[s0 + t];
      const s = j < 0 ? model.input : cols.shapeOf(j);
      if (s === undefined) {
        blocked = true;
        break;
      }
      inShapes[t] = s;
      inRfs[t] = j < 0 ? inputRf : j === lastI ? lastRf : cols.rfOf(j);
    }
    // A layer fed by a failed layer is skipped: one mistake gives one message, not a cascade.
    if (blocked) continue;
    let inIds = layer.inputs;
    if (inIds === undefined) {
      oneId[0] = i === 0 ? INPUT_ID : layers[i - 1].id;
      inIds = oneId;
    }
    input.shapes = inShapes;
    input.rfs = inRfs;
    input.ids = inIds;
    let c: OpResult;
    let def: AnyOperator;
    let opNo: number;
    try {
      opNo = operatorNumberFor(layer);
      def = OPERATORS[opNo] as AnyOperator;
      c = computeWith(def, layer, input, false);
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      const w = { layerId: layer.id, ...error.note };
      issues.push({ layerId: layer.id, path: `layers[${i}]`, message: warningLine(w), note: error.note });
      continue;
    }
    const outElems = numel(c.outShape);
    const o = c.ops;
    const otherAll = o.bias + o.norm + o.activation + o.pooling + o.elementwise;
    const total = c.weights + c.bias;
    const worstF = 2 * c.macs + otherAll;
    const view = def.view;
    let inElems = 0;
    for (let t = 0; t < nIn; t++) inElems += numel(inShapes[t]);
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
      const limits: [WarningCode, number][] = [
        ['limit-output-elements', outElems * 4],
        ['limit-parameters', total + c.buffers],
        ['limit-macs', c.macs],
        ['limit-flops', worstF],
        ['limit-total-flops', worstFlops],
        ['limit-activation-bytes', worstAct],
        ['limit-memory-bytes', worstMem],
      ];
      const [what, v] = limits.find(([, x]) => !(x <= MAX)) as [WarningCode, number];
      const shown = what === 'limit-output-elements' ? outElems : v;
      const n = note('beyond-2-53', {
        what: { code: what, params: {} },
        value: shown.toExponential(3),
        max: MAX,
      });
      issues.push({
        layerId: layer.id,
        path: `layers[${i}]`,
        message: warningLine({ layerId: layer.id, ...n }),
        note: n,
      });
      continue;
    }
    // Same-size outputs (a padded 3×3 conv) reuse the input's shape array.
    const outShape =
      c.outShape !== inShapes[0] && sameShape(c.outShape, inShapes[0]) ? inShapes[0] : c.outShape;
    lastShape = outShape;
    for (const w of c.warnings) warnings.push(layerWarning(layer.id, w.kind, w));
    const holes = c.rf[0].holes !== null || c.rf[1].holes !== null;
    if (holes && !inRfs.some((r) => r[0].holes !== null || r[1].holes !== null))
      warnings.push(
        layerWarning(
          layer.id,
          'rf-holes',
          note('rf-holes', { h: sig6(c.rf[0].size), w: sig6(c.rf[1].size) }),
        ),
      );
    // --- the layer's columns and the running totals ---
    const flops =
      conv * c.macs +
      (options.countBias ? o.bias : 0) +
      (options.countNorm ? o.norm : 0) +
      (options.countActivations ? o.activation : 0) +
      (options.countPooling ? o.pooling : 0) +
      (options.countElementwise ? o.elementwise : 0);
    const inplace = options.inplaceActivations && def.inplace;
    const actElems = inplace ? 0 : outElems;
    const frozen = layer.trainable === false;
    const rec = cols.costs;
    rec[OUT_ELEMS] = outElems;
    rec[IN_ELEMS] = inElems;
    rec[WEIGHTS] = c.weights;
    rec[BIAS] = c.bias;
    rec[BUFFERS] = c.buffers;
    rec[INFERENCE_BUFFERS] = c.inferenceBuffers;
    rec[MACS] = c.macs;
    rec[FLOPS] = flops;
    rec[OPS] = o.bias;
    rec[OPS + 1] = o.norm;
    rec[OPS + 2] = o.activation;
    rec[OPS + 3] = o.pooling;
    rec[OPS + 4] = o.elementwise;
    cols.addCost(i, opNo, outShape, c.traces && traceCache.get(opNo, c.traces));
    // A layer that leaves its input's RF as it is (norms, activations, element-wise with a constant…)
    // shares the input row's RF record instead of building a new one.
    const same = nIn === 1 && sources[s0] >= 0 && c.rf === inRfs[0] ? sources[s0] : -1;
    cols.setRf(i, c.rf, same);
    lastI = i;
    lastRf = c.rf;
    cols.flags[i] =
      (view ? F_VIEW : 0) | (inplace ? F_INPLACE : 0) | (frozen ? F_FROZEN : 0) | (same >= 0 ? F_SAME_RF : 0);
    if (!build) continue;
    cumMacs += c.macs;
    cumFlops += flops;
    cumAct += actElems * bytes;
    cumMem += memElems * bytes;
    tParams += total;
    tTrainable += frozen ? 0 : total;
    tBuffers += c.buffers;
    tOps.bias += o.bias;
    tOps.norm += o.norm;
    tOps.activation += o.activation;
    tOps.pooling += o.pooling;
    tOps.elementwise += o.elementwise;
    tActElems += actElems;
    if (c.unsupported !== undefined) {
      incomplete.push(layer.id);
      cols.unsupported.set(i, c.unsupported);
    }
  }
  if (issues.length || !build) return { issues };
  cols.finish();
  const analysis = {
    model: model.name,
    input: model.input,
    outputShape: lastShape,
    options,
  } as ModelAnalysis;
  // The rows are built from the columns when `layers` is first read (then kept as plain data): the
  // totals alone, a 300,000-layer model's usual question, allocate nothing per layer. The rows read
  // the layers as they are now, should the caller edit the model in place meanwhile.
  lazyLayers(analysis, {
    layers,
    input: model.input,
    order,
    inputs: keptInputs(graph),
    cols,
    ctx: { options, bytes, whole },
  });
  analysis.totals = {
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
  };
  analysis.warnings = warnings;
  return { issues, analysis };
}

/** A layer's warning: its message by code, and in English with the layer's id first. */
function layerWarning(layerId: string, kind: WarningKind, n: WarningNote): AnalysisWarning {
  const w = { layerId, kind, code: n.code, params: n.params };
  return { ...w, message: warningLine(w) };
}
