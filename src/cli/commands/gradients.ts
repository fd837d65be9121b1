import {
  type Activation,
  DEFAULT_RECURRENT,
  type GradientSetup,
  formatInit,
  gradientStats,
  parseInit,
  recurrentStats,
} from '../../core/autograd';
import { intFlag as int, parseFlags } from '../flags';
import { type Command, UsageError } from '../io';

const MLP_ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu'] as const;
const VALUE_FLAGS = new Set([
  '--depth',
  '--width',
  '--batch',
  '--activation',
  '--init',
  '--seeds',
  '--dtype',
  '--rnn',
  '--steps',
]);
const BOOL_FLAGS = new Set(['--batchnorm', '--residual', '--json']);

const fmt = (v: number | null | undefined, digits = 3): string =>
  v === null || v === undefined ? 'n/a' : v.toFixed(digits);

/**
 * `convscope gradients`: the vanishing/exploding-gradient measurement of the reference setup
 * (per-layer log10 ‖dL/dW_l‖ over seeds), or with `--rnn` the recurrent curves over time.
 */
export const gradients: Command = async (args, io) => {
  const { values, bools } = parseFlags(args, VALUE_FLAGS, BOOL_FLAGS);
  const json = bools.has('--json');
  const seeds = int(values, '--seeds', 20, 1, 1000);
  const rnn = values.get('--rnn');
  if (rnn !== undefined) {
    for (const flag of ['--depth', '--width', '--batch', '--activation', '--init', '--dtype']) {
      if (values.has(flag)) throw new UsageError(`${flag} does not apply with --rnn`);
    }
    for (const flag of ['--batchnorm', '--residual'])
      if (bools.has(flag)) throw new UsageError(`${flag} does not apply with --rnn`);
    if (rnn !== 'tanh' && rnn !== 'lstm') throw new UsageError(`--rnn must be tanh or lstm, got "${rnn}"`);
    const steps = int(values, '--steps', DEFAULT_RECURRENT.steps, 1, 200);
    const stats = recurrentStats({ ...DEFAULT_RECURRENT, cell: rnn, steps }, seeds);
    if (json) {
      io.out(
        JSON.stringify(
          { config: { ...stats.setup, dtype: 'float64' }, seeds, points: stats.points },
          null,
          2,
        ),
      );
      return 0;
    }
    const lstm = rnn === 'lstm';
    const { hidden, input, batch } = stats.setup;
    io.out(
      `${lstm ? 'LSTM' : 'tanh RNN'} cell, hidden ${hidden}, input ${input}, batch ${batch}, T = ${steps}, ${seeds} seeds, float64`,
    );
    io.out(`log10 of batch-mean norms, mean ± std over seeds (L = Σ h_T)`);
    io.out(
      `${'t'.padStart(4)}  ${'‖∂h_T/∂h_t‖_F'.padStart(18)}  ${'‖∂L/∂h_t‖'.padStart(18)}${lstm ? `  ${'‖∂h_T/∂c_t‖_F'.padStart(18)}` : ''}`,
    );
    for (const p of stats.points) {
      const cell = lstm
        ? `  ${`${fmt(p.log10CellJacobianFroMean)} ± ${fmt(p.log10CellJacobianFroStd)}`.padStart(18)}`
        : '';
      io.out(
        `${String(p.t).padStart(4)}  ${`${fmt(p.log10JacobianFroMean)} ± ${fmt(p.log10JacobianFroStd)}`.padStart(18)}  ${`${fmt(p.log10LossGradNormMean)} ± ${fmt(p.log10LossGradNormStd)}`.padStart(18)}${cell}`,
      );
    }
    return 0;
  }
  if (values.has('--steps')) throw new UsageError('--steps applies only with --rnn');
  const depth = int(values, '--depth', null, 1, 100);
  const width = int(values, '--width', 64, 2, 512);
  const batch = int(values, '--batch', 128, 1, 4096);
  const activation = values.get('--activation');
  if (activation === undefined)
    throw new UsageError('--activation is required (sigmoid, tanh, relu, leaky_relu, elu)');
  if (!(MLP_ACTIVATIONS as readonly string[]).includes(activation)) {
    throw new UsageError(`unknown activation "${activation}" (expected ${MLP_ACTIVATIONS.join(', ')})`);
  }
  const initText = values.get('--init');
  if (initText === undefined)
    throw new UsageError(
      '--init is required (normal:STD, xavier_normal, xavier_uniform, kaiming_normal, kaiming_uniform)',
    );
  let init;
  try {
    init = parseInit(initText);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const dtype = values.get('--dtype') ?? 'float64';
  if (dtype !== 'float64' && dtype !== 'float32')
    throw new UsageError(`--dtype must be float64 or float32, got "${dtype}"`);
  const setup: GradientSetup = {
    depth,
    width,
    batch,
    activation: activation as Exclude<Activation, 'identity'>,
    init,
    batchnorm: bools.has('--batchnorm'),
    residual: bools.has('--residual'),
    dtype,
  };
  const stats = gradientStats(setup, seeds);
  const config = { ...setup, init: formatInit(init) };
  if (json) {
    io.out(
      JSON.stringify(
        {
          config,
          seeds,
          layers: stats.layers.map((l) => ({
            index: l.index,
            log10GradNormMean: l.log10GradNormMean,
            log10GradNormStd: l.log10GradNormStd,
          })),
          log10RatioFirstLastMean: stats.log10RatioFirstLastMean,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const extras = [setup.batchnorm ? 'BatchNorm' : '', setup.residual ? 'residual' : '']
    .filter(Boolean)
    .join(', ');
  io.out(
    `MLP depth ${depth} (Linear layers), width ${width}, batch ${batch}, ${activation}, init ${config.init}${extras ? `, ${extras}` : ''}, ${seeds} seeds, ${dtype}`,
  );
  io.out('loss = mean(y²); log10 ‖dL/dW_l‖_F, mean ± std over seeds');
  if (stats.nonfiniteSeeds > 0)
    io.out(`${stats.nonfiniteSeeds} of ${seeds} seeds gave a zero or non-finite gradient and are left out`);
  io.out(`${'layer'.padStart(5)}  ${'mean'.padStart(9)}  ${'std'.padStart(7)}`);
  for (const l of stats.layers)
    io.out(
      `${String(l.index).padStart(5)}  ${fmt(l.log10GradNormMean).padStart(9)}  ${fmt(l.log10GradNormStd).padStart(7)}`,
    );
  io.out(
    `log10(‖dL/dW_1‖ / ‖dL/dW_${depth}‖): ${fmt(stats.log10RatioFirstLastMean)} ± ${fmt(stats.log10RatioFirstLastStd)}`,
  );
  io.out(`log10 std(y): ${fmt(stats.log10OutputStdMean)} ± ${fmt(stats.log10OutputStdStd)}`);
  return 0;
};
