import { describe, expect, it } from 'vitest';
import { analyzeModel, getZooModel } from '../../../../src/core';
import { estimateModel, findDevice, placeMeasurement, sweepResolution } from '../../../../src/core/hardware';
import {
  kindShareOption,
  layerTimeOption,
  rooflineOption,
  sweepOption,
} from '../../../../src/renderer/src/designs/estimate-options';

const names = {
  roof: 'roof',
  memory: 'mem',
  compute: 'comp',
  measured: 'meas',
  x: 'x',
  y: 'y',
  time: 't',
  count: String,
};
type Series = { name: string; data: { name: string; value: number[] }[] };

describe('roofline chart', () => {
  const a = analyzeModel(getZooModel('resnet50')!);
  const e = estimateModel(a, findDevice('a100-sxm'));

  it('plots every layer that computes and moves memory, BN, ReLU and adds included, named for hover', () => {
    const o = rooflineOption(e, names) as { series: Series[] };
    const points = o.series.slice(1).flatMap((s) => s.data.map((d) => d.name));
    expect(points.sort()).toEqual(
      e.layers
        .filter((l) => l.intensity > 0)
        .map((l) => l.id)
        .sort(),
    );
    const memory = o.series.find((s) => s.name === 'mem')!.data.map((d) => d.name);
    expect(memory).toContain('layer1.0.bn1');
    expect(memory).toContain('layer1.0.relu');
    expect(memory).toContain('layer1.0.add');
  });

  it('adds a measured point when there is one', () => {
    const m = placeMeasurement(e.device, e.dtype, e.flops, e.bytes, 1e-5);
    const o = rooflineOption(e, names, m) as { series: Series[] };
    expect(o.series.at(-1)!.data[0].value).toEqual([m.intensity, m.achieved]);
  });

  it('time per layer: one bar per layer in the series of its bound', () => {
    const o = layerTimeOption(e, { compute: 'c', memory: 'm', overhead: 'o', time: 't' }) as {
      series: { data: (number | null)[] }[];
    };
    e.layers.forEach((l, i) => {
      const filled = o.series.map((s) => s.data[i]).filter((v) => v !== null);
      expect(filled).toEqual([l.seconds]);
    });
  });

  it('share per operator kind adds up to 100 %', () => {
    const o = kindShareOption(e, (op) => op, 'share') as { series: { data: number[] }[] };
    expect(o.series[0].data.reduce((x, y) => x + y, 0)).toBeCloseTo(100, 1);
  });
});

describe('sweep chart', () => {
  it('marks the segments that grow quadratically', () => {
    const s = sweepResolution(getZooModel('resnet18')!, [
      [128, 128],
      [192, 192],
      [256, 256],
    ]);
    const o = sweepOption(s, 'macs', { x: 'side', y: 'MACs', quadratic: 'q', count: String }) as {
      series: { data: (number | null)[][] }[];
    };
    expect(o.series[0].data.map((d) => d[0])).toEqual([128, 192, 256]);
    expect(o.series[1].data.every((d) => d[1] !== null)).toBe(true);
    const flat = sweepOption(s, 'params', { x: 'side', y: 'p', quadratic: 'q', count: String }) as typeof o;
    expect(flat.series[1].data.every((d) => d[1] === null)).toBe(true);
  });
});
