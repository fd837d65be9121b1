// Modules, not the core's index: the index would load zod and the model schema on every analysis.
import type { AnalysisOptions, Dtype, ModelAnalysis, ModelSpec, Shape } from '../../core';
import { applyConvention, CONVENTION_NAMES, type ConventionName } from '../../core/analysis/conventions';
import { analyzeTraining, type OptimizerName, OPTIMIZERS } from '../../core/analysis/training';
import {
  conventionJson,
  conventionText,
  jsonText,
  reportCsv,
  reportJson,
  reportText,
  trainingJson,
  trainingText,
} from '../../core/report';
import { type Command, UsageError } from '../io';
import { analyzeLoaded, loadModel } from '../model-input';

export function parseShapeArg(s: string): Shape {
  const parts = s.split(/[x×,]/i).map((p) => p.trim());
  const nums = parts.map(Number);
  if (
    !(nums.length === 1 || nums.length === 3) ||
    nums.some((n, i) => !/^\d+$/.test(parts[i]) || n < 1 || !Number.isSafeInteger(n))
  ) {
    throw new UsageError(`--input must be CxHxW (e.g. 3x224x224) or N, got "${s}"`);
  }
  return nums as Shape;
}

interface AnalyzeArgs {
  model: string;
  input?: Shape;
  options: Partial<AnalysisOptions>;
  output: 'table' | 'json' | 'csv';
  /** A counting convention preset (docs/conventions.md). */
  preset?: ConventionName;
  training?: OptimizerName;
  batch?: number;
}

export function parseAnalyzeArgs(args: string[]): AnalyzeArgs {
  const out: AnalyzeArgs = { model: '', options: {}, output: 'table' };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      if (eq > 0) return a.slice(eq + 1);
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--input':
        out.input = parseShapeArg(value());
        break;
      case '--convention': {
        const v = value();
        if (v === 'macs' || v === 'flops') out.options.convention = v;
        else if ((CONVENTION_NAMES as readonly string[]).includes(v)) out.preset = v as ConventionName;
        else
          throw new UsageError(
            `--convention must be ${CONVENTION_NAMES.join(', ')}, macs or flops, got "${v}"`,
          );
        break;
      }
      case '--training': {
        const v = value();
        if (!(OPTIMIZERS as readonly string[]).includes(v))
          throw new UsageError(`--training must be ${OPTIMIZERS.join(', ')}, got "${v}"`);
        out.training = v as OptimizerName;
        break;
      }
      case '--batch': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < 1)
          throw new UsageError(`--batch must be a positive integer, got "${v}"`);
        out.batch = n;
        break;
      }
      case '--inplace':
        out.options.inplaceActivations = true;
        break;
      case '--dtype': {
        const v = value();
        if (v !== 'fp32' && v !== 'fp16' && v !== 'int8')
          throw new UsageError(`--dtype must be fp32, fp16 or int8, got "${v}"`);
        out.options.dtype = v as Dtype;
        break;
      }
      case '--json':
      case '--csv': {
        const kind = flag.slice(2) as 'json' | 'csv';
        if (out.output !== 'table' && out.output !== kind)
          throw new UsageError('--json and --csv cannot be combined');
        out.output = kind;
        break;
      }
      default:
        if (a.startsWith('-'))
          throw new UsageError(
            `unknown option ${flag} (options: --input, --convention, --training, --batch, --inplace, --dtype, --json, --csv)`,
          );
        positional.push(a);
    }
  }
  if (positional.length === 0)
    throw new UsageError('missing model: give a model.json file or zoo:NAME (see convscope zoo)');
  if (positional.length > 1)
    throw new UsageError(`expected one model, got ${positional.length}: ${positional.join(' ')}`);
  out.model = positional[0];
  if (out.batch !== undefined && !out.training)
    throw new UsageError('--batch needs --training (sgd, momentum, adam or adamw)');
  if (out.output === 'csv' && (out.preset || out.training))
    throw new UsageError(
      '--csv prints the layer table only: use --json or the table with --convention or --training',
    );
  return out;
}

/** `convscope analyze`: the per-layer report of a zoo model, a model.json or a model.onnx file. */
export const analyze: Command = async (args, io) => {
  const { model, input, options, output, preset, training, batch } = parseAnalyzeArgs(args);
  let spec: ModelSpec;
  let analysis: ModelAnalysis;
  let jsonExtras: object = {};
  let summary = '';
  if (/\.onnx$/i.test(model)) {
    const r = await (await import('../onnx-input')).analyzeOnnxFile(model, io, input, options);
    ({ analysis, jsonExtras, summary, model: spec } = r);
  } else {
    spec = await loadModel(model, io, input);
    analysis = analyzeLoaded(spec, model, options);
  }
  const conv = preset ? applyConvention(spec, analysis, preset) : undefined;
  const train = training
    ? analyzeTraining(spec, analysis, { optimizer: training, batch: batch ?? 1 })
    : undefined;
  if (output === 'json') {
    io.out(
      jsonText({
        ...reportJson(analysis, spec),
        ...jsonExtras,
        ...(conv ? { convention: conventionJson(conv) } : {}),
        ...(train ? { training: trainingJson(train) } : {}),
      }),
    );
  } else if (output === 'csv') io.out(reportCsv(analysis));
  else {
    const parts = [reportText(analysis), summary, conv && conventionText(conv), train && trainingText(train)];
    io.out(parts.filter(Boolean).join('\n\n'));
  }
  return 0;
};
