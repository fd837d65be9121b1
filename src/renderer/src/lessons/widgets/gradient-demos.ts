import {
  getExperiment,
  measuresOf,
  runExperiment,
  type CurveGap,
  type ExperimentResult,
  type FindingMeasures,
  type NamedExperiment,
} from '../../../../core/autograd';

/**
 * The lessons' gradient demos are named experiments of the core: a problem alone, or a remedy next
 * to the problem it fixes (same seed). This module only turns their results into the curves a lesson
 * plots, chosen by the experiment's `view`. It runs in a Web Worker (`gradient-worker.ts`) and in tests.
 */

/** The demos of the remedies lesson, in the order it teaches them. */
export const REMEDY_DEMOS: readonly string[] = [
  'pretrain',
  'clip-norm',
  'clip-stable',
  'l2',
  'relu',
  'batchnorm',
  'residual',
  'rnn-orthogonal',
  'lstm',
  'lstm-forget-bias',
];

/** What the x axis counts: hidden layers, training steps, or time steps of a sequence. */
export type DemoAxis = 'layer' | 'step' | 'time';

export interface DemoSeries {
  /** The experiment this curve comes from. */
  id: string;
  /** log10 of the plotted value per x; null where it is not finite (overflow). */
  values: (number | null)[];
  /** Where values are missing and why (a gradient that underflowed to 0, overflow, NaN). */
  gaps: CurveGap[];
}

export interface DemoResult {
  /** The demo's experiment (for a remedy, the series are its problem first, then it). */
  id: string;
  axis: DemoAxis;
  x: number[];
  series: DemoSeries[];
  /**
   * One number per series that sums it up: log10 of the back-propagated signal ratio at the first
   * step (layer view), the final loss (null when the run diverged), or the decades lost through time.
   */
  summary: (number | null)[];
  /** Final accuracy per series (training runs), else null. */
  accuracy: (number | null)[];
  /** What the caption's finding can quote of each run (`measuresOf`). */
  measures: FindingMeasures[];
}

function seriesOf(e: NamedExperiment, r: ExperimentResult): { values: (number | null)[]; x: number[] } {
  if (r.kind === 'rnn') return { values: r.lossGrad, x: r.lossGrad.map((_, t) => t) };
  if (e.view === 'signal') {
    const values = r.layers[0]?.log10Signal ?? [];
    return { values, x: values.map((_, i) => i + 1) };
  }
  return {
    values: r.history.loss.map((v) => (v !== null && v > 0 ? Math.log10(v) : null)),
    x: r.history.step,
  };
}

function summaryOf(e: NamedExperiment, r: ExperimentResult): number | null {
  if (r.kind === 'rnn') return r.decades;
  if (e.view === 'signal') return r.summary.log10SignalStart;
  return r.summary.diverged ? null : r.summary.finalLoss;
}

/** Runs a demo's experiments with the engine (a second or two). */
export function runDemo(id: string): DemoResult {
  const e = getExperiment(id);
  if (!e) throw new Error(`there is no gradient experiment "${id}"`);
  const problem = e.fixes ? getExperiment(e.fixes) : undefined;
  const parts = problem ? [problem, e] : [e];
  const runs = parts.map((p) => ({ e: p, r: runExperiment(p.config) }));
  // Both curves are drawn in the demo's own view (a remedy may be judged on another curve than its problem).
  const curves = runs.map(({ r }) => seriesOf(e, r));
  return {
    id,
    axis: e.view === 'signal' ? 'layer' : e.view === 'loss' ? 'step' : 'time',
    x: curves.reduce((a, c) => (c.x.length > a.length ? c.x : a), [] as number[]),
    series: runs.map(({ e: p, r }, i) => ({
      id: p.id,
      values: curves[i]!.values,
      gaps: r.kind === 'rnn' ? (r.lossGradGaps ?? []) : [],
    })),
    summary: runs.map(({ r }) => summaryOf(e, r)),
    accuracy: runs.map(({ r }) => (r.kind === 'mlp' ? r.summary.finalAccuracy : null)),
    measures: runs.map(({ r }) => measuresOf(r)),
  };
}
