import type { ModelAnalysis } from '../../../../core/analysis';
import type { DemoResult } from './gradient-demos';
import { formatPower } from '../../format';

export type NetMetric = 'compute' | 'params' | 'memory';
export type Convention = 'macs' | 'flops';

/** The per-layer value a chart shows; FLOPs are 2 × MACs (multiply and add counted apart). */
export function layerValues(
  analysis: ModelAnalysis,
  metric: NetMetric,
  convention: Convention,
): { id: string; value: number }[] {
  const pick = (l: ModelAnalysis['layers'][number]) =>
    metric === 'params'
      ? l.params.total
      : metric === 'memory'
        ? l.activation.bytes
        : convention === 'flops'
          ? 2 * l.macs
          : l.macs;
  return analysis.layers.map((l) => ({ id: l.id, value: pick(l) })).filter((r) => r.value > 0);
}

export function layerTotal(analysis: ModelAnalysis, metric: NetMetric, convention: Convention): number {
  return layerValues(analysis, metric, convention).reduce((s, r) => s + r.value, 0);
}

/** Bars a chart shows at once; a model with more layers opens on its first ones, with a zoom slider. */
export const BARS_IN_VIEW = 20;

/**
 * A category axis of layer ids whose every label is readable: rotated, each bar in view labelled, and
 * for long models a slider that opens on the first {@link BARS_IN_VIEW} bars (ECharts still hides a
 * label rather than draw it over its neighbour).
 */
function layerAxis(ids: string[]): { xAxis: Record<string, unknown>; dataZoom: unknown[]; bottom: number } {
  const many = ids.length > BARS_IN_VIEW;
  return {
    xAxis: {
      type: 'category',
      data: ids,
      axisLabel: { rotate: 45, fontSize: 10, interval: 0, hideOverlap: true },
    },
    dataZoom: many
      ? [
          {
            type: 'slider',
            height: 14,
            bottom: 4,
            startValue: 0,
            endValue: BARS_IN_VIEW - 1,
            showDetail: false,
          },
        ]
      : [],
    // The grid contains its labels (containLabel); this is the room below them for the slider.
    bottom: many ? 24 : 4,
  };
}

/**
 * A tick step for an axis of bytes that reads in KiB/MiB: a power of two (1, 2, 4 … 512 KiB, 1 MiB …)
 * giving at most `ticks` steps up to `max`, so that the ticks are 32 KiB, 64 KiB … rather than 29.3 KiB.
 */
export function binaryStep(max: number, ticks = 5): number {
  let step = 1;
  while (step * ticks < max) step *= 2;
  return step;
}

/**
 * Bars per layer; large models get a zoom slider instead of unreadable labels. `bytes`: the values are
 * bytes, and the axis ticks fall on powers of two.
 */
export function layerBarOption(
  rows: { id: string; value: number }[],
  seriesName: string,
  format: (n: number) => string,
  tick: (n: number) => string = format,
  bytes = false,
): Record<string, unknown> {
  const axis = layerAxis(rows.map((r) => r.id));
  const max = Math.max(0, ...rows.map((r) => r.value));
  const step = binaryStep(max);
  return {
    backgroundColor: 'transparent',
    grid: { left: 8, right: 16, top: 16, bottom: axis.bottom, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => format(v) },
    xAxis: axis.xAxis,
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => tick(v) },
      ...(bytes && max > 0 ? { interval: step, max: Math.ceil(max / step) * step } : {}),
    },
    dataZoom: axis.dataZoom,
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: rows.map((r) => r.value),
        // A layer thousands of times smaller than the largest (the small net's fc) still shows a bar
        // and, when every bar fits in view, its value.
        barMinHeight: 2,
        label: {
          show: rows.length <= BARS_IN_VIEW,
          position: 'top',
          fontSize: 10,
          formatter: (p: { value: number }) => tick(p.value),
        },
        labelLayout: { hideOverlap: true },
      },
    ],
  };
}

/** log10 lines of a gradient demo, one per series. */
export function demoLineOption(
  result: DemoResult,
  names: string[],
  axisName: string,
  metricName: string,
): Record<string, unknown> {
  return {
    backgroundColor: 'transparent',
    grid: { left: 56, right: 16, top: 36, bottom: 40 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number | null) => (v === null ? '—' : formatPower(10, v, 2)),
    },
    xAxis: { type: 'category', data: result.x, name: axisName, nameLocation: 'middle', nameGap: 26 },
    // The values are log10: the axis says so once instead of writing 10^x at every tick.
    yAxis: { type: 'value', name: `log₁₀ ${metricName}` },
    // A remedy's problem is dashed and drawn on top: where the two curves meet, both stay visible.
    series: result.series.map((s, i) => ({
      type: 'line',
      name: names[i],
      data: s.values,
      showSymbol: false,
      connectNulls: false,
      ...(i === 0 && result.series.length > 1 ? { lineStyle: { type: 'dashed' }, z: 3 } : {}),
    })),
  };
}

/** RF size per layer against an object size: bars that cover the object are highlighted. */
export function rfGrowthOption(
  rows: { id: string; rf: number }[],
  objectSize: number,
  colors: { on: string; off: string; line: string },
  objectLabel: string,
): Record<string, unknown> {
  const axis = layerAxis(rows.map((r) => r.id));
  return {
    backgroundColor: 'transparent',
    grid: { left: 8, right: 16, top: 16, bottom: axis.bottom, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: axis.xAxis,
    yAxis: { type: 'value' },
    dataZoom: axis.dataZoom,
    series: [
      {
        type: 'bar',
        data: rows.map((r) => ({
          value: r.rf,
          itemStyle: { color: r.rf >= objectSize ? colors.on : colors.off },
        })),
        markLine: {
          symbol: 'none',
          label: { formatter: objectLabel },
          lineStyle: { color: colors.line, type: 'dashed' },
          data: [{ yAxis: objectSize }],
        },
      },
    ],
  };
}

/** Per-layer log10 variances of the initialisation widget: one line per signal, layer 0 = the input. */
export function initVarianceOption(
  layers: { layer: number; values: (number | null)[] }[],
  names: string[],
  axis: { layer: string; value: string },
): Record<string, unknown> {
  const log = (v: number | null) => (v !== null && v > 0 && Number.isFinite(v) ? Math.log10(v) : null);
  return {
    backgroundColor: 'transparent',
    grid: { left: 56, right: 16, top: 40, bottom: 44 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number | null) => (v === null ? '—' : formatPower(10, v, 1)),
    },
    xAxis: {
      type: 'category',
      data: layers.map((l) => l.layer),
      name: axis.layer,
      nameLocation: 'middle',
      nameGap: 26,
    },
    // At least four decades tall, so that a level line looks level and not like noise.
    yAxis: {
      type: 'value',
      name: axis.value,
      nameTextStyle: { align: 'left' },
      min: (v: { min: number }) => Math.min(Math.floor(v.min), -2),
      max: (v: { max: number }) => Math.max(Math.ceil(v.max), 2),
    },
    series: names.map((name, i) => ({
      type: 'line',
      name,
      data: layers.map((l) => log(l.values[i] ?? null)),
      showSymbol: false,
      connectNulls: false,
    })),
  };
}
