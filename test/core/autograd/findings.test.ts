import { describe, expect, it } from 'vitest';
import {
  EXPERIMENTS,
  fillFinding,
  findingValues,
  getExperiment,
  measuresOf,
  powerOfTen,
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
    const values = findingValues(e, measuresOf(run), measuresOf(base))!;
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
    expect(findingValues(e, measuresOf(run), null)).toBeNull();
    expect(findingValues(e, null, measuresOf(base))).toBeNull();
  });

  /** A measured result of a training run stated as text: a power of ten, decades, a loss or a percentage. */
  const QUOTED_RESULT = /10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]|\d\s*(?:decades?|个数量级)|\d\s*%|hundreds|几百/;
  const mlp = EXPERIMENTS.filter((e) => e.config.kind === 'mlp');

  it('no caption of a training experiment quotes a result; the same findings exist in both languages', () => {
    for (const e of mlp) {
      expect(e.caption, e.id).not.toMatch(QUOTED_RESULT);
      expect(zhPresets[e.id]?.caption, e.id).not.toMatch(QUOTED_RESULT);
      const keys = (s?: string) => [...(s ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(keys(zhPresets[e.id]?.finding), e.id).toEqual(keys(e.finding));
    }
    expect(mlp.filter((e) => e.finding).length).toBeGreaterThan(5);
  });

  it('every training finding is filled from its run and its problem’s, rounded as it reads them', () => {
    const runs = new Map<string, ReturnType<typeof measuresOf>>();
    const measured = (id: string) => {
      if (!runs.has(id)) runs.set(id, measuresOf(runExperiment(getExperiment(id)!.config)));
      return runs.get(id)!;
    };
    for (const e of mlp.filter((x) => x.finding)) {
      const m = measured(e.id);
      const base = e.fixes ? measured(e.fixes) : null;
      const values = findingValues(e, m, base);
      expect(values, e.id).not.toBeNull();
      const text = fillFinding(e.finding!, values!);
      expect(text, e.id).not.toMatch(/[{}]/);
      if (/\{signal\}/.test(e.finding!)) expect(text, e.id).toContain(powerOfTen(Math.round(m.signal!)));
      if (/\{baselineSignal\}/.test(e.finding!))
        expect(text, e.id).toContain(powerOfTen(Math.round(base!.signal!)));
      if (/\{accuracy\}/.test(e.finding!)) expect(text, e.id).toContain(`${Math.round(100 * m.accuracy!)}%`);
      if (/\{loss\}/.test(e.finding!)) expect(text, e.id).toContain(String(Number(m.loss!.toPrecision(2))));
    }
  });
});
