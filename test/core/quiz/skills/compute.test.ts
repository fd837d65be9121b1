import { describe, expect, it } from 'vitest';
import { analyzeModel, conv2dCore, ModelBuilder, numel } from '../../../../src/core';
import type { MacsSpec, MemorySpec } from '../../../../src/core/quiz/skills/compute';
import { expectCount, sweep } from '../sweep';

describe('conv-macs-flops questions', () => {
  it('1000 seeds × 3 difficulties: expected = analyzeModel FLOPs under the stated convention', () => {
    const n = sweep('conv-macs-flops', (q) => {
      const s = q.spec as MacsSpec;
      const c = s.conv;
      const b = new ModelBuilder();
      b.conv('c', c.outChannels, c.kernel, {
        stride: c.stride,
        padding: c.padding,
        groups: c.groups,
        bias: c.bias,
      });
      const m = b.model('t', c.input);
      const opts =
        s.convention === 'macs'
          ? { convention: 'macs' as const }
          : { convention: 'flops' as const, countBias: s.convention === 'flops+bias' };
      expect(q.expected).toBe(analyzeModel(m, opts).totals.flops);
      expect(q.text).toMatch(s.convention === 'macs' ? /1 MAC/ : /FLOPs = 2 × MACs/);
    });
    expectCount(n);
  });
});

describe('feature-map-memory questions', () => {
  it('1000 seeds × 3 difficulties: expected = elements × bytes from conv2dCore (not the analysis used by the generator)', () => {
    const n = sweep('feature-map-memory', (q) => {
      const s = q.spec as MemorySpec;
      const c = conv2dCore({
        inShape: s.conv.input,
        outChannels: s.conv.outChannels,
        kernel: s.conv.kernel,
        stride: s.conv.stride,
        padding: s.conv.padding,
        groups: s.conv.groups,
        bias: s.conv.bias,
      });
      const bytes = s.dtype === 'fp32' ? 4 : 2;
      const out = numel(c.outShape);
      const want =
        s.ask === 'elements'
          ? out
          : s.ask === 'bytes'
            ? out * bytes
            : (numel(s.conv.input) + c.params.weights + c.params.bias + out) * bytes;
      expect(q.expected).toBe(want);
    });
    expectCount(n);
  });
});
