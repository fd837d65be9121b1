/*
 * Gradient engine benchmark: training steps per second (forward, backward, SGD update) of the
 * engine on its WebAssembly SIMD kernels vs the same engine on its TypeScript kernels, vs
 * @tensorflow/tfjs-core on the cpu and wasm backends, and vs PyTorch on one thread with its GEMMs in
 * oneDNN (bench/gradients_torch.py, when /usr/bin/python3 has torch): identical MLPs (relu, Kaiming
 * init, loss mean(y²), float32, batch 128), all in the same run, case by case. Rates are steps per
 * second of process CPU time (the machine is shared; wall-clock rates are logged beside them). Then
 * the 240-configuration reference sweep (depth 5/10/20/50 × 5 activations × 3 inits × BatchNorm ×
 * residual) × 20 seeds in float64, in two parts, on one worker thread per core, against the PyTorch
 * script doing the same work (bench/gradients_sweep_torch.py) on as many threads: wall time, as the
 * sweep runs in parallel.
 *
 * Run: npx tsx bench/gradients.ts [--sweep-only | --sweep-depths 5,10]
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import {
  SWEEP_SEEDS,
  type KernelChoice,
  Mlp,
  Optimizer,
  Rng,
  gradientStats,
  gradientSweep,
  lossForward,
  sweepSetups,
  wasmVariant,
} from '../src/core/autograd';
import { SweepPool, defaultSweepThreads } from './sweep-pool';
import type { BenchRow } from './types';

const BATCH = 128;
const CASES: [number, number][] = [
  [20, 32],
  [20, 64],
  [50, 64],
  [20, 128],
  [20, 256],
  [50, 256],
  [10, 512],
];
const PYTHON = '/usr/bin/python3';

interface Rate {
  /** Steps per second of process CPU time. */
  cpu: number;
  /** Steps per second of wall time. */
  wall: number;
}

/** Runs `step` repeatedly for about `seconds` after a warm-up; steps per CPU and per wall second. */
async function rate(step: () => void | Promise<void>, seconds = 2): Promise<Rate> {
  for (let i = 0; i < 3; i++) await step();
  let n = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  while (performance.now() - t0 < seconds * 1000) {
    await step();
    n++;
  }
  const c = process.cpuUsage(c0);
  return { cpu: n / ((c.user + c.system) / 1e6), wall: (n * 1000) / (performance.now() - t0) };
}

/** The same MLP step in PyTorch (one thread, oneDNN GEMMs), or why it was not measured. */
function torchRate(depth: number, width: number): Rate | string {
  const args = ['bench/gradients_torch.py', String(depth), String(width), String(BATCH), '2', 'onednn'];
  // glibc's malloc otherwise maps and unmaps every large tensor anew (page faults on each GEMM's output),
  // which slows PyTorch several-fold; these are the settings a tuned install (or jemalloc) gives it.
  const env = { ...process.env, MALLOC_MMAP_THRESHOLD_: '1000000000', MALLOC_TRIM_THRESHOLD_: '1000000000' };
  const py = spawnSync(PYTHON, args, { encoding: 'utf8', env });
  if (py.error) return py.error.message;
  if (py.status !== 0) return py.stderr.trim().split('\n').pop() ?? `exit ${py.status}`;
  const r = JSON.parse(py.stdout) as { stepsPerSecond: number; stepsPerCpuSecond: number };
  return { cpu: r.stepsPerCpuSecond, wall: r.stepsPerSecond };
}

function engineStep(depth: number, width: number, kernels: KernelChoice): () => void {
  const net = new Mlp({
    inputDim: width,
    outputDim: width,
    width,
    depth,
    activation: 'relu',
    init: { kind: 'kaiming_normal' },
    dtype: 'float32',
    kernels,
  });
  const rng = new Rng(1);
  net.initialize(rng);
  const x = new Float32Array(BATCH * width);
  rng.fillNormal(x);
  const dy = new Float32Array(BATCH * width);
  // A tiny learning rate keeps the weights in range over thousands of steps.
  const opt = new Optimizer({ kind: 'sgd', lr: 1e-6 }, net.params());
  return () => {
    const y = net.forward(x, BATCH);
    lossForward('mean_square', y, BATCH, width, null, dy);
    net.backward(dy);
    opt.step();
  };
}

// The tfjs modules are loaded only here: they are benchmark-only devDependencies.
type Tf = typeof import('@tensorflow/tfjs-core');

