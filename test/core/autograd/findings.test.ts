import { describe, expect, it } from 'vitest';
import {
  EXPERIMENTS,
  fillFinding,
  findingValues,
  getExperiment,
  runExperiment,
} from '../../../src/core/autograd';
import zh from '../../../src/renderer/src/locales/zh-CN/gradients';

/** A number written before "decades" / "个数量级": a measured result stated as text. */
const QUOTED_DECADES = /\d[\d.]*\s*(?:decades|个数量级)|instead of \d|而不是 \d/;
const zhPresets = zh.gradients.presets as Record<string, { caption: string; finding?: string }>;

describe('experiment findings', () => {
  it('no caption of a recurrent experiment quotes the decades it measures; its finding does, from a run', () => {
    const recurrent = EXPERIMENTS.filter((e) => e.config.kind === 'rnn');
    expect(recurrent.length).toBeGreaterThan(0);
    for (const e of recurrent) {
      expect(e.caption, e.id).not.toMatch(QUOTED_DECADES);
      expect(zhPresets[e.id]?.caption, e.id).not.toMatch(QUOTED_DECADES);
      expect(e.finding, e.id).toMatch(/\{decades\}/);
      expect(zhPresets[e.id]?.finding, e.id).toMatch(/\{decades\}/);
    }
  });

  it('the finding of a remedy reads its run and its problem’s, rounded as the sentence says them', () => {
    const e = getExperiment('rnn-orthogonal')!;
    const problem = getExperiment(e.fixes!)!;
    const run = runExperiment(e.config);
    const base = runExperiment(problem.config);
    if (run.kind !== 'rnn' || base.kind !== 'rnn' || e.config.kind !== 'rnn')
      throw new Error('not recurrent');
    const values = findingValues(e, run.decades, base.decades)!;
    const steps = e.config.length;
    expect(values).toEqual({
      decades: Math.round(run.decades!),
      perStep: Math.round((100 * run.decades!) / steps) / 100,
      steps,
      baselineDecades: Math.round(base.decades!),
      baselinePerStep: Math.round((100 * base.decades!) / steps) / 100,
    });
    const text = fillFinding(e.finding!, values);
    expect(text).not.toMatch(/[{}]/);
    expect(text).toContain(`${values.decades} over ${steps} steps instead of ${values.baselineDecades}`);
    // Without its problem's run a comparing finding is not written at all.
    expect(findingValues(e, run.decades, null)).toBeNull();
    expect(findingValues(e, null, base.decades)).toBeNull();
  });
});
