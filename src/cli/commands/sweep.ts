import type { Shape } from '../../core';
import {
  parseInputSweep,
  parseRange,
  sweepBatch,
  sweepCsv,
  sweepJson,
  sweepResolution,
  sweepText,
} from '../../core/hardware';
import { jsonText } from '../../core/report';
import { parseFlags } from '../flags';
import { type Command, UsageError } from '../io';
import { loadModel } from '../model-input';
import { deviceArg, parseDtype } from './estimate';

const USAGE =
  'convscope sweep <model.json | zoo:NAME> (--input Cx{a..b:s}x{a..b:s} | --batch a..b[:s]) [--device NAME] [--dtype fp32|fp16|int8] [--json | --csv]';

/** The error of a core parser as a usage error naming the flag. */
function flagged<T>(flag: string, f: () => T): T {
  try {
    return f();
  } catch (error) {
    const message = (error as Error).message;
    throw new UsageError(flag && !message.startsWith(flag) ? `${flag}: ${message}` : message);
  }
}

/** `convscope sweep`: MACs, parameters, activation memory and estimated time over input sizes or batch sizes. */
export const sweep: Command = async (args, io) => {
  const positional = args.filter(
    (a, i) => !a.startsWith('-') && !(i > 0 && /^--(device|input|dtype|batch)$/.test(args[i - 1])),
  );
  const { values, bools } = parseFlags(
    args.filter((a) => !positional.includes(a)),
    new Set(['--device', '--input', '--dtype', '--batch']),
    new Set(['--json', '--csv']),
    USAGE,
  );
  if (positional.length !== 1)
    throw new UsageError(
      positional.length
        ? `expected one model, got ${positional.join(' ')}`
        : `missing model (usage: ${USAGE})`,
    );
  if (bools.has('--json') && bools.has('--csv')) throw new UsageError('--json and --csv cannot be combined');
  const [arg] = positional;
  if (/\.onnx$/i.test(arg))
    throw new UsageError('sweep takes a model.json or zoo:NAME (an ONNX file has fixed shapes)');
  const device = deviceArg(values.get('--device'));
  const dtype = parseDtype(values.get('--dtype')) ?? 'fp32';
  const inputText = values.get('--input');
  const batchText = values.get('--batch');
  if ((inputText === undefined) === (batchText === undefined))
    throw new UsageError(
      `give one of --input (a resolution sweep) or --batch (a batch sweep) (usage: ${USAGE})`,
    );
  let result;
  let model;
  if (inputText !== undefined) {
    const { channels, sizes } = flagged('--input', () => parseInputSweep(inputText));
    model = await loadModel(arg, io);
    if (model.input.length !== 3) throw new UsageError(`${arg}: a resolution sweep needs a [C, H, W] input`);
    model = { ...model, input: [channels, model.input[1], model.input[2]] as Shape };
    result = sweepResolution(model, sizes, { dtype }, device);
  } else {
    const batches = flagged('', () => parseRange(batchText as string, '--batch'));
    model = await loadModel(arg, io);
    try {
      result = sweepBatch(model, batches, { dtype }, device);
    } catch (error) {
      throw new UsageError(`${arg}: ${(error as Error).message}`);
    }
  }
  if (bools.has('--json')) io.out(jsonText(sweepJson(model.name, result, dtype, device?.id)));
  else if (bools.has('--csv')) io.out(sweepCsv(result, dtype));
  else io.out(sweepText(model.name, result, dtype, device?.name));
  return 0;
};
