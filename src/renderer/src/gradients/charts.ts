import type { EChartsCoreOption } from 'echarts/core';
import type { AppTheme } from '../preferences';
import { chartPalette } from '../chart-colors';
import { formatPowerOfTen } from '../format';
import type {
  MlpExperimentResult as MlpLabResult,
  RnnExperimentResult as RnnLabResult,
} from '../../../core/autograd';

/**
 * ECharts options of the Gradient Lab, built from run results only (no computation of their own
 * beyond 10^x for log axes). Colours follow the app's light/dark theme.
 */
export const RUN_COLORS = ['#2f6fde', '#e8684a', '#3ba272', '#9a60b4'];

export interface ChartRun<R> {
  name: string;
  result: R;
}

export interface ChartLabels {
  layer: string;
  gradNorm: string;
  step: string;
  loss: string;
  accuracy: string;
  activation: string;
  /** The series of the first recorded step and of the latest one, named by their step. */
  first: (step: number) => string;
  latest: (step: number) => string;
  t: string;
  lossGrad: string;
  class0: string;
  class1: string;
}

const palette = chartPalette;

/** A log axis' ticks as powers of ten (10⁻⁵ … 10⁰), as the rest of the app writes them. */
const logTicks = { formatter: (v: number) => formatPowerOfTen(v, 'en') };

function base(theme: AppTheme): EChartsCoreOption {
  const p = palette(theme);
  return {
    backgroundColor: 'transparent',
    textStyle: { color: p.text },
    animation: false,
    color: RUN_COLORS,
    tooltip: { trigger: 'axis' },
    // One line of legend however many runs are compared (it pages), so it never reaches the plot.
    legend: { top: 0, type: 'scroll', textStyle: { color: p.text } },
    grid: { left: 64, right: 20, top: 36, bottom: 44 },
  };
}

function axis(theme: AppTheme, name: string, extra: Record<string, unknown> = {}) {
  const p = palette(theme);
  const { axisLabel, ...rest } = extra;
  return {
    name,
    nameLocation: 'middle',
    nameGap: 30,
    nameTextStyle: { color: p.muted },
    // A caller's formatter must not drop the theme's label colour (dim default labels in dark).
    axisLabel: { color: p.muted, ...(axisLabel as Record<string, unknown> | undefined) },
    axisLine: { lineStyle: { color: p.muted } },
    splitLine: { lineStyle: { color: p.line } },
    ...rest,
  };
}

const pow10 = (v: number | null): number | string => (v === null ? '-' : 10 ** v);

/** Per-layer ‖dL/dW_l‖ on a log axis: the first recorded step and the latest one. */
export function gradNormOption(run: MlpLabResult, theme: AppTheme, labels: ChartLabels): EChartsCoreOption {
  const first = run.layers[0];
  const latest = run.layers.at(-1);
  const L = latest?.log10Grad.length ?? 0;
  const series = [];
  if (first && latest && first !== latest) {
    series.push({
      name: labels.first(first.step),
      type: 'line',
      symbolSize: 5,
      lineStyle: { type: 'dashed', width: 1.5 },
      data: first.log10Grad.map(pow10),
    });
  }
  if (latest) {
    series.push({
      name: labels.latest(latest.step),
      type: 'line',
      symbolSize: 6,
      lineStyle: { width: 2.5 },
      data: latest.log10Grad.map(pow10),
    });
  }
  return {
    ...base(theme),
    color: [palette(theme).muted, RUN_COLORS[0]],
    xAxis: axis(theme, labels.layer, { type: 'category', data: Array.from({ length: L }, (_, i) => i + 1) }),
    yAxis: axis(theme, labels.gradNorm, {
      type: 'log',
      nameGap: 48,
      axisLabel: logTicks,
    }),
    series,
  };
}

/** Loss (log axis) or accuracy of up to four runs, over steps. */
export function curvesOption(
  runs: ChartRun<MlpLabResult>[],
  which: 'loss' | 'accuracy',
  theme: AppTheme,
  labels: ChartLabels,
): EChartsCoreOption {
  return {
    ...base(theme),
    xAxis: axis(theme, labels.step, { type: 'value', min: 0 }),
    yAxis:
      which === 'loss'
        ? axis(theme, labels.loss, { type: 'log', nameGap: 48, axisLabel: logTicks })
        : axis(theme, labels.accuracy, { type: 'value', min: 0, max: 1 }),
    series: runs.map((r, i) => ({
      name: r.name,
      type: 'line',
      showSymbol: false,
      color: RUN_COLORS[i % RUN_COLORS.length],
      data: r.result.history.step.map((s, k) => {
        const v = which === 'loss' ? r.result.history.loss[k] : r.result.history.accuracy[k];
        // A log axis cannot show 0 or a diverged (null) loss: those points are left out.
        return [s, v === null || (which === 'loss' && v <= 0) ? '-' : v];
      }),
    })),
  };
}

