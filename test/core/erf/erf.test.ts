import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeErf } from '../../../src/core/erf';
import type { ModelSpec } from '../../../src/core/model/types';

interface StackStats {
  side68: number;
  side95: number;
  fractionAbove1pct: number;
  holes: number;
}
interface Stack {
  model: ModelSpec;
  layer: string;
  hull: { size: [number, number]; start: [number, number] };
  uniform: { map: number[]; stats: StackStats };
  random: { seeds: number; perSeed: StackStats[] };
}

/** ERF references measured with PyTorch (test/fixtures/erf/make_reference.py). */
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/erf/stacks.json', import.meta.url), 'utf8'),
) as { seeds: number; stacks: Stack[] };

const byName = (name: string) => fixture.stacks.find((s) => s.model.name === name) as Stack;

describe('ERF, uniform mode, against PyTorch', () => {
  it('has the issue’s stacks: 3×3 depth 5–40, dilated, gridding, stride 2, residual, BatchNorm', () => {
    expect(fixture.stacks.map((s) => s.model.name)).toEqual(
      expect.arrayContaining([
        'plain5',
        'plain40',
        'dilated1248',
        'gridding222',
        'stride2',
        'residual',
        'bn',
      ]),
    );
  });
  for (const stack of fixture.stacks) {
    it(`${stack.model.name}: map equal to 1e-6 relative, same hull and statistics`, () => {
      const erf = computeErf(stack.model, { mode: 'uniform' });
      expect(erf.layer).toBe(stack.layer);
      expect(erf.hull).toEqual(stack.hull);
      const ref = stack.uniform.map;
      const max = Math.max(...ref);
      let worst = 0;
      for (let i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(erf.map[i] - ref[i]) / max);
      expect(worst).toBeLessThanOrEqual(1e-6);
      // Zeros stay zeros (the gridding holes are exact, not small).
      for (let i = 0; i < ref.length; i++) if (ref[i] === 0) expect(erf.map[i]).toBe(0);
      expect(erf.stats.side68).toBe(stack.uniform.stats.side68);
      expect(erf.stats.side95).toBe(stack.uniform.stats.side95);
      expect(erf.stats.holes).toBe(stack.uniform.stats.holes);
      expect(erf.stats.fractionAbove1pct).toBeCloseTo(stack.uniform.stats.fractionAbove1pct, 12);
    });
  }
  it('finds the gridding holes of repeated dilation 2 and none in a plain stack', () => {
    expect(computeErf(byName('gridding222').model).stats.holes).toBeGreaterThan(0);
    expect(computeErf(byName('plain10').model).stats.holes).toBe(0);
  });
});

function meanSe(xs: number[]): { mean: number; se: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n) };
}

/**
 * Random mode: the engine's generator differs from torch's, so per-seed maps differ; the means of the
 * per-seed statistics must agree within 3 combined standard errors (sides: at least one pixel, their
 * resolution).
 */
describe('ERF, random mode, statistics against PyTorch over the same seeds', () => {
  for (const name of ['plain10', 'gridding222', 'stride2', 'residual', 'bn', 'dilated1248']) {
    it(name, () => {
      const stack = byName(name);
      const ours: StackStats[] = [];
      for (let s = 0; s < stack.random.seeds; s++)
        ours.push(computeErf(stack.model, { mode: 'random', seeds: 1, firstSeed: s }).stats);
      for (const key of ['side68', 'side95', 'fractionAbove1pct', 'holes'] as const) {
        const a = meanSe(ours.map((o) => o[key]));
        const b = meanSe(stack.random.perSeed.map((o) => o[key]));
        const floor = key === 'fractionAbove1pct' ? 0 : 1;
        const tol = Math.max(3 * Math.hypot(a.se, b.se), floor);
        expect(Math.abs(a.mean - b.mean), `${key}: ${a.mean} vs PyTorch ${b.mean}`).toBeLessThanOrEqual(tol);
      }
    });
  }
});
