import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../../../src/core/analysis';
import { getZooModel, listZoo } from '../../../../src/core/zoo';
import {
  compareOption,
  cumulativeOption,
  perLayerOption,
} from '../../../../src/renderer/src/designs/chart-options';
import { sweepOption } from '../../../../src/renderer/src/designs/estimate-options';
import { trainingComputeOption } from '../../../../src/renderer/src/designs/training-chart';
import { zooEntries } from '../../../../src/renderer/src/designs/zoo-text';
import { analyzeTraining } from '../../../../src/core/analysis';
import { sweepResolution } from '../../../../src/core/hardware';
import { formatCompact, formatUnitCount } from '../../../../src/renderer/src/format';

/**
 * The Designs charts as a Chinese reader sees them (ECharts' own SVG rendering): axis ticks counted in
 * 万 and 亿, never "200M"; English keeps the SI prefixes. And the built-in models in Chinese.
 */
function texts(option: Record<string, unknown>): string[] {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 300 });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}
const SI = /^-?[\d.]+[KMGT]$/;
const resnet50 = analyzeModel(getZooModel('resnet50')!);
const resnet18 = analyzeModel(getZooModel('resnet18')!);
const tick = (locale: string) => (n: number) => formatCompact(n, locale);
const unit = (locale: string) => (n: number) => formatUnitCount(n, locale);

describe('count axes of the Designs charts', () => {
  const charts = (locale: string) => ({
    perLayer: perLayerOption(resnet50, 'macs', false, 'MACs', tick(locale)),
    params: perLayerOption(resnet50, 'params', false, 'params', tick(locale)),
    cumulative: cumulativeOption(resnet50, { macs: 'm', memory: 'b' }, tick(locale)),
    compare: compareOption(resnet50, resnet18, 'macs', ['A', 'B'], false, tick(locale)),
    training: trainingComputeOption(
      analyzeTraining(getZooModel('resnet50')!, resnet50, { optimizer: 'adam', batch: 1 }),
      { forward: 'f', backward: 'b' },
      'step',
      unit(locale),
    ),
    sweep: sweepOption(
      sweepResolution(getZooModel('resnet18')!, [
        [128, 128],
        [256, 256],
      ]),
      'macs',
      { x: 'x', y: 'y', quadratic: 'q', count: unit(locale) },
    ),
  });

  it('count in 万 and 亿 in Chinese', () => {
    for (const [name, option] of Object.entries(charts('zh-CN'))) {
      const labels = texts(option as Record<string, unknown>);
      expect(
        labels.filter((l) => SI.test(l)),
        name,
      ).toEqual([]);
      expect(
        labels.some((l) => /[万亿]/.test(l)),
        `${name}: ${labels.join(' | ')}`,
      ).toBe(true);
    }
  });

  it('keep SI prefixes in English', () => {
    for (const [name, option] of Object.entries(charts('en'))) {
      const labels = texts(option as Record<string, unknown>);
      expect(
        labels.some((l) => SI.test(l.replace(/ /g, ''))),
        `${name}: ${labels.join(' | ')}`,
      ).toBe(true);
    }
  });
});

describe('built-in models in Chinese', () => {
  it('every one has a Chinese description; descriptive titles are Chinese, model names stay', () => {
    const zh = zooEntries('zh-CN');
    const en = listZoo();
    expect(zh.map((z) => z.name)).toEqual(en.map((z) => z.name));
    for (const z of zh) {
      expect(z.description, z.name).toMatch(/[\u4e00-\u9fff]/);
      // Model names (ResNet-50, U-Net, LSTM) stay; descriptive English words do not.
      expect(z.title, z.name).not.toMatch(/\b(with|language|model|stacked|convolutions|stack)\b|^Small /i);
    }
    expect(zooEntries('zh-CN').find((z) => z.name === 'resnet50')!.title).toBe('ResNet-50');
    expect(zooEntries('en')).toEqual(en);
  });
});
