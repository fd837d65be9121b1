import type { EChartsCoreOption } from 'echarts/core';
import type { TrainingAnalysis } from '../../../core/analysis';
import { formatBytes } from '../../../core/format';

/** The parts of the peak memory of a step, in stacking order; they add up to `peakBytes`. */
export function memoryParts(t: TrainingAnalysis): { key: string; bytes: number }[] {
  const fixed = t.paramBytes + t.gradBytes + t.optimizerStateBytes;
  return [
    { key: 'paramBytes', bytes: t.paramBytes },
    { key: 'gradBytes', bytes: t.gradBytes },
    { key: 'optimizerStateBytes', bytes: t.optimizerStateBytes },
    { key: 'savedActivationBytes', bytes: t.savedActivationBytes },
    { key: 'otherPeak', bytes: Math.max(0, t.peakBytes - fixed - t.savedActivationBytes) },
  ];
}

/** One horizontal bar stacked from `parts` (each with its label), values formatted by `format`. */
function stackedBar(
  category: string,
  parts: { name: string; value: number }[],
  format: (v: number) => string,
): EChartsCoreOption {
  return {
    backgroundColor: 'transparent',
    animation: false,
    grid: { left: 16, right: 24, top: 36, bottom: 28, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { seriesName: string; value: number }) => `${p.seriesName}: ${format(p.value)}`,
    },
    xAxis: { type: 'value', axisLabel: { formatter: format } },
    yAxis: { type: 'category', data: [category] },
    series: parts.map((p) => ({ name: p.name, type: 'bar', stack: 'total', data: [p.value], barWidth: 28 })),
  };
}

/** Memory per step: parameters, gradients, optimizer state, saved activations, other live tensors. */
export function trainingMemoryOption(t: TrainingAnalysis, label: (key: string) => string, category: string) {
  return stackedBar(
    category,
    memoryParts(t).map((p) => ({ name: label(p.key), value: p.bytes })),
    (v) => formatBytes(v),
  );
}

/** MACs per step: forward and backward, counted by `count` (the reader's locale's way). */
export function trainingComputeOption(
  t: TrainingAnalysis,
  names: { forward: string; backward: string },
  category: string,
  count: (n: number) => string,
) {
  return stackedBar(
    category,
    [
      { name: names.forward, value: t.forwardMacs },
      { name: names.backward, value: t.backwardMacs },
    ],
    count,
  );
}
