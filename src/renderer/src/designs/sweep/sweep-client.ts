import type { Sweep } from '../../../../core/hardware';
import type { FromSweepWorker, SweepRequest, ToSweepWorker } from './protocol';
import { runSweep } from './run-sweep';

/** Just what is used of the DOM's Worker, so this module also type-checks without the DOM library. */
interface DomWorker {
  postMessage(message: ToSweepWorker): void;
  onmessage: ((event: { data: FromSweepWorker }) => void) | null;
  terminate(): void;
}
type DomWorkerConstructor = new (url: URL, options: { type: 'module' }) => DomWorker;

/**
 * Sweeps from one long-lived worker. Only the newest request is answered: one asked for while another
 * is being computed replaces it (the older promise never settles), so quick edits do not queue up
 * stale sweeps. Where there is no Worker the sweep runs on the caller's thread.
 */
export function createSweeper() {
  let worker: DomWorker | null = null;
  let current = 0;
  const pending = new Map<number, { resolve(s: Sweep): void; reject(e: Error): void }>();
  function start(): DomWorker {
    // Named `Worker` so that the bundler recognises `new Worker(new URL(…))` and emits the worker file.
    const Worker = (globalThis as unknown as { Worker: DomWorkerConstructor }).Worker;
    const w = new Worker(new URL('./sweep.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = ({ data }) => {
      const p = pending.get(data.id);
      pending.delete(data.id);
      if (!p || data.id !== current) return;
      if (data.type === 'done') p.resolve(data.sweep);
      else p.reject(new Error(data.message));
    };
    return w;
  }
  function sweep(request: SweepRequest): Promise<Sweep> {
    if (typeof (globalThis as { Worker?: unknown }).Worker !== 'function') {
      try {
        return Promise.resolve(runSweep(request));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    worker ??= start();
    const id = ++current;
    for (const key of [...pending.keys()]) if (key !== id) pending.delete(key);
    const promise = new Promise<Sweep>((resolve, reject) => pending.set(id, { resolve, reject }));
    worker.postMessage({ id, request });
    return promise;
  }
  function dispose(): void {
    worker?.terminate();
    worker = null;
    pending.clear();
  }
  return { sweep, dispose };
}
