import type { LayerSpec, ModelSpec } from '../../src/core';

/**
 * Models that do not validate, one problem each (or a few): a layer that does not fit its input, the
 * graph, the schema. The validation error tests read each problem by code in both languages.
 */
const m = (input: unknown, layers: unknown[]): ModelSpec =>
  ({ format: 'convscope-model', version: 1, name: 'm', input, layers }) as ModelSpec;
const L = (l: Record<string, unknown>) => l as unknown as LayerSpec;

export const BAD_MODELS: unknown[] = [
  // Shapes.
  m([3, 5, 5], [L({ id: 'conv3', op: 'conv2d', out_channels: 8, kernel: 7 })]),
  m([3, 7, 7], [L({ id: 'd', op: 'conv2d', out_channels: 8, kernel: 3, dilation: 4 })]),
  m([3, 8, 8], [L({ id: 'g', op: 'conv2d', out_channels: 4, kernel: 3, groups: 2 })]),
  m([4, 8, 8], [L({ id: 'g', op: 'conv2d', out_channels: 6, kernel: 3, groups: 4 })]),
  m([12], [L({ id: 'c', op: 'conv2d', out_channels: 6, kernel: 3 })]),
  m([3, 8, 8], [L({ id: 'fc', op: 'linear', out_features: 10 })]),
  m([3, 8, 8], [L({ id: 'a', op: 'attention', num_heads: 2 })]),
  m([16, 6], [L({ id: 'a', op: 'attention', num_heads: 4 })]),
  m([5], [L({ id: 'a', op: 'attention', num_heads: 1 })]),
  m([4, 8], [L({ id: 'e', op: 'embedding', num_embeddings: 10, embedding_dim: 4 })]),
  m([4, 8], [L({ id: 's', op: 'select_token', index: 9 })]),
  m([3, 8, 8], [L({ id: 'cl', op: 'clamp' })]),
  m([3, 8, 8], [L({ id: 'cl', op: 'clamp', min: 2, max: 1 })]),
  m([3, 8, 8], [L({ id: 'u', op: 'upsample' })]),
  m([3, 8, 8], [L({ id: 'u', op: 'upsample', scale: 0.001 })]),
  m([3, 8, 8], [L({ id: 'u', op: 'upsample', scale: 1e300 })]),
  m([3, 8, 8], [L({ id: 'p', op: 'pad', padding: 8, mode: 'reflect' })]),
  m([3, 8, 8], [L({ id: 'p', op: 'maxpool2d', kernel: 2, padding: 2 })]),
  m(
    [3, 8, 8],
    [L({ id: 't', op: 'conv_transpose2d', out_channels: 2, kernel: 3, stride: 2, output_padding: 2 })],
  ),
  m([3, 2, 2], [L({ id: 't', op: 'conv_transpose2d', out_channels: 2, kernel: 1, padding: 3 })]),
  m(
    [3, 8, 8],
    [
      L({ id: 'a', op: 'conv2d', out_channels: 4, kernel: 1 }),
      L({ id: 'b', op: 'conv2d', out_channels: 8, kernel: 1, inputs: ['input'] }),
      L({ id: 'sum', op: 'add', inputs: ['a', 'b'] }),
    ],
  ),
  m(
    [3, 8, 8],
    [
      L({ id: 'a', op: 'conv2d', out_channels: 4, kernel: 3 }),
      L({ id: 'b', op: 'conv2d', out_channels: 8, kernel: 1, inputs: ['input'] }),
      L({ id: 'cat', op: 'concat', inputs: ['a', 'b'] }),
    ],
  ),
  m([3, 8, 8], [L({ id: 'f', op: 'flatten' }), L({ id: 'sum', op: 'add', inputs: ['f', 'input'] })]),
  m([3, 8, 8], [L({ id: 'x', op: 'mul' })]),
  m([4, 8], [L({ id: 'mm', op: 'matmul', inputs: ['input', 'input'] })]),
  m([8], [L({ id: 'mm', op: 'matmul', inputs: ['input', 'input'] })]),
  m([3, 8, 8], [L({ id: 'r', op: 'relu', inputs: ['input', 'input'] })]),
  m([3, 8, 8], [L({ id: 'f', op: 'flatten' }), L({ id: 'cat', op: 'concat', inputs: ['f', 'input'] })]),
  m(
    [4, 8],
    [L({ id: 'fc', op: 'linear', out_features: 6 }), L({ id: 'cat', op: 'concat', inputs: ['fc', 'input'] })],
  ),
  m([4, 8], [L({ id: 'mm', op: 'matmul', inputs: ['input', 'input', 'input'] })]),
  m(
    [4, 8],
    [
      L({ id: 'fc', op: 'linear', out_features: 6 }),
      L({ id: 'mm', op: 'matmul', transpose_b: true, inputs: ['input', 'fc'] }),
    ],
  ),
  m(
    [2, 4, 8],
    [
      L({ id: 'x', op: 'conv2d', out_channels: 3, kernel: 1 }),
      L({ id: 'mm', op: 'matmul', inputs: ['input', 'x'] }),
    ],
  ),
  // The graph.
  m([3, 8, 8], [L({ id: 'input', op: 'relu' })]),
  m([3, 8, 8], [L({ id: 'a', op: 'relu' }), L({ id: 'a', op: 'relu' })]),
  m([3, 8, 8], [L({ id: 'a', op: 'relu', inputs: ['zzz'] })]),
  m([3, 8, 8], [L({ id: 'a', op: 'relu', inputs: ['b'] }), L({ id: 'b', op: 'relu', inputs: ['a'] })]),
  // The schema.
  m([3, 8, 8], [L({ id: 'c', op: 'conv2d', out_channels: 0, kernel: 3 })]),
  m([3, 8, 8], [L({ id: 'c', op: 'conv2d', out_channels: 1.5, kernel: 3 })]),
  m([3, 8, 8], [L({ id: 'c', op: 'conv2d', out_channels: 'x', kernel: 3 })]),
  m([3, 8, 8], [L({ id: 'c', op: 'conv2d', kernel: 3 })]),
  m([3, 8, 8], [L({ id: 'c', op: 'conv2d', out_channels: 2, kernel: [3, 0] })]),
  m([3, 8, 8], [L({ id: 'c', op: 'conv2d', out_channels: 2, kernel: 3, padding: 'foo' })]),
  m([3, 8, 8], [L({ id: 'c', op: 'conv2d', out_channels: 2, kernel: 3, foo: 1, bar: 2 })]),
  m([3, 8, 8], [L({ id: 'c', op: 'conv2d', out_channels: 2, kernel: 3, kernal: 3 })]),
  m([3, 8, 8], [L({ id: 'u', op: 'upsample', mode: 'cubic', scale: 2 })]),
  m([3, 8, 8], [L({ id: 'dr', op: 'dropout', p: 2 })]),
  m([3, 8, 8], [L({ id: 'c', op: 'conv2d', out_channels: 2, kernel: 3, bias: 'yes' })]),
  m([3, 8, 8], [L({ id: 'c', op: 'conv2d', out_channels: 2, kernel: 3, bias: null })]),
  m([3, 8, 8], [L({ id: '', op: 'conv2d', out_channels: 2, kernel: 3 })]),
  m([3, 8, 8], [L({ id: 'c', op: 'relu', inputs: [] })]),
  m([3, 8, 8], [L({ id: 'c', op: 'upsample', scale: -1 })]),
  m([3, 8, 8], [5]),
  m([3, 8, 8], [L({ id: 'c', op: 'convv' })]),
  { format: 'x' },
  m([3, 0], []),
  { ...m([3, 8, 8], []), extra: 1 },
  { ...m([3, 8, 8], []), name: 5 },
  { ...m([3, 8, 8], []), layers: 'x' },
];
