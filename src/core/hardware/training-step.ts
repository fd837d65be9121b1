/**
 * The roofline estimate of one training step: the forward pass (work.ts), the backward pass of every
 * layer and the optimizer's update, each turned into time by the same roof. Like the forward
 * estimate it is an upper bound on speed, never a measurement.
 *
 * Backward work of a layer at batch N (MACs from analyzeTraining, already × N):
 *   layer with MACs (conv, linear, matmul…):
 *     flops = 2 · (MACs for the weight gradient + MACs for the input gradient)
 *     bytes = read the output gradient (N·out)
 *           + if it has a weight gradient: read the saved input (N·in) and write the weight gradient (W)
 *           + if its input needs a gradient: read the weights (W) and write the input gradient (N·in)
 *   layer without MACs (normalisation, activation, pooling, add…), when its input needs a gradient:
 *     flops = its forward element operations again (1 per element per operation, N·ops₁)
 *     bytes = read the output gradient and the saved input, write the input gradient: N·(out + 2·in)
 *             + 2·P·b when it has P trainable parameters (BatchNorm's γ, β read, their gradients written)
 *     (an add saves nothing and reads no input: the N·in read makes its figure an upper estimate)
 * Update, per trainable parameter p (b bytes each), one fused pass:
 *   sgd       p ← p − η·g                              2 FLOPs, read p, g, write p:        3·b
 *   momentum  m ← μ·m + g; p ← p − η·m                 4 FLOPs, read p, g, m, write p, m: 5·b
 *   adam      m, v moments, bias-corrected step          12 FLOPs, read p, g, m, v, write p, m, v: 7·b
 *   adamw     adam + decoupled weight decay              14 FLOPs, 7·b
 * Step time = forward + Σ backward + update (one kernel after another).
 */
import type { TrainingAnalysis, OptimizerName } from '../analysis/training';
import { DTYPE_BYTES, type Dtype, type ModelAnalysis } from '../analysis/types';
import { type FormulaTrace, tex, trace } from '../formulas/latex';
import type { DeviceModel } from './devices';
import { layerFlops, type LayerWork } from './work';

/** FLOPs and bytes (per parameter, in units of its size) of one optimizer update. */
export const UPDATE_COST: Record<OptimizerName, { flops: number; accesses: number }> = {
  sgd: { flops: 2, accesses: 3 },
  momentum: { flops: 4, accesses: 5 },
  adam: { flops: 12, accesses: 7 },
  adamw: { flops: 14, accesses: 7 },
};

export interface TrainingStepEstimate {
  optimizer: OptimizerName;
  batch: number;
  forwardSeconds: number;
  backwardSeconds: number;
  updateSeconds: number;
  /** forward + backward + update */
  seconds: number;
  flops: number;
  bytes: number;
  /** The backward work of each layer that has any (same order as the forward layers). */
  backward: (LayerWork & { flops: number; seconds: number })[];
  update: { flops: number; bytes: number; seconds: number };
  formulas: FormulaTrace[];
}

/** Backward work of each layer and the update's work, as the module comment states. */
export function trainingWork(
  analysis: ModelAnalysis,
  training: TrainingAnalysis,
): { backward: (LayerWork & { flops: number })[]; update: { flops: number; bytes: number } } {
  const n = training.batch;
  const b = DTYPE_BYTES[analysis.options.dtype];
  const byId = new Map(analysis.layers.map((l) => [l.id, l]));
  // Which tensors need a gradient: a layer's output does when it has trainable weights or an input does.
  const needsGrad = new Map<string, boolean>([['input', false]]);
  const backward: (LayerWork & { flops: number })[] = [];
  for (const t of training.layers) {
    const l = byId.get(t.id);
    if (!l) continue;
    const inputNeedsGrad = l.inputs.some((i) => needsGrad.get(i) ?? false);
    needsGrad.set(l.id, l.params.trainable > 0 || inputNeedsGrad);
    const m = l.memoryAccess;
    const out = n * m.outputBytes;
    const inp = n * m.inputBytes;
    const w = m.weightBytes;
    const { weights, input } = t.backwardMacs;
    let flops: number;
    let traffic: LayerWork['traffic'];
    if (l.macs > 0) {
      if (weights === 0 && input === 0) continue;
      flops = 2 * (weights + input);
      traffic = {
        input: (weights > 0 ? inp : 0) + (input > 0 ? inp : 0),
        weight: (weights > 0 ? w : 0) + (input > 0 ? w : 0),
        output: out,
      };
    } else {
      if (!inputNeedsGrad || m.totalBytes === 0) continue;
      const f = layerFlops(l);
      flops = f === null ? 0 : n * f;
      traffic = { input: 2 * inp, weight: 2 * l.params.trainable * b, output: out };
    }
    backward.push({
      id: l.id,
      op: l.op,
      flops,
      bytes: traffic.input + traffic.weight + traffic.output,
      traffic,
    });
  }
  const p = analysis.totals.trainableParams;
  const cost = UPDATE_COST[training.optimizer];
  return { backward, update: { flops: cost.flops * p, bytes: cost.accesses * p * b } };
}

const s = (x: number) => tex(Number(x.toPrecision(4)));

/**
 * One training step on a device: `forwardSeconds` is the forward estimate at the same batch (the
 * caller's), backward and update come from trainingWork through the same roof (t = max(FLOPs/peak,
 * bytes/bandwidth) + launch overhead per kernel).
 */
export function estimateTrainingStep(
  analysis: ModelAnalysis,
  training: TrainingAnalysis,
  device: DeviceModel,
  dtype: Dtype,
  forward: { seconds: number; flops: number; bytes: number },
): TrainingStepEstimate {
  const peak = device.peak[dtype];
  const bw = device.bandwidth;
  const time = (flops: number, bytes: number) => Math.max(flops / peak, bytes / bw) + device.launchOverhead;
  const work = trainingWork(analysis, training);
  const backward = work.backward.map((w) => ({ ...w, seconds: time(w.flops, w.bytes) }));
  const backwardSeconds = backward.reduce((a, w) => a + w.seconds, 0);
  const update = {
    ...work.update,
    seconds: work.update.flops > 0 ? time(work.update.flops, work.update.bytes) : 0,
  };
  const flops = forward.flops + backward.reduce((a, w) => a + w.flops, 0) + update.flops;
  const bytes = forward.bytes + backward.reduce((a, w) => a + w.bytes, 0) + update.bytes;
  const seconds = forward.seconds + backwardSeconds + update.seconds;
  const cost = UPDATE_COST[training.optimizer];
  return {
    optimizer: training.optimizer,
    batch: training.batch,
    forwardSeconds: forward.seconds,
    backwardSeconds,
    updateSeconds: update.seconds,
    seconds,
    flops,
    bytes,
    backward,
    update,
    formulas: [
      trace(
        'update',
        '\\max\\left(\\frac{f \\cdot P}{P_{\\text{peak}}}, \\frac{a \\cdot P \\cdot b}{B}\\right) + t_{\\text{launch}}',
        `f = ${cost.flops},\\ a = ${cost.accesses},\\ P = ${tex(analysis.totals.trainableParams)}`,
        update.seconds,
      ),
      trace(
        'seconds',
        't_{\\text{forward}} + \\sum t_{\\text{backward}} + t_{\\text{update}}',
        `${s(forward.seconds)} + ${s(backwardSeconds)} + ${s(update.seconds)}`,
        seconds,
      ),
    ],
  };
}
