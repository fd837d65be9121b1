import { defineAsyncComponent, h } from 'vue';

/**
 * The app's chart component (vue-echarts' VChart), loaded with ECharts the first time a chart is shown.
 * Until then an empty box takes its place: it receives the chart's attributes (its height and width), so
 * nothing moves when the chart arrives. A template ref on it reaches the chart once loaded, null before.
 */
export const AsyncChart = defineAsyncComponent({
  loader: () => import('./echarts-chart'),
  loadingComponent: { name: 'ChartLoading', render: () => h('div', { class: 'cs-chart-loading' }) },
  delay: 0,
});
