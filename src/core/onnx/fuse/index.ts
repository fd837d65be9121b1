/**
 * Patterns of several ONNX nodes that are one layer of the model format: what PyTorch exports for
 * `nn.LayerNorm` at opsets below 17 (ReduceMean, Sub, Pow, ReduceMean, Add, Sqrt, Div, Mul, Add),
 * for exact GELU below opset 20 (Div, Erf, Add, Mul, Mul) and for `nn.MultiheadAttention` (the packed
 * in-projection, Slice per Q/K/V, the head Reshape/Transpose, the two MatMuls around Softmax, the
 * out-projection). Found before the walk; the driver skips a pattern's inner nodes and turns its
 * last node into the layer.
 *
 * A pattern is accepted only when it is closed: every value computed inside is read only inside
 * (the last node's output aside), so nothing outside loses a value it needs.
 */
import { Skip, type Val } from '../convert/value';
import type { ConvertContext, LayerBody } from '../handlers/types';
import type { NodeInfo, OnnxModelInfo } from '../read';
import { matchAttention } from './attention';
import { GraphIndex } from './graph';
import { matchGelu, matchLayerNorm } from './elementwise';

export { GraphIndex } from './graph';

/** One pattern found in the graph. */
export interface Fusion {
  /** The pattern's last node: its first output is the layer's output. */
  anchor: NodeInfo;
  /** The pattern's nodes but Constants, the anchor included. */
  nodes: Set<NodeInfo>;
  /** The activation the pattern reads. */
  input: string;
  /** The constants (initializers or Constant outputs) that are the layer's parameters. */
  params: string[];
  /** The layer, and the rank of input it needs (checked when the input's dims are known). */
  body: LayerBody;
  /** What the pattern is, for the layer's id: the path its nodes' names share (`/encoder/ln`). */
  name: string;
  /** Checks the input's dims (with batch) and returns why the pattern cannot be this layer, or null. */
  check(dims: number[]): string | null;
}

/** A candidate before the closure check: the last node, the input, the body and the params. */
export type Candidate = Omit<Fusion, 'nodes' | 'name'> & {
  /** Op types the pattern may contain (Constant always may). */
  allowed: ReadonlySet<string>;
};

type Matcher = (node: NodeInfo, g: GraphIndex) => Candidate | null;

/** Tried on every node, in this order; a node already in a pattern starts no other. */
const MATCHERS: readonly { start: string; match: Matcher }[] = [
  { start: 'Softmax', match: matchAttention },
  { start: 'ReduceMean', match: matchLayerNorm },
  { start: 'Erf', match: matchGelu },
];

/** The largest pattern (nodes, Constants not counted): a ViT attention block has about 30. */
const MAX_NODES = 120;

/** Every pattern of the graph, by its last node, and the set of nodes they contain. */
export function findFusions(
  info: OnnxModelInfo,
  order: readonly NodeInfo[],
): { byAnchor: Map<NodeInfo, Fusion>; inner: Set<NodeInfo> } {
  const g = new GraphIndex(info, order);
  const byAnchor = new Map<NodeInfo, Fusion>();
  const taken = new Set<NodeInfo>();
  for (const { start, match } of MATCHERS) {
    for (const node of order) {
      if (node.opType !== start || taken.has(node)) continue;
      const c = match(node, g);
      const nodes = c && closedRegion(c, g);
      if (!c || !nodes || [...nodes].some((n) => taken.has(n))) continue;
      for (const n of nodes) taken.add(n);
      const { allowed: _allowed, ...rest } = c;
      byAnchor.set(c.anchor, { ...rest, nodes, name: sharedPath([...nodes]) || c.anchor.name });
    }
  }
  const inner = new Set([...taken].filter((n) => !byAnchor.has(n)));
  return { byAnchor, inner };
}

/**
 * The nodes between the candidate's input and its last node (walking back from the last node until
 * the input or a constant), or null when the region reads another activation, is too large,
 * contains an op type the pattern does not allow, or lets a value computed inside escape.
 */
function closedRegion(c: Candidate, g: GraphIndex): Set<NodeInfo> | null {
  const nodes = new Set<NodeInfo>();
  const stack = [...c.anchor.inputs];
  nodes.add(c.anchor);
  while (stack.length) {
    const v = stack.pop() as string;
    if (!v || v === c.input || g.isInitializer(v)) continue;
    const p = g.producer(v);
    if (!p) return null; // another graph input
    if (p.opType === 'Constant' || nodes.has(p)) continue;
    if (!c.allowed.has(p.opType) || nodes.size >= MAX_NODES) return null;
    nodes.add(p);
    stack.push(...p.inputs);
  }
  for (const n of nodes) {
    if (n === c.anchor) continue;
    for (const o of n.outputs) {
      if (!o) continue;
      if (g.isGraphOutput(o)) return null;
      for (const r of g.consumers(o)) if (!nodes.has(r)) return null;
    }
  }
  return nodes;
}

/** The '/'-separated path all names share (`/encoder/layers/encoder_layer_0/ln_1`), or ''. */
function sharedPath(nodes: NodeInfo[]): string {
  const parts = nodes.map((n) => n.name.split('/'));
  const first = parts[0] ?? [];
  let k = 0;
  // The last segment is the node's own name (`ReduceMean_1`): never part of the shared path.
  while (k < first.length - 1 && parts.every((p) => p.length - 1 > k && p[k] === first[k])) k++;
  const path = first.slice(0, k).join('/');
  return path === '' || path === '/' ? '' : path;
}

const PATTERN_NOTES: Record<string, string> = {
  layernorm: 'LayerNorm exported as ReduceMean, Sub, Pow, Sqrt and Div (and Mul/Add of its weight and bias)',
  gelu: 'GELU exported as x · 0.5 · (1 + erf(x/√2))',
  attention: 'nn.MultiheadAttention exported as MatMul, Slice, Reshape, Transpose, Softmax and Gemm nodes',
};

/**
 * Adds the pattern's layer, reading the layer behind its input; its parameters are counted once each.
 * A pattern whose input does not fit the layer (`check`) is left out with the reason.
 */
export function emitFusion(f: Fusion, valueOf: (name: string) => Val | undefined, ctx: ConvertContext): void {
  const { from, dims } = ctx.input(valueOf(f.input));
  const why = f.check(dims);
  if (why) throw new Skip(`the ${f.body.op} pattern ending here ${why}`, { kind: 'shape' });
  for (const p of f.params) ctx.param(valueOf(p));
  ctx.note(`${PATTERN_NOTES[f.body.op] ?? f.body.op}: one ${f.body.op} layer each.`);
  const id = ctx.emit({ ...f.anchor, name: f.name }, f.body, [from], dims);
  ctx.out(f.anchor, { dims, layer: id });
}
