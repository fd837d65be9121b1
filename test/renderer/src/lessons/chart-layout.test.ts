import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../../../src/core/analysis';
import { formatBytes } from '../../../../src/core/format';
import { getZooModel } from '../../../../src/core/zoo';
import { smallNet } from '../../../../src/renderer/src/lessons/examples';
import {
  BARS_IN_VIEW,
  layerBarOption,
  layerValues,
  rfGrowthOption,
} from '../../../../src/renderer/src/lessons/widgets/chart-options';

/**
 * The lesson charts laid out by ECharts itself (server-side SVG rendering at the widget's size): the
 * x-axis labels it draws must not overlap. Rotated labels are parallel lines of text; two neighbours
 * overlap when the distance between those lines, Δx·sin(angle), is less than a line of text.
 */
interface Label {
  text: string;
  x: number;
  size: number;
}

function xAxisLabels(option: Record<string, unknown>, width: number, height: number): Label[] {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  // Rotated labels carry a rotation matrix: transform="matrix(cos,sin,-sin,cos,x,y)".
  return [
    ...svg.matchAll(/<text[^>]*font-size:(\d+)px[^>]*transform="matrix\(([^)]*)\)"[^>]*>([^<]*)<\/text>/g),
  ].map((m) => ({ text: m[3]!, size: Number(m[1]), x: Number(m[2]!.split(/[ ,]+/)[4]) }));
}

function overlaps(labels: Label[]): string[] {
  const sorted = [...labels].sort((a, b) => a.x - b.x);
  const out: string[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const gap = (sorted[i]!.x - sorted[i - 1]!.x) * Math.sin(Math.PI / 4);
    if (gap < sorted[i]!.size * 1.2)
      out.push(`${sorted[i - 1]!.text} / ${sorted[i]!.text}: ${gap.toFixed(1)}px`);
  }
  return out;
}

const zoo = (name: string) => analyzeModel(getZooModel(name)!);

describe('lesson chart layout', () => {
  it('gives the small net’s tiny fc layer a visible bar and its value', () => {
    const rows = layerValues(analyzeModel(smallNet()), 'compute', 'macs');
    const fc = rows.find((r) => r.id === 'fc')!;
    const max = Math.max(...rows.map((r) => r.value));
    // Under half a pixel of a 200 px plot: without a minimum height the bar is not drawn at all.
    expect(fc.value / max).toBeLessThan(1 / 400);
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 780, height: 260 });
    chart.setOption(layerBarOption(rows, 'MACs', (n) => `v${n}`));
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(svg).toContain(`>v${fc.value}</text>`);
  });

  it('labels every bar in view of every model, without overlapping labels', () => {
    for (const analysis of [zoo('resnet50'), zoo('vgg16'), zoo('mobilenet_v2'), analyzeModel(smallNet())]) {
      const rows = layerValues(analysis, 'compute', 'macs');
      const labels = xAxisLabels(layerBarOption(rows, 'MACs', String), 780, 260);
      // A long model opens on its first bars (the slider shows the rest): each of those has its label.
      expect(
        labels.map((l) => l.text),
        analysis.model,
      ).toEqual(rows.slice(0, BARS_IN_VIEW).map((r) => r.id));
      expect(overlaps(labels), analysis.model).toEqual([]);
    }
  });

  it('draws the receptive-field growth of ResNet-50 with readable labels', () => {
    const rows = zoo('resnet50')
      .layers.filter((l) => l.outputSizeTrace !== null)
      .map((l) => ({ id: l.id, rf: l.rf.size[0] }));
    const option = rfGrowthOption(rows, 64, { on: '#0a0', off: '#888', line: '#a00' }, 'object');
    const labels = xAxisLabels(option, 780, 260);
    expect(labels.map((l) => l.text)).toEqual(rows.slice(0, BARS_IN_VIEW).map((r) => r.id));
    expect(overlaps(labels)).toEqual([]);
  });

  it('puts the ticks of a memory chart on whole KiB or MiB (powers of two), not 29.3 KiB', () => {
    for (const analysis of [analyzeModel(smallNet()), zoo('resnet50')]) {
      const rows = layerValues(analysis, 'memory', 'macs');
      const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 780, height: 260 });
      chart.setOption(layerBarOption(rows, 'bytes', formatBytes, formatBytes, true));
      const svg = chart.renderToSVGString();
      chart.dispose();
      // The axis labels (12 px; the bars' own labels are 10 px).
      const ticks = [...svg.matchAll(/<text[^>]*font-size:12px[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
      expect(ticks.length, analysis.model).toBeGreaterThan(2);
      for (const tick of ticks) expect(tick, analysis.model).toMatch(/^(0 B|\d+ (B|KiB|MiB|GiB))$/);
    }
  });
});
