import { describe, expect, it } from 'vitest';
import { analyzeModel, ModelBuilder } from '../../../../src/core';
import type { InverseSpec } from '../../../../src/core/quiz/skills/inverse';
import type { OutputSizeSpec } from '../../../../src/core/quiz/skills/output-size';
import { expectCount, sweep } from '../sweep';

/** Output [C, H, W] of a one-layer model, by the full model analysis. */
function analyzedShape(s: OutputSizeSpec): number[] {
  const b = new ModelBuilder();
  if (s.op === 'conv')
    b.conv('l', s.outChannels, s.kernel, { stride: s.stride, padding: s.padding, dilation: s.dilation });
  else
    b.add('l', {
      op: s.op === 'maxpool' ? 'maxpool2d' : 'avgpool2d',
      kernel: s.kernel,
      stride: s.stride,
      padding: s.padding,
      ...(s.dilation > 1 ? { dilation: s.dilation } : {}),
      ceil_mode: s.ceilMode,
    });
  return [...analyzeModel(b.model('t', s.input)).layers[0].outputShape];
}

function analyzedWidth(s: InverseSpec, v: number): number {
  const b = new ModelBuilder();
  b.conv('l', 1, [1, s.kernel], {
    stride: [1, s.unknown === 'stride' ? v : s.stride],
    padding: [0, s.unknown === 'padding' ? v : s.padding],
    dilation: [1, s.unknown === 'dilation' ? v : s.dilation],
  });
  try {
    return analyzeModel(b.model('t', [1, 1, s.size])).layers[0].outputShape[2] ?? 0;
  } catch {
    return 0;
  }
}

describe('output-size questions', () => {
  it('1000 seeds × 3 difficulties: well-posed, equal to analyzeModel, solutions and formats check out', () => {
    const n = sweep('output-size', (q) => {
      const s = q.spec as OutputSizeSpec;
      const shape = analyzedShape(s);
      expect(shape[1]).toBeGreaterThanOrEqual(1);
      expect(q.expected).toEqual(s.ask === 'size' ? shape[1] : shape);
      if (q.difficulty === 1) expect(s.op).toBe('conv');
    });
    expectCount(n);
  });
});

describe('inverse-padding-stride questions', () => {
  it('1000 seeds × 3 difficulties: the answer reaches the target by analyzeModel (the smallest padding)', () => {
    const n = sweep('inverse-padding-stride', (q) => {
      const s = q.spec as InverseSpec;
      const v = q.expected as number;
      expect(analyzedWidth(s, v)).toBe(s.target);
      if (s.unknown === 'padding' && v > 0) expect(analyzedWidth(s, v - 1)).not.toBe(s.target);
      if (s.unknown !== 'padding') {
        // Unique: the neighbours miss the target.
        expect(analyzedWidth(s, v + 1)).not.toBe(s.target);
        if (v > 1) expect(analyzedWidth(s, v - 1)).not.toBe(s.target);
      }
    });
    expectCount(n);
  });
});
