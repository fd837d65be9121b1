import type { ExperimentResult } from './runner';

/**
 * The end point of a run in a few numbers (what `convscope lab --preset` reports as `final`):
 * - `loss`, `accuracy`: over the whole dataset at the end (null: regression has no accuracy, or not
 *   finite)
 * - `gradRatioLog10`: log10 ‖∂L/∂h₁‖/‖∂L/∂h_{L−1}‖ at the first step, the back-propagated signal ratio
 *   (0 balanced, negative vanishing, positive exploding); for a recurrent run log10 ‖∂L/∂h_0‖/‖∂L/∂h_T‖
 * - `decadesLost` (recurrent only): log10 ‖∂L/∂h_T‖ − log10 ‖∂L/∂h_0‖
 * - `diverged`: the loss or the gradients became non-finite during the run
 */
export interface ExperimentFinal {
  loss: number | null;
  accuracy: number | null;
  gradRatioLog10: number | null;
  decadesLost?: number | null;
  diverged: boolean;
}

export function finalOf(result: ExperimentResult): ExperimentFinal {
  if (result.kind === 'rnn') {
    return {
      loss: null,
      accuracy: null,
      gradRatioLog10: result.decades === null ? null : -result.decades,
      decadesLost: result.decades,
      diverged: result.decades === null,
    };
  }
  const s = result.summary;
  return {
    loss: s.finalLoss,
    accuracy: s.finalAccuracy,
    gradRatioLog10: s.log10SignalStart,
    diverged: s.diverged,
  };
}
