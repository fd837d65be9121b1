/*
 * Analysis-core benchmark: full analyzeModel (shapes, params, MACs/FLOPs, memory, receptive
 * fields, warnings; formula traces are lazy and not built) in-process, median of many runs:
 *   - zoo:resnet152 (515 layers)           target ≤ 0.2 ms CPU; also with its rows read (built on demand),
 *                                           and again after that (both orders)
 *   - a synthetic 10,000-layer chain        target < 50 ms
 *   - a 2,000-node branching graph (inception-style blocks with concat and residual add)
 *   - scaling of a chain from 1k to 300k layers (target: cost per layer within 1.3×)
 * plus validateModel (zod schema + graph + shapes) of resnet152's JSON.
 *
 * Run: npx tsx bench/core.ts
 *      (node --expose-gc --import tsx bench/core.ts also measures the heap kept per layer)
 */
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { analyzeModel, getZooModel, type LayerSpec, type ModelSpec, validateModel } from '../src/core';
import type { BenchRow } from './types';

const SUITE = 'analysis core';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Median wall time and median CPU time (user + system of this process) in ms of `f` over `runs` runs
 * after `warmup` runs. CPU time is reported too because on a shared machine wall time also counts
 * the time other processes hold the cores.
 */
function time(
  f: () => unknown,
  runs: number,
  warmup = Math.max(3, runs >> 3),
): { wall: number; cpu: number } {
  for (let i = 0; i < warmup; i++) f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

function model(name: string, input: ModelSpec['input'], layers: LayerSpec[]): ModelSpec {
  return { format: 'convscope-model', version: 1, name, input, layers };
}

/** conv 3×3 → batchnorm → relu, repeated: a plain chain of `n` layers on 16×32×32. */
export function chain(n: number): ModelSpec {
  const ops = ['conv2d', 'batchnorm', 'relu'] as const;
  const layers: LayerSpec[] = [];
  for (let i = 0; i < n; i++) {
    const op = ops[i % 3];
    layers.push(
      op === 'conv2d' ? { id: `l${i}`, op, out_channels: 16, kernel: 3, padding: 1 } : { id: `l${i}`, op },
    );
  }
  return model(`chain-${n}`, [16, 32, 32], layers);
}

/** Blocks of x → {1×1, 3×3, 5×5 (via two 3×3), pool} → concat → 1×1 → add x: 10 nodes per block. */
export function branching(nodes: number): ModelSpec {
  const layers: LayerSpec[] = [];
  let x = 'input';
  for (let b = 0; layers.length + 10 <= nodes; b++) {
    const p = `b${b}`;
    layers.push(
      { id: `${p}.a`, op: 'conv2d', out_channels: 8, kernel: 1, inputs: [x] },
      { id: `${p}.b`, op: 'conv2d', out_channels: 8, kernel: 3, padding: 1, inputs: [x] },
      { id: `${p}.c0`, op: 'conv2d', out_channels: 8, kernel: 3, padding: 1, inputs: [x] },
      { id: `${p}.c1`, op: 'conv2d', out_channels: 8, kernel: 3, padding: 1 },
      { id: `${p}.d0`, op: 'maxpool2d', kernel: 3, stride: 1, padding: 1, inputs: [x] },
      { id: `${p}.d1`, op: 'conv2d', out_channels: 8, kernel: 1 },
      { id: `${p}.cat`, op: 'concat', inputs: [`${p}.a`, `${p}.b`, `${p}.c1`, `${p}.d1`] },
      { id: `${p}.proj`, op: 'conv2d', out_channels: 16, kernel: 1 },
      { id: `${p}.add`, op: 'add', inputs: [x, `${p}.proj`] },
      { id: `${p}.relu`, op: 'relu' },
    );
    x = `${p}.relu`;
  }
  return model(`branching-${layers.length}`, [16, 32, 32], layers);
}

export async function runCoreBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const add = (name: string, t: { wall: number; cpu: number }, per = 1, unit = 'ms') => {
    rows.push({ suite: SUITE, case: `${name} (wall)`, value: t.wall * per, unit });
    rows.push({ suite: SUITE, case: `${name} (CPU)`, value: t.cpu * per, unit });
  };
  const r152 = getZooModel('resnet152');
  if (!r152) throw new Error('zoo:resnet152 missing');
  // 2,000 runs: long enough for the optimised code of the walk to settle before rows are read.
  add(
    'analyze zoo:resnet152 (515 layers), median',
    time(() => analyzeModel(r152), 2000),
  );
  const c1k = chain(1_000);
  add(
    'scaling: chain of 1,000 layers before any rows were read, per layer',
    time(() => analyzeModel(c1k), 200, 50),
    1000 / 1_000,
    'µs/layer',
  );
  // Rows are built from the analysis's columns when `layers` is first read: what that adds. Then
  // ResNet-152 again, and every later case, after rows were read in this process: reading rows once
  // used to make every later analysis 3–4× slower (a V8 map deprecation, see zeroOps in
  // ops/common.ts). The rows are read before any large model is analysed, which would hide that.
  add(
    'rows of zoo:resnet152: analyze, then read every row, median',
    time(() => analyzeModel(r152).layers.length, 300),
  );
  add(
    'analyze zoo:resnet152 after rows were read, median',
    time(() => analyzeModel(r152), 300),
  );
  const r152Json = JSON.parse(JSON.stringify(r152)) as unknown;
  add(
    'validateModel resnet152 JSON (schema + graph + shapes), median',
    time(() => validateModel(r152Json), 100),
  );
  const c10k = chain(10_000);
  add(
    'analyze 10,000-layer chain, median',
    time(() => analyzeModel(c10k), 30),
  );
  const br = branching(2_000);
  add(
    `analyze ${br.layers.length}-node branching graph, median`,
    time(() => analyzeModel(br), 50),
  );
  // Bytes each layer's result keeps alive (only with `node --expose-gc`): what drives GC cost at scale.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    const m = chain(20_000);
    analyzeModel(m);
    gc();
    gc();
    const h0 = process.memoryUsage().heapUsed;
    const kept = analyzeModel(m);
    gc();
    gc();
    const perLayer = (process.memoryUsage().heapUsed - h0) / kept.layers.length;
    rows.push({
      suite: SUITE,
      case: 'heap kept per layer (20,000-layer chain)',
      value: perLayer,
      unit: 'bytes',
    });
  }
  for (const n of [1_000, 10_000, 100_000, 300_000]) {
    const m = chain(n);
    const runs = n >= 300_000 ? 3 : n >= 100_000 ? 5 : n >= 10_000 ? 15 : 200;
    // The 1k chain, the ratio's denominator, warms up long enough to be optimised for itself.
    add(
      `scaling: chain of ${n.toLocaleString('en-US')} layers, per layer`,
      time(() => analyzeModel(m), runs, n >= 100_000 ? 2 : runs >> 2),
      1000 / n,
      'µs/layer',
    );
  }
  return rows;
}

async function standalone(): Promise<void> {
  const rows = await runCoreBench();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `${new Date().toUTCString()} · ${cpus().length} CPUs · ${cpu} · Node ${process.versions.node} · load average ${loadavg()[0].toFixed(1)}`,
  );
  for (const r of rows)
    console.log(`${r.case.padEnd(70)} ${r.value.toFixed(r.value < 10 ? 3 : 1).padStart(10)} ${r.unit}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  standalone().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
