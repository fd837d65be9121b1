/**
 * vue-echarts' chart with every chart type and component the app draws registered (ECharts is modular:
 * anything not listed here is left out of the bundle). Loaded only when a chart is first shown
 * (./async-chart.ts), so no page waits for ECharts before it shows its content.
 */
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { BarChart, GraphChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';

use([
  CanvasRenderer,
  BarChart,
  GraphChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
]);

export { default } from 'vue-echarts';
