/**
 * Small graphs written with the test-side ONNX writer and imported back through the handler table:
 * each must give the ConvScope layers a user would write for the same PyTorch module, and the same
 * analysis (shapes, parameters, MACs, FLOPs) as those layers.
 */
import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../../src/core/analysis/analyze';
import {
  INPUT_ID,
  type LayerSpec,
  MODEL_FORMAT,
  MODEL_VERSION,
  type Shape,
} from '../../../src/core/model/types';
import { analyzeOnnx, importOnnx, OnnxImportError } from '../../../src/core/onnx';
import { type OnnxNodeSketch, writeOnnxModel } from '../../helpers/onnx-writer';

type Body = LayerSpec extends infer L ? (L extends LayerSpec ? Omit<L, 'id' | 'inputs'> : never) : never;

const f = (...dims: number[]) => ({ dims, dataType: 'float' as const });
const i64 = (values: number[]) => ({ dims: [values.length], dataType: 'int64' as const, values });
const f32 = (values: number[]) => ({ dims: [values.length], dataType: 'float' as const, values });

/** Imports the written chain and checks it against the same layers written by hand. */
function roundTrip(input: number[], nodes: OnnxNodeSketch[], layers: Body[], opset?: number) {
  const { imported, analysis } = analyzeOnnx(writeOnnxModel({ input, nodes, opset }));
  expect(imported.complete).toBe(true);
  expect(imported.skipped).toEqual([]);
  expect(imported.model.layers.map(({ id: _id, inputs: _inputs, ...body }) => body)).toEqual(layers);
  const byHand = analyzeModel({
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    name: 'by hand',
    input: input as Shape,
    layers: layers.map((l, k) => ({ id: `l${k}`, ...l }) as LayerSpec),
  });
  const numbers = (a: typeof analysis) =>
    a.layers.map((l) => ({
      op: l.op,
      shape: l.outputShape,
      params: l.params.total,
      macs: l.macs,
      flops: l.flops,
    }));
  expect(numbers(analysis)).toEqual(numbers(byHand));
  expect(analysis.layers[0].inputs).toEqual([INPUT_ID]);
  return imported;
}

