import type { ModelAnalysis } from '../analysis/types';
import type { Map3 } from '../autograd/cnn';
import { Rng } from '../autograd/rng';
import { INPUT_ID, type LayerSpec, type ModelSpec } from '../model/types';
import { ERF_OPS, type ErfMode, type ErfNode } from './ops';

/** The layers that feed one target layer, in evaluation order, ready for the engine. */
export interface ErfNetwork {
  input: [number, number, number];
  nodes: ErfNode[];
  target: ErfNode;
}

function chw(shape: readonly number[], what: string): [number, number, number] {
  if (shape.length !== 3)
    throw new Error(`${what} is not a [C, H, W] feature map (shape [${shape.join(', ')}])`);
  return [shape[0], shape[1], shape[2]];
}

/**
 * The sub-network that computes `targetId`: the analysis rows (evaluation order, resolved inputs and
 * shapes) joined with the layers' JSON specs. A layer whose operator has no entry in {@link ERF_OPS}
 * is reported by id and operator.
 */
export function buildNetwork(model: ModelSpec, analysis: ModelAnalysis, targetId: string): ErfNetwork {
  const specs = new Map<string, LayerSpec>(model.layers.map((l) => [l.id, l]));
  const rows = new Map(analysis.layers.map((r) => [r.id, r]));
  const targetRow = rows.get(targetId);
  if (!targetRow) throw new Error(`no layer "${targetId}" in the model`);
  chw(targetRow.outputShape, `the output of layer "${targetId}"`);
  const needed = new Set<string>();
  const stack = [targetId];
  while (stack.length) {
    const id = stack.pop() as string;
    if (id === INPUT_ID || needed.has(id)) continue;
    needed.add(id);
    const row = rows.get(id);
    if (row) stack.push(...row.inputs);
  }
  const input = chw(analysis.input, 'the model input');
  const nodes: ErfNode[] = [];
  for (const row of analysis.layers) {
    if (!needed.has(row.id)) continue;
    const spec = specs.get(row.id);
    if (!spec) throw new Error(`layer "${row.id}" is in the analysis but not in the model`);
    const op = row.unsupported ? `unsupported (${row.unsupported})` : row.op;
    if (!ERF_OPS[row.op] || row.unsupported)
      throw new Error(`layer "${row.id}": the gradient engine cannot run operator ${op}`);
    nodes.push({
      id: row.id,
      spec,
      row,
      inShapes: row.inputShapes.map((s, i) => chw(s, `input ${i + 1} of layer "${row.id}"`)),
      outShape: chw(row.outputShape, `the output of layer "${row.id}"`),
      weight: null,
      bias: null,
      bn: null,
    });
  }
  return { input, nodes, target: nodes[nodes.length - 1] };
}

/**
 * Fills every node's parameters for `mode` (see OpEntry.init). For `random` the generator is
 * Rng(seed); the draws go layer by layer in evaluation order, then the N(0, 1) input is drawn.
 */
export function initNetwork(net: ErfNetwork, mode: ErfMode, rng: Rng | null): void {
  for (const node of net.nodes) ERF_OPS[node.spec.op]?.init?.(node, mode, rng);
}

export interface GradientRun {
  /** ∂y/∂x over the input, [C, H, W]. */
  dx: Map3;
}

function addInto(acc: Map3 | undefined, g: Map3): Map3 {
  if (!acc) return g;
  const data = new Float32Array(acc.data);
  for (let i = 0; i < data.length; i++) data[i] += g.data[i];
  return { c: acc.c, h: acc.h, w: acc.w, data };
}

/**
 * ∂y/∂x for y = Σ_c out[c][u_h][u_w] of the target layer: a forward pass (random mode) that keeps
 * every output, then the backward pass from ∂y/∂out = 1 at the unit in every channel. `onStep`
 * reports each finished layer (forward and backward count one step each).
 */
export function inputGradient(
  net: ErfNetwork,
  mode: ErfMode,
  unit: [number, number],
  x: Map3 | null,
  onStep: () => void = () => {},
): GradientRun {
  const outputs = new Map<string, { y: Map3; saved?: unknown }>();
  const value = (id: string): Map3 => {
    if (id === INPUT_ID) return x as Map3;
    return (outputs.get(id) as { y: Map3 }).y;
  };
  if (mode === 'random') {
    if (!x) throw new Error('random mode needs an input');
    for (const node of net.nodes) {
      const entry = ERF_OPS[node.spec.op];
      outputs.set(node.id, entry!.forward(node, node.row.inputs.map(value)));
      onStep();
    }
  }
  const [c, h, w] = net.target.outShape;
  const seed: Map3 = { c, h, w, data: new Float32Array(c * h * w) };
  for (let ch = 0; ch < c; ch++) seed.data[(ch * h + unit[0]) * w + unit[1]] = 1;
  const grads = new Map<string, Map3>([[net.target.id, seed]]);
  for (let i = net.nodes.length - 1; i >= 0; i--) {
    const node = net.nodes[i];
    const dy = grads.get(node.id);
    grads.delete(node.id);
    if (dy) {
      const out = outputs.get(node.id);
      const xs = mode === 'random' ? node.row.inputs.map(value) : null;
      const dxs = ERF_OPS[node.spec.op]!.backward(node, dy, mode, xs, out?.y ?? null, out?.saved ?? null);
      node.row.inputs.forEach((id, k) => grads.set(id, addInto(grads.get(id), dxs[k])));
    }
    outputs.delete(node.id);
    onStep();
  }
  const dx = grads.get(INPUT_ID);
  if (!dx) throw new Error(`layer "${net.target.id}" does not depend on the input`);
  return { dx };
}
