import { describe, expect, it } from 'vitest';
import { gapsOf, getExperiment } from '../../../../src/core/autograd';
import { demoLineOption } from '../../../../src/renderer/src/lessons/widgets/chart-options';
import { REMEDY_DEMOS, runDemo } from '../../../../src/renderer/src/lessons/widgets/gradient-demos';

/**
 * The lessons' demos are named experiments: a remedy is drawn next to the problem it fixes, and the
 * curves show what the captions claim (the claims themselves are checked in
 * test/core/autograd/experiments.test.ts).
 */
describe('gradient demos', () => {
  it('shows the vanishing signal by orders of magnitude next to ReLU’s balanced one', () => {
    const relu = runDemo('relu');
    expect(relu.series.map((s) => s.id)).toEqual(['vanishing', 'relu']);
    expect(relu.axis).toBe('layer');
    const [sigmoid, fixed] = relu.summary as number[];
    expect(sigmoid!).toBeLessThan(-3);
    expect(Math.abs(fixed!)).toBeLessThan(0.5);
    // The first point of each curve is layer 1: the vanishing curve starts decades below its end.
    const v = relu.series[0]!.values as number[];
    expect(v[0]! - v.at(-1)!).toBeCloseTo(sigmoid!, 3);
  });

  it('shows clipping keeping the exploding run finite without curing it', () => {
    const clip = runDemo('clip-norm');
    expect(clip.axis).toBe('step');
    expect(clip.summary[0]).toBeNull(); // the problem diverges
    expect(clip.summary[1]!).toBeGreaterThan(10); // clipped: finite, but far above chance level 0.69
    expect(clip.series[1]!.values.every((v) => v !== null)).toBe(true);
  });

  it('shows the LSTM with forget-gate bias 1 losing far fewer decades than a tanh RNN', () => {
    const [rnn, lstm] = runDemo('lstm-forget-bias').summary as number[];
    expect(lstm!).toBeLessThan(rnn! / 2);
  });

  it('shows the tanh RNN with orthogonal W_hh losing less than half the decades of the default init', () => {
    const demo = runDemo('rnn-orthogonal');
    expect(demo.series.map((s) => s.id)).toEqual(['rnn-tanh', 'rnn-orthogonal']);
    expect(demo.axis).toBe('time');
    const [plain, orthogonal] = demo.summary as number[];
    expect(orthogonal!).toBeLessThan(plain! / 2);
    expect(orthogonal!).toBeGreaterThan(4); // still vanishing, only more slowly
  });

  it('has a result of the declared shape for every remedy the lesson shows', () => {
    for (const id of REMEDY_DEMOS) {
      const e = getExperiment(id);
      expect(e?.kind, id).toBe('remedy');
    }
    const r = runDemo('lstm');
    expect(r.series).toHaveLength(2);
    for (const s of r.series) expect(s.values).toHaveLength(r.x.length);
  });

  it('draws the tanh RNN at every time step next to a remedy, dashed on top where the curves meet', () => {
    for (const id of ['rnn-orthogonal', 'lstm', 'lstm-forget-bias']) {
      const demo = runDemo(id);
      const tanh = demo.series[0]!;
      expect(tanh.id).toBe('rnn-tanh');
      // A point at every t = 0..T: nothing underflows or overflows in these runs.
      expect(tanh.values.length).toBe(demo.x.length);
      expect(tanh.values.every((v) => v !== null)).toBe(true);
      expect(tanh.gaps).toEqual([]);
      const series = demoLineOption(demo, ['a', 'b'], 't', 'g').series as Record<string, unknown>[];
      expect(series[0]).toMatchObject({ lineStyle: { type: 'dashed' }, z: 3 });
      expect(series[1]!.lineStyle).toBeUndefined();
    }
  });

  it('says where a log curve has no point and why: 0 (underflow), overflow or NaN', () => {
    expect(gapsOf([-Infinity, -Infinity, -300, 2, NaN, Infinity, Infinity])).toEqual([
      { why: 'underflow', from: 0, to: 1 },
      { why: 'nan', from: 4, to: 4 },
      { why: 'overflow', from: 5, to: 6 },
    ]);
    // A gradient that underflowed: 10⁻²⁰⁰ squared in a norm is 0 in double precision.
    expect(gapsOf([Math.log10(1e-200 ** 2), Math.log10(1e-100 ** 2)])).toEqual([
      { why: 'underflow', from: 0, to: 0 },
    ]);
  });
});
