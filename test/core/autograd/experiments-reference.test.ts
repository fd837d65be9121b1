import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RNN, getExperiment, runExperiment, type ExperimentConfig } from '../../../src/core/autograd';

/**
 * ConvScope's engine against PyTorch for the key named experiments (test/fixtures/gradient-experiments,
 * measured by measure.py there): the back-propagated signal ratio and the weight-gradient ratio at the
 * first step, and the decades lost through time. The two use different random generators, so means
 * over seeds are compared within 4 combined standard errors (plus 0.05 decades for rounding).
 */
interface Stat {
  mean: number;
  std: number;
  n: number;
}
const ref = JSON.parse(
  readFileSync(new URL('../../fixtures/gradient-experiments/measure.json', import.meta.url), 'utf8'),
) as {
  mlp: Record<string, Record<'signal' | 'weightRatio', Stat>>;
  rnn: Record<string, { decades: Stat }>;
  rnnPerStep: { T: number; default: Stat; orthogonal: Stat };
};

function stat(values: number[]): Stat {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  return { mean, std, n: values.length };
}

function expectAgrees(ours: Stat, theirs: Stat, what: string): void {
  const se = Math.sqrt(ours.std ** 2 / ours.n + theirs.std ** 2 / theirs.n);
  expect(
    Math.abs(ours.mean - theirs.mean),
    `${what}: ${ours.mean} vs PyTorch ${theirs.mean}`,
  ).toBeLessThanOrEqual(4 * se + 0.05);
}

function seeds(id: string, n: number, steps: Partial<ExperimentConfig>) {
  const e = getExperiment(id);
  if (!e) throw new Error(id);
  return Array.from({ length: n }, (_, s) =>
    runExperiment({ ...e.config, ...steps, seed: s } as ExperimentConfig),
  );
}

describe('named experiments agree with PyTorch', () => {
  for (const id of Object.keys(ref.mlp)) {
    it(`${id}: signal and weight-gradient ratios at the first step`, () => {
      const runs = seeds(id, 10, { steps: 1 });
      const pick = (
        f: (s: { log10SignalStart: number | null; log10RatioStart: number | null }) => number | null,
      ) => runs.map((r) => (r.kind === 'mlp' ? (f(r.summary) ?? NaN) : NaN));
      expectAgrees(stat(pick((s) => s.log10SignalStart)), ref.mlp[id]!.signal, `${id} signal`);
      expectAgrees(stat(pick((s) => s.log10RatioStart)), ref.mlp[id]!.weightRatio, `${id} weight ratio`);
    });
  }

  for (const id of Object.keys(ref.rnn)) {
    it(`${id}: decades lost through time`, () => {
      const runs = seeds(id, 3, {});
      const decades = runs.map((r) => (r.kind === 'rnn' ? (r.decades ?? NaN) : NaN));
      expectAgrees(stat(decades), ref.rnn[id]!.decades, `${id} decades`);
    });
  }

  it('tanh RNN over T = 100: decades lost per step with the default and the orthogonal W_hh', () => {
    const T = ref.rnnPerStep.T;
    const perStep = (recurrentInit: 'default' | 'orthogonal') =>
      stat(
        Array.from({ length: 3 }, (_, s) => {
          const r = runExperiment({ ...DEFAULT_RNN, length: T, recurrentInit, seed: s });
          return r.kind === 'rnn' ? (r.decades ?? NaN) / T : NaN;
        }),
      );
    const plain = perStep('default');
    const orthogonal = perStep('orthogonal');
    expectAgrees(plain, ref.rnnPerStep.default, 'default W_hh, decades per step');
    expectAgrees(orthogonal, ref.rnnPerStep.orthogonal, 'orthogonal W_hh, decades per step');
    // The remedy's separation, as PyTorch measures it: less than half the decades per step.
    expect(ref.rnnPerStep.orthogonal.mean).toBeLessThan(ref.rnnPerStep.default.mean / 2);
    expect(orthogonal.mean).toBeLessThan(plain.mean / 2);
  });
});
