import type { AnalysisOptions, Dtype } from '../../core';
import { analyzeTraining, type OptimizerName, OPTIMIZERS } from '../../core/analysis/training';
import {
  DEVICE_PRESETS,
  estimateJson,
  estimateModel,
  estimateText,
  findDevice,
  formatSeconds,
  placeMeasurement,
} from '../../core/hardware';
import { jsonText } from '../../core/report';
import { intFlag, parseFlags } from '../flags';
import { renderTable } from '../format';
import { type Command, UsageError } from '../io';
import { analyzeLoaded, loadModel } from '../model-input';
import { parseShapeArg } from './analyze';

const USAGE =
  'convscope estimate <model.json | model.onnx | zoo:NAME> --device NAME [--input CxHxW] [--dtype fp32|fp16|int8] [--batch N] [--training sgd|momentum|adam|adamw] [--measured-ms T] [--json]';

export function parseDtype(v: string | undefined): Dtype | undefined {
  if (v === undefined) return undefined;
  if (v !== 'fp32' && v !== 'fp16' && v !== 'int8')
    throw new UsageError(`--dtype must be fp32, fp16 or int8, got "${v}"`);
  return v;
}

export function deviceArg(name: string | undefined) {
  if (name === undefined) return undefined;
  try {
    return findDevice(name);
  } catch (error) {
    throw new UsageError(`--device: ${(error as Error).message}`);
  }
}

/** The device presets, as `estimate --list` prints them. */
function listDevices(json: boolean): string {
  if (json) return jsonText(DEVICE_PRESETS);
  return renderTable(
    ['id', 'name', 'fp32', 'fp16', 'int8', 'bandwidth', 'launch'],
    DEVICE_PRESETS.map((d) => [
      d.id,
      d.name,
      `${d.peak.fp32 / 1e12} T`,
      `${d.peak.fp16 / 1e12} T`,
      `${d.peak.int8 / 1e12} T`,
      `${d.bandwidth / 1e9} GB/s`,
      formatSeconds(d.launchOverhead),
    ]),
    ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
  );
}

/** `convscope estimate`: the roofline estimate of a model's forward pass on a device. */
export const estimate: Command = async (args, io) => {
  const positional = args.filter(
    (a, i) =>
      !a.startsWith('-') &&
      !(i > 0 && /^--(device|input|dtype|batch|training|measured-ms)$/.test(args[i - 1])),
  );
  const { values, bools } = parseFlags(
    args.filter((a) => !positional.includes(a)),
    new Set(['--device', '--input', '--dtype', '--batch', '--training', '--measured-ms']),
    new Set(['--json', '--list']),
    USAGE,
  );
  const json = bools.has('--json');
  if (bools.has('--list')) {
    io.out(listDevices(json));
    return 0;
  }
  if (positional.length !== 1)
    throw new UsageError(
      positional.length
        ? `expected one model, got ${positional.join(' ')}`
        : `missing model (usage: ${USAGE})`,
    );
  const device = deviceArg(values.get('--device'));
  if (!device) throw new UsageError('--device is required (convscope estimate --list shows the devices)');
  const [model] = positional;
  const input = values.has('--input') ? parseShapeArg(values.get('--input') as string) : undefined;
  const options: Partial<AnalysisOptions> = { dtype: parseDtype(values.get('--dtype')) ?? 'fp32' };
  const batch = intFlag(values, '--batch', 1, 1, 1 << 20);
  const optimizer = values.get('--training');
  if (optimizer !== undefined && !OPTIMIZERS.includes(optimizer as OptimizerName))
    throw new UsageError(`--training must be ${OPTIMIZERS.join(', ')}, got "${optimizer}"`);
  let analysis;
  let spec;
  if (/\.onnx$/i.test(model)) {
    const onnx = await (await import('../onnx-input')).analyzeOnnxFile(model, io, input, options);
    analysis = onnx.analysis;
    spec = onnx.model;
  } else {
    spec = await loadModel(model, io, input);
    analysis = analyzeLoaded(spec, model, options);
  }
  const training = optimizer
    ? analyzeTraining(spec, analysis, { optimizer: optimizer as OptimizerName, batch })
    : undefined;
  const e = estimateModel(analysis, device, batch, training);
  let measured;
  if (values.has('--measured-ms')) {
    const ms = Number(values.get('--measured-ms'));
    if (!(ms > 0 && Number.isFinite(ms)))
      throw new UsageError(
        `--measured-ms must be a positive number of milliseconds, got "${values.get('--measured-ms')}"`,
      );
    measured = placeMeasurement(device, e.dtype, e.flops, e.bytes, ms / 1e3);
  }
  io.out(
    json
      ? jsonText(estimateJson(analysis.model, analysis.input, e, measured))
      : estimateText(analysis.model, e, measured),
  );
  return 0;
};
