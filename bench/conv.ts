/*
 * conv2d of the gradient engine (im2col + the engine's float32 matrix product) vs
 * @tensorflow/tfjs-backend-wasm's conv2d, forward and input gradient, on ResNet layer shapes,
 * batch 1, CPU time. tfjs runs NHWC (its wasm backend has no NCHW), the engine NCHW; both float32.
 *
 * Run: npx tsx bench/conv.ts
 */
import { pathToFileURL } from 'node:url';
import { Rng } from '../src/core/autograd';
import { type Conv2dGeometry, conv2dBackward, conv2dForward } from '../src/core/autograd/cnn';
import { loadTf } from './gradients';
import type { BenchRow } from './types';

/** [C_in, H, C_out, K, S] */
const CASES: [number, number, number, number, number][] = [
  [64, 56, 64, 3, 1],
  [128, 28, 128, 3, 1],
  [256, 14, 1024, 1, 1],
  [3, 224, 64, 7, 2],
];

/**
 * Median CPU milliseconds (user + system of this process) of `runs` calls after one warm-up: on a
 * shared machine wall time mostly measures the wait for a core; both sides run on one thread.
 */
async function ms(f: () => unknown | Promise<unknown>, runs = 5): Promise<number> {
  await f();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    await f();
    const c = process.cpuUsage(c0);
    t.push((c.user + c.system) / 1000);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

export async function runConvBench(log: (line: string) => void = () => {}): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const { tf, backends } = await loadTf();
  const wasm = backends.find((b) => b.name === 'wasm' && !b.error);
  if (wasm) {
    await tf.setBackend('wasm');
    await tf.ready();
  } else log('tfjs-backend-wasm unavailable: engine times only');
  const rng = new Rng(1);
  for (const [cin, size, cout, k, s] of CASES) {
    const p = (k - 1) >> 1;
    const out = Math.floor((size + 2 * p - k) / s) + 1;
    const g: Conv2dGeometry = {
      inChannels: cin,
      outChannels: cout,
      kernel: [k, k],
      stride: [s, s],
      dilation: [1, 1],
      padBefore: [p, p],
      groups: 1,
      inSize: [size, size],
      outSize: [out, out],
    };
    const x = { c: cin, h: size, w: size, data: new Float32Array(cin * size * size) };
    rng.fillNormal(x.data);
    const w = new Float32Array(cout * cin * k * k);
    rng.fillNormal(w, 0.05);
    const dy = { c: cout, h: out, w: out, data: new Float32Array(cout * out * out) };
    rng.fillNormal(dy.data);
    const name = `conv2d ${cin}→${cout} ${k}×${k}/${s} on ${size}×${size}`;
    const fwd = await ms(() => conv2dForward(x, g, w, null));
    const bwd = await ms(() => conv2dBackward(dy, g, w, null, { input: true, weight: false, bias: false }));
    log(`${name}: engine forward ${fwd.toFixed(1)} ms, input gradient ${bwd.toFixed(1)} ms`);
    if (!wasm) {
      rows.push({ suite: 'conv2d', case: `${name}: engine forward`, value: fwd, unit: 'ms' });
      continue;
    }
    const tx = tf.randomNormal([1, size, size, cin]) as import('@tensorflow/tfjs-core').Tensor4D;
    const tw = tf.randomNormal([k, k, cin, cout], 0, 0.05) as import('@tensorflow/tfjs-core').Tensor4D;
    const tdy = tf.randomNormal([1, out, out, cout]) as import('@tensorflow/tfjs-core').Tensor4D;
    const pad: [[number, number], [number, number], [number, number], [number, number]] = [
      [0, 0],
      [p, p],
      [p, p],
      [0, 0],
    ];
    const tFwd = await ms(async () => {
      const y = tf.conv2d(tx, tw, s, pad);
      await y.data();
      y.dispose();
    });
    const tBwd = await ms(async () => {
      const d = tf.conv2dTranspose(tdy, tw, [1, size, size, cin], s, pad);
      await d.data();
      d.dispose();
    });
    tf.dispose([tx, tw, tdy]);
    log(`${name}: tfjs-wasm forward ${tFwd.toFixed(1)} ms, input gradient ${tBwd.toFixed(1)} ms`);
    rows.push(
      {
        suite: 'conv2d',
        case: `${name}: forward`,
        value: fwd,
        unit: 'ms',
        peer: 'tfjs-backend-wasm',
        ratio: tFwd / fwd,
      },
      {
        suite: 'conv2d',
        case: `${name}: input gradient`,
        value: bwd,
        unit: 'ms',
        peer: 'tfjs-backend-wasm',
        ratio: tBwd / bwd,
      },
    );
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await runConvBench((line) => console.log(line));
  console.log(JSON.stringify(rows, null, 2));
}
