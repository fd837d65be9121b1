/**
 * Products of activations: `matmul` between two layers' outputs (QKᵀ, attention·V) and multi-head
 * self-attention as one layer (arithmetic in attention-math.ts).
 */
import { z } from './zod-recipe';
import { tex, trace } from '../../formulas/latex';
import type { Shape } from '../../model/shape';
import {
  BASE,
  everythingRfFormulas,
  featuresOf,
  needSequence,
  NONE,
  opsWith,
  seesEverything,
} from './common';
import { fvcoreUnsupported, R, rule } from './counting';
import { attentionFormulas, attentionInfo } from './attention-math';
import { attr, defineOp, posInt } from './define';
import { pyCall } from './pytorch-text';
import { shapeError, shapeText } from './shape-math';

/**
 * A · B (or A · Bᵀ) of [T, K] and [K, N] (or [N, K]) matrices, or of [B, T, K] stacks of them (one
 * product per leading index, as torch.matmul): [T, N] (or [B, T, N]).
 */
function matmulShapes(a: Shape, b: Shape, transposeB: boolean, ids: string[]) {
  const both = { a: shapeText(a), aId: ids[0], b: shapeText(b), bId: ids[1] ?? ids[0] };
  if (a.length === 1 || a.length !== b.length) throw shapeError('matmul-ranks', both);
  const batch = a.length === 3 ? a[0] : 1;
  if (a.length === 3 && b[0] !== batch) throw shapeError('matmul-stacks', both);
  const [t, k] = a.length === 3 ? [a[1], a[2]] : [a[0], a[1]];
  const [b0, b1] = b.length === 3 ? [b[1], b[2]] : [b[0], b[1]];
  const [kb, n] = transposeB ? [b1, b0] : [b0, b1];
  if (k !== kb)
    throw shapeError(transposeB ? 'matmul-inner-transposed' : 'matmul-inner', { ...both, k, rows: kb });
  const out: Shape = a.length === 3 ? [batch, t, n] : [t, n];
  return { batch, t, k, n, out };
}

export const matmul = defineOp(
  'matmul',
  {
    /** Multiply by the second input transposed (Q·Kᵀ). With one input, the input times itself. */
    transpose_b: attr(z.boolean().optional(), { kind: 'bool', default: false }),
  },
  {
    family: 'attention',
    summary: 'Product of two activations, A·B or A·Bᵀ (torch.matmul): QKᵀ and attention·V',
    arity: 'many',
    accepts: 'sequence',
    // One input: x·xᵀ, so that the new layer is complete; give a second input for Q·Kᵀ.
    template: (_input, inputs) => (inputs >= 2 ? {} : { transpose_b: true }),
    compute(layer, input, explain) {
      const { shapes, ids } = input;
      if (shapes.length > 2) throw shapeError('matmul-arity', { count: shapes.length });
      const a = shapes[0];
      const b = shapes[1] ?? shapes[0];
      const tb = layer.transpose_b ?? false;
      const { batch, t, k, n, out } = matmulShapes(a, b, tb, ids);
      const macs = batch * t * k * n;
      const rf = seesEverything(input);
      return {
        ...BASE,
        outShape: out,
        rf,
        macs,
        formulas: !explain
          ? NONE
          : () => [
              trace(
                'macs',
                'B \\cdot T \\cdot K \\cdot N',
                `${batch} \\cdot ${t} \\cdot ${k} \\cdot ${n} = ${tex(macs)}`,
                macs,
              ),
            ],
        rfFormulas: !explain
          ? NONE
          : everythingRfFormulas(rf, 'an entry sums over K and may pair any two tokens'),
      };
    },
    counting: (_layer, { result }) => ({
      macs: { matmul: result.macs },
      ops: {},
      rule: R('2·MACs', 'flopsPerMac'),
      fvcore: rule(result.macs, R('B·T·K·N', undefined, 'F-matmul matmul_flop_jit')),
      ptflops: rule(result.macs, R('B·T·K·N', 'patched', 'P-fn', { fn: 'torch.matmul' })),
    }),
    saves: (layer) => ({ inputs: (layer.inputs ?? ['']).map((_, i) => i) }),
    onnx: {
      none: 'no ONNX operator of its own: MatMul of two [1, T, K] sequences (the second possibly a Transpose 0, 2, 1) is read as this layer; inside the attention pattern it is part of attention',
    },
    pytorch: {
      to: (layer) => ({
        expr: ([a, b]) => {
          const rhs = b ?? a;
          return `torch.matmul(${a}, ${(layer.transpose_b ?? false) ? `${rhs}.transpose(-2, -1)` : rhs})`;
        },
      }),
    },
  },
);

