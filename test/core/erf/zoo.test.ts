import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeModel, getZooModel, type ModelSpec } from '../../../src/core';
import { computeErf } from '../../../src/core/erf';
import { zooErfModels } from '../../fixtures/erf/write-zoo-models';

const fixtureModels = JSON.parse(
  readFileSync(new URL('../../fixtures/erf/zoo_models.json', import.meta.url), 'utf8'),
) as ModelSpec[];
/** PyTorch's uniform maps of those models (make_reference.py). */
/**
 * Relative tolerance of the float32 engine against float64 PyTorch: 1e-6 (the issue's bound) for
 * ResNet-18; ResNet-50's 53 convolutions sum up to 2048 channels each, and float32 rounding (ε ≈ 6e-8
 * per addition) reaches 1.6e-6 there.
 */
const TOLERANCE: Record<string, number> = { resnet18: 1e-6, resnet50: 4e-6 };
const reference = JSON.parse(
  readFileSync(new URL('../../fixtures/erf/zoo.json', import.meta.url), 'utf8'),
) as {
  models: { name: string; layer: string; map: number[] }[];
};

describe('ERF of zoo models', () => {
  it('uses fixtures that are still the zoo’s models', () => {
    expect(fixtureModels).toEqual(zooErfModels());
  });

  for (const ref of reference.models) {
    it(`${ref.name} (3×64×64, uniform): PyTorch's map within float32 rounding, the analysis' RF as hull`, () => {
      const model = fixtureModels.find((m) => m.name === ref.name)!;
      const erf = computeErf(model);
      expect(erf.layer).toBe(ref.layer);
      const max = Math.max(...ref.map);
      let worst = 0;
      for (let i = 0; i < ref.map.length; i++)
        worst = Math.max(worst, Math.abs(erf.map[i] - ref.map[i]) / max);
      expect(worst).toBeLessThanOrEqual(TOLERANCE[ref.name]);
      const row = analyzeModel(model).layers.find((l) => l.id === erf.layer)!;
      expect(erf.hull.size).toEqual(row.rf.size);
      expect(erf.hull.start).toEqual([0, 1].map((i) => row.rf.start[i] + erf.unit[i] * row.rf.jump[i]));
    });
  }

  it('runs the other CNNs of the zoo, BatchNorm, concat, depthwise and ReLU6 included', () => {
    for (const name of ['lenet5', 'googlenet', 'mobilenet_v2', 'squeezenet1_1']) {
      const model = getZooModel(name)!;
      const input = name === 'lenet5' ? undefined : ([3, 64, 64] as [number, number, number]);
      const erf = computeErf(model, { input, mode: 'random', seeds: 1 });
      const sum = erf.map.reduce((a, b) => a + b, 0);
      expect(sum, name).toBeCloseTo(1, 9);
      expect(erf.stats.side68, name).toBeLessThanOrEqual(erf.stats.side95);
    }
  });
});
