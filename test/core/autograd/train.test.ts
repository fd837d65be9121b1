import { describe, expect, it } from 'vitest';
import {
  type Param,
  type StepStats,
  type TrainConfig,
  Optimizer,
  Rng,
  createTrainingRun,
  gradientStats,
  makeDataset,
} from '../../../src/core/autograd';

const param = (w: number[], g: number[], kind: Param['kind'] = 'weight'): Param => ({
  layer: 1,
  kind,
  value: Float64Array.from(w),
  grad: Float64Array.from(g),
});

describe('optimizers, clipping and penalties', () => {
  it('SGD with momentum follows v ← μv + g, w ← w − lr·v', () => {
    const p = param([1], [2]);
    const opt = new Optimizer({ kind: 'sgd', lr: 0.1, momentum: 0.9 }, [p]);
    opt.step(); // v = 2, w = 1 − 0.2 = 0.8
    expect(p.value[0]).toBeCloseTo(0.8, 12);
    p.grad[0] = 2;
    opt.step(); // v = 0.9·2 + 2 = 3.8, w = 0.8 − 0.38 = 0.42
    expect(p.value[0]).toBeCloseTo(0.42, 12);
  });

  it('Adam moves each weight by about lr on its first step (m̂/√v̂ = sign g)', () => {
    const p = param([1, 1], [5, -0.01]);
    new Optimizer({ kind: 'adam', lr: 0.01 }, [p]).step();
    expect(p.value[0]).toBeCloseTo(0.99, 6);
    expect(p.value[1]).toBeCloseTo(1.01, 5);
  });

  it('clips by global norm and by value', () => {
    const a = param([0, 0], [3, 0]),
      b = param([0], [4], 'bias');
    const r = new Optimizer({ kind: 'sgd', lr: 1 }, [a, b], { kind: 'norm', max: 1 }).step();
    expect(r.gradNorm).toBeCloseTo(5, 12);
    expect(r.clipped).toBe(true);
    // Global norm 5 → scaled by 1/5: updates (0.6, 0) and 0.8.
    expect(Array.from(a.value)).toEqual([expect.closeTo(-0.6, 6), 0]);
    expect(b.value[0]).toBeCloseTo(-0.8, 6);
    const c = param([0, 0], [3, -0.5]);
    new Optimizer({ kind: 'sgd', lr: 1 }, [c], { kind: 'value', max: 1 }).step();
    expect(Array.from(c.value)).toEqual([-1, 0.5]);
  });

  it('adds L1 and L2 penalty gradients to weights only', () => {
    const w = param([2, -1], [0, 0]),
      b = param([3], [0], 'bias');
    const r = new Optimizer({ kind: 'sgd', lr: 1 }, [w, b], null, { l1: 0.1, l2: 0.5 }).step();
    // penalty = 0.1·(2 + 1) + 0.5·(4 + 1) = 2.8; gradients 0.1·sign(w) + w = (2.1, −1.1).
    expect(r.penalty).toBeCloseTo(2.8, 12);
    expect(w.value[0]).toBeCloseTo(2 - 2.1, 12);
    expect(w.value[1]).toBeCloseTo(-1 + 1.1, 12);
    expect(b.value[0]).toBe(3);
  });
});

describe('toy data', () => {
  for (const task of ['spirals', 'circles', 'xor', 'blobs'] as const) {
    it(`${task}: balanced two-class data, reproducible by seed`, () => {
      const d = makeDataset(task, 200, 3);
      expect(d.x).toHaveLength(400);
      expect(d.y.reduce((s, v) => s + v, 0)).toBe(100);
      expect(makeDataset(task, 200, 3).x).toEqual(d.x);
      expect(makeDataset(task, 200, 4).x).not.toEqual(d.x);
    });
  }
  it('sine: targets are sin(x) plus noise of the requested std', () => {
    const d = makeDataset('sine', 4000, 1, 0.1);
    let s2 = 0;
    for (let i = 0; i < d.n; i++) s2 += (d.y[i] - Math.sin(d.x[i])) ** 2;
    expect(Math.sqrt(s2 / d.n)).toBeCloseTo(0.1, 2);
  });
  it('xor: the class is the quadrant (noise 0)', () => {
    const d = makeDataset('xor', 100, 2, 0);
    for (let i = 0; i < d.n; i++) expect(d.y[i]).toBe(d.x[2 * i] * d.x[2 * i + 1] < 0 ? 1 : 0);
  });
});

const base: TrainConfig = {
  task: 'xor',
  seed: 1,
  depth: 20,
  width: 32,
  activation: 'sigmoid',
  init: { kind: 'xavier_normal' },
  optimizer: { kind: 'sgd', lr: 0.5, momentum: 0.9 },
  batchSize: 64,
};

function run(config: TrainConfig, steps: number): StepStats[] {
  const r = createTrainingRun(config);
  const out: StepStats[] = [];
  for (let i = 0; i < steps; i++) out.push(r.step());
  return out;
}

