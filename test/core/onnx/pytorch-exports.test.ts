/**
 * Transposed convolution (groups, output_padding, dilation), upsampling (nearest, bilinear), a tiny
 * U-Net, nn.MultiheadAttention, a torchvision ViT encoder block, a tiny torchvision ViT and the full
 * vit_b_16 (its weights stripped: names and dims kept) and attention written with torch.matmul, exported
 * from PyTorch (test/fixtures/onnx/issue18/make_fixtures.py): the import gives PyTorch's parameters,
 * MACs by kind under the paper-style convention and output shape, complete.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { macsByKind } from '../../../src/core';
import { analyzeOnnx } from '../../../src/core/onnx';
import { modelShape } from '../../../src/core/onnx/dims';

const DIR = 'test/fixtures/onnx/issue18';
const EXPECTED = (
  JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8')) as {
    fixtures: Record<string, { output: number[]; params: number; macs: number; macsByKind: object }>;
  }
).fixtures;

const NAMES = [
  'conv_transpose',
  'upsample_nearest',
  'upsample_bilinear',
  'unet_tiny',
  'attention',
  'vit_block',
  'vit_tiny',
  'vit_b_16',
  'matmul',
];

describe.each(NAMES)('%s.onnx', (name) => {
  it('has PyTorch’s parameters, MACs by kind and output shape', () => {
    const exp = EXPECTED[name];
    const { imported, analysis } = analyzeOnnx(readFileSync(`${DIR}/${name}.onnx`));
    expect(imported.unsupported).toEqual([]);
    expect(imported.skipped).toEqual([]);
    expect(imported.params.total).toBe(exp.params);
    expect(analysis.totals.complete).toBe(true);
    expect(analysis.totals.params).toBe(exp.params);
    expect(analysis.totals.macs).toBe(exp.macs);
    expect(macsByKind(imported.model, analysis)).toEqual(exp.macsByKind);
    // Batch 1 dropped; a time-major [T, 1, E] output is the sequence [T, E].
    expect(analysis.layers.at(-1)!.outputShape).toEqual(modelShape(exp.output));
  });
});

describe('the transposed convolution', () => {
  it('reads groups, output_padding and dilation as PyTorch does', () => {
    const { imported } = analyzeOnnx(readFileSync(`${DIR}/conv_transpose.onnx`));
    expect(imported.model.layers[0]).toMatchObject({
      op: 'conv_transpose2d',
      out_channels: 6,
      kernel: 3,
      stride: 2,
      padding: 1,
      output_padding: 1,
      groups: 2,
      dilation: 2,
    });
  });
});

describe('the ViT patterns PyTorch exports', () => {
  const ops = (name: string) => analyzeOnnx(readFileSync(`${DIR}/${name}.onnx`)).imported.model.layers;

  it('nn.MultiheadAttention is one attention layer with its heads', () => {
    expect(ops('attention')).toEqual([{ id: '/attn', op: 'attention', num_heads: 4 }]);
  });

  it('MatMul between activations outside the pattern: Q·Kᵀ (K transposed) and attention·V as matmul', () => {
    const layers = ops('matmul');
    expect(layers.filter((l) => l.op === 'matmul')).toEqual([
      { id: '/MatMul', op: 'matmul', transpose_b: true, inputs: ['/q/MatMul', '/k/MatMul'] },
      { id: '/MatMul_1', op: 'matmul', inputs: ['/Softmax', '/v/MatMul'] },
    ]);
  });

  it('an encoder block: LayerNorm, attention, residual add, LayerNorm, MLP with GELU (Erf), add', () => {
    expect(ops('vit_block').map((l) => l.op)).toEqual([
      'layernorm',
      'attention',
      'add',
      'layernorm',
      'linear',
      'gelu',
      'linear',
      'add',
    ]);
  });

  it('the tiny ViT: patch conv, tokens, class token, position embedding, 2 blocks, LayerNorm, token 0, head', () => {
    const layers = ops('vit_tiny');
    expect(layers.slice(0, 4).map((l) => l.op)).toEqual(['conv2d', 'tokens', 'class_token', 'pos_embedding']);
    expect(layers.filter((l) => l.op === 'attention')).toHaveLength(2);
    expect(layers.filter((l) => l.op === 'layernorm')).toHaveLength(5);
    expect(layers.slice(-3).map((l) => l.op)).toEqual(['layernorm', 'select_token', 'linear']);
    expect(layers.find((l) => l.op === 'attention')).toMatchObject({
      id: '/encoder/layers/encoder_layer_0/self_attention',
      num_heads: 4,
    });
  });
});
