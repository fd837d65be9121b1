import { describe, expect, it } from 'vitest';
import { analyzeModel, ModelBuilder } from '../../../../src/core';
import type { ConvParamsSpec, LinearParamsSpec } from '../../../../src/core/quiz/skills/params';
import { expectCount, sweep } from '../sweep';

describe('conv-params questions', () => {
  it('1000 seeds × 3 difficulties: expected = analyzeModel total params', () => {
    const n = sweep('conv-params', (q) => {
      const s = q.spec as ConvParamsSpec;
      const b = new ModelBuilder();
      const k = Math.max(...s.kernel);
      if (s.separable) {
        b.conv('dw', s.inChannels, s.kernel, { groups: s.inChannels, bias: s.bias });
        b.conv('pw', s.outChannels, 1, { bias: s.separable.pointwiseBias });
      } else b.conv('c', s.outChannels, s.kernel, { groups: s.groups, bias: s.bias });
      expect(q.expected).toBe(analyzeModel(b.model('t', [s.inChannels, k, k])).totals.params);
    });
    expectCount(n);
  });
});

describe('linear-params questions', () => {
  it('1000 seeds × 3 difficulties: expected = analyzeModel total params', () => {
    const n = sweep('linear-params', (q) => {
      const s = q.spec as LinearParamsSpec;
      const b = new ModelBuilder();
      if (s.input.length === 3) b.add('f', { op: 'flatten' });
      s.outs.forEach((o, i) => b.add(`fc${i}`, { op: 'linear', out_features: o, bias: s.bias }));
      expect(q.expected).toBe(analyzeModel(b.model('t', s.input)).totals.params);
    });
    expectCount(n);
  });
});
