import type { ErfInfo, ErfMode } from '../../../../core/erf';
import type { ModelSpec } from '../../../../core';

/** What the page asks the ERF worker for. */
export interface ErfRequest {
  model: ModelSpec;
  layer: string;
  /** null: the centre unit. */
  unit: [number, number] | null;
  mode: ErfMode;
  seeds: number;
}

export type ToErfWorker = { type: 'run'; id: number; request: ErfRequest };

export type FromErfWorker =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'done'; id: number; info: ErfInfo; ms: number }
  | { type: 'error'; id: number; message: string };
