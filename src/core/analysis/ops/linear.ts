/** Fully connected: linear (arithmetic in linear-math.ts). */
import { z } from './zod-recipe';
import { BASE, NONE, opsWith, unchangedRf } from './common';
import { pyCall } from './pytorch-text';
import { productCounting, R, SAVES_INPUT } from './counting';
import { attr, defineOp, posInt } from './define';
import { linearFormulas } from './linear-math';
import { fieldNote, shapeError, shapeText } from './shape-math';

export const linear = defineOp(
  'linear',
  {
    out_features: attr(posInt, { kind: 'int', range: '≥ 1', unit: 'features' }),
    bias: attr(z.boolean().optional(), { kind: 'bool', default: true }),
  },
  {
    family: 'linear',
    summary:
      'Fully connected layer (torch.nn.Linear) on a flat [N] input, or on each token of a [T, D] sequence',
    idPrefix: 'fc',
    accepts: 'vector',
    // Vectors in the editor's menus; a [T, D] sequence is read too (per token).
    template: () => ({ out_features: 10 }),
    compute(layer, { shapes, rfs }, explain) {
      const x = shapes[0];
      const prf = rfs[0];
      if (x.length === 3) throw shapeError('needs-flat', { shape: shapeText(x) });
      // A sequence: the same layer on each of its T tokens.
      const [tokens, nin] = x.length === 2 ? x : [1, x[0]];
      const nout = layer.out_features;
      if (!Number.isSafeInteger(nout) || nout < 1)
        throw shapeError('not-positive-int', { field: fieldNote('out_features'), value: String(nout) });
      const b = (layer.bias ?? true) ? nout : 0;
      return {
        ...BASE,
        outShape: x.length === 2 ? [tokens, nout] : [nout],
        rf: prf,
        weights: nin * nout,
        bias: b,
        macs: tokens * nin * nout,
        ops: opsWith('bias', tokens * b),
        formulas: !explain ? NONE : () => linearFormulas(nin, nout, b, tokens),
        rfFormulas: !explain ? NONE : unchangedRf(prf),
      };
    },
    counting: (_layer, { result }) =>
      productCounting(
        'linear',
        result,
        R('in·out', 'perRowNoBias', 'F-lin'),
        R('in·out + out', 'perRowWithBias', 'P-mod'),
      ),
    saves: () => SAVES_INPUT,
    onnx: {
      from: ['Gemm', 'MatMul'],
      opset: 13,
      inputs: {
        Gemm: [
          ['A', 'input'],
          ['B', 'weight'],
          ['C', 'bias'],
        ],
        MatMul: [
          ['A', 'input'],
          ['B', 'weight'],
        ],
      },
      example: (layer, input) => [
        {
          opType: 'Gemm',
          attrs: { transB: 1 },
          consts: [
            { dims: [layer.out_features, input[0]], dataType: 'float' },
            ...((layer.bias ?? true) ? [{ dims: [layer.out_features], dataType: 'float' as const }] : []),
          ],
        },
      ],
    },
    pytorch: {
      to: (layer, [input]) => ({
        module: pyCall(
          'nn.Linear',
          [input.at(-1) as number, layer.out_features],
          [['bias', layer.bias ?? true, true]],
        ),
      }),
    },
  },
);
