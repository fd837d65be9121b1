/** Normalisation: batchnorm and layernorm (one op per element, fused scale and shift). */
import { z } from './zod-recipe';
import { tex, trace } from '../../formulas/latex';
import { BASE, featuresOf, NONE, opsWith, unchangedRf } from './common';
import { elementCounting, R, rule, sizes } from './counting';
import { attr, defineOp } from './define';
import { pyCall } from './pytorch-text';
import { numel } from './shape-math';
import type { OpInputs, OpResult } from './types';

/**
 * γ and β of C elements when affine; running mean and variance (2C, read at inference) plus the
 * num_batches_tracked counter when tracked.
 */
function normalise(
  affine: boolean,
  track: boolean,
  { shapes, rfs }: OpInputs,
  explain: boolean,
  c = shapes[0][0],
): OpResult {
  const x = shapes[0];
  const prf = rfs[0];
  const elems = numel(x);
  const w = affine ? c : 0;
  return {
    ...BASE,
    outShape: x,
    rf: prf,
    weights: w,
    bias: w,
    buffers: track ? 2 * c + 1 : 0,
    inferenceBuffers: track ? 2 * c : 0,
    ops: opsWith('norm', elems),
    formulas: !explain
      ? NONE
      : () => [
          trace('params.weights', affine ? 'C \\;(\\gamma)' : '0', `${w}`, w),
          trace('params.bias', affine ? 'C \\;(\\beta)' : '0', `${w}`, w),
          ...(track
            ? [
                trace(
                  'params.buffers',
                  '2C + 1 \\;(\\mu, \\sigma^2, n)',
                  `2 \\cdot ${c} + 1 = ${2 * c + 1}`,
                  2 * c + 1,
                ),
              ]
            : []),
          trace('ops.norm', '\\text{elements}', tex(elems), elems),
        ],
    rfFormulas: !explain ? NONE : unchangedRf(prf),
  };
}

export const batchnorm = defineOp(
  'batchnorm',
  {
    /** Learnable scale and shift (γ, β). */
    affine: attr(z.boolean().optional(), { kind: 'bool', default: true }),
    /** Running mean/var buffers plus the num_batches_tracked counter. */
    track_running_stats: attr(z.boolean().optional(), { kind: 'bool', default: true }),
  },
  {
    family: 'normalisation',
    summary: 'Batch normalisation over channels (torch.nn.BatchNorm2d / BatchNorm1d)',
    idPrefix: 'bn',
    template: () => ({}),
    compute: (layer, input, explain) =>
      normalise(layer.affine ?? true, layer.track_running_stats ?? true, input, explain),
    counting(layer, io) {
      const { x } = sizes(io);
      const affine = layer.affine ?? true;
      return elementCounting('norm', 2 * x, R('2·numel(x)', 'batchNormEval'), {
        fvcore: rule(
          affine ? 2 * x : x,
          R(`${affine ? '2·' : ''}numel(x)`, 'eval', 'F-norm batchnorm_flop_jit'),
        ),
        ptflops: rule(
          affine ? 2 * x : x,
          R(`${affine ? '2·' : ''}numel(x)`, undefined, 'P-mod bn_flops_counter_hook'),
        ),
      });
    },
    // Training mode: the input, and the batch mean and inverse std (2·C values).
    saves: (_layer, io) => ({ inputs: [0], statElements: 2 * io.inShapes[0][0] }),
    onnx: {
      from: ['BatchNormalization'],
      opset: 13,
      inputs: {
        BatchNormalization: [
          ['X', 'input'],
          ['scale', 'scale'],
          ['B', 'bias'],
          ['input_mean', 'mean'],
          ['input_var', 'variance'],
        ],
      },
      example: (_layer, input) => [
        {
          opType: 'BatchNormalization',
          consts: [0, 1, 2, 3].map(() => ({
            dims: [input[0]],
            dataType: 'float' as const,
            values: new Array<number>(input[0]).fill(1),
          })),
        },
      ],
    },
    pytorch: {
      to: (layer, [input]) => ({
        module: pyCall(
          input.length === 3 ? 'nn.BatchNorm2d' : 'nn.BatchNorm1d',
          [input[0]],
          [
            ['affine', layer.affine ?? true, true],
            ['track_running_stats', layer.track_running_stats ?? true, true],
          ],
        ),
      }),
    },
  },
);

export const layernorm = defineOp(
  'layernorm',
  { elementwise_affine: attr(z.boolean().optional(), { kind: 'bool', default: true }) },
  {
    family: 'normalisation',
    summary:
      "Layer normalisation over channels (torchvision's LayerNorm2d), over the features of each token of a [T, D] sequence, or over a flat vector",
    idPrefix: 'ln',
    template: () => ({}),
    compute: (layer, input, explain) =>
      normalise(layer.elementwise_affine ?? true, false, input, explain, featuresOf(input.shapes[0])),
    counting(layer, io) {
      const { x } = sizes(io);
      const rows = x / featuresOf(io.inShapes[0]);
      const affine = layer.elementwise_affine ?? true;
      return elementCounting(
        'norm',
        (affine ? 7 : 5) * x + 5 * rows,
        R(`${affine ? 7 : 5}·numel(x) + 5·rows`, affine ? 'layerNormAffineOps' : 'layerNormOps'),
        {
          fvcore: rule(
            affine ? 5 * x : 4 * x,
            R(`${affine ? 5 : 4}·numel(x)`, undefined, 'F-norm norm_flop_counter(2)'),
          ),
          ptflops: rule(x, R('numel(x)', 'noAffineAttr', 'P-mod bn_flops_counter_hook')),
        },
      );
    },
    // The input, and the mean and inverse std of each row.
    saves: (_layer, io) => ({
      inputs: [0],
      extraElements: (2 * numel(io.inShapes[0])) / featuresOf(io.inShapes[0]),
    }),
    onnx: {
      none: 'LayerNormalization (opset 17) is not imported; the ReduceMean/Sub/Pow/ReduceMean/Add/Sqrt/Div (+ Mul, Add) nodes PyTorch writes below opset 17 are read as this layer (src/core/onnx/fuse)',
    },
    pytorch: {
      // Over the features of a vector; over the channels of each pixel of a map (torchvision's LayerNorm2d).
      to: (layer, [input]) => ({
        module: pyCall(
          input.length === 3 ? 'LayerNorm2d' : 'nn.LayerNorm',
          [featuresOf(input)],
          [['elementwise_affine', layer.elementwise_affine ?? true, true]],
        ),
        helpers: input.length === 3 ? ['LayerNorm2d'] : [],
      }),
    },
  },
);
