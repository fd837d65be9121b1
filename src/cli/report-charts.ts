/**
 * The worksheet's charts as SVG text, drawn by ECharts' server-side SVG renderer (no DOM): the same
 * chart options as the Designs page, without zoom controls (a printed page cannot scroll).
 */
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ModelAnalysis } from '../core';
import { type ChartOption, cumulativeOption, perLayerOption, rfOption } from '../core/report/charts';

// Zoom and tooltip are registered so that the shared options load; the page drops them (svgOf).
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  DataZoomComponent,
  TooltipComponent,
  SVGRenderer,
]);

function svgOf(option: ChartOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 1040, height: 300 });
  try {
    chart.setOption({
      ...option,
      dataZoom: [],
      tooltip: undefined,
      grid: { ...(option.grid as object), bottom: 40 },
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function worksheetCharts(a: ModelAnalysis): { title: string; svg: string }[] {
  return [
    { title: 'MACs per layer', svg: svgOf(perLayerOption(a, 'macs', false, 'MACs')) },
    { title: 'Parameters per layer', svg: svgOf(perLayerOption(a, 'params', false, 'parameters')) },
    {
      title: 'Running totals: MACs and activation memory',
      svg: svgOf(cumulativeOption(a, { macs: 'MACs', memory: `activation memory (${a.options.dtype})` })),
    },
    { title: 'Receptive field size and jump', svg: svgOf(rfOption(a, { size: 'RF size', jump: 'jump' })) },
  ];
}
