import { describe, expect, it } from 'vitest';
import { analyzeModel, getZooModel, type LayerSpec, type ModelSpec } from '../../../src/core';

const model = (input: ModelSpec['input'], layers: LayerSpec[]): ModelSpec => ({
  format: 'convscope-model',
  version: 1,
  name: 'm',
  input,
  layers,
});
const unread = (m: ModelSpec) =>
  analyzeModel(m)
    .warnings.filter((w) => w.kind === 'inexact-division')
    .map((w) => w.message);

describe('"never read" warnings', () => {
  it('ResNet-50 warns only where real input is skipped: half of each 1×1 stride-2 downsample input', () => {
    const resnet = getZooModel('resnet50');
    if (!resnet) throw new Error('zoo:resnet50');
    const a = analyzeModel(resnet);
    const warned = a.warnings.filter((w) => w.kind === 'inexact-division');
    expect([...new Set(warned.map((w) => w.layerId))]).toEqual([
      'layer2.0.downsample.0',
      'layer3.0.downsample.0',
      'layer4.0.downsample.0',
    ]);
    const inputs = new Map(a.layers.map((l) => [l.id, l.inputShapes[0]]));
    for (const w of warned) {
      const [, h] = inputs.get(w.layerId) as number[];
      const dim = w.message.includes('along H') ? 'rows' : 'columns';
      expect(w.message).toContain(`${h / 2} of the ${h} input ${dim} are never read`);
    }
  });

  it('a skipped position that is padding is no warning; skipped input is, with its count', () => {
    const conv = (padding: number): LayerSpec => ({
      id: 'c',
      op: 'conv2d',
      out_channels: 1,
      kernel: 3,
      stride: 2,
      padding,
    });
    // 6 + 1 + 1 − 3 = 5: the position left over is the bottom/right padding.
    expect(unread(model([1, 6, 6], [conv(1)]))).toEqual([]);
    // 7 + 0 − 3 = 4 is divisible, 8 − 3 = 5 is not: the last real row and column are skipped.
    expect(unread(model([1, 8, 8], [conv(0)]))).toEqual([
      'layer "c": along H, X + P_b + P_a − K_eff = 5 is not divisible by stride 2: the last 1 input row is never read',
      'layer "c": along W, X + P_b + P_a − K_eff = 5 is not divisible by stride 2: the last 1 input column is never read',
    ]);
    // Dilation 3 with stride 1 on 9: taps at m, m+3, m+6 for m = 0…2 read every position.
    expect(
      unread(model([1, 9, 9], [{ id: 'd', op: 'conv2d', out_channels: 1, kernel: 3, dilation: 3 }])),
    ).toEqual([]);
    // A 2×2 max pool with stride 3 reads 2 of every 3 positions: 4 of 12 are skipped (2, 5, 8 and 11).
    expect(unread(model([1, 12, 12], [{ id: 'p', op: 'maxpool2d', kernel: 2, stride: 3 }]))[0]).toBe(
      'layer "p": along H, 4 of the 12 input rows are never read: windows of 2 taps at stride 3 leave gaps, including the last 1',
    );
  });
});
