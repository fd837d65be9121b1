import type { GraphInput, GraphLayout } from '../graph';

export interface ToGraphWorker {
  id: number;
  input: GraphInput;
}

export type FromGraphWorker =
  | { type: 'done'; id: number; layout: GraphLayout; ms: number }
  | { type: 'error'; id: number; message: string };
