import type { EChartsCoreOption } from 'echarts/core';
import type { ModelAnalysis } from '../../../core/analysis';
import { formatCount } from '../../../core/format';
import { axisFormatter, base, type LayerMetric, METRIC_VALUE } from '../../../core/report/charts';

// The per-layer charts are the report's too (convscope report draws them as SVG).
export {
  cumulativeOption,
  METRIC_VALUE,
  perLayerOption,
  rfOption,
  type LayerMetric,
} from '../../../core/report/charts';
import type { GraphLayout } from './graph';
import { attainable, boundOf, ridge, type Device } from './roofline';

export interface RooflinePoint {
  id: string;
  intensity: number;
  attainable: number;
  bound: 'memory' | 'compute';
}

/** The layers that do arithmetic, placed on the device's roofline. */
export function rooflinePoints(analysis: ModelAnalysis, device: Device): RooflinePoint[] {
  return analysis.layers
    .filter((l) => l.flops > 0 && l.arithmeticIntensity > 0)
    .map((l) => ({
      id: l.id,
      intensity: l.arithmeticIntensity,
      attainable: attainable(device, l.arithmeticIntensity),
      bound: boundOf(device, l.arithmeticIntensity),
    }));
}

export function rooflineOption(
  analysis: ModelAnalysis,
  device: Device,
  names: { roof: string; memory: string; compute: string; x: string; y: string },
): EChartsCoreOption {
  const points = rooflinePoints(analysis, device);
  const r = ridge(device);
  const xs = points.map((p) => p.intensity);
  const lo = Math.min(r / 10, ...xs) / 2;
  const hi = Math.max(r * 10, ...xs) * 2;
  const roof = [lo, r, hi].map((x) => [x, attainable(device, x)]);
  const scatter = (bound: 'memory' | 'compute', name: string) => ({
    type: 'scatter',
    name,
    symbolSize: 7,
    data: points
      .filter((p) => p.bound === bound)
      .map((p) => ({ value: [p.intensity, p.attainable], name: p.id })),
  });
  return {
    backgroundColor: 'transparent',
    animation: false,
    grid: { left: 84, right: 32, top: 36, bottom: 48 },
    legend: { data: [names.roof, names.memory, names.compute], top: 4 },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { name?: string; value?: number[] }) =>
        p.value
          ? `${p.name ?? ''}<br/>${p.value[0].toPrecision(3)} FLOP/B · ${formatCount(p.value[1])}FLOP/s`
          : '',
    },
    xAxis: {
      type: 'log',
      name: names.x,
      nameLocation: 'middle',
      nameGap: 28,
      min: lo,
      max: hi,
      axisLabel: { formatter: (v: number) => formatCount(v) },
    },
    yAxis: {
      type: 'log',
      name: names.y,
      nameLocation: 'middle',
      nameGap: 56,
      axisLabel: { formatter: (v: number) => formatCount(v) },
    },
    series: [
      { type: 'line', name: names.roof, data: roof, showSymbol: false, lineStyle: { width: 2 } },
      scatter('memory', names.memory),
      scatter('compute', names.compute),
    ],
  };
}

const COLUMN_PX = 60;
const ROW_PX = 120;

/**
 * Blocks and their connections, laid out left to right and fitted to the box: a deep net shows as
 * an overview with small nodes (zoom and pan to read it), labels show for small graphs and on hover.
 */
export function graphOption(layout: GraphLayout): EChartsCoreOption {
  const small = layout.nodes.length <= 30;
  return {
    backgroundColor: 'transparent',
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataType?: string; data?: { name?: string; op?: string } }) =>
        p.dataType === 'node' ? `${p.data?.name ?? ''} · ${p.data?.op ?? ''}` : '',
    },
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: true,
        symbolSize: small ? 12 : layout.nodes.length <= 120 ? 8 : 5,
        edgeSymbol: ['none', small ? 'arrow' : 'none'],
        edgeSymbolSize: 6,
        label: { show: small, position: 'bottom', fontSize: 10 },
        emphasis: { focus: 'adjacency', label: { show: true } },
        data: layout.nodes.map((n) => ({ name: n.id, op: n.op, x: n.x * COLUMN_PX, y: n.y * ROW_PX })),
        links: layout.edges,
        lineStyle: { opacity: 0.7, curveness: 0.15 },
      },
    ],
  };
}

/** Two designs' per-layer values overlaid, by layer position (their ids may differ). */
export function compareOption(
  a: ModelAnalysis,
  b: ModelAnalysis,
  metric: LayerMetric,
  names: [string, string],
  log: boolean,
): EChartsCoreOption {
  const n = Math.max(a.layers.length, b.layers.length);
  const series = (an: ModelAnalysis, name: string) => ({
    type: 'bar',
    name,
    data: Array.from({ length: n }, (_, i) => {
      const layer = an.layers[i];
      if (!layer) return null;
      const v = METRIC_VALUE[metric](layer);
      return { value: log && v <= 0 ? null : v, name: layer.id };
    }),
  });
  return {
    ...base(n),
    legend: { data: names, top: 4 },
    xAxis: { type: 'category', data: Array.from({ length: n }, (_, i) => String(i + 1)) },
    yAxis: { type: log ? 'log' : 'value', axisLabel: { formatter: axisFormatter(metric) } },
    series: [series(a, names[0]), series(b, names[1])],
  };
}
