import type { GraphPlacement, GraphStructure } from './placement';

export interface ToGraphWorker {
  id: number;
  structure: GraphStructure;
}

export type FromGraphWorker =
  | { type: 'done'; id: number; placement: GraphPlacement; ms: number }
  | { type: 'error'; id: number; message: string };
