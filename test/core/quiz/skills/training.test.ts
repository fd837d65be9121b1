import { describe, expect, it } from 'vitest';
import { grade, questionFromSpec } from '../../../../src/core/quiz';
import type { TrainingDynamicsSpec, TrainingMemorySpec } from '../../../../src/core/quiz/skills/training';
import { expectCount, sweep } from '../sweep';

const bytesPer = (dtype: 'fp32' | 'fp16') => (dtype === 'fp32' ? 4 : 2);

describe('training-memory questions', () => {
  it('1000 seeds × 3 difficulties: expected = closed forms (elements × bytes; reads + writes)', () => {
    const n = sweep('training-memory', (q) => {
      const s = q.spec as TrainingMemorySpec;
      const [c, h, w] = s.shape;
      const b = bytesPer(s.dtype);
      if (s.variant === 'inplace') expect(q.expected).toBe(s.batch * c * h * w * b);
      else {
        const reads = (s.op === 'add' ? 2 : 1) * c * h * w + (s.op === 'batchnorm' ? 2 * c : 0);
        expect(q.expected).toBe((reads + c * h * w) * b);
      }
    });
    expectCount(n);
  });

  it('hand-worked: an in-place ReLU on 32 maps of 64×56×56 fp32 saves 25,690,112 bytes = 25.69 MB', () => {
    const q = questionFromSpec('training-memory', {
      variant: 'inplace',
      shape: [64, 56, 56],
      batch: 32,
      dtype: 'fp32',
      unit: 'MB',
    });
    // 32 · 64 · 56 · 56 = 6,422,528 values · 4 bytes = 25,690,112 bytes
    expect(q.expected).toBe(25_690_112);
    expect(grade(q, '25.69 MB').correct).toBe(true);
    expect(grade(q, '25.7 MB').correct).toBe(false);
  });

  it('hand-worked: a residual add on 256×14×14 fp16 reads two maps and writes one: 301,056 bytes', () => {
    const q = questionFromSpec('training-memory', {
      variant: 'access',
      op: 'add',
      shape: [256, 14, 14],
      dtype: 'fp16',
      unit: 'KB',
    });
    // 256 · 14 · 14 = 50,176 values; (2 + 1) · 50,176 · 2 bytes = 301,056
    expect(q.expected).toBe(301_056);
    expect(grade(q, '301.1 KB').correct).toBe(true);
    expect(grade(q, '100.4 KB').slip?.id).toBe('forgot-input-read');
  });
});

describe('training-dynamics questions', () => {
  it('1000 seeds × 3 difficulties: expected = closed forms', () => {
    const n = sweep('training-dynamics', (q) => {
      const s = q.spec as TrainingDynamicsSpec;
      const e = q.expected as number;
      if (s.variant === 'l1') expect(e).toBeCloseTo(s.w - s.lr * (s.g + s.lambda * Math.sign(s.w)), 12);
      else if (s.variant === 'rnn' && s.ask === 'factor') expect(e).toBeCloseTo(s.rho ** s.steps, 12);
      else if (s.variant === 'rnn') {
        const t = s.threshold!;
        expect(s.rho ** e).toBeLessThan(t);
        expect(s.rho ** (e - 1)).toBeGreaterThanOrEqual(t);
      } else expect(e).toBeCloseTo((s.lr * s.gradNorm) / s.weightNorm, 15);
    });
    expectCount(n);
  });

  it('hand-worked: the L1 step, the RNN bound and the update/weight ratio', () => {
    // w = 1 − 0.1 · (0.5 + 0.05 · 1) = 1 − 0.055 = 0.945; the L2 rule would give 1 − 0.1 · 0.6 = 0.94
    const l1 = questionFromSpec('training-dynamics', { variant: 'l1', w: 1, g: 0.5, lr: 0.1, lambda: 0.05 });
    expect(grade(l1, '0.945').correct).toBe(true);
    expect(grade(l1, '0.94').slip?.id).toBe('l2-for-l1');
    // 0.9^20 = 0.121577… ; 0.9^T < 1e-3 first at T = 66 (0.9^65 = 1.05e-3, 0.9^66 = 9.55e-4)
    const factor = questionFromSpec('training-dynamics', {
      variant: 'rnn',
      rho: 0.9,
      steps: 20,
      ask: 'factor',
    });
    expect(grade(factor, '0.122').correct).toBe(true);
    const steps = questionFromSpec('training-dynamics', {
      variant: 'rnn',
      rho: 0.9,
      steps: 1,
      ask: 'steps',
      threshold: 1e-3,
    });
    expect(steps.expected).toBe(66);
    // 0.01 · 2 / 20 = 1e-3: the healthy ratio
    const ratio = questionFromSpec('training-dynamics', {
      variant: 'update-ratio',
      lr: 0.01,
      gradNorm: 2,
      weightNorm: 20,
    });
    expect(grade(ratio, '1.00e-3').correct).toBe(true);
  });
});
