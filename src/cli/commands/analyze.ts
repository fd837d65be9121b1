import type { AnalysisOptions, Dtype, Shape } from '../../core';
import { jsonText, reportCsv, reportJson, reportText } from '../../core/report';
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
        if (v !== 'macs' && v !== 'flops')
          throw new UsageError(`--convention must be macs or flops, got "${v}"`);
        out.options.convention = v;
        break;
      }
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
            `unknown option ${flag} (options: --input, --convention, --dtype, --json, --csv)`,
          );
        positional.push(a);
    }
  }
  if (positional.length === 0)
    throw new UsageError('missing model: give a model.json file or zoo:NAME (see convscope zoo)');
  if (positional.length > 1)
    throw new UsageError(`expected one model, got ${positional.length}: ${positional.join(' ')}`);
  out.model = positional[0];
  return out;
}

/** `convscope analyze`: the per-layer report of a zoo model, a model.json or a model.onnx file. */
export const analyze: Command = async (args, io) => {
  const { model, input, options, output } = parseAnalyzeArgs(args);
  const { analysis, jsonExtras, summary } = /\.onnx$/i.test(model)
    ? await (await import('../onnx-input')).analyzeOnnxFile(model, io, input, options)
    : {
        analysis: analyzeLoaded(await loadModel(model, io, input), model, options),
        jsonExtras: {},
        summary: '',
      };
  if (output === 'json') io.out(jsonText({ ...reportJson(analysis), ...jsonExtras }));
  else if (output === 'csv') io.out(reportCsv(analysis));
  else io.out(summary ? `${reportText(analysis)}\n\n${summary}` : reportText(analysis));
  return 0;
};
