import { terminalSafe } from '../core/report/text';
import type { CliIO, Command } from './io';
import { nodeIO } from './node-io';

const HELP = `convscope — complexity of convolutional networks from the command line

Usage:
  convscope analyze <model.json | model.onnx | zoo:NAME> [--input CxHxW]
                    [--convention paper|all|fvcore|ptflops|macs|flops]
                    [--training sgd|momentum|adam|adamw [--batch N]] [--inplace]
                    [--dtype fp32|fp16|int8] [--json | --csv]
  convscope export <model.json | model.onnx | zoo:NAME> --pytorch | --format pytorch|json
                   [--input CxHxW]     a PyTorch nn.Module file (or the model JSON) on stdout
  convscope diff <A> <B> [--input CxHxW] [--all] [--json]
                   two designs (model.json, model.onnx, zoo:NAME) compared layer by layer
  convscope report <model.json | model.onnx | zoo:NAME> --format md|html|csv|json [--input CxHxW]
                   [--convention macs|flops] [--dtype fp32|fp16|int8]   a worksheet-style report
  convscope estimate <model.json | model.onnx | zoo:NAME> --device NAME [--input CxHxW]
                     [--dtype fp32|fp16|int8] [--batch N] [--measured-ms T] [--json]
  convscope estimate --list [--json]     the device presets (docs/devices.md)
  convscope sweep <model.json | zoo:NAME> (--input Cx{a..b:s}x{a..b:s} | --batch a..b[:s])
                  [--device NAME] [--dtype fp32|fp16|int8] [--json | --csv]
  convscope zoo
  convscope ops [--json]
  convscope gradients --depth L --activation A --init I [--width W] [--batch B] [--batchnorm]
                      [--residual] [--seeds N] [--dtype float64|float32] [--json]
  convscope gradients --rnn tanh|lstm [--steps T] [--seeds N] [--json]
  convscope erf <model.json | zoo:NAME> [--layer ID] [--input CxHxW] [--mode uniform|random]
                [--seeds N] [--json]
  convscope lab --list [--json]
  convscope lab --preset ID [--seed N] [--json]
  convscope quiz [--skill S] [--difficulty 1-3] [--count N] [--seed N] [--json]
  convscope quiz --grade FILE [--json]   grade a worksheet: the --json output with an "answer" per question
  convscope share <model.json | zoo:NAME> [--convention macs|flops] [--base URL]
                  prints a share code (cs1.…), or a link to the web edition at URL; a share link or
                  code works wherever a model is asked for (analyze, erf, share)
  convscope help
`;

/** Commands load lazily so that `convscope zoo` does not pay for the gradient engine, and vice versa. */
const commands: Record<string, () => Promise<Command>> = {
  analyze: async () => (await import('./commands/analyze')).analyze,
  diff: async () => (await import('./commands/diff')).diff,
  report: async () => (await import('./commands/report')).report,
  export: async () => (await import('./commands/export')).exportCommand,
  zoo: async () => (await import('./commands/zoo')).zoo,
  estimate: async () => (await import('./commands/estimate')).estimate,
  sweep: async () => (await import('./commands/sweep')).sweep,
  ops: async () => (await import('./commands/ops')).ops,
  quiz: async () => (await import('./commands/quiz')).quiz,
  gradients: async () => (await import('./commands/gradients')).gradients,
  erf: async () => (await import('./commands/erf')).erf,
  lab: async () => (await import('./commands/lab')).lab,
  share: async () => (await import('./commands/share')).share,
};

export async function main(argv: string[], io: CliIO = nodeIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(HELP);
    return name ? 0 : 1;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    io.err(`convscope: unknown command "${terminalSafe(name)}" (try: convscope help)`);
    return 1;
  }
  try {
    return await (
      await load()
    )(rest, io);
  } catch (error) {
    // Anything a command throws becomes one clear line: users of a CLI want the reason, not a stack.
    // Messages quote model files (layer ids, names): terminalSafe keeps them one inert line.
    const message = error instanceof Error ? error.message : String(error);
    io.err(`convscope ${name}: ${terminalSafe(message)}`);
    return 1;
  }
}
