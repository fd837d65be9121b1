/**
 * What each layer asks of the hardware: arithmetic and memory traffic, per pass. The roofline estimate
 * (./roofline) turns this into time on a device; a training step would supply its own work per layer
 * (forward + backward) through the same type, which is where it plugs in.
 */
import type { LayerAnalysis, ModelAnalysis } from '../analysis/types';
import type { LayerOp } from '../model/types';

export interface LayerWork {
  id: string;
  op: LayerOp;
  /**
   * Arithmetic operations, counted as hardware peaks count them: 2 per multiply-accumulate (a
   * multiply and an add, whatever the analysis's MAC/FLOP convention) plus the layer's element
   * operations, 1 per element per operation (bias, normalisation, activation, pooling window
   * element, element-wise operand). null when the operator's cost is unknown (unsupported).
   */
  flops: number | null;
  /** Bytes moved: inputs read + weights (and inference buffers) read + outputs written. */
  bytes: number;
  traffic: { input: number; weight: number; output: number };
}

/** The pass whose work is estimated. Only `forward` exists today; `training` is the seam. */
export type Pass = 'forward';

/**
 * FLOPs of one image's forward pass through a layer:
 * 2·MACs + bias + norm + activation + pooling + element-wise.
 */
export function layerFlops(layer: LayerAnalysis): number | null {
  if (layer.unsupported !== undefined) return null;
  const o = layer.ops;
  return 2 * layer.macs + o.bias + o.norm + o.activation + o.pooling + o.elementwise;
}

/**
 * Forward work of every layer for a batch of `batch` images. Traffic model: each layer reads its
 * inputs and weights from memory and writes its output (no fusion, no cache reuse between layers);
 * at batch N the inputs and outputs are N times larger and the weights are read once:
 * bytes = N·(in + out) + weights, flops = N·flops₁. Views (flatten, identity) move nothing and are
 * left out: they launch no kernel.
 */
export function forwardWork(analysis: ModelAnalysis, batch = 1): LayerWork[] {
  if (!(Number.isSafeInteger(batch) && batch >= 1))
    throw new Error(`batch must be a positive integer, got ${batch}`);
  const out: LayerWork[] = [];
  for (const l of analysis.layers) {
    const m = l.memoryAccess;
    if (m.totalBytes === 0) continue;
    const f = layerFlops(l);
    const input = batch * m.inputBytes;
    const output = batch * m.outputBytes;
    out.push({
      id: l.id,
      op: l.op,
      flops: f === null ? null : batch * f,
      bytes: input + m.weightBytes + output,
      traffic: { input, weight: m.weightBytes, output },
    });
  }
  return out;
}
