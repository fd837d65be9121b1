/// <reference lib="webworker" />
import type { FromSweepWorker, ToSweepWorker } from './protocol';
import { runSweep } from './run-sweep';

/**
 * Sweeps off the page's thread: ResNet-152 at a dozen resolutions is a dozen full analyses and training
 * estimates, a few hundred milliseconds that would otherwise freeze the page after every edit.
 */
const ctx = self as unknown as DedicatedWorkerGlobalScope;

ctx.onmessage = (event: MessageEvent<ToSweepWorker>) => {
  const { id, request } = event.data;
  try {
    ctx.postMessage({ type: 'done', id, sweep: runSweep(request) } satisfies FromSweepWorker);
  } catch (error) {
    ctx.postMessage({
      type: 'error',
      id,
      message: error instanceof Error ? error.message : String(error),
    } satisfies FromSweepWorker);
  }
};
