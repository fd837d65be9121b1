import { DEFAULT_RNN, runExperiment, type ExperimentConfig } from '../../src/core/autograd';

/** A real (short) run of the gradient engine, wrapped as the Gradient Lab saves it (`labruns:save`). */
export function savedLabRun(lab: ExperimentConfig = { ...DEFAULT_RNN, length: 5, hidden: 4, batch: 2 }) {
  return {
    config: { format: 'convscope-lab', version: 1, preset: null, lab },
    result: { format: 'convscope-lab', version: 1, result: runExperiment(lab) },
  };
}
