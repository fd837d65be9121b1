/**
 * Cost and memory of one training step (forward, backward, optimizer step) at batch N, from an
 * analysis and each operator's `saves` rule (what autograd keeps, PyTorch 1.13).
 *
 *   backward MACs of a layer = MACs (weight gradient, if it has trainable weights)
 *                            + MACs (input gradient, if an input needs a gradient)
 *   an activation-only product (matmul): MACs per input that needs a gradient
 *   param bytes = params · b;  grad bytes = trainable params · b
 *   optimizer state = 0 (sgd) | trainable · b (momentum) | 2 · trainable · b + 4 · tensors (adam, adamw:
 *                     exp_avg, exp_avg_sq and a float32 `step` per parameter tensor)
 *   saved activations = Σ bytes of the distinct storages the layers save (a view or an in-place
 *                       result shares its input's storage and is counted once)
 *   peak = params + grads + optimizer state + max over the schedule of the live activation bytes
 */
import { numel } from './ops';
import { type CountedLayer, countLayers, sumOf } from './counting';
import type { NamedCount } from './conventions';
import { operatorOf } from './ops';
import type { SavedSpec } from './ops/types';
import { DTYPE_BYTES, type ModelAnalysis } from './types';
import type { ModelSpec } from '../model/types';

export type OptimizerName = 'sgd' | 'momentum' | 'adam' | 'adamw';
export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'momentum', 'adam', 'adamw'];

export interface TrainingOptions {
  optimizer: OptimizerName;
  /** Samples per step (≥ 1). */
  batch: number;
  /** Activations marked in place (ReLU…) overwrite their input; default: the analysis option. */
  inplace?: boolean;
}

export interface TrainingLayer {
  id: string;
  op: string;
  forwardMacs: number;
  /** Gradient w.r.t. the weights and w.r.t. the inputs. */
  backwardMacs: { weights: number; input: number };
  /** Bytes of the storages this layer saves that no earlier layer saved. */
  savedBytes: number;
}

export interface TrainingAnalysis {
  optimizer: OptimizerName;
  batch: number;
  forwardMacs: number;
  backwardMacs: number;
  /** forward + backward. */
  stepMacs: number;
  paramBytes: number;
  gradBytes: number;
  optimizerStateBytes: number;
  savedActivationBytes: number;
  /** Activation bytes live at the peak (saved tensors, forward temporaries, gradients of activations). */
  peakActivationBytes: number;
  /** Where the peak is: "forward"/"backward" at a layer id. */
  peakAt: { phase: 'forward' | 'backward'; layer: string };
  peakBytes: number;
  layers: TrainingLayer[];
  /** false when a layer is not understood: its cost and saves are unknown (figures are lower bounds). */
  complete: boolean;
  unsupported: NamedCount[];
}

/** The bytes of optimizer state after one step (torch.optim, PyTorch ≥ 1.12). */
export function optimizerStateBytes(
  optimizer: OptimizerName,
  trainableParams: number,
  tensors: number,
  bytes: number,
): number {
  if (optimizer === 'sgd') return 0;
  if (optimizer === 'momentum') return trainableParams * bytes;
  return 2 * trainableParams * bytes + 4 * tensors;
}

interface Storage {
  bytes: number;
  /** Index of the last forward layer that reads it (-1: none). */
  lastRead: number;
  /** Indices of the layers that save it. */
  savers: number[];
}

/**
 * One training step of `analysis` (made from `model`) at `options.batch` with `options.optimizer`.
 * Views and in-place activations share their input's storage; every saved storage lives until the
 * backward pass of the earliest layer that saved it; a gradient of an activation lives from the
 * backward of its first consumer to the backward of its producer.
 */
