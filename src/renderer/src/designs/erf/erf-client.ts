import type { ErfInfo } from '../../../../core/erf';
import type { ErfRequest, FromErfWorker, ToErfWorker } from './protocol';

/** Just what is used of the DOM's Worker, so this module also type-checks without the DOM library. */
interface DomWorker {
  postMessage(message: ToErfWorker): void;
  onmessage: ((event: { data: FromErfWorker }) => void) | null;
  terminate(): void;
}
type DomWorkerConstructor = new (url: URL, options: { type: 'module' }) => DomWorker;

export interface ErfRunHandlers {
  progress(done: number, total: number): void;
  done(info: ErfInfo, ms: number): void;
  error(message: string): void;
}

/**
 * One ERF computation at a time in a Web Worker. `run` cancels whatever is running; `cancel`
 * terminates the worker, which is the only way to stop a synchronous computation at once.
 */
export function createErfRunner() {
  let worker: DomWorker | null = null;
  let current = 0;
  function start(): DomWorker {
    // Named `Worker` so that the bundler recognises `new Worker(new URL(…))` and emits the worker file.
    const Worker = (globalThis as unknown as { Worker: DomWorkerConstructor }).Worker;
    return new Worker(new URL('./erf.worker.ts', import.meta.url), { type: 'module' });
  }
  function cancel(): void {
    worker?.terminate();
    worker = null;
    current++;
  }
  function run(request: ErfRequest, on: ErfRunHandlers): void {
    cancel();
    const id = current;
    const w = start();
    worker = w;
    w.onmessage = ({ data }) => {
      if (data.id !== id) return;
      if (data.type === 'progress') on.progress(data.done, data.total);
      else if (data.type === 'done') on.done(data.info, data.ms);
      else on.error(data.message);
    };
    // Plain data only: the model as JSON (a reactive proxy cannot be cloned).
    w.postMessage({ type: 'run', id, request: JSON.parse(JSON.stringify(request)) as ErfRequest });
  }
  return { run, cancel };
}
