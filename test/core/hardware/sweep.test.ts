import { describe, expect, it } from 'vitest';
import { analyzeModel, getZooModel, type ModelSpec } from '../../../src/core';
import { analyzeTraining } from '../../../src/core/analysis/training';
import {
  estimateModel,
  findDevice,
  parseInputSweep,
  parseRange,
  powerFit,
  sweepBatch,
  sweepResolution,
} from '../../../src/core/hardware';

const device = findDevice('rtx-3060');

describe('resolution sweep', () => {
  const model = getZooModel('resnet18')!;
  const sizes: [number, number][] = [
    [128, 128],
    [160, 160],
    [224, 224],
  ];
  const sweep = sweepResolution(model, sizes, { dtype: 'fp16' }, device);

  it('each point equals the point analysis at that input', () => {
    sweep.points.forEach((p, i) => {
      const [h, w] = sizes[i];
      const a = analyzeModel({ ...model, input: [3, h, w] }, { dtype: 'fp16' });
      expect(p).toEqual({
        x: h,
        input: [3, h, w],
        batch: 1,
        macs: a.totals.macs,
        params: a.totals.params,
        activationBytes: a.totals.activationBytes,
        trainingBytes: analyzeTraining({ ...model, input: [3, h, w] }, a, { optimizer: 'adam', batch: 1 })
          .peakBytes,
        seconds: estimateModel(a, device).seconds,
      });
    });
  });

  it('fits MACs ∝ side² and flat parameters', () => {
    expect(sweep.fits.macs?.exponent).toBeCloseTo(2, 1);
    expect(sweep.fits.params?.exponent).toBe(0);
  });

  it('a fully convolutional net grows exactly quadratically', () => {
    const conv: ModelSpec = {
      format: 'convscope-model',
      version: 1,
      name: 'fcn',
      input: [3, 32, 32],
      layers: [
        { id: 'c1', op: 'conv2d', out_channels: 8, kernel: 3, padding: 1 },
        { id: 'r1', op: 'relu' },
      ],
    };
    const s = sweepResolution(conv, [
      [16, 16],
      [32, 32],
      [64, 64],
    ]);
    expect(s.fits.macs?.exponent).toBeCloseTo(2, 12);
    expect(s.fits.macs?.local.map((k) => Number(k.toFixed(12)))).toEqual([2, 2]);
    expect(s.points.every((p) => p.seconds === null)).toBe(true);
  });

  it('an input too small for the network is a point with its reason, not a failed sweep', () => {
    const valid: ModelSpec = {
      format: 'convscope-model',
      version: 1,
      name: 'valid',
      input: [1, 8, 8],
      layers: [{ id: 'c', op: 'conv2d', out_channels: 1, kernel: 5 }],
    };
    const s = sweepResolution(valid, [
      [4, 4],
      [8, 8],
    ]);
    expect(s.points[0].error).toMatch(/layer "c"/);
    expect(s.points[1].macs).toBe(16 * 25);
    expect(s.points[1].error).toBeUndefined();
  });
});

describe('batch sweep', () => {
  const model = getZooModel('vgg11')!;
  const batches = [1, 2, 8, 32];
  const sweep = sweepBatch(model, batches, {}, device);
  const a = analyzeModel(model);

  it('each point equals the point analysis and estimate at that batch', () => {
    sweep.points.forEach((p, i) => {
      const n = batches[i];
      expect(p).toEqual({
        x: n,
        input: a.input,
        batch: n,
        macs: n * a.totals.macs,
        params: a.totals.params,
        activationBytes: n * a.totals.activationBytes,
        trainingBytes: analyzeTraining(model, a, { optimizer: 'adam', batch: n }).peakBytes,
        seconds: estimateModel(a, device, n).seconds,
      });
    });
  });

  it('MACs grow linearly; time and training memory less than linearly (weights read and held once per batch)', () => {
    expect(sweep.fits.macs?.exponent).toBeCloseTo(1, 12);
    expect(sweep.fits.trainingBytes?.exponent).toBeLessThan(1);
    expect(sweep.fits.trainingBytes?.exponent).toBeGreaterThan(0);
    expect(sweep.fits.seconds?.exponent).toBeLessThan(1);
  });
});

describe('sweep syntax', () => {
  it('reads ranges, steps and lists', () => {
    expect(parseRange('1..4', 'batch')).toEqual([1, 2, 3, 4]);
    expect(parseRange('{128..256:64}', 'H')).toEqual([128, 192, 256]);
    expect(parseRange('1,2,4', 'batch')).toEqual([1, 2, 4]);
    expect(() => parseRange('4..1', 'batch')).toThrow(/backwards/);
    expect(() => parseRange('0..3', 'batch')).toThrow(/at least 1/);
    expect(() => parseRange('1..x', 'batch')).toThrow(/"x" is not a positive integer/);
    expect(() => parseRange('1..100000', 'batch')).toThrow(/at most 256/);
  });
  it('pairs H and W ranges', () => {
    expect(parseInputSweep('3x{128..192:32}x{128..192:32}')).toEqual({
      channels: 3,
      sizes: [
        [128, 128],
        [160, 160],
        [192, 192],
      ],
    });
    expect(parseInputSweep('1x{32..64:32}x100').sizes).toEqual([
      [32, 100],
      [64, 100],
    ]);
    expect(() => parseInputSweep('3x{1..3}x{1..2}')).toThrow(/same number of values/);
    expect(() => parseInputSweep('3x224')).toThrow(/CxHxW/);
  });
  it('fits a power law by least squares on logs', () => {
    expect(powerFit([1, 2, 4], [3, 12, 48])?.exponent).toBeCloseTo(2, 12);
    expect(powerFit([1], [1])).toBeNull();
  });
});
