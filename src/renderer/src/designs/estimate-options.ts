/** Chart options of the roofline estimate and the sweeps (the numbers all come from src/core/hardware). */
import type { EChartsCoreOption } from 'echarts/core';
import { formatBytes, formatCount } from '../../../core/format';
import {
  attainableAt,
  formatSeconds,
  type Bound,
  type MeasuredPoint,
  type ModelEstimate,
  type Sweep,
  type SweepMetric,
} from '../../../core/hardware';

const base = {
  backgroundColor: 'transparent',
  animation: false,
};

/** Fixed colours per roof/bound, readable on light and dark backgrounds. */
export const BOUND_COLOR: Record<Bound | 'measured', string> = {
  memory: '#2f7ed8',
  compute: '#e8743b',
  overhead: '#8c8c8c',
  measured: '#d62728',
};

export interface RooflineNames {
  roof: string;
  memory: string;
  compute: string;
  measured: string;
  x: string;
  y: string;
  time: string;
  /** Intensity ticks in the reader's way of counting (1K, 1000). Rates keep SI: 100 GFLOP/s. */
  count: (n: number) => string;
}

/**
 * The device's roof and every layer that does arithmetic and moves memory as a point at
 * (intensity, attainable FLOP/s), coloured by the roof it sits under; hovering names the layer.
 */
export function rooflineOption(
  e: ModelEstimate,
  names: RooflineNames,
  measured?: MeasuredPoint | null,
): EChartsCoreOption {
  const points = e.layers.filter((l) => l.intensity > 0);
  const xs = points.map((p) => p.intensity);
  if (measured) xs.push(measured.intensity);
  const lo = Math.min(e.ridge / 10, ...xs) / 2;
  const hi = Math.max(e.ridge * 10, ...xs) * 2;
  const roof = [lo, e.ridge, hi].map((x) => [x, attainableAt(e.device, e.dtype, x)]);
  const scatter = (roofSide: 'memory' | 'compute', name: string) => ({
    type: 'scatter',
    name,
    symbolSize: 7,
    itemStyle: { color: BOUND_COLOR[roofSide], opacity: 0.8 },
    data: points
      .filter((p) => p.roof === roofSide)
      .map((p) => ({ value: [p.intensity, p.attainable], name: p.id, op: p.op, seconds: p.seconds })),
  });
  const series: object[] = [
    { type: 'line', name: names.roof, data: roof, showSymbol: false, lineStyle: { width: 2 }, z: 1 },
    scatter('memory', names.memory),
    scatter('compute', names.compute),
  ];
  if (measured)
    series.push({
      type: 'scatter',
      name: names.measured,
      symbol: 'diamond',
      symbolSize: 14,
      itemStyle: { color: BOUND_COLOR.measured },
      data: [{ value: [measured.intensity, measured.achieved], name: names.measured }],
    });
  return {
    ...base,
    grid: { left: 84, right: 32, top: 40, bottom: 52 },
    legend: { data: series.map((s) => (s as { name: string }).name), top: 4 },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { name?: string; value?: number[]; data?: { op?: string; seconds?: number } }) =>
        p.value
          ? `<b>${p.name ?? ''}</b>${p.data?.op ? ` · ${p.data.op}` : ''}<br/>${p.value[0].toPrecision(3)} FLOP/B · ${formatCount(p.value[1])}FLOP/s` +
            (p.data?.seconds !== undefined ? `<br/>${names.time}: ${formatSeconds(p.data.seconds)}` : '')
          : '',
    },
    xAxis: {
      type: 'log',
      name: names.x,
      nameLocation: 'middle',
      nameGap: 30,
      min: lo,
      max: hi,
      axisLabel: { formatter: names.count },
    },
    yAxis: {
      type: 'log',
      name: names.y,
      nameLocation: 'middle',
      nameGap: 60,
      axisLabel: { formatter: (v: number) => formatCount(v) },
    },
    series,
  };
}

