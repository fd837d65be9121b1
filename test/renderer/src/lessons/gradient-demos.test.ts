import { describe, expect, it } from 'vitest';
import { DEMO_IDS, REMEDY_DEMOS, runDemo } from '../../../../src/renderer/src/lessons/widgets/gradient-demos';

/**
 * The claims the lessons make about their demos, checked on the demos' own output: gradients vanish
 * through sigmoid layers, explode with N(0, 1.5²) weights, and each remedy moves the numbers the
 * right way. (Seeds are fixed, so these are reproducible.)
 */
describe('gradient demos', () => {
  const ratio = (id: (typeof DEMO_IDS)[number], series: number) => runDemo(id).summary[series]!;

  it('shows vanishing and exploding gradients by orders of magnitude', () => {
    // log10(g_first / g_last): far below 0 for 20 sigmoid layers, far above 0 for N(0, 1.5²) tanh.
    expect(ratio('vanishing-sigmoid', 0)).toBeLessThan(-6);
    expect(ratio('exploding-init', 0)).toBeGreaterThan(4);
  });

  it('shows each layer-wise remedy closing most of the gap', () => {
    const act = runDemo('activations').summary as number[];
    for (const relu of act.slice(1)) expect(Math.abs(relu)).toBeLessThan(Math.abs(act[0]!) / 5);
    expect(Math.abs(ratio('batchnorm', 1))).toBeLessThan(Math.abs(ratio('batchnorm', 0)) / 5);
    expect(Math.abs(ratio('residual', 1))).toBeLessThan(Math.abs(ratio('residual', 0)) / 3);
    expect(Math.abs(ratio('weight-penalty', 1))).toBeLessThan(Math.abs(ratio('weight-penalty', 0)) / 5);
  });

  it('shows clipping keeping a diverging training run finite', () => {
    const clip = runDemo('clipping');
    expect(clip.summary[0]).toBeNull();
    expect(clip.summary[1]).not.toBeNull();
    const clipped = clip.series[1]!.values;
    expect(clipped.every((v) => v !== null)).toBe(true);
    expect(clipped.at(-1)!).toBeLessThan(clipped[0]!);
  });

  it('shows the LSTM passing more gradient back to t = 0 than a tanh RNN', () => {
    const [rnn, lstm] = runDemo('lstm').summary as number[];
    expect(lstm!).toBeGreaterThan(rnn! + 1);
  });

  it('has a result of the declared shape for every remedy', () => {
    for (const id of REMEDY_DEMOS) {
      const r = runDemo(id);
      expect(r.series.length).toBe(r.summary.length);
      for (const s of r.series) expect(s.values).toHaveLength(r.x.length);
    }
  });
});
