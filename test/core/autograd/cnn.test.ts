import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type CnnActivation,
  type Map3,
  activationBackward,
  activationForward,
  adaptiveAvgPool2dBackward,
  adaptiveAvgPool2dForward,
  addForward,
  avgPool2dBackward,
  avgPool2dForward,
  batchNormBackward,
  batchNormForward,
  concatBackward,
  concatForward,
  conv2dBackward,
  conv2dForward,
  maxPool2dBackward,
  maxPool2dForward,
} from '../../../src/core/autograd/cnn';

interface Tensor {
  shape: [number, number, number];
  data: number[];
}
interface Case {
  name: string;
  op: string;
  inputs: Tensor[];
  params: Record<string, number[]>;
  y: Tensor;
  dy: number[];
  dx: number[][];
  dparams: Record<string, number[]>;
  geometry?: Record<string, number[] | number | boolean>;
  mode?: 'eval' | 'train';
  runningMean?: number[];
  runningVar?: number[];
}

/** PyTorch's forward values and gradients of each layer on small float32 cases (make_reference.py). */
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/erf/layers.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

const map = (t: Tensor): Map3 => ({
  c: t.shape[0],
  h: t.shape[1],
  w: t.shape[2],
  data: Float32Array.from(t.data),
});
const like = (t: Tensor, data: number[]): Map3 => ({ ...map(t), data: Float32Array.from(data) });
const f32 = (a: number[]) => Float32Array.from(a);

/** float32 against float64 PyTorch: |a − b| ≤ 1e-5 · max(1, |b|). */
function expectClose(actual: ArrayLike<number>, expected: number[], what: string): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const tol = 1e-5 * Math.max(1, Math.abs(expected[i]));
    if (!(Math.abs(actual[i] - expected[i]) <= tol))
      throw new Error(`${what}[${i}]: ${actual[i]} vs PyTorch ${expected[i]}`);
  }
}

type Run = (c: Case) => { y: Map3; dx: Map3[]; dparams?: Record<string, ArrayLike<number>> };

const pair = (v: unknown) => v as [number, number];

const runners: Record<string, Run> = {
  conv2d(c) {
    const g = c.geometry as Record<string, number[] & number & boolean>;
    const x = map(c.inputs[0]);
    const geo = {
      inChannels: g.cin,
      outChannels: g.cout,
      kernel: pair(g.k),
      stride: pair(g.s),
      dilation: pair(g.d),
      padBefore: pair(g.p),
      groups: g.groups,
      inSize: [x.h, x.w] as [number, number],
      outSize: [c.y.shape[1], c.y.shape[2]] as [number, number],
    };
    const weight = f32(c.params.weight);
    const bias = c.params.bias ? f32(c.params.bias) : null;
    const y = conv2dForward(x, geo, weight, bias);
    const r = conv2dBackward(like(c.y, c.dy), geo, weight, x, { input: true, weight: true, bias: !!bias });
    const dparams: Record<string, ArrayLike<number>> = { weight: r.dWeight as Float32Array };
    if (bias) dparams.bias = r.dBias as Float32Array;
    return { y, dx: [r.dx as Map3], dparams };
  },
  maxpool2d(c) {
    const geo = poolGeo(c);
    const r = maxPool2dForward(map(c.inputs[0]), geo);
    return { y: r.y, dx: [maxPool2dBackward(like(c.y, c.dy), r.argmax, geo)] };
  },
  avgpool2d(c) {
    const geo = poolGeo(c);
    return { y: avgPool2dForward(map(c.inputs[0]), geo), dx: [avgPool2dBackward(like(c.y, c.dy), geo)] };
  },
  adaptive_avgpool2d(c) {
    const x = map(c.inputs[0]);
    const out = pair((c.geometry as { out: number[] }).out);
    return {
      y: adaptiveAvgPool2dForward(x, out),
      dx: [adaptiveAvgPool2dBackward(like(c.y, c.dy), [x.h, x.w])],
    };
  },
  batchnorm(c) {
    const x = map(c.inputs[0]);
    const state = {
      gamma: f32(c.params.gamma),
      beta: f32(c.params.beta),
      runningMean: f32(c.runningMean as number[]),
      runningVar: f32(c.runningVar as number[]),
      eps: 1e-5,
    };
    const { y, cache } = batchNormForward(x, state, c.mode as 'eval' | 'train');
    const r = batchNormBackward(like(c.y, c.dy), state, cache, x);
    return { y, dx: [r.dx], dparams: { gamma: r.dGamma, beta: r.dBeta } };
  },
  add(c) {
    const xs = c.inputs.map(map);
    const dy = like(c.y, c.dy);
    return { y: addForward(xs), dx: xs.map(() => dy) };
  },
  concat(c) {
    const xs = c.inputs.map(map);
    return {
      y: concatForward(xs),
      dx: concatBackward(
        like(c.y, c.dy),
        xs.map((x) => x.c),
      ),
    };
  },
};

const ACT_PARAMS: Record<string, { negativeSlope?: number; alpha?: number; min?: number; max?: number }> = {
  leaky_relu: { negativeSlope: 0.1 },
  elu: { alpha: 0.7 },
  clamp: { min: -0.5, max: 1 },
};

function poolGeo(c: Case) {
  const g = c.geometry as Record<string, number[]>;
  const x = c.inputs[0];
  return {
    kernel: pair(g.k),
    stride: pair(g.s),
    dilation: pair(g.d),
    padBefore: pair(g.p),
    inSize: [x.shape[1], x.shape[2]] as [number, number],
    outSize: [c.y.shape[1], c.y.shape[2]] as [number, number],
  };
}

function runActivation(c: Case): ReturnType<Run> {
  const x = map(c.inputs[0]);
  const p = ACT_PARAMS[c.op] ?? {};
  const y = activationForward(c.op as CnnActivation, x, p);
  return { y, dx: [activationBackward(c.op as CnnActivation, x, y, like(c.y, c.dy), p)] };
}

describe('convolutional layers against PyTorch (forward, input and parameter gradients)', () => {
  it('covers every layer kind of the engine', () => {
    const ops = new Set(fixture.cases.map((c) => c.op));
    for (const op of [
      'conv2d',
      'maxpool2d',
      'avgpool2d',
      'adaptive_avgpool2d',
      'batchnorm',
      'add',
      'concat',
      'relu',
      'gelu',
    ])
      expect(ops.has(op), op).toBe(true);
  });
  for (const c of fixture.cases) {
    it(c.name, () => {
      const run = runners[c.op] ?? runActivation;
      const r = run(c);
      expect([r.y.c, r.y.h, r.y.w]).toEqual(c.y.shape);
      expectClose(r.y.data, c.y.data, 'y');
      c.dx.forEach((dx, i) => expectClose(r.dx[i].data, dx, `dx${i}`));
      for (const [k, v] of Object.entries(c.dparams)) expectClose(r.dparams?.[k] ?? [], v, `d${k}`);
    });
  }
});
