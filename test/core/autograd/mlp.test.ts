import { describe, expect, it } from 'vitest';
import { type Activation, type LossKind, Mlp, Rng, lossForward } from '../../../src/core/autograd';

/*
 * Finite-difference gradient checks (float64): every parameter and the input of small networks,
 * for every activation, with and without BatchNorm and residual blocks, under every loss.
 * Central differences (f(θ+h) − f(θ−h))/2h with h = 1e-6 have error O(h²) ≈ 1e-12 relative, far
 * below the 1e-6 tolerance used here.
 */
const N = 6,
  IN = 4,
  OUT = 3;

function makeNet(
  activation: Exclude<Activation, 'identity'>,
  batchnorm: boolean,
  residual: boolean,
  depth = 3,
): Mlp {
  const net = new Mlp({
    inputDim: IN,
    outputDim: OUT,
    width: IN,
    depth,
    activation,
    leakySlope: 0.1,
    eluAlpha: 0.8,
    init: { kind: 'xavier_normal' },
    batchnorm,
    residual,
  });
  const rng = new Rng(7);
  net.initialize(rng);
  // Non-zero biases and BatchNorm affine parameters so that their gradients are exercised too.
  for (const p of net.params())
    if (p.kind !== 'weight') for (let i = 0; i < p.value.length; i++) p.value[i] += 0.3 * rng.normal();
  return net;
}

function lossOf(net: Mlp, x: Float64Array, kind: LossKind, target: Float64Array | null): number {
  const y = net.forward(x, N);
  return lossForward(kind, y, N, OUT, target, new Float64Array(N * OUT)).loss;
}

function check(net: Mlp, kind: LossKind): void {
  const rng = new Rng(11);
  const x = new Float64Array(N * IN);
  rng.fillNormal(x);
  const target =
    kind === 'softmax_ce'
      ? Float64Array.from({ length: N }, (_, i) => i % OUT)
      : kind === 'mse'
        ? new Float64Array(N * OUT).map(() => rng.normal())
        : null;
  const y = net.forward(x, N);
  const dy = new Float64Array(N * OUT);
  lossForward(kind, y, N, OUT, target, dy);
  const dx = Float64Array.from(net.backward(dy, { inputGrad: true }) as Float64Array);
  const analytic = net.params().map((p) => Float64Array.from(p.grad));
  const h = 1e-6;
  let checked = 0;
  net.params().forEach((p, k) => {
    for (let i = 0; i < p.value.length; i++) {
      const v = p.value[i];
      p.value[i] = v + h;
      const up = lossOf(net, x, kind, target);
      p.value[i] = v - h;
      const down = lossOf(net, x, kind, target);
      p.value[i] = v;
      const numeric = (up - down) / (2 * h);
      expect(Math.abs(numeric - analytic[k][i]), `${p.kind} of layer ${p.layer}[${i}]`).toBeLessThan(
        1e-6 * Math.max(1, Math.abs(numeric)),
      );
      checked++;
    }
  });
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    x[i] = v + h;
    const up = lossOf(net, x, kind, target);
    x[i] = v - h;
    const down = lossOf(net, x, kind, target);
    x[i] = v;
    expect(Math.abs((up - down) / (2 * h) - dx[i]), `input[${i}]`).toBeLessThan(1e-6);
  }
  expect(checked).toBe(net.params().reduce((s, p) => s + p.value.length, 0));
}

describe('MLP back-propagation matches finite differences', () => {
  for (const activation of ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu'] as const) {
    for (const batchnorm of [false, true]) {
      for (const residual of [false, true]) {
        it(`${activation}${batchnorm ? ' + BatchNorm' : ''}${residual ? ' + residual' : ''}`, () => {
          check(makeNet(activation, batchnorm, residual), 'mean_square');
        });
      }
    }
  }
  for (const kind of ['mean_square', 'mse', 'softmax_ce'] as const) {
    it(`loss ${kind}`, () => check(makeNet('tanh', true, true), kind));
  }
  it('a single linear layer (depth 1)', () => check(makeNet('relu', false, false, 1), 'mse'));
  it('a first layer whose input width differs from the hidden width', () => {
    const net = new Mlp({
      inputDim: IN,
      outputDim: OUT,
      width: 5,
      depth: 3,
      activation: 'elu',
      init: { kind: 'kaiming_uniform' },
      batchnorm: true,
      residual: true,
    });
    net.initialize(new Rng(3));
    // Residual only where fan_in = fan_out: block 1 (4 → 5) is plain, block 2 (5 → 5) is residual.
    expect(net.layers.map((l) => l.residual)).toEqual([false, true, false]);
    check(net, 'softmax_ce');
  });
});

describe('MLP forward pass', () => {
  it('computes a hand-worked 2-layer example', () => {
    // x = [1, 2]; W1 = [[1, 0], [0, −1]] (out × in), relu → h = [1, 0]; W2 = [[2, 3]] → y = 2.
    const net = new Mlp({
      inputDim: 2,
      outputDim: 1,
      width: 2,
      depth: 2,
      activation: 'relu',
      init: { kind: 'xavier_normal' },
    });
    // wt is input-major: W1ᵀ = [[1, 0], [0, −1]], W2ᵀ = [[2], [3]].
    net.layers[0].wt.set([1, 0, 0, -1]);
    net.layers[1].wt.set([2, 3]);
    expect(Array.from(net.forward([1, 2], 1))).toEqual([2]);
  });

  it('normalises with batch statistics in training mode (BatchNorm: zero mean, unit biased variance)', () => {
    const net = new Mlp({
      inputDim: 3,
      outputDim: 3,
      width: 3,
      depth: 2,
      activation: 'elu',
      init: { kind: 'normal', std: 2 },
      batchnorm: true,
    });
    net.initialize(new Rng(1));
    const x = new Float64Array(50 * 3);
    new Rng(2).fillNormal(x, 3, 1);
    net.forward(x, 50, { blocks: 1 });
    // ELU is the identity for u > 0, so check the BatchNorm output through the stored x̂ instead.
    const xhat = (net as unknown as { cache: { xhat: Float64Array[] } }).cache.xhat[0];
    for (let j = 0; j < 3; j++) {
      let s = 0,
        s2 = 0;
      for (let r = 0; r < 50; r++) s += xhat[r * 3 + j];
      for (let r = 0; r < 50; r++) s2 += (xhat[r * 3 + j] - s / 50) ** 2;
      expect(s / 50).toBeCloseTo(0, 12);
      expect(s2 / 50).toBeCloseTo(1, 4); // 1 − ε/(σ² + ε), ε = 1e-5
    }
  });

  it('float32 mode agrees with float64 to single precision', () => {
    const make = (dtype: 'float32' | 'float64') => {
      const net = new Mlp({
        inputDim: 8,
        outputDim: 4,
        width: 16,
        depth: 4,
        activation: 'tanh',
        init: { kind: 'xavier_uniform' },
        batchnorm: true,
        residual: true,
        dtype,
      });
      net.initialize(new Rng(5));
      return net;
    };
    const x = new Float64Array(32 * 8);
    new Rng(9).fillNormal(x);
    const a = make('float64').forward(x, 32),
      b = make('float32').forward(x, 32);
    expect(b).toBeInstanceOf(Float32Array);
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-4);
  });
});
