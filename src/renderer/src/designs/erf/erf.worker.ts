/// <reference lib="webworker" />
import { computeErf } from '../../../../core/erf';
import type { FromErfWorker, ToErfWorker } from './protocol';

/**
 * Computes one ERF off the page's thread. A run is one synchronous core call; progress is posted at
 * most every 100 ms from its per-layer callback. Cancelling terminates the worker (the page starts a
 * new one for the next run), so nothing here needs to listen while it computes.
 */
const ctx = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromErfWorker, transfer: Transferable[] = []) => ctx.postMessage(message, transfer);

ctx.onmessage = (event: MessageEvent<ToErfWorker>) => {
  const { id, request } = event.data;
  const t0 = performance.now();
  let last = 0;
  try {
    const info = computeErf(request.model, {
      layer: request.layer,
      unit: request.unit ?? undefined,
      mode: request.mode,
      seeds: request.seeds,
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - last < 100 && done < total) return;
        last = now;
        post({ type: 'progress', id, done, total });
      },
    });
    post({ type: 'done', id, info, ms: performance.now() - t0 }, [info.map.buffer]);
  } catch (error) {
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
};
