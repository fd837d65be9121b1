import { defineAsyncComponent, h } from 'vue';
import type VChart from 'vue-echarts';

/**
 * The app's chart component (vue-echarts' VChart), loaded with ECharts the first time a chart is shown.
 * Until then an empty box takes its place: it receives the chart's attributes (its height and width), so
 * nothing moves when the chart arrives. A template ref on it holds that box until the chart has loaded,
 * then the chart: read it through {@link loadedChart}.
 */
export const AsyncChart = defineAsyncComponent({
  loader: () => import('./echarts-chart'),
  loadingComponent: { name: 'ChartLoading', render: () => h('div', { class: 'cs-chart-loading' }) },
  delay: 0,
});

export type Chart = InstanceType<typeof VChart>;

/** The chart behind a template ref on {@link AsyncChart}, or null while ECharts is still loading. */
export function loadedChart(ref: unknown): Chart | null {
  return ref && typeof (ref as Chart).setOption === 'function' ? (ref as Chart) : null;
}
