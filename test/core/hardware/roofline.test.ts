import { describe, expect, it } from 'vitest';
import { analyzeModel, getZooModel, type LayerSpec, type ModelSpec } from '../../../src/core';
import {
  DEVICE_PRESETS,
  type DeviceModel,
  estimateModel,
  attainableAt,
  estimateLayer,
  findDevice,
  forwardWork,
  placeMeasurement,
  ridgePoint,
  trainingWork,
} from '../../../src/core/hardware';
import { analyzeTraining } from '../../../src/core/analysis/training';

const device = (peak: number, bandwidth: number, launchOverhead = 0): DeviceModel => ({
  id: 'test',
  name: 'Test device',
  kind: 'custom',
  peak: { fp32: peak, fp16: 2 * peak, int8: 4 * peak },
  bandwidth,
  launchOverhead,
});

/**
 * On 2×4×4 (fp32, 4 bytes an element):
 *   conv 2→4 k3 p1, no bias: MACs 64·18 = 1152 → 2304 FLOPs; bytes (32 + 72 + 64)·4 = 672
 *   bn: 64 FLOPs (1 per element); bytes (64 + 8 params + 8 running stats + 64)·4 = 576
 *   relu: 64 FLOPs; bytes (64 + 64)·4 = 512
 *   add(conv, relu): 64 FLOPs; bytes (128 + 64)·4 = 768
 */
const layers: LayerSpec[] = [
  { id: 'conv', op: 'conv2d', out_channels: 4, kernel: 3, padding: 1, bias: false },
  { id: 'bn', op: 'batchnorm' },
  { id: 'relu', op: 'relu' },
  { id: 'sum', op: 'add', inputs: ['conv', 'relu'] },
];
const small: ModelSpec = { format: 'convscope-model', version: 1, name: 'small', input: [2, 4, 4], layers };
const analysis = analyzeModel(small);

describe('forward work', () => {
  it('counts 2 FLOPs per MAC and 1 per element operation, and reads inputs + weights, writes outputs', () => {
    expect(forwardWork(analysis).map((w) => [w.id, w.flops, w.bytes])).toEqual([
      ['conv', 2304, 672],
      ['bn', 64, 576],
      ['relu', 64, 512],
      ['sum', 64, 768],
    ]);
  });

  it('ignores the MAC/FLOP convention of the analysis: peaks count a multiply-add as 2', () => {
    const asMacs = analyzeModel(small, { convention: 'macs' });
    expect(forwardWork(asMacs).map((w) => w.flops)).toEqual([2304, 64, 64, 64]);
  });

  it('at batch N multiplies arithmetic and feature-map traffic, reads the weights once', () => {
    const w = forwardWork(analysis, 3);
    expect(w[0]).toMatchObject({ flops: 3 * 2304, bytes: 3 * (128 + 256) + 288 });
  });
});

describe('the roof', () => {
  it('attainable = min(peak, bandwidth × intensity); the ridge splits memory- from compute-bound', () => {
    const d = device(100, 10);
    expect(ridgePoint(d, 'fp32')).toBe(10);
    expect(attainableAt(d, 'fp32', 2)).toBe(20);
    expect(attainableAt(d, 'fp32', 50)).toBe(100);
    const at = (flops: number) =>
      estimateLayer(
        { id: 'x', op: 'relu', flops, bytes: 100, traffic: { input: 50, weight: 0, output: 50 } },
        d,
        'fp32',
      );
    expect(at(999).roof).toBe('memory');
    expect(at(1000).roof).toBe('compute');
  });
});

