/** Fully connected layers: Gemm and MatMul with a constant 2-D weight → linear. */
import { errorNote } from '../../analysis/warning-messages';
import { float, int, ints, nodeError } from '../attrs';
import { dimsParam, modelShape } from '../dims';
import { Unsupported, type Val } from '../convert/value';
import { type NodeInfo, tensorElements } from '../read';
import { layersFrom } from './layers-from';
import { type ConvertContext, type Inputs, type OnnxHandler, stateKey } from './types';

/** MatMul layers without a bias yet, by output value: an Add of a constant vector right after is their bias. */
const PENDING_BIAS = stateKey(
  'linear: MatMul without bias',
  () => new Map<string, { id: string; n: number }>(),
);

/**
 * Gemm (Y = α·A·B′ + β·C, B′ = Bᵀ with transB) and MatMul: [B, K] × [K, N] (+ [N]) → linear with N
 * outputs; a MatMul of one sequence ([1, T, K] or time-major [T, 1, K]) is the same layer on each
 * token. The weight must be a constant; a MatMul between two activations is unsupported.
 */
function linear(node: NodeInfo, ins: Inputs, ctx: ConvertContext): void {
  const x = ins[0];
  if (node.opType === 'MatMul' && ins[1] && !ins[1].c) return product(node, ins, ctx);
  const sequence = node.opType === 'MatMul' && x?.dims?.length === 3 && modelShape(x.dims) !== null;
  if (x?.dims && x.dims.length !== 2 && !sequence)
    throw new Unsupported(`${node.opType} on a ${x.dims.length}-D input`);
  const w = ctx.weight(node, ins, 1, 2);
  const { from, dims: xd } = ctx.input(x);
  const gemm = node.opType === 'Gemm';
  if (gemm && int(node, 'transA', 0) !== 0) throw new Unsupported('Gemm with transA');
  const [k, n] = gemm && int(node, 'transB', 0) === 1 ? [w[1], w[0]] : [w[0], w[1]];
  const features = xd[xd.length - 1];
  if (k !== features)
    throw nodeError(node, errorNote('onnx-weight-features', { dims: dimsParam(w), features }));
  const b = gemm ? ins[2] : undefined;
  if (b) {
    const bd = ctx.weight(node, ins, 2);
    if (tensorElements(bd) !== n && tensorElements(bd) !== 1)
      throw new Unsupported('Gemm bias that broadcasts over the batch');
  }
  if (gemm && (float(node, 'alpha', 1) !== 1 || float(node, 'beta', 1) !== 1)) {
    ctx.note('Gemm alpha/beta scaling is not counted (one multiply per output element).');
  }
  ctx.param(ins[1]);
  ctx.param(b);
  const id = ctx.layerOut(
    node,
    { op: 'linear', out_features: n, bias: !!b },
    [from],
    [...xd.slice(0, -1), n],
  );
  if (!gemm) ctx.state(PENDING_BIAS).set(node.outputs[0], { id, n });
}

/** A [1, T, D] sequence (one sample, batch-first). */
const sequence = (d: number[] | null | undefined): d is number[] => !!d && d.length === 3 && d[0] === 1;

/**
 * MatMul of two activations, [1, T, K] · [1, K, N] → `matmul`; when the second is a Transpose
 * (perm 0, 2, 1) of a [1, N, K] layer, `matmul` with transpose_b reading that layer (Q·Kᵀ).
 */
function product(node: NodeInfo, ins: Inputs, ctx: ConvertContext): void {
  const [a, b] = ins as Val[];
  if (!sequence(a.dims) || !sequence(b.dims))
    throw new Unsupported('MatMul between activations that are not one [T, K] sequence each');
  const from = ctx.layerOf(a);
  const perm = b.viewNode?.opType === 'Transpose' ? ints(b.viewNode, 'perm')?.join() : undefined;
  const transposed = !b.layer && b.src && perm === '0,2,1' && sequence(ctx.layerDims(b.src));
  const other = transposed ? (b.src as string) : ctx.layerOf(b);
  if (a.dims[2] !== b.dims[1])
    throw nodeError(node, errorNote('onnx-inner-sizes', { a: dimsParam(a.dims), b: dimsParam(b.dims) }));
  ctx.layerOut(
    node,
    { op: 'matmul', ...(transposed ? { transpose_b: true } : {}) },
    [from, other],
    [1, a.dims[1], b.dims[2]],
  );
}

/**
 * MatMul + Add of a constant vector of N elements is how exporters write a linear layer with bias:
 * when `node` is that Add (its only dynamic input read by nobody else), the bias goes into the
 * MatMul's layer and the Add's output is the layer's. Returns whether it did.
 */
export function addBiasToMatMul(node: NodeInfo, ins: Inputs, ctx: ConvertContext): boolean {
  const dyn = ins.filter((v) => v && !v.c);
  const consts = ins.filter((v) => v && v.c);
  if (node.opType !== 'Add' || dyn.length !== 1 || consts.length !== 1) return false;
  const first = dyn[0] as Val;
  const input = node.inputs[ins.indexOf(first)];
  const lin = ctx.state(PENDING_BIAS).get(input);
  const cd = (consts[0] as Val).dims;
  if (!lin || !cd || tensorElements(cd) !== lin.n || cd.length > 2 || ctx.consumers(input) !== 1)
    return false;
  ctx.amend(lin.id, (layer) => {
    if (layer.op === 'linear') layer.bias = true;
  });
  ctx.param(consts[0]);
  ctx.out(node, first);
  return true;
}

export const LINEAR_HANDLERS: Record<string, OnnxHandler> = {
  Gemm: {
    layers: layersFrom('Gemm'),
    doc: 'With a constant weight (transB allowed) and bias; transA and a bias over the batch are unsupported; alpha/beta scaling is not counted (a note says so).',
    convert: linear,
  },
  MatMul: {
    layers: layersFrom('MatMul'),
    doc: 'A 2-D input (or one sequence, [1, T, K] or [T, 1, K]: per token) times a constant 2-D weight; a following Add of a constant vector becomes its bias. Between two [1, T, K] · [1, K, N] sequences: `matmul` (with transpose_b when the second is a Transpose 0, 2, 1 of a layer). Inside the attention pattern: part of `attention`.',
    convert: linear,
  },
};
