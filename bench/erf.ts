/*
 * ERF of ResNet-18 and ResNet-50 at 224×224 (last conv layer, uniform mode, one pass): the engine
 * vs the same computation in PyTorch (bench/erf_torch.py, float32, forward and autograd backward),
 * same machine, same run. Also checks that both give the same map.
 *
 * Run: npx tsx bench/erf.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getZooModel } from '../src/core';
import { computeErf } from '../src/core/erf';
import type { BenchRow } from './types';

const PYTHON = '/usr/bin/python3';

export function runErfBench(log: (line: string) => void = () => {}, runs = 1): BenchRow[] {
  const rows: BenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'convscope-erf-'));
  for (const name of ['resnet18', 'resnet50']) {
    const model = getZooModel(name)!;
    const load = loadavg()[0].toFixed(1);
    const wall: number[] = [];
    const cpu: number[] = [];
    let info = computeErf(model, { layer: 'conv1' }); // warms the kernels up on a one-layer network
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      info = computeErf(model);
      const c = process.cpuUsage(c0);
      wall.push((performance.now() - t0) / 1000);
      cpu.push((c.user + c.system) / 1e6);
    }
    const median = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
    const ours = { wall: median(wall), cpu: median(cpu) };
    log(`${name}: engine ${ours.wall.toFixed(2)} s wall, ${ours.cpu.toFixed(2)} s CPU (load ${load})`);
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(model));
    const py = spawnSync(PYTHON, ['bench/erf_torch.py', file, String(runs)], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    if (py.status !== 0) {
      log(`${name}: PyTorch not measured: ${py.stderr.trim().split('\n').pop()}`);
      rows.push({ suite: 'erf', case: `${name} 224×224 uniform: engine (CPU)`, value: ours.cpu, unit: 's' });
      continue;
    }
    const ref = JSON.parse(py.stdout) as {
      torch: string;
      seconds: number;
      cpuSeconds: number;
      map: number[];
    };
    const max = Math.max(...ref.map);
    let worst = 0;
    for (let i = 0; i < ref.map.length; i++)
      worst = Math.max(worst, Math.abs(info.map[i] - ref.map[i]) / max);
    log(
      `${name}: PyTorch ${ref.torch} ${ref.seconds.toFixed(2)} s wall, ${ref.cpuSeconds.toFixed(2)} s CPU (1 thread); max |Δ|/max = ${worst.toExponential(1)} (load ${loadavg()[0].toFixed(1)})`,
    );
    for (const kind of ['cpu', 'wall'] as const) {
      const theirs = kind === 'cpu' ? ref.cpuSeconds : ref.seconds;
      rows.push({
        suite: 'erf',
        case: `${name} 224×224, last conv, uniform, 1 seed (${kind === 'cpu' ? 'CPU' : 'wall'})`,
        value: ours[kind],
        unit: 's',
        peer: 'PyTorch, 1 thread (ratio = PyTorch ÷ engine)',
        ratio: theirs / ours[kind],
      });
    }
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = runErfBench((line) => console.log(line));
  console.log(JSON.stringify(rows, null, 2));
}
