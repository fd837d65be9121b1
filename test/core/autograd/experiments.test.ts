import { describe, expect, it } from 'vitest';
import {
  EXPERIMENTS,
  checkClaims,
  getExperiment,
  runExperiment,
  type ExperimentResult,
} from '../../../src/core/autograd';

/**
 * Every named experiment runs with ConvScope's engine, each remedy with the same seed as the problem
 * it fixes, and every claim of its caption is checked on the two results. Nothing is a typed-in
 * number the engine should compute: the bounds are the captions' statements.
 */
const cache = new Map<string, ExperimentResult>();
function resultOf(id: string): ExperimentResult {
  let r = cache.get(id);
  if (!r) {
    const e = getExperiment(id);
    if (!e) throw new Error(`no experiment ${id}`);
    r = runExperiment(e.config);
    cache.set(id, r);
  }
  return r;
}

describe('named gradient experiments', () => {
  it('pairs each remedy with an existing problem of the same kind and the same seed', () => {
    const ids = new Set(EXPERIMENTS.map((e) => e.id));
    expect(ids.size).toBe(EXPERIMENTS.length);
    for (const e of EXPERIMENTS) {
      expect(e.claims.length, e.id).toBeGreaterThan(0);
      expect(e.caption.length, e.id).toBeGreaterThan(40);
      if (e.kind === 'problem') {
        expect(e.fixes, e.id).toBeUndefined();
        continue;
      }
      const problem = getExperiment(e.fixes ?? '');
      expect(problem?.kind, e.id).toBe('problem');
      expect(e.config.kind).toBe(problem?.config.kind);
      expect(e.config.seed).toBe(problem?.config.seed);
    }
  });

  for (const e of EXPERIMENTS) {
    it(`${e.id}: ${e.kind === 'remedy' ? `against ${e.fixes}, ` : ''}the caption's claims hold`, () => {
      const result = resultOf(e.id);
      const baseline = e.fixes ? resultOf(e.fixes) : undefined;
      const checks = checkClaims(e.claims, result, baseline);
      const failed = checks.filter((c) => !c.holds).map((c) => c.text);
      expect(failed, e.id).toEqual([]);
    });
  }
});
