import { ref, watch, type Ref } from 'vue';
import { runDemo, type DemoResult } from './gradient-demos';

/** Results are deterministic (fixed seeds), so each demo runs at most once per session. */
const cache = new Map<string, DemoResult>();
/** Demos being computed: asking again (a lesson reopened meanwhile) waits for the same answer. */
const pending = new Map<string, Promise<DemoResult>>();
let worker: Worker | null = null;
let tickets = 0;
const waiting = new Map<number, { resolve: (r: DemoResult) => void; reject: (e: Error) => void }>();

function getWorker(): Worker | null {
  if (worker) return worker;
  if (typeof Worker === 'undefined') return null;
  worker = new Worker(new URL('./gradient-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<{ ticket: number; result?: DemoResult; error?: string }>) => {
    const w = waiting.get(event.data.ticket);
    if (!w) return;
    waiting.delete(event.data.ticket);
    if (event.data.result) w.resolve(event.data.result);
    else w.reject(new Error(event.data.error ?? 'the demo failed'));
  };
  return worker;
}

/** Runs a demo in the Web Worker (or, where there is none, after yielding to the UI once). */
export function computeDemo(id: string): Promise<DemoResult> {
  const hit = cache.get(id);
  if (hit) return Promise.resolve(hit);
  const inFlight = pending.get(id);
  if (inFlight) return inFlight;
  const w = getWorker();
  const promise = w
    ? new Promise<DemoResult>((resolve, reject) => {
        const ticket = ++tickets;
        waiting.set(ticket, { resolve, reject });
        w.postMessage({ id, ticket });
      })
    : new Promise<DemoResult>((resolve) => setTimeout(() => resolve(runDemo(id)), 0));
  const done = promise
    .then((r) => {
      cache.set(id, r);
      return r;
    })
    .finally(() => pending.delete(id));
  pending.set(id, done);
  return done;
}

/** The result of the selected demo, recomputed when the selection changes. */
export function useDemo(id: Ref<string>): {
  result: Ref<DemoResult | null>;
  running: Ref<boolean>;
  error: Ref<string | null>;
} {
  const result = ref<DemoResult | null>(null);
  const running = ref(false);
  const error = ref<string | null>(null);
  watch(
    id,
    (current) => {
      result.value = cache.get(current) ?? null;
      if (result.value) return;
      running.value = true;
      error.value = null;
      computeDemo(current)
        .then((r) => {
          if (id.value === current) result.value = r;
        })
        .catch((e: unknown) => {
          error.value = e instanceof Error ? e.message : String(e);
        })
        .finally(() => {
          if (id.value === current) running.value = false;
        });
    },
    { immediate: true },
  );
  return { result, running, error };
}