export function analyzeTraining(
  model: ModelSpec,
  analysis: ModelAnalysis,
  options: TrainingOptions,
): TrainingAnalysis {
  const { optimizer, batch } = options;
  if (!Number.isSafeInteger(batch) || batch < 1)
    throw new RangeError(`batch must be a positive integer, got ${batch}`);
  const inplace = options.inplace ?? analysis.options.inplaceActivations;
  const b = DTYPE_BYTES[analysis.options.dtype];
  const counted = countLayers(model, analysis);
  const n = counted.length;
  // --- storages: one per tensor unless a view or an in-place op writes into its input's ---
  const storages = new Map<string, Storage>();
  const storageOf = new Map<string, string>([['input', 'input']]);
  storages.set('input', { bytes: numel(analysis.input) * batch * b, lastRead: -1, savers: [] });
  const saves: SavedSpec[] = [];
  const extra: { key: string; bytes: number }[][] = [];
  counted.forEach((c, k) => {
    const def = operatorOf(c.layer.op);
    const spec: SavedSpec = c.row.unsupported
      ? {}
      : (def?.saves?.(c.layer as never, c.io, inplace && (def?.inplace ?? false)) ??
        (sumOf(c.counting.macs) ? { inputs: c.row.inputs.map((_, i) => i) } : {}));
    saves.push(spec);
    for (const src of c.row.inputs) {
      const s = storages.get(storageOf.get(src) as string);
      if (s) s.lastRead = k;
    }
    const shares = !spec.allocates && ((def?.view ?? false) || (inplace && (def?.inplace ?? false)));
    const id = c.row.id;
    if (shares) storageOf.set(id, storageOf.get(c.row.inputs[0]) as string);
    else {
      storageOf.set(id, id);
      storages.set(id, { bytes: c.row.outputElements * batch * b, lastRead: -1, savers: [] });
    }
    const mine: { key: string; bytes: number }[] = [];
    if (spec.inputCopy) mine.push({ key: `${id}#copy`, bytes: numel(c.row.inputShapes[0]) * batch * b });
    if (spec.extraElements) mine.push({ key: `${id}#extra`, bytes: spec.extraElements * batch * b });
    if (spec.statElements) mine.push({ key: `${id}#stats`, bytes: spec.statElements * b });
    if (spec.indexElements) mine.push({ key: `${id}#indices`, bytes: spec.indexElements * batch * 8 });
    if (spec.scalarBytes) mine.push({ key: `${id}#scalar`, bytes: spec.scalarBytes });
    for (const e of mine) storages.set(e.key, { bytes: e.bytes, lastRead: -1, savers: [k] });
    extra.push(mine);
    for (const i of spec.inputs ?? []) storages.get(storageOf.get(c.row.inputs[i]) as string)?.savers.push(k);
    if (spec.output) storages.get(storageOf.get(id) as string)?.savers.push(k);
  });
  // --- saved bytes, attributed to the first saver ---
  const savedBy = new Array<number>(n).fill(0);
  let savedActivationBytes = 0;
  for (const s of storages.values()) {
    if (!s.savers.length) continue;
    savedActivationBytes += s.bytes;
    savedBy[Math.min(...s.savers)] += s.bytes;
  }
  // --- backward MACs: which tensors need a gradient ---
  const needsGrad = new Map<string, boolean>([['input', false]]);
  let forwardMacs = 0;
  let backwardMacs = 0;
  let params = 0;
  let trainable = 0;
  let tensors = 0;
  const layers: TrainingLayer[] = counted.map((c, k) => {
    const { row } = c;
    const macs = sumOf(c.counting.macs) * batch;
    const gradIn = row.inputs.map((i) => needsGrad.get(i) ?? false);
    const trainableWeights = row.params.trainable > 0;
    needsGrad.set(row.id, trainableWeights || gradIn.some(Boolean));
    params += row.params.total;
    trainable += row.params.trainable;
    const def = operatorOf(c.layer.op);
    if (row.params.trainable)
      tensors +=
        def?.paramTensors?.(c.layer as never) ?? (row.params.weights ? 1 : 0) + (row.params.bias ? 1 : 0);
    const own = row.unsupported ? undefined : def?.backward?.(c.layer as never, c.io, gradIn.some(Boolean));
    const weights = !trainableWeights ? 0 : own ? own.weights * batch : row.params.weights > 0 ? macs : 0;
    const input = own
      ? own.input * batch
      : row.params.weights > 0
        ? gradIn.some(Boolean)
          ? macs
          : 0
        : macs * gradIn.filter(Boolean).length;
    forwardMacs += macs;
    backwardMacs += weights + input;
    return {
      id: row.id,
      op: row.op,
      forwardMacs: macs,
      backwardMacs: { weights, input },
      savedBytes: savedBy[k],
    };
  });
  // --- peak by liveness ---
  const peak = peakActivations(counted, storages, storageOf, extra, needsGrad, batch, b);
  const paramBytes = params * b;
  const gradBytes = trainable * b;
  const state = optimizerStateBytes(optimizer, trainable, tensors, b);
  const unsupported = new Map<string, number>();
  for (const c of counted)
    if (c.row.unsupported) unsupported.set(c.row.unsupported, (unsupported.get(c.row.unsupported) ?? 0) + 1);
  return {
    optimizer,
    batch,
    forwardMacs,
    backwardMacs,
    stepMacs: forwardMacs + backwardMacs,
    paramBytes,
    gradBytes,
    optimizerStateBytes: state,
    savedActivationBytes,
    peakActivationBytes: peak.bytes,
    peakAt: peak.at,
    peakBytes: paramBytes + gradBytes + state + peak.bytes,
    layers,
    complete: unsupported.size === 0,
    unsupported: [...unsupported].map(([name, count]) => ({ name, count })),
  };
}