function tfjsStep(tf: Tf, depth: number, width: number): () => Promise<void> {
  const std = Math.sqrt(2 / width);
  const ws = Array.from({ length: depth }, () =>
    tf.variable(tf.randomNormal([width, width], 0, std, 'float32')),
  );
  const bs = Array.from({ length: depth }, () => tf.variable(tf.zeros([width], 'float32')));
  const x = tf.randomNormal([BATCH, width], 0, 1, 'float32');
  const opt = tf.train.sgd(1e-6);
  return async () => {
    const loss = opt.minimize(() => {
      let h: import('@tensorflow/tfjs-core').Tensor2D = x as import('@tensorflow/tfjs-core').Tensor2D;
      for (let l = 0; l < depth; l++) {
        const z = tf.add(tf.matMul(h, ws[l]), bs[l]) as import('@tensorflow/tfjs-core').Tensor2D;
        h = l < depth - 1 ? tf.relu(z) : z;
      }
      return tf.mean(tf.square(h));
    }, true);
    // Reading the loss makes the step synchronous, as the engine's is.
    await loss?.data();
    loss?.dispose();
  };
}

export async function loadTf(): Promise<{ tf: Tf; backends: { name: string; error?: string }[] }> {
  // The CommonJS builds: tfjs-core's ES-module build imports directories, which Node's ESM loader
  // refuses (ERR_UNSUPPORTED_DIR_IMPORT). The backends then share this one tfjs-core instance.
  const require = createRequire(import.meta.url);
  const tf = require('@tensorflow/tfjs-core') as Tf;
  // tfjs-core registers the kernels' gradients only on request; training needs them.
  require('@tensorflow/tfjs-core/dist/register_all_gradients');
  require('@tensorflow/tfjs-backend-cpu');
  const backends: { name: string; error?: string }[] = [{ name: 'cpu' }];
  try {
    const wasm = require('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm');
    const dir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    wasm.setWasmPaths(join(dir, '/'));
    const ok = await tf.setBackend('wasm');
    backends.push(ok ? { name: 'wasm' } : { name: 'wasm', error: 'setBackend("wasm") returned false' });
  } catch (error) {
    backends.push({ name: 'wasm', error: (error as Error).message.split('\n')[0] });
  }
  return { tf, backends };
}

/** The two parts of the reference sweep, each timed on its own (and compared part by part). */
export const SWEEP_PARTS: { name: string; depths: number[] }[] = [
  { name: 'depths 5, 10', depths: [5, 10] },
  { name: 'depths 20, 50', depths: [20, 50] },
];

interface SweepTime {
  /** Wall seconds (the figure compared: the sweep runs on several threads). */
  seconds: number;
  /** CPU seconds of every thread of the process. */
  cpuSeconds: number;
}

/**
 * One part of the reference sweep (float64, 20 seeds per configuration) on the pool's threads (or on
 * this thread when `pool` is null); the workers are started and warmed up before the clock starts, as
 * PyTorch's import and its warm-up configuration are outside its clock (the same one: relu, Kaiming,
 * no BatchNorm, no residual, at the part's first depth, one seed).
 */
export async function timeSweepPart(
  depths: number[],
  pool: SweepPool | null,
): Promise<SweepTime & { configs: number }> {
  const setups = sweepSetups(depths);
  const warm = setups.find(
    (s) => s.activation === 'relu' && s.init.kind === 'kaiming_normal' && !s.batchnorm && !s.residual,
  );
  if (warm) {
    if (pool) await pool.warmUp(warm);
    else gradientStats(warm, 1);
  }
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  if (pool) await pool.run(setups, SWEEP_SEEDS);
  else gradientSweep(setups, SWEEP_SEEDS);
  const c = process.cpuUsage(c0);
  return {
    configs: setups.length,
    seconds: (performance.now() - t0) / 1000,
    cpuSeconds: (c.user + c.system) / 1e6,
  };
}

/** The same part in PyTorch (bench/gradients_sweep_torch.py) on `threads` threads, or why it was not run. */
function torchSweepPart(depths: number[], threads: number): SweepTime | string {
  const args = [
    'bench/gradients_sweep_torch.py',
    String(threads),
    String(SWEEP_SEEDS),
    ...depths.map(String),
  ];
  const py = spawnSync(PYTHON, args, { encoding: 'utf8' });
  if (py.error) return py.error.message;
  if (py.status !== 0) return py.stderr.trim().split('\n').pop() ?? `exit ${py.status}`;
  const r = JSON.parse(py.stdout) as { seconds: number; cpuSeconds: number; threads: number };
  if (r.threads !== threads) return `PyTorch ran on ${r.threads} threads, not ${threads}`;
  return { seconds: r.seconds, cpuSeconds: r.cpuSeconds };
}

/**
 * The reference sweep, 240 configurations × 20 seeds in float64, part by part: the engine on
 * `threads` worker threads (default: one per core) against the PyTorch script on as many intra-op
 * threads (torch.set_num_threads), in the same run.
 */
