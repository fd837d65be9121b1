import { describe, expect, it } from 'vitest';
import { getExperiment } from '../../../../src/core/autograd';
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
});
