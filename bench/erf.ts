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

export function runErfBench(log: (line: string) => void = () => {}, runs = 3): BenchRow[] {
  const rows: BenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'convscope-erf-'));
  for (const name of ['resnet18', 'resnet50']) {
    const model = getZooModel(name)!;
    const load = loadavg()[0].toFixed(1);
    const times: number[] = [];
    let info = computeErf(model);
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      info = computeErf(model);
      times.push((performance.now() - t0) / 1000);
    }
    const ours = times.sort((a, b) => a - b)[Math.floor(runs / 2)];
    log(`${name}: engine ${ours.toFixed(2)} s (median of ${runs}, load ${load})`);
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(model));
    const py = spawnSync(PYTHON, ['bench/erf_torch.py', file, String(runs)], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    if (py.status !== 0) {
      log(`${name}: PyTorch not measured: ${py.stderr.trim().split('\n').pop()}`);
      rows.push({ suite: 'erf', case: `${name} 224×224 uniform: engine`, value: ours, unit: 's' });
      continue;
    }
    const ref = JSON.parse(py.stdout) as {
      threads: number;
      seconds: number;
      secondsOneThread: number;
      map: number[];
    };
    const max = Math.max(...ref.map);
    let worst = 0;
    for (let i = 0; i < ref.map.length; i++)
      worst = Math.max(worst, Math.abs(info.map[i] - ref.map[i]) / max);
    log(
      `${name}: PyTorch ${ref.seconds.toFixed(2)} s (${ref.threads} threads), ${ref.secondsOneThread.toFixed(2)} s (1 thread); max |Δ|/max = ${worst.toExponential(1)}`,
    );
    rows.push(
      {
        suite: 'erf',
        case: `${name} 224×224 uniform vs PyTorch, ${ref.threads} threads`,
        value: ours,
        unit: 's',
        peer: `torch ${ref.threads} threads`,
        ratio: ref.seconds / ours,
      },
      {
        suite: 'erf',
        case: `${name} 224×224 uniform vs PyTorch, 1 thread`,
        value: ours,
        unit: 's',
        peer: 'torch 1 thread',
        ratio: ref.secondsOneThread / ours,
      },
    );
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = runErfBench((line) => console.log(line));
  console.log(JSON.stringify(rows, null, 2));
}
