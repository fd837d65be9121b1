import type { EChartsCoreOption } from 'echarts/core';
import type { LayerAnalysis, ModelAnalysis } from '../../../core/analysis';
import { formatBytes, formatCount } from '../../../core/format';
import type { GraphLayout } from './graph';

export type LayerMetric = 'macs' | 'params' | 'activation';

export const METRIC_VALUE: Record<LayerMetric, (l: LayerAnalysis) => number> = {
  macs: (l) => l.macs,
  params: (l) => l.params.total,
  activation: (l) => l.activation.bytes,
};

const axisFormatter = (metric: LayerMetric) => (v: number) =>
  metric === 'activation' ? formatBytes(v) : formatCount(v);

/** Many layers: a slider to zoom, and no per-bar labels. */
const zoomFor = (n: number) =>
  n > 40 ? [{ type: 'slider', height: 18, bottom: 4 }, { type: 'inside' }] : [];

const base = (n: number) => ({
  backgroundColor: 'transparent',
  animation: false,
  grid: { left: 64, right: 64, top: 36, bottom: n > 40 ? 64 : 40, containLabel: false },
  tooltip: { trigger: 'axis', confine: true },
  dataZoom: zoomFor(n),
});

/**
 * One bar per layer. A log axis cannot show zero, so zero-cost layers (activations, views) are left
 * without a bar there instead of being drawn at an invented height.
 */
export function perLayerOption(
  analysis: ModelAnalysis,
  metric: LayerMetric,
  log: boolean,
  name: string,
): EChartsCoreOption {
  const values = analysis.layers.map((l) => {
    const v = METRIC_VALUE[metric](l);
    return log && v <= 0 ? null : v;
  });
  return {
    ...base(values.length),
    legend: { data: [name], top: 4 },
    xAxis: { type: 'category', data: analysis.layers.map((l) => l.id), axisLabel: { interval: 'auto' } },
    yAxis: { type: log ? 'log' : 'value', axisLabel: { formatter: axisFormatter(metric) } },
    series: [{ type: 'bar', name, data: values, large: values.length > 200 }],
  };
}

/** Running totals of MACs (left axis) and allocated activation memory (right axis). */
export function cumulativeOption(
  analysis: ModelAnalysis,
  names: { macs: string; memory: string },
): EChartsCoreOption {
  return {
    ...base(analysis.layers.length),
    legend: { data: [names.macs, names.memory], top: 4 },
    xAxis: { type: 'category', data: analysis.layers.map((l) => l.id), axisLabel: { interval: 'auto' } },
    yAxis: [
      { type: 'value', name: names.macs, axisLabel: { formatter: axisFormatter('macs') } },
      { type: 'value', name: names.memory, axisLabel: { formatter: axisFormatter('activation') } },
    ],
    series: [
      {
        type: 'line',
        name: names.macs,
        showSymbol: false,
        data: analysis.layers.map((l) => l.cumulative.macs),
      },
      {
        type: 'line',
        name: names.memory,
        yAxisIndex: 1,
        showSymbol: false,
        data: analysis.layers.map((l) => l.cumulative.activationBytes),
      },
    ],
  };
}

/** Receptive-field size and jump (input pixels between neighbouring outputs) after each layer. */
export function rfOption(analysis: ModelAnalysis, names: { size: string; jump: string }): EChartsCoreOption {
  return {
    ...base(analysis.layers.length),
    legend: { data: [`${names.size} (H)`, `${names.size} (W)`, `${names.jump} (H)`], top: 4 },
    xAxis: { type: 'category', data: analysis.layers.map((l) => l.id), axisLabel: { interval: 'auto' } },
    yAxis: { type: 'value' },
    series: [
      {
        type: 'line',
        step: 'end',
        name: `${names.size} (H)`,
        showSymbol: false,
        data: analysis.layers.map((l) => l.rf.size[0]),
      },
      {
        type: 'line',
        step: 'end',
        name: `${names.size} (W)`,
        showSymbol: false,
        data: analysis.layers.map((l) => l.rf.size[1]),
      },
      {
        type: 'line',
        step: 'end',
        name: `${names.jump} (H)`,
        showSymbol: false,
        lineStyle: { type: 'dashed' },
        data: analysis.layers.map((l) => l.rf.jump[0]),
      },
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