export async function runSweepBench(
  log: (line: string) => void = () => {},
  options: { torch?: boolean; threads?: number; parts?: { name: string; depths: number[] }[] } = {},
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const threads = options.threads ?? defaultSweepThreads();
  const pool = threads > 1 ? await SweepPool.start(threads) : null;
  const fmt = (t: SweepTime) => `${t.seconds.toFixed(1)} s wall (${t.cpuSeconds.toFixed(1)} s CPU)`;
  const on = `${threads} thread${threads === 1 ? '' : 's'}`;
  try {
    for (const part of options.parts ?? SWEEP_PARTS) {
      const ours = await timeSweepPart(part.depths, pool);
      const name = `reference sweep, ${part.name}: ${ours.configs} configurations × ${SWEEP_SEEDS} seeds, float64`;
      rows.push({ suite: 'gradients', case: `${name}: engine, ${on}`, value: ours.seconds, unit: 's' });
      log(`${name}: engine on ${on} ${fmt(ours)}`);
      if (options.torch === false) continue;
      const theirs = torchSweepPart(part.depths, threads);
      if (typeof theirs === 'string') {
        log(`${name}: PyTorch not measured: ${theirs}`);
        continue;
      }
      rows.push({
        suite: 'gradients',
        case: `${name}: engine vs PyTorch`,
        value: theirs.seconds,
        unit: 's',
        peer: `PyTorch 1.13 script (bench/gradients_sweep_torch.py), ${on}`,
        ratio: theirs.seconds / ours.seconds,
      });
      log(
        `${name}: PyTorch on ${on} ${fmt(theirs)}, PyTorch/engine = ${(theirs.seconds / ours.seconds).toFixed(2)} (wall)`,
      );
    }
  } finally {
    await pool?.close();
  }
  return rows;
}

export async function runGradientBench(
  log: (line: string) => void = () => {},
  options: { sweep?: boolean; torch?: boolean } = {},
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const { tf, backends } = await loadTf();
  const fmtRate = (r: Rate) => `${r.cpu.toFixed(1)} steps/CPU-s (${r.wall.toFixed(1)} steps/s wall)`;
  log(`engine kernels: WebAssembly ${wasmVariant() ?? 'unavailable'}`);
  for (const [depth, width] of CASES) {
    const name = `MLP depth ${depth} width ${width} batch ${BATCH} float32`;
    const ours = await rate(engineStep(depth, width, 'wasm'));
    rows.push({ suite: 'gradients', case: `${name}: engine`, value: ours.cpu, unit: 'steps/CPU-s' });
    log(`${name}: engine ${fmtRate(ours)}`);
    const peer = (label: string, theirs: Rate, peerName: string) => {
      rows.push({
        suite: 'gradients',
        case: `${name}: engine vs ${label}`,
        value: theirs.cpu,
        unit: 'steps/CPU-s',
        peer: peerName,
        ratio: ours.cpu / theirs.cpu,
      });
      log(`${name}: ${label} ${fmtRate(theirs)}, engine/${label} = ${(ours.cpu / theirs.cpu).toFixed(2)}`);
    };
    peer(
      'TypeScript kernels',
      await rate(engineStep(depth, width, 'ts')),
      'the engine on its TypeScript kernels',
    );
    for (const b of backends) {
      if (b.error) continue;
      await tf.setBackend(b.name);
      await tf.ready();
      const theirs = await rate(tfjsStep(tf, depth, width));
      tf.disposeVariables();
      peer(`tfjs-${b.name}`, theirs, `tfjs-backend-${b.name}`);
    }
    if (options.torch !== false) {
      const theirs = torchRate(depth, width);
      if (typeof theirs === 'string') log(`${name}: PyTorch not measured: ${theirs}`);
      else peer('PyTorch-oneDNN', theirs, 'PyTorch 1.13, 1 thread, GEMMs in oneDNN');
    }
  }
  for (const b of backends) if (b.error) log(`tfjs-backend-${b.name} could not initialise: ${b.error}`);
  if (options.sweep === false) return rows;
  rows.push(...(await runSweepBench(log, { torch: options.torch })));
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const log = (line: string) => console.log(line);
  // --sweep-depths 5,10: only the sweep, one part over these depths (a reduced run for iteration).
  const at = process.argv.indexOf('--sweep-depths');
  const depths = at > 0 ? (process.argv[at + 1] ?? '').split(',').map(Number) : null;
  const rows =
    depths !== null
      ? await runSweepBench(log, { parts: [{ name: `depths ${depths.join(', ')}`, depths }] })
      : process.argv.includes('--sweep-only')
        ? await runSweepBench(log)
        : await runGradientBench(log);
  console.log(JSON.stringify(rows, null, 2));
}
