/**
 * ECharts options of the per-layer charts, shared by the Designs page and the worksheet report
 * (`convscope report --format html` renders them to SVG). Plain objects: src/core does not load ECharts.
 */
import type { LayerAnalysis, ModelAnalysis } from '../analysis/types';
import { formatBytes, formatCount } from '../format';

/** An ECharts option object (the renderer types it as EChartsCoreOption). */
export type ChartOption = Record<string, unknown>;

export type LayerMetric = 'macs' | 'params' | 'activation';

export const METRIC_VALUE: Record<LayerMetric, (l: LayerAnalysis) => number> = {
  macs: (l) => l.macs,
  params: (l) => l.params.total,
  activation: (l) => l.activation.bytes,
};

/**
 * A count formatter: SI by default (the report and the CLI); the interface passes the reader's
 * locale's own ("2亿" in Chinese).
 */
export type CountFormat = (n: number) => string;

export const axisFormatter =
  (metric: LayerMetric, count: CountFormat = formatCount) =>
  (v: number) =>
    metric === 'activation' ? formatBytes(v) : count(v);

/** Many layers: a slider to zoom, and no per-bar labels. */
const zoomFor = (n: number) =>
  n > 40 ? [{ type: 'slider', height: 18, bottom: 4 }, { type: 'inside' }] : [];

export const base = (n: number) => ({
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
  count: CountFormat = formatCount,
): ChartOption {
  const values = analysis.layers.map((l) => {
    const v = METRIC_VALUE[metric](l);
    return log && v <= 0 ? null : v;
  });
  return {
    ...base(values.length),
    legend: { data: [name], top: 4 },
    xAxis: { type: 'category', data: analysis.layers.map((l) => l.id), axisLabel: { interval: 'auto' } },
    yAxis: { type: log ? 'log' : 'value', axisLabel: { formatter: axisFormatter(metric, count) } },
    series: [{ type: 'bar', name, data: values, large: values.length > 200 }],
  };
}

/** Running totals of MACs (left axis) and allocated activation memory (right axis). */
export function cumulativeOption(
  analysis: ModelAnalysis,
  names: { macs: string; memory: string },
  count: CountFormat = formatCount,
): ChartOption {
  return {
    ...base(analysis.layers.length),
    // Axis titles run along their axes, clear of the legend on top (titles at the axes' ends collide
    // with it); the right one sits outside labels as wide as "172 MiB".
    grid: { ...base(analysis.layers.length).grid, right: 84 },
    legend: { data: [names.macs, names.memory], top: 4 },
    xAxis: { type: 'category', data: analysis.layers.map((l) => l.id), axisLabel: { interval: 'auto' } },
    yAxis: [
      {
        type: 'value',
        name: names.macs,
        nameLocation: 'middle',
        nameGap: 46,
        axisLabel: { formatter: axisFormatter('macs', count) },
      },
      {
        type: 'value',
        name: names.memory,
        nameLocation: 'middle',
        nameGap: 66,
        axisLabel: { formatter: axisFormatter('activation') },
      },
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
export function rfOption(analysis: ModelAnalysis, names: { size: string; jump: string }): ChartOption {
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
