import { describe, expect, it } from 'vitest';
import {
  runToEnd,
  type LabResult,
  type MlpLabResult,
  type RnnLabResult,
} from '../../../../src/renderer/src/gradients/lab';
import { PRESETS, getPreset, type PresetMetric } from '../../../../src/renderer/src/gradients/presets';

/**
 * Every remedy preset is run headless with the engine next to the problem it fixes, and the number
 * the numbers panel shows for it must move in the right direction. Nothing here is a typed-in value:
 * both sides are measured by the engine in this test.
 */
const cache = new Map<string, LabResult>();
function resultOf(id: string): LabResult {
  let r = cache.get(id);
  if (!r) {
    const preset = getPreset(id);
    if (!preset) throw new Error(`no preset ${id}`);
    r = runToEnd(preset.config);
    cache.set(id, r);
  }
  return r;
}

/** A diverged value counts as the worst possible. */
const orWorst = (v: number | null, worst: number) => (v === null ? worst : v);

function check(metric: PresetMetric, problem: LabResult, remedy: LabResult): void {
  if (metric === 'decades') {
    const p = problem as RnnLabResult,
      r = remedy as RnnLabResult;
    expect(Math.abs(orWorst(r.decades, Infinity))).toBeLessThan(Math.abs(orWorst(p.decades, Infinity)));
    return;
  }
  const p = (problem as MlpLabResult).summary,
    r = (remedy as MlpLabResult).summary;
  if (metric === 'ratio') {
    expect(Math.abs(orWorst(r.log10RatioEnd, Infinity))).toBeLessThan(
      Math.abs(orWorst(p.log10RatioEnd, Infinity)),
    );
  } else if (metric === 'gradMax') {
    // Judged at the start (the initialisation's effect) or over the last steps (training's effect).
    const pv = Math.max(
      orWorst(p.log10GradMaxStart, Infinity),
      p.diverged ? Infinity : orWorst(p.log10GradMaxEnd, Infinity),
    );
    const rv = metricGradMax(r, p);
    expect(rv).toBeLessThan(pv);
  } else if (metric === 'loss') {
    expect(orWorst(r.finalLoss, Infinity)).toBeLessThan(orWorst(p.finalLoss, Infinity));
  } else {
    expect(r.finalAccuracy ?? 0).toBeGreaterThan(p.finalAccuracy ?? 0);
    expect(r.dead ?? 0).toBeLessThan(p.dead ?? 0);
  }
}

function metricGradMax(r: MlpLabResult['summary'], p: MlpLabResult['summary']): number {
  // A remedy that acts on the initialisation shows at the start; one that acts through training (L1/L2) at the end.
  const start = orWorst(r.log10GradMaxStart, Infinity);
  const end = orWorst(r.log10GradMaxEnd, Infinity);
  return start < orWorst(p.log10GradMaxStart, Infinity) ? Math.max(start, end) : end;
}

describe('Gradient Lab presets', () => {
  it('every remedy names an existing problem preset and at least one metric', () => {
    const ids = new Set(PRESETS.map((p) => p.id));
    expect(ids.size).toBe(PRESETS.length);
    for (const p of PRESETS.filter((q) => q.kind === 'remedy')) {
      expect(getPreset(p.fixes ?? '')?.kind, p.id).toBe('problem');
      expect(p.metrics?.length, p.id).toBeGreaterThan(0);
      expect(p.config.kind).toBe(getPreset(p.fixes ?? '')?.config.kind);
    }
  });

  it('the problems show their problem', () => {
    const van = (resultOf('vanishing') as MlpLabResult).summary;
    // Gradients reaching the first layer are many decades below the last layer's.
    expect(van.log10RatioEnd ?? 0).toBeLessThan(-6);
    const exp = (resultOf('exploding') as MlpLabResult).summary;
    // Each layer scales the signal up, so gradient norms start far above 1.
    expect(exp.log10GradMaxStart ?? 0).toBeGreaterThan(2);
  });

  for (const preset of PRESETS.filter((p) => p.kind === 'remedy')) {
    for (const metric of preset.metrics ?? []) {
      it(`${preset.id} fixes ${preset.fixes}: ${metric}`, () => {
        check(metric, resultOf(preset.fixes as string), resultOf(preset.id));
      });
    }
  }
});
