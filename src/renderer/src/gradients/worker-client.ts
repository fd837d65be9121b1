import type { FromWorker, ToWorker } from './protocol';

/** The slice of a Worker the store uses (a fake stands in for it in unit tests). */
export interface LabWorker {
  post(message: ToWorker): void;
  onMessage(handler: (message: FromWorker) => void): void;
  terminate(): void;
}

/** Just what is used of the DOM's Worker, so this module also type-checks without the DOM library. */
interface DomWorker {
  postMessage(message: ToWorker): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  terminate(): void;
}
type DomWorkerConstructor = new (url: URL, options: { type: 'module' }) => DomWorker;

export function createLabWorker(): LabWorker {
  // Named `Worker` so that the bundler recognises `new Worker(new URL(…))` and emits the worker file.
  const Worker = (globalThis as unknown as { Worker: DomWorkerConstructor }).Worker;
  const worker = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module' });
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (handler) => {
      worker.onmessage = (event) => handler(event.data);
    },
    terminate: () => worker.terminate(),
  };
}
