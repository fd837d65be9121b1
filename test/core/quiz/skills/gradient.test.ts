import { describe, expect, it } from 'vitest';
import type { GradientSpec } from '../../../../src/core/quiz/skills/gradient';
import { grade, questionFromSpec } from '../../../../src/core/quiz';
import { expectCount, sweep } from '../sweep';

// Closed forms written out here, independently of the engine the generator calls.
const sigmoid = (u: number) => 1 / (1 + Math.exp(-u));
const maxDeriv = (a: 'sigmoid' | 'tanh') =>
  a === 'sigmoid' ? sigmoid(0) * (1 - sigmoid(0)) : 1 - Math.tanh(0) ** 2;

function closeTo(got: number, want: number, rel: number): void {
  expect(Math.abs(got - want)).toBeLessThanOrEqual(rel * Math.abs(want));
}

describe('gradient-arithmetic questions', () => {
  it('1000 seeds × 3 difficulties: expected = closed forms', () => {
    const n = sweep('gradient-arithmetic', (q) => {
      const s = q.spec as GradientSpec;
      const e = q.expected as number;
      if (s.variant === 'chain') {
        closeTo(
          e,
          s.acts.reduce((p, a, i) => p * Math.abs(s.weights[i]) * maxDeriv(a), 1),
          1e-12,
        );
      } else if (s.variant === 'clip') {
        const norm = Math.hypot(...s.g);
        expect(norm).toBeGreaterThan(s.maxNorm);
        const f = Math.min(1, s.maxNorm / norm);
        closeTo(e, s.ask === 'factor' ? f : s.g[0] * f, 1e-5);
      } else {
        let w = s.w;
        for (let i = 0; i < s.steps; i++) w -= s.lr * (s.g + 2 * s.lambda * w);
        closeTo(e, w, 1e-9);
      }
    });
    expectCount(n);
  });

  it('hand-worked: four sigmoid layers at unit weight give 0.25^4 = 0.00390625; a 3-4-12 gradient clipped to 6.5 scales by 0.5', () => {
    const chain = questionFromSpec('gradient-arithmetic', {
      variant: 'chain',
      acts: ['sigmoid', 'sigmoid', 'sigmoid', 'sigmoid'],
      weights: [1, 1, 1, 1],
    });
    expect(grade(chain, '0.00390625').correct).toBe(true);
    expect(grade(chain, '3.91e-3').correct).toBe(true);
    // σ(0) = 0.5 instead of σ′(0): 0.5^4 = 0.0625
    expect(grade(chain, '0.0625').slip?.id).toBe('used-sigmoid-value');
    // ‖(3, 4, 12)‖ = 13; 6.5 / 13 = 0.5
    const clip = questionFromSpec('gradient-arithmetic', {
      variant: 'clip',
      g: [3, 4, 12],
      maxNorm: 6.5,
      ask: 'factor',
    });
    expect(grade(clip, '0.5').correct).toBe(true);
    expect(grade(clip, '2').slip?.id).toBe('inverted-clip-ratio');
    // Σ|g| = 19; 6.5 / 19 = 0.342
    expect(grade(clip, '0.342').slip?.id).toBe('l1-norm');
    // w = 1, g = 0, η = 0.1, λ = 0.5: 1 − 0.1 · (2 · 0.5 · 1) = 0.9; with λw instead of 2λw: 0.95
    const l2 = questionFromSpec('gradient-arithmetic', {
      variant: 'l2',
      w: 1,
      g: 0,
      lr: 0.1,
      lambda: 0.5,
      steps: 1,
    });
    expect(grade(l2, '0.9').correct).toBe(true);
    expect(grade(l2, '0.95').slip?.id).toBe('l2-factor-two');
  });
});
