/**
 * Normalisation and activation written element by element: LayerNorm over the last axis
 * (ReduceMean, Sub, Pow 2, ReduceMean, Add ε, Sqrt, Div, then Mul by γ and Add of β) and exact GELU
 * (x · 0.5 · (1 + erf(x / √2)), as Div or Mul by the constant, Erf, Add 1, Mul, Mul 0.5).
 */
import { int, ints } from '../attrs';
import { tensorElements, type NodeInfo } from '../read';
import type { Candidate } from './index';
import type { GraphIndex } from './graph';

const near = (v: number[] | null, x: number, tol = 1e-3) => !!v && v.length === 1 && Math.abs(v[0] - x) < tol;

/** The one consumer of `value` with this op type, or undefined. */
function next(g: GraphIndex, value: string, opType: string): NodeInfo | undefined {
  const n = g.only(value);
  return n?.opType === opType ? n : undefined;
}

/** ReduceMean's axes (attribute, or the second input from opset 18), or null. */
function reduceAxes(node: NodeInfo, g: GraphIndex): number[] | null {
  return ints(node, 'axes') ?? (node.inputs[1] ? g.constValues(node.inputs[1]) : null);
}

const lastAxisOnly = (node: NodeInfo, g: GraphIndex) => {
  const axes = reduceAxes(node, g);
  return axes?.length === 1 && int(node, 'keepdims', 1) === 1 ? axes[0] : null;
};

const LAYERNORM_OPS = new Set(['ReduceMean', 'Sub', 'Pow', 'Add', 'Sqrt', 'Div', 'Mul']);

export function matchLayerNorm(r: NodeInfo, g: GraphIndex): Candidate | null {
  const x = r.inputs[0];
  const axis = lastAxisOnly(r, g);
  if (!x || axis === null) return null;
  const sub = g.consumers(r.outputs[0]).find((n) => n.opType === 'Sub' && n.inputs[0] === x);
  if (!sub || g.consumers(r.outputs[0]).length !== 1) return null;
  const readers = g.consumers(sub.outputs[0]);
  const pow = readers.find((n) => n.opType === 'Pow');
  const div = readers.find((n) => n.opType === 'Div' && n.inputs[0] === sub.outputs[0]);
  if (readers.length !== 2 || !pow || !div || !near(g.constValues(pow.inputs[1] ?? ''), 2)) return null;
  const r2 = next(g, pow.outputs[0], 'ReduceMean');
  if (!r2 || lastAxisOnly(r2, g) !== axis) return null;
  const eps = next(g, r2.outputs[0], 'Add');
  if (!eps || !g.split(eps)) return null;
  const sqrt = next(g, eps.outputs[0], 'Sqrt');
  if (!sqrt || g.only(sqrt.outputs[0]) !== div || div.inputs[1] !== sqrt.outputs[0]) return null;
  // γ and β: a Mul and an Add of constant vectors of D elements (both, or the norm has no affine part).
  const mul = next(g, div.outputs[0], 'Mul');
  const add = mul && next(g, mul.outputs[0], 'Add');
  const gamma = mul && g.split(mul);
  const beta = add && g.split(add);
  const affine = !!(gamma && beta);
  const vector = (v: string) => g.constDims(v)?.filter((d) => d !== 1).length ?? 9;
  if (affine && (vector(gamma.constant) > 1 || vector(beta.constant) > 1)) return null;
  const features = affine ? tensorElements(g.constDims(gamma.constant) ?? []) : null;
  return {
    anchor: affine ? (add as NodeInfo) : div,
    input: x,
    params: affine ? [gamma.constant, beta.constant] : [],
    body: { op: 'layernorm', ...(affine ? {} : { elementwise_affine: false }) },
    allowed: LAYERNORM_OPS,
    check(dims) {
      if (dims.length !== 2 && dims.length !== 3) return `normalises a ${dims.length}-D tensor`;
      if (axis !== -1 && axis !== dims.length - 1) return `normalises over axis ${axis}, not the last`;
      if (features !== null && features !== dims[dims.length - 1] && features !== 1)
        return `scales ${features} features of ${dims[dims.length - 1]}`;
      return null;
    },
  };
}

const GELU_OPS = new Set(['Div', 'Mul', 'Erf', 'Add']);

export function matchGelu(erf: NodeInfo, g: GraphIndex): Candidate | null {
  const scale = g.producer(erf.inputs[0]);
  const s = scale && g.split(scale);
  if (!scale || !s) return null;
  const c = g.constValues(s.constant);
  const byRoot2 =
    (scale.opType === 'Div' && near(c, Math.SQRT2)) || (scale.opType === 'Mul' && near(c, Math.SQRT1_2));
  if (!byRoot2 || g.only(scale.outputs[0]) !== erf) return null;
  const x = s.value;
  const plus1 = next(g, erf.outputs[0], 'Add');
  const one = plus1 && g.split(plus1);
  if (!plus1 || !one || !near(g.constValues(one.constant), 1)) return null;
  const m1 = next(g, plus1.outputs[0], 'Mul');
  if (!m1) return null;
  const other = m1.inputs[0] === plus1.outputs[0] ? m1.inputs[1] : m1.inputs[0];
  let anchor: NodeInfo | undefined;
  if (other === x) {
    // x · (1 + erf) · 0.5
    const m2 = next(g, m1.outputs[0], 'Mul');
    const half = m2 && g.split(m2);
    if (m2 && half && near(g.constValues(half.constant), 0.5)) anchor = m2;
  } else {
    // (x · 0.5) · (1 + erf)
    const h = g.producer(other);
    const half = h?.opType === 'Mul' ? g.split(h) : null;
    if (half && half.value === x && near(g.constValues(half.constant), 0.5)) anchor = m1;
  }
  if (!anchor) return null;
  return { anchor, input: x, params: [], body: { op: 'gelu' }, allowed: GELU_OPS, check: () => null };
}
