/// <reference lib="webworker" />
import { placeGraph } from './placement';
import type { FromGraphWorker, ToGraphWorker } from './protocol';

/**
 * Places the Designs graph off the page's thread: the zoo's networks, dense blocks and residual
 * blocks read across blocks fold into hand-placed blocks in milliseconds, but a design that does not
 * fold goes to dagre, which takes over a hundred milliseconds on 500 layers (bench/graph-layout.ts),
 * long enough to be felt if it ran on the page's thread.
 */
const ctx = self as unknown as DedicatedWorkerGlobalScope;

ctx.onmessage = (event: MessageEvent<ToGraphWorker>) => {
  const { id, structure } = event.data;
  const t0 = performance.now();
  try {
    const placement = placeGraph(structure);
    ctx.postMessage({ type: 'done', id, placement, ms: performance.now() - t0 } satisfies FromGraphWorker);
  } catch (error) {
    ctx.postMessage({
      type: 'error',
      id,
      message: error instanceof Error ? error.message : String(error),
    } satisfies FromGraphWorker);
  }
};
