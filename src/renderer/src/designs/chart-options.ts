import type { EChartsCoreOption } from 'echarts/core';
import type { ModelAnalysis } from '../../../core/analysis';
import {
  axisFormatter,
  base,
  type CountFormat,
  type LayerMetric,
  METRIC_VALUE,
} from '../../../core/report/charts';

// The per-layer charts are the report's too (convscope report draws them as SVG).
export {
  cumulativeOption,
  type CountFormat,
  METRIC_VALUE,
  perLayerOption,
  rfOption,
  type LayerMetric,
} from '../../../core/report/charts';
/** Two designs' per-layer values overlaid, by layer position (their ids may differ). */
export function compareOption(
  a: ModelAnalysis,
  b: ModelAnalysis,
  metric: LayerMetric,
  names: [string, string],
  log: boolean,
  count: CountFormat,
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
    yAxis: { type: log ? 'log' : 'value', axisLabel: { formatter: axisFormatter(metric, count) } },
    series: [series(a, names[0]), series(b, names[1])],
  };
}
