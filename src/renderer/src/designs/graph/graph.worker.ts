/// <reference lib="webworker" />
import { layoutGraph } from '../graph';
import type { FromGraphWorker, ToGraphWorker } from './protocol';

/**
 * Lays out the Designs graph off the page's thread: dagre takes a few hundred milliseconds on a
 * 500-layer design (bench/graph-layout.ts), which would freeze the page if it ran there.
 */
const ctx = self as unknown as DedicatedWorkerGlobalScope;

ctx.onmessage = (event: MessageEvent<ToGraphWorker>) => {
  const { id, input } = event.data;
  const t0 = performance.now();
  try {
    const layout = layoutGraph(input);
    ctx.postMessage({ type: 'done', id, layout, ms: performance.now() - t0 } satisfies FromGraphWorker);
  } catch (error) {
    ctx.postMessage({
      type: 'error',
      id,
      message: error instanceof Error ? error.message : String(error),
    } satisfies FromGraphWorker);
  }
};