export const attention = defineOp(
  'attention',
  {
    num_heads: attr(posInt, { kind: 'int', range: '≥ 1, divides D', unit: 'heads' }),
    bias: attr(z.boolean().optional(), { kind: 'bool', default: true }),
  },
  {
    family: 'attention',
    summary:
      'Multi-head self-attention (torch.nn.MultiheadAttention): Q, K, V and output projections, softmax(QKᵀ/√d)·V',
    idPrefix: 'attn',
    accepts: 'sequence',
    template: (input) => ({ num_heads: input.length === 2 && input[1] % 4 !== 0 ? 1 : 4 }),
    compute(layer, input, explain) {
      const [t, d] = needSequence(input.shapes[0]);
      const h = layer.num_heads;
      if (d % h !== 0)
        throw shapeError('heads-not-dividing', { heads: h, features: d, shape: shapeText(input.shapes[0]) });
      const bias = layer.bias ?? true;
      const info = attentionInfo(t, d, h, bias);
      const rf = seesEverything(input);
      return {
        ...BASE,
        outShape: [t, d],
        rf,
        weights: info.weights,
        bias: info.bias,
        macs: info.macs,
        ops: { ...opsWith('bias', info.biasAdds), activation: info.softmaxOps, elementwise: info.scaleOps },
        formulas: !explain ? NONE : () => attentionFormulas(info),
        rfFormulas: !explain ? NONE : everythingRfFormulas(rf, 'every token attends to every token'),
      };
    },
    counting(layer, { inShapes }) {
      const [t, d] = inShapes[0] as [number, number];
      const info = attentionInfo(t, d, layer.num_heads, layer.bias ?? true);
      return {
        macs: { linear: info.projectionMacs, matmul: info.matmulMacs },
        ops: {
          ...(info.biasAdds ? { bias: info.biasAdds } : {}),
          softmax: info.softmaxAll,
          elementwise: info.scaleOps,
        },
        rule: R('', 'attentionAll'),
        // In eval mode PyTorch 1.13 runs nn.MultiheadAttention as one fused op fvcore has no handle for
        // (measured on torchvision's ViT-B/16: 12 warnings, the layers counted 0).
        fvcore: fvcoreUnsupported('aten::_native_multi_head_attention'),
        ptflops: rule(
          info.projectionMacs + info.biasAdds + info.matmulMacs,
          R('4·T·D² + 4·T·D + 2·T²·D', undefined, 'P-mod multihead_attention_counter_hook'),
        ),
      };
    },
    // The input (in-projection), Q, K, V (one storage), the softmax output (h·T²), the heads' output
    // before the out-projection, and the √d that scales Q: q / math.sqrt(d) makes DivBackward0 keep
    // the Python number as a float64 scalar tensor (8 bytes, whatever the batch). As
    // saved_tensors_hooks sees PyTorch 1.13: test/fixtures/reference/training/sequences.json.
    saves: (layer, { inShapes }) => {
      const [t, d] = inShapes[0] as [number, number];
      return { inputs: [0], extraElements: 4 * t * d + layer.num_heads * t * t, scalarBytes: 8 };
    },
    // Weight gradients of the four projections; the out-projection's input gradient, both gradients of
    // QKᵀ and of attention·V (Q, K and V feed the in-projection's weight gradient), and the
    // in-projection's input gradient only when the input needs one (sequences.json, backwardMacs).
    backward(layer, { inShapes }, inputNeedsGrad) {
      const [t, d] = inShapes[0] as [number, number];
      const info = attentionInfo(t, d, layer.num_heads, layer.bias ?? true);
      const qkv = (3 * info.projectionMacs) / 4;
      return {
        weights: info.projectionMacs,
        input: info.projectionMacs - qkv + 2 * info.matmulMacs + (inputNeedsGrad ? qkv : 0),
      };
    },
    // in_proj_weight, out_proj.weight (and in_proj_bias, out_proj.bias).
    paramTensors: (layer) => ((layer.bias ?? true) ? 4 : 2),
    onnx: {
      none: 'no ONNX operator of its own: PyTorch writes nn.MultiheadAttention as MatMul, Slice, Reshape, Transpose, Softmax and Gemm nodes, which the importer folds into this layer (src/core/onnx/fuse)',
    },
    pytorch: {
      to: (layer, [input]) => ({
        module: pyCall(
          'SelfAttention',
          [featuresOf(input), layer.num_heads],
          [['bias', layer.bias ?? true, true]],
        ),
        helpers: ['SelfAttention'],
      }),
    },
  },
);
