/**
 * The estimate and sweep as the command line prints them: JSON documents (documented in README),
 * CSV for sweeps, and terminal text. Every text names itself a roofline estimate.
 */
import { formatBytes, formatCount } from '../format';
import { renderTable, terminalSafe, toCsv } from '../report';
import type { MeasuredPoint, ModelEstimate } from './roofline';
import { ESTIMATE_LABEL } from './roofline';
import { growth, SWEEP_METRICS, type Sweep, type SweepMetric } from './sweep';

/** Seconds with a unit a reader expects: "1.41 ms", "35.2 µs", "2.10 s". */
export function formatSeconds(s: number, digits = 3): string {
  const a = Math.abs(s);
  const [v, u] =
    a >= 1
      ? [s, 's']
      : a >= 1e-3
        ? [s * 1e3, 'ms']
        : a >= 1e-6 || a === 0
          ? [s * 1e6, 'µs']
          : [s * 1e9, 'ns'];
  return `${Number(v.toPrecision(digits))} ${u}`;
}

const r6 = (x: number) => Number(x.toPrecision(6));

export function estimateJson(
  model: string,
  input: readonly number[],
  e: ModelEstimate,
  measured?: MeasuredPoint,
) {
  return {
    label: ESTIMATE_LABEL,
    model,
    input,
    device: e.device,
    dtype: e.dtype,
    batch: e.batch,
    pass: e.pass,
    peak: e.peak,
    bandwidth: e.bandwidth,
    ridge: r6(e.ridge),
    seconds: r6(e.seconds),
    flops: e.flops,
    bytes: e.bytes,
    bounds: e.bounds,
    roofs: e.roofs,
    byKind: e.byKind.map((k) => ({ ...k, seconds: r6(k.seconds), share: r6(k.share) })),
    dominating: e.dominating.map((d) => ({ ...d, seconds: r6(d.seconds), share: r6(d.share) })),
    unknown: e.unknown,
    trainingStep: e.trainingStep && {
      optimizer: e.trainingStep.optimizer,
      batch: e.trainingStep.batch,
      seconds: r6(e.trainingStep.seconds),
      forwardSeconds: r6(e.trainingStep.forwardSeconds),
      backwardSeconds: r6(e.trainingStep.backwardSeconds),
      updateSeconds: r6(e.trainingStep.updateSeconds),
      flops: e.trainingStep.flops,
      bytes: e.trainingStep.bytes,
      update: { ...e.trainingStep.update, seconds: r6(e.trainingStep.update.seconds) },
      backward: e.trainingStep.backward.map((w) => ({
        id: w.id,
        op: w.op,
        flops: w.flops,
        bytes: w.bytes,
        seconds: r6(w.seconds),
      })),
    },
    ...(measured
      ? {
          measured: {
            ...measured,
            intensity: r6(measured.intensity),
            achieved: r6(measured.achieved),
            roof: r6(measured.roof),
          },
        }
      : {}),
    layers: e.layers.map((l) => ({
      id: l.id,
      op: l.op,
      flops: l.flops,
      bytes: l.bytes,
      intensity: r6(l.intensity),
      attainable: r6(l.attainable),
      computeSeconds: r6(l.computeSeconds),
      memorySeconds: r6(l.memorySeconds),
      overheadSeconds: l.overheadSeconds,
      seconds: r6(l.seconds),
      roof: l.roof,
      bound: l.bound,
    })),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

export function estimateText(model: string, e: ModelEstimate, measured?: MeasuredPoint): string {
  const d = e.device;
  const table = renderTable(
    ['id', 'op', 'FLOPs', 'bytes', 'FLOP/B', 'attainable', 'time', 'bound'],
    e.layers.map((l) => [
      l.id,
      l.op,
      formatCount(l.flops),
      formatBytes(l.bytes, 'iec'),
      l.intensity.toPrecision(3),
      `${formatCount(l.attainable)}FLOP/s`,
      formatSeconds(l.seconds),
      l.bound,
    ]),
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'left'],
  );
  const lines = [
    `${terminalSafe(model)} on ${terminalSafe(d.name)}, ${e.dtype}, batch ${e.batch} — ${ESTIMATE_LABEL}`,
    `peak ${formatCount(e.peak)}FLOP/s · bandwidth ${formatCount(e.bandwidth)}B/s · ridge ${e.ridge.toPrecision(3)} FLOP/B · launch overhead ${formatSeconds(d.launchOverhead)} per layer`,
    '',
    table,
    '',
    `estimated time per inference: ${formatSeconds(e.seconds)} (forward pass)`,
    ...(e.trainingStep
      ? [
          `estimated time per training step (${e.trainingStep.optimizer}, batch ${e.trainingStep.batch}): ${formatSeconds(e.trainingStep.seconds)} = forward ${formatSeconds(e.trainingStep.forwardSeconds)} + backward ${formatSeconds(e.trainingStep.backwardSeconds)} + update ${formatSeconds(e.trainingStep.updateSeconds)}`,
        ]
      : []),
    `bound: ${e.bounds.compute} compute, ${e.bounds.memory} memory, ${e.bounds.overhead} launch overhead · under the memory roof: ${e.roofs.memory} of ${e.layers.length} layers`,
    `dominating: ${e.dominating.map((x) => `${terminalSafe(x.id)} ${formatSeconds(x.seconds)} (${pct(x.share)})`).join(', ')}`,
    `time by operator: ${e.byKind.map((k) => `${k.op} ${pct(k.share)}`).join(', ')}`,
  ];
  if (e.unknown.length)
    lines.push(
      `INCOMPLETE: ${e.unknown.length === 1 ? '1 layer' : `${e.unknown.length} layers`} of unknown cost left out (${e.unknown.map(terminalSafe).join(', ')}): the time is a lower bound`,
    );
  if (measured)
    lines.push(
      `measured: ${formatCount(measured.achieved)}FLOP/s at ${measured.intensity.toPrecision(3)} FLOP/B, roof ${formatCount(measured.roof)}FLOP/s` +
        (measured.aboveRoof
          ? ' — ABOVE THE ROOF: impossible, so a convention or unit is wrong (MACs counted as FLOPs? ms read as s? the wrong data type or a sparse peak?)'
          : ` (${pct(measured.achieved / measured.roof)} of the roof)`),
    );
  return lines.join('\n');
}

const METRIC_HEAD: Record<SweepMetric, string> = {
  macs: 'MACs',
  params: 'params',
  activationBytes: 'activation',
  trainingBytes: 'training (Adam)',
  seconds: 'time',
};

export function sweepJson(model: string, sweep: Sweep, dtype: string, device?: string) {
  return {
    label: ESTIMATE_LABEL,
    model,
    axis: sweep.axis,
    dtype,
    device: device ?? null,
    points: sweep.points.map((p) => ({ ...p, seconds: p.seconds === null ? null : r6(p.seconds) })),
    fits: Object.fromEntries(
      SWEEP_METRICS.map((m) => {
        const f = sweep.fits[m];
        return [m, f && { exponent: r6(f.exponent), growth: growth(f.exponent), local: f.local.map(r6) }];
      }),
    ),
  };
}

export function sweepCsv(sweep: Sweep, dtype: string): string {
  return toCsv([
    [
      'x',
      'channels',
      'h',
      'w',
      'batch',
      'macs',
      'params',
      `activation_bytes_${dtype}`,
      `training_adam_bytes_${dtype}`,
      'seconds',
      'error',
    ],
    ...sweep.points.map((p) => [
      p.x,
      p.input[0],
      p.input[1] ?? '',
      p.input[2] ?? '',
      p.batch,
      p.error ? '' : p.macs,
      p.error ? '' : p.params,
      p.error ? '' : p.activationBytes,
      p.trainingBytes ?? '',
      p.seconds === null ? '' : r6(p.seconds),
      p.error ?? '',
    ]),
  ]);
}

export function sweepText(model: string, sweep: Sweep, dtype: string, device?: string): string {
  const x = sweep.axis === 'batch' ? 'batch' : 'side';
  const table = renderTable(
    [x, 'input', 'MACs', 'params', 'activation', 'training (Adam)', 'time'],
    sweep.points.map((p) =>
      p.error
        ? [String(Number(p.x.toPrecision(6))), p.input.join('×'), `error: ${p.error}`, '', '', '', '']
        : [
            String(Number(p.x.toPrecision(6))),
            p.input.join('×'),
            formatCount(p.macs),
            formatCount(p.params),
            formatBytes(p.activationBytes, 'iec'),
            p.trainingBytes === null ? '—' : formatBytes(p.trainingBytes, 'iec'),
            p.seconds === null ? '—' : formatSeconds(p.seconds),
          ],
    ),
    ['right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  const fits = SWEEP_METRICS.map((m) => {
    const f = sweep.fits[m];
    if (!f) return `${METRIC_HEAD[m]}: —`;
    const g = growth(f.exponent);
    return `${METRIC_HEAD[m]} ∝ ${x}^${f.exponent.toFixed(2)}${g ? ` (${g})` : ''}`;
  });
  return [
    `${terminalSafe(model)}: ${sweep.axis} sweep, ${dtype}${device ? `, time on ${terminalSafe(device)} (${ESTIMATE_LABEL})` : ''}`,
    '',
    table,
    '',
    `fitted growth: ${fits.join(' · ')}`,
  ].join('\n');
}
