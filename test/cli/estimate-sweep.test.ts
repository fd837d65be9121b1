import { describe, expect, it } from 'vitest';
import { analyzeModel, getZooModel } from '../../src/core';
import { analyzeTraining } from '../../src/core/analysis/training';
import { DEVICE_PRESETS, estimateModel, findDevice } from '../../src/core/hardware';
import { runCli as run } from './cli-run';

describe('convscope estimate', () => {
  it('--training adam --batch 8 adds the training-step estimate of the core; the text states its three parts', async () => {
    const args = ['estimate', 'zoo:resnet18', '--device', 'a100', '--batch', '8', '--training', 'adam'];
    const r = await run(...args, '--json');
    expect(r.code).toBe(0);
    const step = JSON.parse(r.out).trainingStep;
    const a = analyzeModel(getZooModel('resnet18')!);
    const training = analyzeTraining(getZooModel('resnet18')!, a, { optimizer: 'adam', batch: 8 });
    const e = estimateModel(a, findDevice('a100'), 8, training).trainingStep!;
    expect(step).toMatchObject({ optimizer: 'adam', batch: 8, flops: e.flops, bytes: e.bytes });
    expect(step.seconds).toBe(Number(e.seconds.toPrecision(6)));
    expect(step.backward).toHaveLength(e.backward.length);
    expect(step.seconds).toBeGreaterThan(2 * step.forwardSeconds);
    const text = (await run(...args)).out;
    expect(text).toMatch(
      /estimated time per training step \(adam, batch 8\): .* = forward .* \+ backward .* \+ update /,
    );
    expect((await run('estimate', 'zoo:resnet18', '--device', 'a100', '--training', 'lbfgs')).err).toMatch(
      /--training must be sgd, momentum, adam, adamw, got "lbfgs"/,
    );
  });

  it('--json is the core estimate of the model on the named device, labelled as an estimate', async () => {
    const r = await run('estimate', 'zoo:resnet50', '--device', 'rtx-4090', '--dtype', 'fp16', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    const e = estimateModel(
      analyzeModel(getZooModel('resnet50')!, { dtype: 'fp16' }),
      findDevice('rtx-4090'),
    );
    expect(doc.label).toBe('roofline estimate, not a measurement');
    expect(doc).toMatchObject({
      model: 'resnet50',
      dtype: 'fp16',
      batch: 1,
      pass: 'forward',
      trainingStep: null,
    });
    expect(doc.device.id).toBe('rtx-4090');
    expect(doc.seconds).toBe(Number(e.seconds.toPrecision(6)));
    expect(doc.layers.map((l: { id: string }) => l.id)).toEqual(e.layers.map((l) => l.id));
    expect(doc.layers.filter((l: { op: string }) => l.op === 'batchnorm')).toHaveLength(53);
    expect(doc.roofs.memory).toBe(e.roofs.memory);
  });

  it('prints the label, the time per inference and the dominating layers', async () => {
    const r = await run('estimate', 'zoo:vgg16', '--device', 'orin', '--batch', '4');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^vgg16 on NVIDIA Jetson Orin Nano 8GB, fp32, batch 4 — roofline estimate, not a measurement/,
    );
    expect(r.out).toMatch(/estimated time per inference: [\d.]+ ms/);
    expect(r.out).toMatch(/dominating: /);
  });

  it('flags a measured time faster than the roof as a convention or unit error', async () => {
    const fast = await run('estimate', 'zoo:resnet18', '--device', 'h100', '--measured-ms', '0.01');
    expect(fast.out).toMatch(/ABOVE THE ROOF/);
    const slow = await run('estimate', 'zoo:resnet18', '--device', 'h100', '--measured-ms', '5', '--json');
    expect(JSON.parse(slow.out).measured.aboveRoof).toBe(false);
  });

  it('lists the presets; an unknown device or a missing one is one clear line', async () => {
    const list = await run('estimate', '--list', '--json');
    expect(JSON.parse(list.out).map((d: { id: string }) => d.id)).toEqual(DEVICE_PRESETS.map((d) => d.id));
    const unknown = await run('estimate', 'zoo:resnet18', '--device', 'tpu');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/--device: unknown device "tpu" \(devices: a100-sxm/);
    expect((await run('estimate', 'zoo:resnet18')).err).toMatch(/--device is required/);
    expect((await run('estimate', 'zoo:resnet18', '--device', 'h100', '--measured-ms', 'soon')).err).toMatch(
      /--measured-ms must be a positive number/,
    );
  });
});

describe('convscope sweep', () => {
  it('--input sweeps resolution; each point is the point analysis; the fit names quadratic growth', async () => {
    const r = await run('sweep', 'zoo:resnet18', '--input', '3x{128..256:64}x{128..256:64}', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.axis).toBe('resolution');
    expect(doc.points.map((p: { x: number }) => p.x)).toEqual([128, 192, 256]);
    for (const p of doc.points) {
      const a = analyzeModel({ ...getZooModel('resnet18')!, input: p.input });
      expect([p.macs, p.params, p.activationBytes]).toEqual([
        a.totals.macs,
        a.totals.params,
        a.totals.activationBytes,
      ]);
    }
    expect(doc.fits.macs.growth).toBe('quadratic');
    expect(doc.fits.params.growth).toBe('constant');
  });

  it('--batch with --csv and a device: one row per batch size with the estimated time', async () => {
    const r = await run('sweep', 'zoo:resnet18', '--batch', '1..3', '--device', 'a100', '--csv');
    const rows = r.out.trim().split('\r\n');
    expect(rows[0]).toBe(
      'x,channels,h,w,batch,macs,params,activation_bytes_fp32,training_adam_bytes_fp32,seconds,error',
    );
    expect(rows).toHaveLength(4);
    const a = analyzeModel(getZooModel('resnet18')!);
    const t = estimateModel(a, findDevice('a100'), 2).seconds;
    const train = analyzeTraining(getZooModel('resnet18')!, a, { optimizer: 'adam', batch: 2 }).peakBytes;
    expect(rows[2]).toBe(
      `2,3,224,224,2,${2 * a.totals.macs},${a.totals.params},${2 * a.totals.activationBytes},${train},${Number(t.toPrecision(6))},`,
    );
  });

  it('the text output shows the fitted exponents', async () => {
    const r = await run('sweep', 'zoo:resnet18', '--input', '3x{128..256:64}x{128..256:64}');
    expect(r.out).toMatch(/MACs ∝ side\^2\.0\d \(quadratic\)/);
  });

  it('bad sweeps are one clear line', async () => {
    expect((await run('sweep', 'zoo:resnet18', '--batch', '1..x')).err).toMatch(
      /--batch: "x" is not a positive integer/,
    );
    expect((await run('sweep', 'zoo:resnet18', '--input', '3x{1..3}x{1..2}')).err).toMatch(
      /--input: H has 3 values/,
    );
    expect((await run('sweep', 'zoo:resnet18')).err).toMatch(/give one of --input .* or --batch/);
    expect((await run('sweep', 'zoo:resnet18', '--batch', '1', '--json', '--csv')).err).toMatch(
      /cannot be combined/,
    );
  });
});