describe('roofline estimate against hand-computed cases', () => {
  it('memory-bound everywhere on a device with ridge 10 FLOP/B', () => {
    // peak 100 FLOP/s, 10 B/s: conv I = 2304/672 = 3.43 < 10 → t = 672/10 = 67.2 s, and so on.
    const e = estimateModel(analysis, device(100, 10));
    expect(e.ridge).toBe(10);
    expect(e.layers.map((l) => l.roof)).toEqual(['memory', 'memory', 'memory', 'memory']);
    expect(e.layers.map((l) => l.seconds)).toEqual([67.2, 57.6, 51.2, 76.8]);
    expect(e.layers[0].attainable).toBeCloseTo((2304 / 672) * 10, 12);
    expect(e.seconds).toBeCloseTo(67.2 + 57.6 + 51.2 + 76.8, 12);
    expect(e.label).toBe('roofline estimate, not a measurement');
  });

  it('compute-bound left of nothing: ridge 0.1 FLOP/B', () => {
    // peak 100, 1000 B/s: conv 23.04 s (compute), bn 0.64 (I = 0.111 > 0.1), relu 0.64, add 0.768 (I = 0.083 < 0.1).
    const e = estimateModel(analysis, device(100, 1000));
    expect(e.layers.map((l) => l.bound)).toEqual(['compute', 'compute', 'compute', 'memory']);
    expect(e.layers.map((l) => l.seconds)).toEqual([23.04, 0.64, 0.64, 0.768]);
    expect(e.layers[0].attainable).toBe(100);
    expect(e.dominating.map((d) => d.id)).toEqual(['conv']);
    expect(e.byKind[0]).toMatchObject({ op: 'conv2d', layers: 1 });
    expect(e.byKind[0].share).toBeCloseTo(23.04 / 25.088, 12);
  });

  it('a launch overhead longer than the work makes the layer overhead-bound', () => {
    const e = estimateModel(analysis, device(100, 1000, 1));
    expect(e.layers.map((l) => l.bound)).toEqual(['compute', 'overhead', 'overhead', 'overhead']);
    [24.04, 1.64, 1.64, 1.768].forEach((t, i) => expect(e.layers[i].seconds).toBeCloseTo(t, 12));
    expect(e.bounds).toEqual({ compute: 1, memory: 0, overhead: 3 });
  });

  it('uses the peak of the analysis data type', () => {
    const fp16 = estimateModel(analyzeModel(small, { dtype: 'fp16' }), device(100, 1000));
    expect(fp16.peak).toBe(200);
    expect(fp16.layers[0].computeSeconds).toBe(2304 / 200);
  });

  it('explains every number with a formula', () => {
    const e = estimateModel(analysis, device(100, 10));
    expect(e.layers[0].formulas.map((f) => [f.quantity, f.value])).toEqual([
      ['bytes', 672],
      ['intensity', 2304 / 672],
      ['attainable', (2304 / 672) * 10],
      ['seconds', 67.2],
    ]);
  });
});

describe('ResNet-50 on the roofline', () => {
  const resnet = analyzeModel(getZooModel('resnet50')!);
  const e = estimateModel(resnet, findDevice('a100-sxm'));

  it('every layer that moves memory is a point, element-wise layers included', () => {
    expect(e.layers.length).toBe(resnet.layers.filter((l) => l.memoryAccess.totalBytes > 0).length);
    expect(e.layers.every((l) => l.flops > 0 && l.intensity > 0)).toBe(true);
  });

  it('shows many memory-bound points: every BatchNorm, ReLU and add', () => {
    const memory = e.layers.filter((l) => l.roof === 'memory');
    expect(memory.length).toBeGreaterThan(100);
    const byOp = (op: string) => e.layers.filter((l) => l.op === op);
    for (const op of ['batchnorm', 'relu', 'add']) {
      expect(byOp(op).length).toBeGreaterThan(10);
      expect(byOp(op).every((l) => l.roof === 'memory')).toBe(true);
    }
    expect(e.roofs.compute).toBeGreaterThan(0);
  });
});

describe('a measured point above the roof', () => {
  const d = device(100, 10);
  it('is flagged: faster than the roof allows means a convention or unit error', () => {
    // conv: 2304 FLOPs, 672 bytes; the roof allows 67.2 s. Measuring 30 s cannot be.
    expect(placeMeasurement(d, 'fp32', 2304, 672, 30)).toMatchObject({ aboveRoof: true });
    expect(placeMeasurement(d, 'fp32', 2304, 672, 67.2)).toMatchObject({ aboveRoof: false });
    expect(placeMeasurement(d, 'fp32', 2304, 672, 100).achieved).toBeCloseTo(23.04, 12);
  });
  it('refuses a time that is not a positive number', () => {
    expect(() => placeMeasurement(d, 'fp32', 1, 1, 0)).toThrow(/positive/);
  });
});

