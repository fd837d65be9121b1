import {
  EXPERIMENTS,
  EXPERIMENT_IDS,
  checkClaims,
  fillFinding,
  finalOf,
  findingValues,
  getExperiment,
  measuresOf,
  runExperiment,
  type ExperimentResult,
} from '../../core/autograd';
import { intFlag, parseFlags } from '../flags';
import { type Command, UsageError } from '../io';

const VALUE_FLAGS = new Set(['--preset', '--seed']);
const BOOL_FLAGS = new Set(['--list', '--json']);

const fmt = (v: number | null | undefined, digits = 3): string =>
  v === null || v === undefined ? 'n/a' : v.toFixed(digits);

/** The curves of a result as JSON: per step for a training run, per time step for a recurrent one. */
function curvesOf(r: ExperimentResult) {
  if (r.kind === 'rnn')
    return { t: r.lossGrad.map((_, t) => t), log10LossGrad: r.lossGrad, log10Jacobian: r.jacobian };
  const last = r.layers.at(-1);
  return {
    step: r.history.step,
    loss: r.history.loss,
    accuracy: r.history.accuracy,
    layers: {
      first: r.layers[0] ?? null,
      last: last ?? null,
    },
  };
}

/**
 * `convscope lab --list [--json]`: the named gradient experiments (problems and remedies);
 * `convscope lab --preset ID [--seed N] [--json]`: runs one with the engine and prints its curves, its
 * end point and its caption's claims checked on the result (a remedy is checked against its problem,
 * run with the same seed).
 */
export const lab: Command = async (args, io) => {
  const { values, bools } = parseFlags(args, VALUE_FLAGS, BOOL_FLAGS);
  const json = bools.has('--json');
  if (bools.has('--list')) {
    if (values.size > 0) throw new UsageError('--list takes no --preset or --seed');
    const list = EXPERIMENTS.map((e) => ({
      id: e.id,
      kind: e.kind,
      ...(e.fixes ? { fixes: e.fixes } : {}),
      name: e.name,
      caption: e.caption,
    }));
    if (json) {
      io.out(JSON.stringify(list, null, 2));
      return 0;
    }
    const width = Math.max(...list.map((e) => e.id.length));
    for (const e of list)
      io.out(`${e.id.padEnd(width)}  ${e.kind.padEnd(7)}  ${e.fixes ? `fixes ${e.fixes}: ` : ''}${e.name}`);
    return 0;
  }
  const id = values.get('--preset');
  if (id === undefined) throw new UsageError('give --list, or --preset ID (see convscope help)');
  const experiment = getExperiment(id);
  if (!experiment)
    throw new UsageError(`there is no experiment "${id}"; valid ids: ${EXPERIMENT_IDS.join(', ')}`);
  const seed = intFlag(values, '--seed', experiment.config.seed, 0, 2 ** 31 - 1);
  const result = runExperiment({ ...experiment.config, seed });
  const problem = experiment.fixes ? getExperiment(experiment.fixes) : undefined;
  const baseline = problem ? runExperiment({ ...problem.config, seed }) : undefined;
  const claims = checkClaims(experiment.claims, result, baseline).map((c) => ({
    text: c.text,
    holds: c.holds,
  }));
  const final = finalOf(result);
  const measured = findingValues(experiment, measuresOf(result), baseline ? measuresOf(baseline) : null);
  const finding = experiment.finding && measured ? fillFinding(experiment.finding, measured) : undefined;
  if (json) {
    io.out(
      JSON.stringify(
        {
          id: experiment.id,
          kind: experiment.kind,
          ...(experiment.fixes ? { fixes: experiment.fixes } : {}),
          caption: experiment.caption,
          ...(finding ? { finding } : {}),
          seed,
          config: { ...experiment.config, seed },
          curves: curvesOf(result),
          final,
          claims,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  io.out(
    `${experiment.name} (${experiment.id}, ${experiment.kind}${experiment.fixes ? `, fixes ${experiment.fixes}` : ''}), seed ${seed}`,
  );
  io.out(experiment.caption);
  if (finding) io.out(finding);
  io.out('');
  if (final.decadesLost !== undefined) io.out(`decades lost through time: ${fmt(final.decadesLost)}`);
  else {
    io.out(`final loss:      ${fmt(final.loss, 4)}`);
    io.out(`final accuracy:  ${final.accuracy === null ? 'n/a' : `${(100 * final.accuracy).toFixed(1)}%`}`);
    io.out(`log10 signal ratio ‖∂L/∂h₁‖/‖∂L/∂h_(L−1)‖ at the first step: ${fmt(final.gradRatioLog10)}`);
  }
  io.out(`diverged:        ${final.diverged ? 'yes' : 'no'}`);
  io.out('');
  io.out('claims:');
  for (const c of claims) io.out(`  ${c.holds ? 'holds ' : 'FAILS '} ${c.text}`);
  return 0;
};
