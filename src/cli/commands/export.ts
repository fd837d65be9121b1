import { exportPytorch, PytorchExportError } from '../../core/export/pytorch';
import { parseFlags } from '../flags';
import { type Command, UsageError } from '../io';
import { analyzeLoaded, loadAnyModel } from '../model-input';
import { parseShapeArg } from './analyze';

const USAGE =
  'usage: convscope export <model.json | model.onnx | zoo:NAME> --pytorch | --format pytorch|json [--input CxHxW]';

const VALUE_FLAGS: ReadonlySet<string> = new Set(['--format', '--input']);

/**
 * `convscope export`: a design written as a self-contained PyTorch module (`--pytorch`) or as the
 * ConvScope model JSON (`--format json`, e.g. of an ONNX file), to standard output. A layer PyTorch
 * cannot express makes the export fail with its name and reason: nothing is dropped.
 */
export const exportCommand: Command = async (args, io) => {
  const positional: string[] = [];
  const flagArgs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (!args[i].startsWith('--')) positional.push(args[i]);
    else {
      flagArgs.push(args[i]);
      if (VALUE_FLAGS.has(args[i]) && i + 1 < args.length) flagArgs.push(args[++i]);
    }
  }
  const flags = parseFlags(flagArgs, VALUE_FLAGS, new Set(['--pytorch']), USAGE);
  if (positional.length !== 1) throw new UsageError(positional.length ? `one model only (${USAGE})` : USAGE);
  const format = flags.bools.has('--pytorch') ? 'pytorch' : flags.values.get('--format');
  if (flags.bools.has('--pytorch') && flags.values.has('--format'))
    throw new UsageError('give --pytorch or --format, not both');
  if (format !== 'pytorch' && format !== 'json')
    throw new UsageError(format ? `unknown format "${format}" (pytorch or json)` : USAGE);
  const inputText = flags.values.get('--input');
  const model = await loadAnyModel(positional[0], io, inputText ? parseShapeArg(inputText) : undefined);
  analyzeLoaded(model, positional[0], {}); // a design that does not analyse is reported first, by layer
  if (format === 'json') {
    io.out(JSON.stringify(model, null, 2));
    return 0;
  }
  const { code, unsupported } = exportPytorch(model);
  if (unsupported.length) throw new PytorchExportError(unsupported);
  io.out(code);
  return 0;
};
