/// <reference lib="webworker" />
import { ExperimentRunner } from '../../../core/autograd';
import type { FromWorker, ToWorker } from './protocol';

/**
 * Trains one lab run at a time off the page's thread. Work is done in slices of ~40 ms with a
 * macrotask in between, so that pause, resume and cancel messages are handled promptly; progress is
 * posted at most every 150 ms, and the heavier live views (histograms, decision boundary) refreshed
 * about once a second.
 */
const ctx = self as unknown as DedicatedWorkerGlobalScope;
let runner: ExperimentRunner | null = null;
let id = '';
let paused = false;
let scheduled = false;
let lastPost = 0;
let lastViews = 0;

const post = (message: FromWorker) => ctx.postMessage(message);

function schedule(): void {
  if (scheduled || !runner || paused) return;
  scheduled = true;
  setTimeout(slice, 0);
}

function slice(): void {
  scheduled = false;
  const current = runner;
  if (!current || paused) return;
  try {
    current.advance(Infinity, 40);
    const now = performance.now();
    if (current.finished) {
      post({ type: 'done', id, result: current.result() });
      runner = null;
      return;
    }
    if (now - lastViews > 1000) {
      current.refreshViews();
      lastViews = now;
    }
    if (now - lastPost > 150) {
      post({ type: 'progress', id, result: current.result() });
      lastPost = now;
    }
  } catch (error) {
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
    runner = null;
    return;
  }
  schedule();
}

ctx.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  if (msg.type === 'start') {
    try {
      runner = new ExperimentRunner(msg.config);
    } catch (error) {
      post({ type: 'error', id: msg.id, message: error instanceof Error ? error.message : String(error) });
      return;
    }
    id = msg.id;
    paused = false;
    lastPost = 0;
    lastViews = performance.now();
    schedule();
  } else if (msg.type === 'pause') {
    paused = true;
  } else if (msg.type === 'resume') {
    paused = false;
    schedule();
  } else {
    runner = null;
    paused = false;
  }
};
