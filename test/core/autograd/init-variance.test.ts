import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInit } from '../../../src/core/autograd';
import {
  InitVarianceError,
  initVariance,
  initWeightVariance,
  type InitVarianceConfig,
} from '../../../src/core/autograd/init-variance';

interface Stat {
  mean: number;
  std: number;
}
interface ReferenceLayer {
  layer: number;
  log10ActivationVar: Stat;
  log10GradientVar?: Stat;
  log10WeightGradVar?: Stat;
}
const reference = JSON.parse(
  readFileSync(new URL('../../fixtures/init-variance/reference.json', import.meta.url), 'utf8'),
) as {
  provenance: { width: number; depth: number; samples: number };
  configs: { activation: InitVarianceConfig['activation']; init: string; layers: ReferenceLayer[] }[];
};

const SEEDS = [1, 2, 3];

/** The engine's mean over seeds of log10 of each per-layer variance. */
function engineLogs(activation: InitVarianceConfig['activation'], init: string) {
  const { width, depth, samples } = reference.provenance;
  const runs = SEEDS.map((seed) =>
    initVariance({ activation, init: parseInit(init), width, depth, samples, seed }),
  );
  const mean = (f: (i: number, r: (typeof runs)[number]) => number | null) =>
    runs[0]!.layers.map((_, i) => runs.reduce((s, r) => s + Math.log10(f(i, r) ?? NaN), 0) / runs.length);
  return {
    act: mean((i, r) => r.layers[i]!.activationVar),
    grad: mean((i, r) => r.layers[i]!.gradientVar),
    wgrad: mean((i, r) => r.layers[i]!.weightGradVar),
  };
}

describe('initVariance', () => {
  it('matches PyTorch layer by layer: activations, back-propagated gradients and weight gradients', () => {
    for (const c of reference.configs) {
      const e = engineLogs(c.activation, c.init);
      // Different random draws: the seed-to-seed spread of PyTorch's log10 variance sets the tolerance.
      const close = (got: number, want: Stat, what: string) =>
        expect(
          Math.abs(got - want.mean),
          `${c.activation} ${c.init} ${what}: ${got} vs ${want.mean}`,
        ).toBeLessThan(2 * want.std + 0.15);
      for (const ref of c.layers) {
        close(e.act[ref.layer]!, ref.log10ActivationVar, `Var(a_${ref.layer})`);
        if (ref.log10GradientVar) close(e.grad[ref.layer]!, ref.log10GradientVar, `Var(δ_${ref.layer})`);
        if (ref.log10WeightGradVar)
          close(e.wgrad[ref.layer]!, ref.log10WeightGradVar, `Var(∂W_${ref.layer})`);
      }
    }
  });

  it('measures the gains the variance argument predicts', () => {
    const run = (activation: InitVarianceConfig['activation'], init: string) =>
      initVariance({ activation, init: parseInit(init), width: 128, depth: 20, samples: 64, seed: 7 });
    // He with ReLU: n · 2/n · ½ = 1 both ways.
    const he = run('relu', 'kaiming_normal');
    expect([he.forwardGain, he.backwardGain]).toEqual([1, 1]);
    expect(he.measuredForwardGain!).toBeGreaterThan(0.9);
    expect(he.measuredForwardGain!).toBeLessThan(1.1);
    expect(he.measuredBackwardGain!).toBeGreaterThan(0.9);
    expect(he.measuredBackwardGain!).toBeLessThan(1.1);
    // Xavier with ReLU: n · 1/n · ½ = ½: the variance halves at every layer.
    const xr = run('relu', 'xavier_normal');
    expect(xr.forwardGain).toBe(0.5);
    expect(xr.measuredForwardGain!).toBeGreaterThan(0.45);
    expect(xr.measuredForwardGain!).toBeLessThan(0.55);
    // Small weights with tanh (linear near 0): n·σ² = 128 · 10⁻⁴.
    const small = run('tanh', 'normal:0.01');
    expect(small.forwardGain).toBeCloseTo(0.0128, 12);
    expect(small.measuredForwardGain! / 0.0128).toBeGreaterThan(0.9);
    expect(small.measuredForwardGain! / 0.0128).toBeLessThan(1.1);
    // Sigmoid: the slope is at most ¼, so the backward gain is at most n · Var(w) / 16.
    const sig = run('sigmoid', 'xavier_normal');
    expect(sig.forwardGain).toBeNull();
    expect(sig.backwardGain).toBeCloseTo(1 / 16, 12);
    expect(sig.measuredBackwardGain!).toBeLessThanOrEqual(1 / 16);
  });

  it('shows why weight gradients can look level while both signals explode', () => {
    const r = initVariance({
      activation: 'relu',
      init: parseInit('normal:1'),
      width: 128,
      depth: 20,
      samples: 64,
      seed: 3,
    });
    const log = (v: number | null) => Math.log10(v!);
    const first = r.layers[1]!;
    const last = r.layers[19]!;
    // Activations grow forwards and δ grows backwards by tens of decades …
    expect(log(last.activationVar) - log(first.activationVar)).toBeGreaterThan(25);
    expect(log(first.gradientVar) - log(last.gradientVar)).toBeGreaterThan(25);
    // … while the weight gradient, their product, stays within a decade from layer 1 to 19.
    expect(Math.abs(log(first.weightGradVar) - log(last.weightGradVar))).toBeLessThan(1);
  });

  it('gives each scheme’s weight variance with its formula', () => {
    expect(initWeightVariance({ kind: 'xavier_normal' }, 100, 300).value).toBeCloseTo(2 / 400, 15);
    expect(initWeightVariance({ kind: 'kaiming_uniform' }, 50, 10).value).toBeCloseTo(2 / 50, 15);
    expect(initWeightVariance({ kind: 'normal', std: 0.5 }, 5, 5)).toMatchObject({
      value: 0.25,
      substituted: '0.5^2',
    });
    const r = initVariance({
      activation: 'relu',
      init: { kind: 'kaiming_normal' },
      width: 16,
      depth: 4,
      samples: 4,
      seed: 1,
    });
    expect(r.formulas.map((f) => f.quantity)).toEqual([
      'init.weightVar',
      'init.forwardGain',
      'init.backwardGain',
    ]);
    expect(r.layers).toHaveLength(5);
  });

  it('rejects a configuration it cannot measure, naming what is wrong', () => {
    const ok: InitVarianceConfig = {
      activation: 'tanh',
      init: { kind: 'xavier_normal' },
      width: 8,
      depth: 5,
      samples: 4,
      seed: 0,
    };
    expect(() => initVariance({ ...ok, width: 0 })).toThrow(
      new InitVarianceError('width must be a positive integer'),
    );
    expect(() => initVariance({ ...ok, depth: 2 })).toThrow(/depth must be at least 3/);
    expect(() => initVariance({ ...ok, samples: 1 })).toThrow(/samples must be at least 2/);
  });
});
