import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SWEEP_DEPTHS, gradientStats, gradientSweep, sweepSetups } from '../../../src/core/autograd';
import { parallelGradientSweep } from '../../../bench/sweep-pool';
import { checkTargets } from '../../../bench/targets';

const reference = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/reference/gradients.json'), 'utf8'),
) as { mlp: { depth: number; activation: string; init: string; batchnorm: boolean; residual: boolean }[] };

describe('the reference gradient sweep', () => {
  it('has 240 distinct configurations over depths 5, 10, 20 and 50', () => {
    const setups = sweepSetups();
    expect(SWEEP_DEPTHS).toEqual([5, 10, 20, 50]);
    expect(setups).toHaveLength(240);
    expect(new Set(setups.map((s) => JSON.stringify(s))).size).toBe(240);
    for (const s of setups) expect([s.width, s.batch, s.dtype]).toEqual([64, 128, 'float64']);
  });

  it('runs the grid of the PyTorch reference data in its order at depths 5 and 20', () => {
    const names: Record<string, string> = { normal: 'normal_std1' };
    const ours = sweepSetups([5, 20]).map((s) => [
      s.depth,
      s.activation,
      names[s.init.kind] ?? s.init.kind,
      s.batchnorm,
      s.residual,
    ]);
    expect(ours).toEqual(reference.mlp.map((r) => [r.depth, r.activation, r.init, r.batchnorm, r.residual]));
  });

  it('refuses a depth that is not a positive integer', () => {
    expect(() => sweepSetups([0])).toThrow(/sweep depth must be an integer ≥ 1, got 0/);
  });

  it('gives the same statistics on two worker threads as on one thread, bit for bit, in order', async () => {
    // Small nets and few seeds: the comparison, not the size, is the point.
    const setups = sweepSetups([2, 3]);
    const seeds = 3;
    const sequential = gradientSweep(setups, seeds);
    const parallel = await parallelGradientSweep(setups, seeds, 2);
    expect(parallel).toHaveLength(setups.length);
    // toEqual treats -0 and 0, NaN and NaN as the tests need; the JSON text compares every digit.
    expect(parallel).toEqual(sequential);
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(sequential));
    // Each result belongs to its own configuration (not merely the same multiset in another order).
    expect(parallel.map((r) => r.setup)).toEqual(setups);
    expect(parallel[7]).toEqual(gradientStats(setups[7], seeds));
  }, 60_000);

  it('refuses a thread count that is not a positive integer', async () => {
    await expect(parallelGradientSweep(sweepSetups([2]), 1, 0)).rejects.toThrow(
      /threads must be an integer ≥ 1/,
    );
  });

  it("the benchmark's target holds only when every part is at least 3× the PyTorch script", () => {
    const row = (part: string, ratio: number) => ({
      suite: 'gradients',
      case: `reference sweep, ${part}: 120 configurations × 20 seeds, float64: engine vs PyTorch`,
      value: 10,
      unit: 's',
      ratio,
    });
    const target = (rows: ReturnType<typeof row>[]) =>
      checkTargets(rows).find((t) => t.target.startsWith('Reference gradient sweep'));
    expect(target([row('depths 5, 10', 3.2), row('depths 20, 50', 4)])?.ok).toBe(true);
    expect(target([row('depths 5, 10', 3.2), row('depths 20, 50', 2.9)])?.ok).toBe(false);
    expect(target([])?.ok).toBeUndefined();
  });
});
