import { graphInput, labelGraph, type GraphInput, type GraphLayout } from '../graph';
import { structureKey, type GraphPlacement } from './placement';
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
 * not queue up stale layouts. The last placement is kept with its structure: an edit that changes
 * only shapes or MACs (a field such as out_channels) relabels the boxes at once, without the worker.
 */
export function createGraphLayouter() {
  let worker: DomWorker | null = null;
  let current = 0;
  const pending = new Map<number, { resolve(p: GraphPlacement): void; reject(e: Error): void }>();
  let last: { key: string; placement: GraphPlacement } | null = null;
  function start(): DomWorker {
    // Named `Worker` so that the bundler recognises `new Worker(new URL(…))` and emits the worker file.
    const Worker = (globalThis as unknown as { Worker: DomWorkerConstructor }).Worker;
    const w = new Worker(new URL('./graph.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = ({ data }) => {
      const p = pending.get(data.id);
      pending.delete(data.id);
      if (!p || data.id !== current) return;
      if (data.type === 'done') p.resolve(data.placement);
      else p.reject(new Error(data.message));
    };
    return w;
  }
  function layout(analysis: GraphInput): Promise<GraphLayout> {
    const input = graphInput(analysis);
    const key = structureKey(input);
    const id = ++current;
    for (const k of [...pending.keys()]) if (k !== id) pending.delete(k);
    if (last?.key === key) return Promise.resolve(labelGraph(last.placement, input));
    worker ??= start();
    const promise = new Promise<GraphPlacement>((resolve, reject) => pending.set(id, { resolve, reject }));
    worker.postMessage({
      id,
      structure: { layers: input.layers.map((l) => ({ id: l.id, inputs: l.inputs })) },
    });
    return promise.then((placement) => {
      last = { key, placement };
      return labelGraph(placement, input);
    });
  }
  function dispose(): void {
    worker?.terminate();
    worker = null;
    pending.clear();
  }
  return { layout, dispose };
}
