/// <reference lib="webworker" />
import { placeGraph } from './placement';
import type { FromGraphWorker, ToGraphWorker } from './protocol';

/**
 * Places the Designs graph off the page's thread: the zoo's networks fold into hand-placed blocks in
 * a few milliseconds, but a design that does not fold goes to dagre, which can take hundreds of
 * milliseconds on 500 layers (bench/graph-layout.ts) and would freeze the page if it ran there.
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
