import { graphInput, type GraphInput, type GraphLayout } from '../graph';
import type { FromGraphWorker, ToGraphWorker } from './protocol';

/** Just what is used of the DOM's Worker, so this module also type-checks without the DOM library. */
interface DomWorker {
  postMessage(message: ToGraphWorker): void;
  onmessage: ((event: { data: FromGraphWorker }) => void) | null;
  terminate(): void;
}
type DomWorkerConstructor = new (url: URL, options: { type: 'module' }) => DomWorker;

/**
 * Graph layouts from one long-lived worker. Only the newest request is answered: a layout asked for
 * while another is being computed replaces it (the older promise never settles), so quick edits do
 * not queue up stale layouts.
 */
export function createGraphLayouter() {
  let worker: DomWorker | null = null;
  let current = 0;
  const pending = new Map<number, { resolve(l: GraphLayout): void; reject(e: Error): void }>();
  function start(): DomWorker {
    // Named `Worker` so that the bundler recognises `new Worker(new URL(…))` and emits the worker file.
    const Worker = (globalThis as unknown as { Worker: DomWorkerConstructor }).Worker;
    const w = new Worker(new URL('./graph.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = ({ data }) => {
      const p = pending.get(data.id);
      pending.delete(data.id);
      if (!p || data.id !== current) return;
      if (data.type === 'done') p.resolve(data.layout);
      else p.reject(new Error(data.message));
    };
    return w;
  }
  function layout(analysis: GraphInput): Promise<GraphLayout> {
    worker ??= start();
    const id = ++current;
    for (const key of [...pending.keys()]) if (key !== id) pending.delete(key);
    const promise = new Promise<GraphLayout>((resolve, reject) => pending.set(id, { resolve, reject }));
    worker.postMessage({ id, input: graphInput(analysis) });
    return promise;
  }
  function dispose(): void {
    worker?.terminate();
    worker = null;
    pending.clear();
  }
  return { layout, dispose };
}
