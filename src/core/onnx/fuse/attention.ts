/**
 * `nn.MultiheadAttention` (self-attention, packed in-projection) as PyTorch 1.13 exports it: MatMul of
 * the input by W_in [E, 3E] and Add of its bias; a Slice each for Q, K and V; per path a Reshape to
 * [T, N·h, d] and a Transpose to heads; Q scaled (Div by √d or Mul by 1/√d); MatMul Q·Kᵀ, Softmax,
 * MatMul by V; Transpose and Reshape back to [T·N, E]; the out-projection (Gemm, or MatMul + Add);
 * Reshape to [T, N, E]. The nodes that compute the Slice bounds from the Shape are part of it.
 */
import { int } from '../attrs';
import { modelShape } from '../dims';
import type { NodeInfo } from '../read';
import type { Candidate } from './index';
import type { GraphIndex } from './graph';

const ATTENTION_OPS = new Set([
  'MatMul',
  'Gemm',
  'Add',
  'Sub',
  'Mul',
  'Div',
  'Shape',
  'Gather',
  'Slice',
  'Reshape',
  'Transpose',
  'Squeeze',
  'Unsqueeze',
  'Concat',
  'Cast',
  'Softmax',
]);

/** Nodes a head path passes through between the projection and the products (views and the scale). */
const PATH_OPS = new Set(['Transpose', 'Reshape', 'Slice', 'Squeeze', 'Unsqueeze', 'Div', 'Mul']);

/** Walks back from a head's value to the projection it was sliced from; the Reshapes met on the way. */
function toProjection(g: GraphIndex, value: string): { node: NodeInfo; reshapes: NodeInfo[] } | null {
  const reshapes: NodeInfo[] = [];
  let v = value;
  for (let k = 0; k < 12; k++) {
    const p = g.producer(v);
    if (!p) return null;
    if (!PATH_OPS.has(p.opType)) return { node: p, reshapes };
    if (p.opType === 'Reshape') reshapes.push(p);
    if (p.opType === 'Div' || p.opType === 'Mul') {
      const s = g.split(p);
      if (!s || (p.opType === 'Div' && s.value !== p.inputs[0])) return null;
      v = s.value;
    } else v = p.inputs[0];
  }
  return null;
}

/** A projection: MatMul by a constant [K, N] (with the Add of a constant [N] after it), or null. */
function projection(
  g: GraphIndex,
  node: NodeInfo,
): { matmul: NodeInfo; weight: string; bias?: string } | null {
  if (node.opType === 'Add') {
    const s = g.split(node);
    const m = s && g.producer(s.value);
    if (!s || !m || m.opType !== 'MatMul' || !g.isConstant(m.inputs[1] ?? '') || g.isConstant(m.inputs[0]))
      return null;
    return { matmul: m, weight: m.inputs[1], bias: s.constant };
  }
  if (node.opType === 'MatMul' && g.isConstant(node.inputs[1] ?? '') && !g.isConstant(node.inputs[0]))
    return { matmul: node, weight: node.inputs[1] };
  return null;
}

/** From the output of attention·V: the out-projection and the Reshapes after it (the last is the anchor). */
function outProjection(g: GraphIndex, start: NodeInfo) {
  let n: NodeInfo | undefined = start;
  for (let k = 0; k < 6 && n; k++) {
    n = g.only(n.outputs[0]);
    if (!n || n.opType === 'Transpose' || n.opType === 'Reshape') continue;
    let weight: string | undefined;
    let bias: string | undefined;
    let e: number | undefined;
    if (n.opType === 'Gemm' && int(n, 'transA', 0) === 0 && g.isConstant(n.inputs[1] ?? '')) {
      weight = n.inputs[1];
      bias = n.inputs[2] || undefined;
      const d = g.constDims(weight);
      e = d?.length === 2 && d[0] === d[1] ? d[0] : undefined;
    } else if (n.opType === 'MatMul' && g.isConstant(n.inputs[1] ?? '')) {
      weight = n.inputs[1];
      const d = g.constDims(weight);
      e = d?.length === 2 && d[0] === d[1] ? d[0] : undefined;
      const add = g.only(n.outputs[0]);
      const s = add?.opType === 'Add' ? g.split(add) : null;
      if (add && s) {
        bias = s.constant;
        n = add;
      }
    } else return null;
    if (!weight || !e) return null;
    let anchor: NodeInfo = n;
    for (let r = g.only(anchor.outputs[0]); r?.opType === 'Reshape'; r = g.only(r.outputs[0])) anchor = r;
    return { weight, bias, e, anchor };
  }
  return null;
}

export function matchAttention(softmax: NodeInfo, g: GraphIndex): Candidate | null {
  const axis = int(softmax, 'axis', -1);
  if (axis !== -1 && axis !== 2) return null;
  const qk = g.producer(softmax.inputs[0]);
  const av = g.only(softmax.outputs[0]);
  if (qk?.opType !== 'MatMul' || av?.opType !== 'MatMul' || av.inputs[0] !== softmax.outputs[0]) return null;
  if ([...qk.inputs, av.inputs[1]].some((v) => !v || g.isConstant(v))) return null;
  const paths = [qk.inputs[0], qk.inputs[1], av.inputs[1]].map((v) => toProjection(g, v));
  const [q, k, v] = paths;
  if (!q || !k || !v || q.node !== k.node || k.node !== v.node) return null;
  const inProj = projection(g, q.node);
  const out = outProjection(g, av);
  if (!inProj || !out) return null;
  const w = g.constDims(inProj.weight);
  const e = out.e;
  if (w?.length !== 2 || w[0] !== e || w[1] !== 3 * e) return null;
  if (!!inProj.bias !== !!out.bias) return null;
  // The head Reshape of K: [T, N·h, d] (or [N·h, T, d]); d is its last entry.
  const shape = k.reshapes[0]?.inputs[1] ? g.constValues(k.reshapes[0].inputs[1]) : null;
  const d = shape?.length === 3 ? shape[2] : 0;
  if (!(d > 0) || e % d !== 0) return null;
  const heads = e / d;
  const x = inProj.matmul.inputs[0];
  return {
    anchor: out.anchor,
    input: x,
    params: [inProj.weight, inProj.bias, out.weight, out.bias].filter((p): p is string => !!p),
    body: { op: 'attention', num_heads: heads, ...(inProj.bias ? {} : { bias: false }) },
    allowed: ATTENTION_OPS,
    check(dims) {
      if (dims.length !== 3 || !modelShape(dims)) return `reads ${dims.length}-D input, not one sequence`;
      if (dims[2] !== e) return `projects ${e} features, the input has ${dims[2]}`;
      return null;
    },
  };
}