describe('training runs', () => {
  it('are reproducible by seed and differ across seeds', () => {
    const a = run({ ...base, depth: 4 }, 20),
      b = run({ ...base, depth: 4 }, 20),
      c = run({ ...base, depth: 4, seed: 2 }, 20);
    expect(b).toEqual(a);
    expect(c.at(-1)?.loss).not.toBe(a.at(-1)?.loss);
  });

  it('treat leakySlope/eluAlpha given as undefined as their defaults (finite losses, not NaN)', () => {
    for (const activation of ['leaky_relu', 'elu'] as const) {
      const steps = run({ ...base, depth: 2, activation, leakySlope: undefined, eluAlpha: undefined }, 3);
      for (const s of steps) expect(Number.isFinite(s.loss), activation).toBe(true);
    }
  });

  it('report per-layer statistics every step', () => {
    const s = run({ ...base, depth: 3, activation: 'relu', init: { kind: 'kaiming_normal' } }, 1)[0];
    expect(s.layers).toHaveLength(3);
    expect(s.layers[0].dead).toBeGreaterThanOrEqual(0);
    expect(s.layers[0].saturated).toBeNull();
    expect(s.layers[2].actMean).toBeNull(); // the linear head has no activation
    for (const l of s.layers) expect(l.updateRatio).toBeGreaterThan(0);
    expect(s.accuracy).toBeGreaterThanOrEqual(0);
  });

  it('20 sigmoid layers: the first layer’s gradient vanishes; BatchNorm restores it and the net learns XOR', () => {
    const plainRun = createTrainingRun(base),
      bnRun = createTrainingRun({ ...base, batchnorm: true });
    const first = [plainRun.step(), bnRun.step()];
    for (let i = 1; i < 300; i++) {
      plainRun.step();
      bnRun.step();
    }
    const ratio = (s: StepStats) => Math.log10(s.layers[0].gradNorm / s.layers[19].gradNorm);
    expect(ratio(first[0])).toBeLessThan(-8);
    expect(ratio(first[1])).toBeGreaterThan(-2);
    expect(plainRun.evaluate().accuracy).toBeLessThan(0.7);
    expect(bnRun.evaluate().accuracy).toBeGreaterThan(0.85);
  });

  it('N(0, 1.5²) init explodes with ReLU, and clipping by global norm bounds the update', () => {
    const cfg: TrainConfig = {
      ...base,
      depth: 10,
      activation: 'relu',
      init: { kind: 'normal', std: 1.5 },
      optimizer: { kind: 'sgd', lr: 0.01 },
    };
    const raw = run(cfg, 1)[0],
      clipped = run({ ...cfg, clip: { kind: 'norm', max: 1 } }, 1)[0];
    expect(raw.gradNorm).toBeGreaterThan(1e6);
    expect(clipped.clipped).toBe(true);
    expect(clipped.layers[0].updateRatio).toBeLessThan(raw.layers[0].updateRatio / 1e5);
  });

  it('pre-trains each hidden layer as an autoencoder, then fine-tunes', () => {
    const r = createTrainingRun({
      ...base,
      depth: 4,
      task: 'circles',
      pretrain: { stepsPerLayer: 30, optimizer: { kind: 'adam', lr: 0.01 } },
    });
    const phases: (number | null)[] = [];
    const recon: number[][] = [[], [], []];
    for (let i = 0; i < 100; i++) {
      const s = r.step();
      phases.push(s.pretrainLayer);
      if (s.pretrainLayer) recon[s.pretrainLayer - 1].push(s.loss);
    }
    expect(phases.slice(0, 90)).toEqual([...Array(30).fill(1), ...Array(30).fill(2), ...Array(30).fill(3)]);
    expect(phases.slice(90)).toEqual(Array(10).fill(null));
    // Reconstruction improves while each autoencoder trains.
    for (const losses of recon) expect(losses.at(-1)).toBeLessThan(losses[0]);
  });

  it('predicts class-1 probabilities for a grid (decision boundary)', () => {
    const r = createTrainingRun({
      ...base,
      depth: 3,
      activation: 'tanh',
      task: 'blobs',
      optimizer: { kind: 'adam', lr: 0.01 },
    });
    for (let i = 0; i < 200; i++) r.step();
    const p = r.predict([-1, -1, 1, 1], 2);
    expect(p[0]).toBeLessThan(0.1); // blob of class 0 around (−1, −1)
    expect(p[1]).toBeGreaterThan(0.9);
  });
});

describe('seeded reproducibility of the reference measurement', () => {
  it('gives identical numbers for the same seeds and different ones for other seeds', () => {
    const setup = {
      depth: 5,
      width: 16,
      batch: 32,
      activation: 'tanh',
      init: { kind: 'xavier_normal' },
      batchnorm: true,
      residual: false,
      dtype: 'float64',
    } as const;
    expect(gradientStats(setup, 3)).toEqual(gradientStats(setup, 3));
    expect(gradientStats(setup, 4).layers[0].log10GradNormMean).not.toBe(
      gradientStats(setup, 3).layers[0].log10GradNormMean,
    );
  });
  it('the RNG gives N(0, 1) draws', () => {
    const rng = new Rng(42);
    const x = new Float64Array(100_000);
    rng.fillNormal(x);
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    const v = x.reduce((s, t) => s + (t - mean) ** 2, 0) / x.length;
    // Standard errors: 1/√n ≈ 0.003 for the mean, √(2/n) ≈ 0.0045 for the variance.
    expect(Math.abs(mean)).toBeLessThan(0.015);
    expect(Math.abs(v - 1)).toBeLessThan(0.02);
  });
});