/** One bar per layer: its estimated time, coloured by what bounds it. */
export function layerTimeOption(
  e: ModelEstimate,
  names: Record<Bound, string> & { time: string },
): EChartsCoreOption {
  const n = e.layers.length;
  const bar = (bound: Bound) => ({
    type: 'bar',
    name: names[bound],
    stack: 'time',
    itemStyle: { color: BOUND_COLOR[bound] },
    large: n > 200,
    data: e.layers.map((l) => (l.bound === bound ? l.seconds : null)),
  });
  return {
    ...base,
    grid: { left: 64, right: 24, top: 40, bottom: n > 40 ? 64 : 40 },
    legend: { data: [names.compute, names.memory, names.overhead], top: 4 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'shadow' },
      formatter: (ps: { dataIndex: number }[]) => {
        const l = e.layers[ps[0]?.dataIndex ?? -1];
        return l
          ? `<b>${l.id}</b> · ${l.op}<br/>${names.time}: ${formatSeconds(l.seconds)} (${names[l.bound]})`
          : '';
      },
    },
    dataZoom: n > 40 ? [{ type: 'slider', height: 18, bottom: 4 }, { type: 'inside' }] : [],
    xAxis: { type: 'category', data: e.layers.map((l) => l.id), axisLabel: { interval: 'auto' } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatSeconds(v, 2) } },
    series: [bar('compute'), bar('memory'), bar('overhead')],
  };
}

/** The share of the estimated time per operator kind, largest first, as horizontal bars. */
export function kindShareOption(
  e: ModelEstimate,
  opName: (op: string) => string,
  shareName: string,
): EChartsCoreOption {
  const kinds = [...e.byKind].reverse();
  return {
    ...base,
    grid: { left: 140, right: 56, top: 16, bottom: 24 },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { dataIndex: number }) => {
        const k = kinds[p.dataIndex];
        return k
          ? `<b>${opName(k.op)}</b><br/>${(100 * k.share).toFixed(1)}% · ${formatSeconds(k.seconds)} · ${k.layers}`
          : '';
      },
    },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: kinds.map((k) => opName(k.op)) },
    series: [
      {
        type: 'bar',
        name: shareName,
        data: kinds.map((k) => Number((100 * k.share).toFixed(2))),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number }) => `${p.value.toFixed(1)}%`,
        },
      },
    ],
  };
}

/** Each sweep metric's values; counts in the reader's way of counting (`count`). */
const sweepFormat = (count: (n: number) => string): Record<SweepMetric, (v: number) => string> => ({
  macs: count,
  params: count,
  activationBytes: (v) => formatBytes(v, 'iec'),
  trainingBytes: (v) => formatBytes(v, 'iec'),
  seconds: (v) => formatSeconds(v, 3),
});

/**
 * A sweep's curve on log–log axes (a power law is a straight line; its slope is the exponent), with
 * the segments whose local exponent is about 2 or more drawn thick: where the cost grows quadratically.
 */
export function sweepOption(
  sweep: Sweep,
  metric: SweepMetric,
  names: { x: string; y: string; quadratic: string; count: (n: number) => string },
): EChartsCoreOption {
  const ok = sweep.points.filter(
    (p) => p.error === undefined && p[metric] !== null && (p[metric] as number) > 0,
  );
  const data = ok.map((p) => [p.x, p[metric] as number]);
  const local = sweep.fits[metric]?.local ?? [];
  const steep = data.map((d, i) => ((local[i - 1] ?? 0) >= 1.9 || (local[i] ?? 0) >= 1.9 ? d : [d[0], null]));
  const fmt = sweepFormat(names.count)[metric];
  return {
    ...base,
    grid: { left: 80, right: 24, top: 40, bottom: 52 },
    legend: { data: [names.y, names.quadratic], top: 4 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (ps: { dataIndex: number }[]) => {
        const p = ok[ps[0]?.dataIndex ?? -1];
        return p
          ? `${names.x} ${Number(p.x.toPrecision(6))} (${p.input.join('×')}${sweep.axis === 'batch' ? `, N = ${p.batch}` : ''})<br/>${fmt(p[metric] as number)}`
          : '';
      },
    },
    xAxis: {
      type: 'log',
      name: names.x,
      nameLocation: 'middle',
      nameGap: 30,
      logBase: 2,
      axisLabel: { formatter: (v: number) => String(Number(v.toPrecision(4))) },
    },
    yAxis: { type: 'log', axisLabel: { formatter: fmt } },
    series: [
      { type: 'line', name: names.y, data, symbolSize: 6 },
      {
        type: 'line',
        name: names.quadratic,
        data: steep,
        showSymbol: false,
        lineStyle: { width: 6, opacity: 0.35 },
        connectNulls: false,
      },
    ],
  };
}