describe('the ONNX writer and the handlers round-trip small graphs', () => {
  it('Conv with bias, stride 2, padding 1', () => {
    const imported = roundTrip(
      [3, 32, 32],
      [
        {
          opType: 'Conv',
          attrs: { kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [2, 2] },
          consts: [f(8, 3, 3, 3), f(8)],
        },
      ],
      [{ op: 'conv2d', out_channels: 8, kernel: 3, stride: 2, padding: 1, bias: true }],
    );
    // Weight and bias: 8·3·3·3 + 8, read from the initializers.
    expect(imported.params.total).toBe(8 * 27 + 8);
  });

  it('grouped, dilated Conv without bias', () => {
    roundTrip(
      [8, 16, 16],
      [
        {
          opType: 'Conv',
          attrs: { group: 4, dilations: [2, 2], pads: [2, 2, 2, 2] },
          consts: [f(8, 2, 3, 3)],
        },
      ],
      [
        {
          op: 'conv2d',
          out_channels: 8,
          kernel: 3,
          stride: 1,
          padding: 2,
          dilation: 2,
          groups: 4,
          bias: false,
        },
      ],
    );
  });

  it('Conv with SAME_UPPER and an even kernel: a pad layer before it, with a note', () => {
    const imported = roundTrip(
      [3, 9, 9],
      [{ opType: 'Conv', attrs: { auto_pad: 'SAME_UPPER', strides: [2, 2] }, consts: [f(4, 3, 4, 4)] }],
      // M = ⌈9/2⌉ = 5, total padding (5−1)·2 + 4 − 9 = 3: 1 before, 2 after.
      [
        { op: 'pad', padding: [1, 2, 1, 2] },
        { op: 'conv2d', out_channels: 4, kernel: 4, stride: 2, padding: 0, bias: false },
      ],
    );
    expect(imported.notes.some((n) => n.includes('Asymmetric padding'))).toBe(true);
  });

  it('ConvTranspose with output_padding', () => {
    roundTrip(
      [4, 5, 5],
      [
        {
          opType: 'ConvTranspose',
          attrs: { strides: [2, 2], pads: [1, 1, 1, 1], output_padding: [1, 1] },
          consts: [f(4, 3, 3, 3), f(3)],
        },
      ],
      [
        {
          op: 'conv_transpose2d',
          out_channels: 3,
          kernel: 3,
          stride: 2,
          padding: 1,
          output_padding: 1,
          bias: true,
        },
      ],
    );
  });

  it('Gemm with transB and bias', () => {
    roundTrip(
      [16],
      [{ opType: 'Gemm', attrs: { transB: 1, alpha: 1, beta: 1 }, consts: [f(10, 16), f(10)] }],
      [{ op: 'linear', out_features: 10, bias: true }],
    );
  });

  it('MatMul followed by an Add of a constant vector: one linear layer with bias', () => {
    const imported = roundTrip(
      [16],
      [
        { opType: 'MatMul', consts: [f(16, 10)] },
        { opType: 'Add', consts: [f(10)] },
      ],
      [{ op: 'linear', out_features: 10, bias: true }],
    );
    expect(imported.params.total).toBe(16 * 10 + 10);
  });

  it('MaxPool with ceil_mode, AveragePool with pads, GlobalAveragePool and Flatten', () => {
    roundTrip(
      [4, 9, 9],
      [
        { opType: 'MaxPool', attrs: { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 } },
        { opType: 'AveragePool', attrs: { kernel_shape: [3, 3], pads: [1, 1, 1, 1] } },
        { opType: 'GlobalAveragePool' },
        { opType: 'Flatten', attrs: { axis: 1 } },
      ],
      [
        { op: 'maxpool2d', kernel: 3, stride: 2, padding: 0, ceil_mode: true },
        { op: 'avgpool2d', kernel: 3, stride: 1, padding: 1 },
        { op: 'global_avgpool' },
        { op: 'flatten' },
      ],
    );
  });

  it('Resize by constant scales and Upsample with scales as an attribute (opset 7)', () => {
    roundTrip(
      [4, 5, 5],
      [{ opType: 'Resize', attrs: { mode: 'linear' }, consts: [f(0), f32([1, 1, 2, 2])] }],
      [{ op: 'upsample', scale: 2, mode: 'bilinear' }],
    );
    roundTrip(
      [4, 5, 5],
      [{ opType: 'Upsample', attrs: { mode: 'nearest', scales: [1, 1, 2, 3] } }],
      [{ op: 'upsample', scale: [2, 3], mode: 'nearest' }],
      7,
    );
  });

  it('Pad (opset 11, pads as an input) in reflect mode', () => {
    roundTrip(
      [2, 5, 5],
      [{ opType: 'Pad', attrs: { mode: 'reflect' }, consts: [i64([0, 0, 1, 2, 0, 0, 3, 4])] }],
      // ONNX pads [x1_begin, x2_begin, …, x1_end, …]: H 1 before 3 after, W 2 before 4 after.
      [{ op: 'pad', padding: [1, 3, 2, 4], mode: 'reflect' }],
      11,
    );
  });

  it('Clip: bounds as attributes (opset 9) and as inputs (opset 13)', () => {
    roundTrip([2, 5, 5], [{ opType: 'Clip', attrs: { min: 0, max: 6 } }], [{ op: 'relu6' }], 9);
    roundTrip([2, 5, 5], [{ opType: 'Clip', consts: [f32([0]), f32([6])] }], [{ op: 'relu6' }], 13);
    roundTrip(
      [2, 5, 5],
      [{ opType: 'Clip', consts: [f32([-1]), f32([1])] }],
      [{ op: 'clamp', min: -1, max: 1 }],
      13,
    );
  });

  it('BatchNormalization: scale and shift are parameters, the statistics buffers', () => {
    const imported = roundTrip(
      [3, 4, 4],
      [{ opType: 'BatchNormalization', attrs: { epsilon: 1e-5 }, consts: [f(3), f(3), f(3), f(3)] }],
      [{ op: 'batchnorm' }],
    );
    expect(imported.params).toEqual({ total: 6, buffers: 6 });
  });

  it('activations with their attributes', () => {
    roundTrip(
      [2, 4, 4],
      [
        // Attributes are float32: values exact in float32 come back unchanged.
        { opType: 'LeakyRelu', attrs: { alpha: 0.125 } },
        { opType: 'Elu', attrs: { alpha: 1 } },
        { opType: 'Sigmoid' },
        { opType: 'HardSwish' },
        { opType: 'Dropout', attrs: { ratio: 0.25 } },
      ],
      [
        { op: 'leaky_relu', negative_slope: 0.125 },
        { op: 'elu', alpha: 1 },
        { op: 'sigmoid' },
        { op: 'hardswish' },
        { op: 'dropout', p: 0.25 },
      ],
      11,
    );
  });

  it('Reshape to a constant shape becomes a flatten before a linear layer', () => {
    roundTrip(
      [4, 3, 3],
      [
        { opType: 'Reshape', consts: [i64([1, -1])] },
        { opType: 'Gemm', attrs: { transB: 1 }, consts: [f(5, 36)] },
      ],
      [{ op: 'flatten' }, { op: 'linear', out_features: 5, bias: false }],
    );
  });

  it('a malformed attribute is one error naming the node, the attribute and what it is', () => {
    const bytes = writeOnnxModel({
      input: [3, 8, 8],
      nodes: [{ opType: 'Conv', attrs: { group: 1.5 }, consts: [f(4, 3, 3, 3)] }],
    });
    expect(() => importOnnx(bytes)).toThrow(OnnxImportError);
    expect(() => importOnnx(bytes)).toThrow(
      'node "Conv_0" (Conv): attribute "group" must be an integer (it is a float (1.5))',
    );
  });
});
