/*
 * One thread of the parallel gradient sweep (bench/sweep-pool.ts): runs the configuration it
 * receives and replies with its seed statistics.
 */
import { parentPort } from 'node:worker_threads';
import { gradientStats } from '../src/core/autograd';
import type { SweepReply, SweepTask } from './sweep-pool';

parentPort?.on('message', ({ index, setup, seeds }: SweepTask) => {
  let reply: SweepReply;
  try {
    reply = index < 0 || !setup ? { index } : { index, stats: gradientStats(setup, seeds ?? 20) };
  } catch (error) {
    reply = { index, error: (error as Error).message };
  }
  parentPort?.postMessage(reply);
});
