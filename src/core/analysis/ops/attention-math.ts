/**
 * Multi-head self-attention arithmetic for T tokens of D features and h heads of d = D/h features:
 * parameters, MACs by part and the element operations, with their formula traces. Lessons and the
 * attention widget read it too.
 */
import { type FormulaTrace, tex, trace } from '../../formulas/latex';
import { requirePositiveInt } from './shape-math';

export interface AttentionInfo {
  tokens: number;
  features: number;
  heads: number;
  /** Q, K, V and output projection weights: 4·D². */
  weights: number;
  /** Their biases: 4·D (0 without bias). */
  bias: number;
  /** The four projections: 4·T·D². */
  projectionMacs: number;
  /** Q·Kᵀ and attention·V over all heads: 2·T²·D. */
  matmulMacs: number;
  macs: number;
  /** One add per projected element: 4·T·D (0 without bias). */
  biasAdds: number;
  /** Scores through the softmax, one element each: h·T². */
  softmaxOps: number;
  /** The softmax counted operation by operation: h·T·(5T − 2). */
  softmaxAll: number;
  /** The 1/√d scale of Q: T·D. */
  scaleOps: number;
}

export function attentionInfo(tokens: number, features: number, heads: number, bias = true): AttentionInfo {
  requirePositiveInt(tokens, 'tokens');
  requirePositiveInt(features, 'features');
  requirePositiveInt(heads, 'num_heads');
  const t = tokens;
  const d = features;
  const projectionMacs = 4 * t * d * d;
  const matmulMacs = 2 * t * t * d;
  return {
    tokens: t,
    features: d,
    heads,
    weights: 4 * d * d,
    bias: bias ? 4 * d : 0,
    projectionMacs,
    matmulMacs,
    macs: projectionMacs + matmulMacs,
    biasAdds: bias ? 4 * t * d : 0,
    softmaxOps: heads * t * t,
    softmaxAll: heads * t * (5 * t - 2),
    scaleOps: t * d,
  };
}

export function attentionFormulas(a: AttentionInfo): FormulaTrace[] {
  const { tokens: t, features: d, heads: h } = a;
  return [
    trace(
      'params.weights',
      '4 D^2 \\;(W_Q, W_K, W_V, W_O)',
      `4 \\cdot ${d}^2 = ${tex(a.weights)}`,
      a.weights,
    ),
    trace('params.bias', a.bias ? '4 D' : '0 \\text{ (no bias)}', `${a.bias}`, a.bias),
    trace(
      'macs.projections',
      '4 \\cdot T \\cdot D^2',
      `4 \\cdot ${t} \\cdot ${d}^2 = ${tex(a.projectionMacs)}`,
      a.projectionMacs,
    ),
    trace(
      'macs.matmul',
      '2 \\cdot T^2 \\cdot D \\;(QK^\\top, AV)',
      `2 \\cdot ${t}^2 \\cdot ${d} = ${tex(a.matmulMacs)}`,
      a.matmulMacs,
    ),
    trace(
      'macs',
      '4 T D^2 + 2 T^2 D',
      `${tex(a.projectionMacs)} + ${tex(a.matmulMacs)} = ${tex(a.macs)}`,
      a.macs,
    ),
    trace('ops.bias', a.bias ? '4 \\cdot T \\cdot D' : '0', tex(a.biasAdds), a.biasAdds),
    trace(
      'ops.activation',
      'h \\cdot T^2 \\text{ (softmax)}',
      `${h} \\cdot ${t}^2 = ${tex(a.softmaxOps)}`,
      a.softmaxOps,
    ),
    trace('ops.elementwise', 'T \\cdot D \\;(Q / \\sqrt{d})', tex(a.scaleOps), a.scaleOps),
  ];
}
