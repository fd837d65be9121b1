import type { ExperimentConfig as LabConfig, ExperimentResult as LabResult } from '../../../core/autograd';

/** Messages between the page and the lab's Web Worker. */
export type ToWorker =
  | { type: 'start'; id: string; config: LabConfig }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'cancel' };

export type FromWorker =
  | { type: 'progress'; id: string; result: LabResult }
  | { type: 'done'; id: string; result: LabResult }
  | { type: 'error'; id: string; message: string };
