import type { EChartsCoreOption } from 'echarts/core';
import type { ModelAnalysis } from '../../../core/analysis';
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
