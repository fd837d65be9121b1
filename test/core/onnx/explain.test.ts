/**
 * What the import summary explains: BatchNorm folded by the exporter (checked against the BatchNorm
 * channels of the PyTorch modules the fixtures were exported from) and the nodes left out, grouped by
 * where the trouble starts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeOnnx, readOnnx } from '../../../src/core/onnx';
import { writeOnnxModel } from '../../helpers/onnx-writer';

const DIR = join(__dirname, '../../fixtures/onnx');
const load = (name: string) => new Uint8Array(readFileSync(join(DIR, `${name}.onnx`)));
const expected: Record<string, { bn_channels?: number; params: number }> = JSON.parse(
  readFileSync(join(DIR, 'expected.json'), 'utf8'),
);
/** Fixtures exported from a PyTorch module, with the module's BatchNorm channels measured at export. */
const FROM_PYTORCH = Object.keys(expected).filter((k) => expected[k].bn_channels !== undefined);

describe('BatchNorm folded by the exporter', () => {
  it('covers the PyTorch fixtures, folded and kept', () => {
    expect(FROM_PYTORCH).toEqual(
      expect.arrayContaining(['resnet18_folded', 'resnet18_bn', 'plain', 'dense']),
    );
  });

  it.each(FROM_PYTORCH)('%s: every BatchNorm of the module is either kept or found folded', (name) => {
    const { imported, analysis } = analyzeOnnx(load(name));
    // BatchNorm kept in the file: the channels of its batchnorm layers.
    const kept = analysis.layers
      .filter((l) => l.op === 'batchnorm')
      .reduce((s, l) => s + l.outputShape[0], 0);
    expect((imported.foldedBatchNorm?.channels ?? 0) + kept).toBe(expected[name].bn_channels);
    if (imported.foldedBatchNorm) expect(imported.foldedBatchNorm.convs).toBeGreaterThan(0);
  });

  it('resnet18_folded: the folded channels are exactly the parameters missing from the PyTorch count', () => {
    const { imported, analysis } = analyzeOnnx(load('resnet18_folded'));
    const folded = imported.foldedBatchNorm!;
    // 20 convolutions of ResNet-18, each followed by a BatchNorm.
    expect(folded.convs).toBe(
      readOnnx(load('resnet18_folded')).nodes.filter((n) => n.opType === 'Conv').length,
    );
    expect(analysis.totals.params + folded.channels).toBe(expected.resnet18_folded.params);
    expect(analysis.totals.params).toBe(11_684_712);
    expect(expected.resnet18_folded.params).toBe(11_689_512);
  });

  it('a model not made by PyTorch, or with its own conv weights, has none', () => {
    expect(analyzeOnnx(load('resnet18_bn')).imported.foldedBatchNorm).toBeNull();
    const written = writeOnnxModel({
      input: [3, 8, 8],
      nodes: [
        {
          opType: 'Conv',
          consts: [
            { dims: [4, 3, 3, 3], dataType: 'float' },
            { dims: [4], dataType: 'float' },
          ],
        },
      ],
    });
    expect(analyzeOnnx(written).imported.foldedBatchNorm).toBeNull();
  });
});

describe('nodes left out, grouped by where it starts', () => {
  it('an unsupported operator whose shape is unknown heads its dependants', () => {
    const { imported } = analyzeOnnx(load('unsupported'));
    expect(imported.leftOut).toEqual([
      {
        node: '/TopK',
        op: 'TopK',
        cause: { kind: 'unsupported' },
        dependants: [{ node: '/c3/Conv', op: 'Conv' }],
      },
    ]);
  });

  it('a custom-domain operator', () => {
    const { imported } = analyzeOnnx(load('opset7_custom'));
    expect(imported.leftOut).toEqual([
      { node: 'foo', op: 'Foo', cause: { kind: 'unsupported' }, dependants: [{ node: 'conv2', op: 'Conv' }] },
    ]);
  });

  it('a transpose the format cannot express: the node reading it heads a group naming the view', () => {
    const conv = { dims: [4, 3, 3, 3], dataType: 'float' as const };
    const bytes = writeOnnxModel({
      input: [3, 8, 8],
      nodes: [
        { opType: 'Conv', attrs: { pads: [1, 1, 1, 1] }, consts: [conv] },
        { opType: 'Transpose', attrs: { perm: [0, 2, 3, 1] } },
        { opType: 'Relu' },
        { opType: 'Sigmoid' },
        { opType: 'Tanh' },
      ],
    });
    const { imported } = analyzeOnnx(bytes);
    expect(imported.leftOut).toEqual([
      {
        node: 'Relu_2',
        op: 'Relu',
        cause: { kind: 'layout', view: { node: 'Transpose_1', op: 'Transpose' } },
        dependants: [
          { node: 'Sigmoid_3', op: 'Sigmoid' },
          { node: 'Tanh_4', op: 'Tanh' },
        ],
      },
    ]);
    expect(imported.unsupported).toEqual([{ op: 'Transpose', count: 1 }]);
  });

  it('every skipped node is in exactly one group, heads in graph order', () => {
    for (const name of ['unsupported', 'opset7_custom', 'gelu_erf', 'resnet18_folded']) {
      const { imported } = analyzeOnnx(load(name));
      const grouped = imported.leftOut.flatMap((g) => [{ node: g.node, op: g.op }, ...g.dependants]);
      expect(grouped.length).toBe(imported.skipped.length);
      expect(new Set(grouped.map((r) => `${r.op} ${r.node}`))).toEqual(
        new Set(imported.skipped.map((s) => `${s.op} ${s.node}`)),
      );
    }
  });
});