describe('device presets', () => {
  it('have distinct ids, positive figures and a dense peak that grows fp32 ≤ fp16 ≤ int8', () => {
    expect(new Set(DEVICE_PRESETS.map((d) => d.id)).size).toBe(DEVICE_PRESETS.length);
    for (const d of DEVICE_PRESETS) {
      expect(d.peak.fp32).toBeLessThanOrEqual(d.peak.fp16);
      expect(d.peak.fp16).toBeLessThanOrEqual(d.peak.int8);
      expect(d.bandwidth).toBeGreaterThan(0);
    }
  });
  it('are found by id or a unique part of the name; a wrong name lists the ids', () => {
    expect(findDevice('4090').id).toBe('rtx-4090');
    expect(findDevice('Orin').id).toBe('orin-nano');
    expect(() => findDevice('tpu')).toThrow(/unknown device "tpu" \(devices: a100-sxm, /);
    expect(() => findDevice('nvidia')).toThrow(/ambiguous/);
  });
  it('every preset has its section in docs/devices.md', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../../docs/devices.md', import.meta.url), 'utf8');
    for (const d of DEVICE_PRESETS) expect(doc).toContain(`\`${d.id}\``);
  });
});

describe('training step against hand-computed cases', () => {
  /*
   * `small` at batch 1, fp32. Backward (the image needs no gradient, so conv computes no input gradient):
   *   conv: 2·1152 = 2304 FLOPs; read output gradient 256 B + saved input 128 B, write weight gradient 288 B = 672 B
   *   bn:   64 FLOPs; 2·256 (saved input read, input gradient written) + 256 (output gradient) + 2·8·4 (γ, β) = 832 B
   *   relu: 64 FLOPs; 2·256 + 256 = 768 B
   *   add:  64 FLOPs; 2·512 + 256 = 1280 B
   * Update over 80 trainable parameters: SGD 2·80 = 160 FLOPs, 3·80·4 = 960 B; Adam 12·80 = 960 FLOPs, 7·80·4 = 2240 B.
   */
  const training = (optimizer: 'sgd' | 'adam', batch = 1) =>
    analyzeTraining(small, analysis, { optimizer, batch });

  it('backward work per layer and the update, as the model states', () => {
    const { backward, update } = trainingWork(analysis, training('sgd'));
    expect(backward.map((w) => [w.id, w.flops, w.bytes])).toEqual([
      ['conv', 2304, 672],
      ['bn', 64, 832],
      ['relu', 64, 768],
      ['sum', 64, 1280],
    ]);
    expect(update).toEqual({ flops: 160, bytes: 960 });
    expect(trainingWork(analysis, training('adam')).update).toEqual({ flops: 960, bytes: 2240 });
  });

  it('step time = forward + backward + update on a memory-bound device', () => {
    // peak 100 FLOP/s, 10 B/s: backward 67.2 + 83.2 + 76.8 + 128 = 355.2 s; SGD update 96 s; forward 252.8 s.
    const e = estimateModel(analysis, device(100, 10), 1, training('sgd'));
    const step = e.trainingStep!;
    expect(step.forwardSeconds).toBeCloseTo(252.8, 9);
    expect(step.backward.map((w) => w.seconds)).toEqual([67.2, 83.2, 76.8, 128]);
    expect(step.backwardSeconds).toBeCloseTo(355.2, 9);
    expect(step.updateSeconds).toBeCloseTo(96, 9);
    expect(step.seconds).toBeCloseTo(704, 9);
    expect(step.formulas.map((f) => [f.quantity, f.value])).toEqual([
      ['update', step.updateSeconds],
      ['seconds', step.seconds],
    ]);
    const adam = estimateModel(analysis, device(100, 10), 1, training('adam')).trainingStep!;
    expect(adam.updateSeconds).toBeCloseTo(224, 9);
  });

  it('without a training analysis there is no step; a training analysis of another batch is refused', () => {
    expect(estimateModel(analysis, device(100, 10)).trainingStep).toBeNull();
    expect(() => estimateModel(analysis, device(100, 10), 2, training('sgd', 1))).toThrow(/batch 1/);
  });

  it('at batch N the backward feature-map traffic grows N-fold, the weight traffic does not', () => {
    const one = trainingWork(analysis, training('sgd', 1)).backward[0];
    const four = trainingWork(analysis, training('sgd', 4)).backward[0];
    expect(four.flops).toBe(4 * one.flops);
    expect(four.traffic.weight).toBe(one.traffic.weight);
    expect(four.traffic.output).toBe(4 * one.traffic.output);
  });
});
