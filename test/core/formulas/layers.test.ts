import { describe, expect, it } from 'vitest';
import { conv2dInfo, convTranspose2dCore, linearInfo, pool2dCore, ShapeError } from '../../../src/core';

describe('conv2dInfo', () => {
  it('plain conv: shape, weights, bias, MACs, FLOPs, with formula traces', () => {
    // [3, 224, 224], 64 × 7×7 s2 p3: M = ⌊(224 + 6 − 7)/2⌋ + 1 = 112
    const c = conv2dInfo({
      inShape: [3, 224, 224],
      outChannels: 64,
      kernel: 7,
      stride: 2,
      padding: 3,
      bias: false,
    });
    expect(c.outShape).toEqual([64, 112, 112]);
    expect(c.params).toEqual({ weights: 64 * 3 * 49, bias: 0 }); // 9408
    expect(c.macs).toBe(64 * 112 * 112 * 3 * 49); // 118,013,952
    expect(c.flops).toBe(2 * c.macs);
    expect(c.biasAdds).toBe(0);
    const q = Object.fromEntries(c.formulas.map((f) => [f.quantity, f]));
    expect(q['params.weights'].value).toBe(9408);
    expect(q['params.weights'].substituted).toContain('64 \\cdot 3 \\cdot 7 \\cdot 7');
    expect(q.macs.value).toBe(c.macs);
    expect(q['outputSize.h'].value).toBe(112);
    expect(q.flops.value).toBe(c.flops);
  });

  it('rectangular kernels and [h, w] padding', () => {
    // H: 8 + 2 − 3 + 1 = 8; W: 10 + 4 − 5 + 1 = 10
    const c = conv2dInfo({ inShape: [3, 8, 10], outChannels: 2, kernel: [3, 5], padding: [1, 2] });
    expect(c.outShape).toEqual([2, 8, 10]);
    expect(c.params).toEqual({ weights: 2 * 3 * 15, bias: 2 });
    expect(c.biasAdds).toBe(2 * 8 * 10);
  });

  it('groups divide the input channels each filter sees', () => {
    // 64 · (32/4) · 9 = 4608 weights; MACs 64·56·56 · 8·9 = 14,450,688
    const c = conv2dInfo({
      inShape: [32, 56, 56],
      outChannels: 64,
      kernel: 3,
      padding: 1,
      groups: 4,
      bias: false,
    });
    expect(c.params.weights).toBe(4608);
    expect(c.macs).toBe(14_450_688);
  });

  it('depthwise (groups = channels): one 3×3 filter per channel', () => {
    // 32 · 1 · 9 = 288; MACs 32·56·56·9 = 903,168
    const c = conv2dInfo({
      inShape: [32, 56, 56],
      outChannels: 32,
      kernel: 3,
      padding: 1,
      groups: 32,
      bias: false,
    });
    expect(c.params.weights).toBe(288);
    expect(c.macs).toBe(903_168);
  });

  it('dilation changes the shape but not the MACs per output', () => {
    // K_eff = 5: 10 − 5 + 1 = 6; MACs 1·6·6 · 1·9 = 324
    const c = conv2dInfo({ inShape: [1, 10, 10], outChannels: 1, kernel: 3, dilation: 2 });
    expect(c.outShape).toEqual([1, 6, 6]);
    expect(c.effectiveKernel).toEqual([5, 5]);
    expect(c.macs).toBe(324);
  });

  it('throws ShapeError for a kernel larger than the padded input and for bad groups', () => {
    const tooLarge = () => conv2dInfo({ inShape: [3, 5, 5], outChannels: 8, kernel: 7 });
    expect(tooLarge).toThrow(ShapeError);
    expect(tooLarge).toThrow('kernel 7 is larger than the padded input 5×5');
    expect(() => conv2dInfo({ inShape: [6, 8, 8], outChannels: 8, kernel: 3, groups: 4 })).toThrow(
      'input channels 6 are not divisible by groups 4',
    );
    expect(() => conv2dInfo({ inShape: [8, 8, 8], outChannels: 6, kernel: 3, groups: 4 })).toThrow(
      'out_channels 6 are not divisible by groups 4',
    );
  });
});

describe('other layer helpers', () => {
  it('conv_transpose2d: shape, weights C_in·C_out/g·K², MACs = in elements · C_out/g · K²', () => {
    // [16, 7, 7] → 8 ch, k4 s2 p1: M = 14; weights 16·8·16 = 2048; MACs 16·49 · 8·16 = 100,352
    const c = convTranspose2dCore({ inShape: [16, 7, 7], outChannels: 8, kernel: 4, stride: 2, padding: 1 });
    expect(c.outShape).toEqual([8, 14, 14]);
    expect(c.params).toEqual({ weights: 2048, bias: 8 });
    expect(c.macs).toBe(100_352);
  });

  it('pooling: stride defaults to the kernel; ops = out × K_h × K_w; padding ≤ half the kernel', () => {
    // [64, 112, 112] k3 s2 p1: ⌊(112 + 2 − 3)/2⌋ + 1 = 56; ops 64·56·56·9 = 1,806,336 (ResNet maxpool)
    const p = pool2dCore({ inShape: [64, 112, 112], kernel: 3, stride: 2, padding: 1 });
    expect(p.outShape).toEqual([64, 56, 56]);
    expect(p.ops).toBe(1_806_336);
    expect(pool2dCore({ inShape: [1, 8, 8], kernel: 2 }).outShape).toEqual([1, 4, 4]);
    expect(() => pool2dCore({ inShape: [1, 8, 8], kernel: 3, padding: 2 })).toThrow(
      'more than half the kernel',
    );
  });

  it('linear: N_out·N_in weights and MACs', () => {
    const l = linearInfo(512, 10);
    expect(l.params).toEqual({ weights: 5120, bias: 10 });
    expect(l.macs).toBe(5120);
    expect(l.formulas.find((f) => f.quantity === 'macs')?.substituted).toContain('10 \\cdot 512');
  });
});
