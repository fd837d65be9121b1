/*
 * The reference gradient sweep on several threads. Its configurations are independent, so worker
 * threads (bench/sweep-worker.ts, one per core by default: os.availableParallelism()) take them one
 * at a time from a shared queue, longest first, and the results are gathered by index in the sweep's
 * own order. Each configuration runs exactly as gradientStats runs it on the main thread, so the
 * result equals the sequential gradientSweep's, bit for bit (test/core/autograd/sweep.test.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type GradientSetup, type GradientStats, SWEEP_SEEDS, gradientSweep } from '../src/core/autograd';

/** A task for a worker: one configuration. Index −1 asks for an empty reply (the worker is up). */
export interface SweepTask {
  index: number;
  setup?: GradientSetup;
  seeds?: number;
}

export interface SweepReply {
  index: number;
  stats?: GradientStats;
  error?: string;
}

/** The number of threads a sweep uses by default: one per core this process may use. */
export const defaultSweepThreads = (): number => availableParallelism();

/** Worker threads kept for several sweeps (`run`), started once; `close` ends them. */
export class SweepPool {
  private constructor(
    private readonly workers: Worker[],
    /** The handler of each worker's replies (one sweep at a time). */
    private readonly handlers: ((reply: SweepReply) => void)[],
  ) {}

  get threads(): number {
    return this.workers.length;
  }

  /** Starts `threads` workers and waits until each has loaded the engine. */
  static async start(threads = defaultSweepThreads()): Promise<SweepPool> {
    if (!Number.isInteger(threads) || threads < 1)
      throw new Error(`threads must be an integer ≥ 1, got ${threads}`);
    const workers = Array.from(
      { length: threads },
      () => new Worker(new URL('./sweep-worker.ts', import.meta.url), { execArgv: ['--import', 'tsx'] }),
    );
    const handlers: ((reply: SweepReply) => void)[] = workers.map(() => () => {});
    const pool = new SweepPool(workers, handlers);
    workers.forEach((w, i) => w.on('message', (reply: SweepReply) => handlers[i](reply)));
    try {
      await Promise.all(
        workers.map(
          (w, i) =>
            new Promise<void>((resolve, reject) => {
              handlers[i] = () => resolve();
              w.once('error', reject);
              w.postMessage({ index: -1 } satisfies SweepTask);
            }),
        ),
      );
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  /**
   * Runs `setup` for one seed on every worker, so each has compiled the engine's hot code before a
   * timed sweep (as the PyTorch script runs one configuration before its clock starts).
   */
  async warmUp(setup: GradientSetup): Promise<void> {
    await Promise.all(
      this.workers.map(
        (worker, w) =>
          new Promise<void>((resolve, reject) => {
            this.handlers[w] = (reply) =>
              reply.error !== undefined ? reject(new Error(`warm-up: ${reply.error}`)) : resolve();
            worker.postMessage({ index: 0, setup, seeds: 1 } satisfies SweepTask);
          }),
      ),
    );
  }

  /** Seed statistics of each setup, in order. Rejects with the first error a configuration throws. */
  async run(setups: readonly GradientSetup[], seeds = SWEEP_SEEDS): Promise<GradientStats[]> {
    const results: GradientStats[] = new Array(setups.length);
    // Longest first (cost grows with depth), so no thread is left with a deep net at the end.
    const queue = setups.map((_, i) => i).sort((a, b) => setups[b].depth - setups[a].depth || a - b);
    await Promise.all(
      this.workers.map(
        (worker, w) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const index = queue.shift();
              if (index === undefined) resolve();
              else worker.postMessage({ index, setup: setups[index], seeds } satisfies SweepTask);
            };
            const onError = (error: Error) => reject(error);
            worker.once('error', onError);
            this.handlers[w] = (reply) => {
              if (reply.error !== undefined || !reply.stats) {
                reject(new Error(`sweep configuration ${reply.index}: ${reply.error ?? 'no result'}`));
                return;
              }
              results[reply.index] = reply.stats;
              next();
            };
            next();
          }),
      ),
    );
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Seed statistics of each setup, in order, on `threads` worker threads (1: on this thread, without
 * a worker).
 */
export async function parallelGradientSweep(
  setups: readonly GradientSetup[],
  seeds = SWEEP_SEEDS,
  threads = defaultSweepThreads(),
): Promise<GradientStats[]> {
  if (!Number.isInteger(threads) || threads < 1)
    throw new Error(`threads must be an integer ≥ 1, got ${threads}`);
  if (Math.min(threads, setups.length) <= 1) return gradientSweep(setups, seeds);
  const pool = await SweepPool.start(Math.min(threads, setups.length));
  try {
    return await pool.run(setups, seeds);
  } finally {
    await pool.close();
  }
}
