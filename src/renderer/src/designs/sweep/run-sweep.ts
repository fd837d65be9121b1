import { sweepBatch, sweepResolution, type Sweep } from '../../../../core/hardware';
import type { SweepRequest } from './protocol';

/** The core's sweep for a request (the worker's work, and the fallback where there is no worker). */
export function runSweep({ axis, model, values, options, device }: SweepRequest): Sweep {
  return axis === 'batch'
    ? sweepBatch(model, values, options, device)
    : sweepResolution(
        model,
        values.map((s) => [s, s] as [number, number]),
        options,
        device,
      );
}
