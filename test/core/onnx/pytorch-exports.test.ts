/**
 * Transposed convolution (groups, output_padding, dilation), upsampling (nearest, bilinear) and a
 * tiny U-Net, exported from PyTorch (test/fixtures/onnx/issue18/make_fixtures.py): the import gives
 * PyTorch's parameters, MACs by kind under the paper-style convention and output shape, complete.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { macsByKind } from '../../../src/core';
import { analyzeOnnx } from '../../../src/core/onnx';

const DIR = 'test/fixtures/onnx/issue18';
const EXPECTED = (
  JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8')) as {
    fixtures: Record<string, { output: number[]; params: number; macs: number; macsByKind: object }>;
  }
).fixtures;

describe.each(['conv_transpose', 'upsample_nearest', 'upsample_bilinear', 'unet_tiny'])('%s.onnx', (name) => {
  it('has PyTorch’s parameters, MACs by kind and output shape', () => {
    const exp = EXPECTED[name];
    const { imported, analysis } = analyzeOnnx(readFileSync(`${DIR}/${name}.onnx`));
    expect(analysis.totals.complete).toBe(true);
    expect(analysis.totals.params).toBe(exp.params);
    expect(analysis.totals.macs).toBe(exp.macs);
    expect(macsByKind(imported.model, analysis)).toEqual(exp.macsByKind);
    expect(analysis.layers.at(-1)!.outputShape).toEqual(exp.output.slice(1));
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