/** The largest sum of live activation-side bytes over the forward and the backward pass. */
function peakActivations(
  counted: CountedLayer[],
  storages: Map<string, Storage>,
  storageOf: Map<string, string>,
  extra: { key: string; bytes: number }[][],
  needsGrad: Map<string, boolean>,
  batch: number,
  b: number,
): { bytes: number; at: TrainingAnalysis['peakAt'] } {
  const n = counted.length;
  const live = new Set<string>(['input']);
  let liveBytes = storages.get('input')?.bytes ?? 0;
  let best = { bytes: liveBytes, at: { phase: 'forward', layer: 'input' } as TrainingAnalysis['peakAt'] };
  const add = (key: string, bytes: number) => {
    if (live.has(key)) return;
    live.add(key);
    liveBytes += bytes;
  };
  const drop = (key: string, bytes: number) => {
    if (live.delete(key)) liveBytes -= bytes;
  };
  const mark = (phase: 'forward' | 'backward', layer: string) => {
    if (liveBytes > best.bytes) best = { bytes: liveBytes, at: { phase, layer } };
  };
  for (let k = 0; k < n; k++) {
    const { row } = counted[k];
    const out = storageOf.get(row.id) as string;
    add(out, storages.get(out)?.bytes ?? 0);
    for (const e of extra[k]) add(e.key, e.bytes);
    mark('forward', row.id);
    // Free what no later layer reads and nothing saved.
    for (const src of row.inputs) {
      const key = storageOf.get(src) as string;
      const s = storages.get(key);
      if (s && s.lastRead <= k && !s.savers.length && key !== out) drop(key, s.bytes);
    }
  }
  // The output goes once the loss is computed, unless saved.
  const last = counted[n - 1];
  if (last) {
    const key = storageOf.get(last.row.id) as string;
    const s = storages.get(key);
    if (s && !s.savers.length) drop(key, s.bytes);
  }
  // Backward: gradients of activations; saved storages go after their earliest saver's backward.
  const firstSaver = new Map<string, number>();
  for (const [key, s] of storages) if (s.savers.length) firstSaver.set(key, Math.min(...s.savers));
  const freeAt: string[][] = Array.from({ length: n }, () => []);
  for (const [key, k] of firstSaver) freeAt[k].push(key);
  const elements = new Map(counted.map((c) => [c.row.id, c.row.outputElements]));
  const gradBytes = (id: string): number => (elements.get(id) ?? 0) * batch * b;
  if (last) add(`grad:${last.row.id}`, gradBytes(last.row.id));
  for (let k = n - 1; k >= 0; k--) {
    const { row } = counted[k];
    for (const src of row.inputs) if (needsGrad.get(src)) add(`grad:${src}`, gradBytes(src));
    mark('backward', row.id);
    drop(`grad:${row.id}`, gradBytes(row.id));
    for (const key of freeAt[k]) drop(key, storages.get(key)?.bytes ?? 0);
  }
  return best;
}