/** Activation histograms as a heat map: one row per hidden layer, colour = share of activations per bin. */
export function histogramOption(
  run: MlpLabResult,
  theme: AppTheme,
  labels: ChartLabels,
): EChartsCoreOption | null {
  const h = run.histograms;
  if (!h) return null;
  const p = palette(theme);
  const centers = Array.from({ length: h.bins }, (_, b) =>
    (h.min + ((b + 0.5) * (h.max - h.min)) / h.bins).toFixed(2),
  );
  const data: [number, number, number][] = [];
  h.layers.forEach((layer, row) => layer.fractions.forEach((f, b) => data.push([b, row, f])));
  return {
    ...base(theme),
    tooltip: { position: 'top' },
    legend: undefined,
    grid: { left: 64, right: 24, top: 16, bottom: 70 },
    xAxis: axis(theme, labels.activation, { type: 'category', data: centers, splitArea: { show: false } }),
    yAxis: axis(theme, labels.layer, { type: 'category', data: h.layers.map((l) => l.index), nameGap: 36 }),
    visualMap: {
      min: 0,
      max: Math.max(0.01, ...data.map((d) => d[2])),
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      textStyle: { color: p.muted },
      inRange: {
        color: theme === 'dark' ? ['#181b21', '#2f6fde', '#ffd166'] : ['#ffffff', '#6ea2ff', '#1c3f8c'],
      },
    },
    series: [{ type: 'heatmap', data, emphasis: { disabled: true } }],
  };
}

/** Decision boundary: P(class 1) on the grid as coloured squares, with the training points on top. */
export function boundaryOption(
  run: MlpLabResult,
  theme: AppTheme,
  labels: ChartLabels,
  pixels: number,
): EChartsCoreOption | null {
  const b = run.boundary;
  if (!b) return null;
  const p = palette(theme);
  const step = (b.max - b.min) / b.size;
  const cells: [number, number, number][] = [];
  for (let r = 0; r < b.size; r++) {
    for (let c = 0; c < b.size; c++)
      cells.push([b.min + (c + 0.5) * step, b.min + (r + 0.5) * step, b.p[r * b.size + c]]);
  }
  const cell = Math.ceil(pixels / b.size) + 1;
  const ax = (name: string) =>
    axis(theme, name, {
      type: 'value',
      min: b.min,
      max: b.max,
      splitLine: { show: false },
      axisLabel: { color: p.muted, formatter: (v: number) => v.toFixed(1) },
    });
  return {
    ...base(theme),
    tooltip: { show: false },
    legend: { top: 0, data: [labels.class0, labels.class1], textStyle: { color: p.text } },
    grid: { left: 40, right: 12, top: 30, bottom: 30, width: pixels, height: pixels },
    xAxis: ax('x₁'),
    yAxis: ax('x₂'),
    visualMap: {
      show: false,
      seriesIndex: 0,
      min: 0,
      max: 1,
      dimension: 2,
      inRange: {
        color: theme === 'dark' ? ['#7a3424', '#22252b', '#1f4f8f'] : ['#f4b6a6', '#f7f7f7', '#a9c6f5'],
      },
    },
    series: [
      { type: 'scatter', symbol: 'rect', symbolSize: cell, data: cells, silent: true, z: 1 },
      {
        name: labels.class0,
        type: 'scatter',
        symbolSize: 5,
        color: '#d9472b',
        itemStyle: { borderColor: p.bg, borderWidth: 0.5 },
        data: b.points.filter((q) => q[2] === 0).map((q) => [q[0], q[1]]),
        z: 2,
      },
      {
        name: labels.class1,
        type: 'scatter',
        symbolSize: 5,
        color: '#2159c4',
        itemStyle: { borderColor: p.bg, borderWidth: 0.5 },
        data: b.points.filter((q) => q[2] === 1).map((q) => [q[0], q[1]]),
        z: 2,
      },
    ],
  };
}

/** ‖∂L/∂h_t‖ over t (log axis) for the recurrent runs being compared. */
export function recurrentOption(
  runs: ChartRun<RnnLabResult>[],
  theme: AppTheme,
  labels: ChartLabels,
): EChartsCoreOption {
  return {
    ...base(theme),
    xAxis: axis(theme, labels.t, { type: 'value', min: 0 }),
    yAxis: axis(theme, labels.lossGrad, {
      type: 'log',
      nameGap: 48,
      axisLabel: logTicks,
    }),
    series: runs.map((r, i) => ({
      name: r.name,
      type: 'line',
      showSymbol: false,
      color: RUN_COLORS[i % RUN_COLORS.length],
      data: r.result.lossGrad.map((v, t) => [t, pow10(v)]),
    })),
  };
}
