import type { AnalysisOptions } from '../../../../core/analysis';
import type { DeviceModel, Sweep } from '../../../../core/hardware';
import type { ModelSpec } from '../../../../core/model/types';

/** One sweep: resolution (square sides) or batch sizes of `model`, priced on `device`. */
export interface SweepRequest {
  axis: 'resolution' | 'batch';
  model: ModelSpec;
  values: number[];
  options: Partial<AnalysisOptions>;
  device?: DeviceModel;
}

export interface ToSweepWorker {
  id: number;
  request: SweepRequest;
}

export type FromSweepWorker =
  { type: 'done'; id: number; sweep: Sweep } | { type: 'error'; id: number; message: string };
