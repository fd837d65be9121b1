import { describe, expect, it } from 'vitest';
import { conv2dCore, linearInfo, pool2dCore } from '../../../../src/core';
import type { NetworkSpec } from '../../../../src/core/quiz/skills/network';
import { expectCount, sweep } from '../sweep';

/** Per-layer params and MACs by chaining the single-layer helpers (the generator uses analyzeModel). */
function perLayer(s: NetworkSpec): { id: string; params: number; macs: number }[] {
  let shape: number[] = [...s.model.input];
  return s.model.layers.map((l) => {
    if (l.op === 'conv2d') {
      const c = conv2dCore({
        inShape: shape,
        outChannels: l.out_channels,
        kernel: l.kernel,
        stride: l.stride,
        padding: l.padding,
        bias: l.bias,
      });
      shape = c.outShape;
      return { id: l.id, params: c.params.weights + c.params.bias, macs: c.macs };
    }
    if (l.op === 'maxpool2d') {
      shape = pool2dCore({ inShape: shape, kernel: l.kernel, stride: l.stride }).outShape;
      return { id: l.id, params: 0, macs: 0 };
    }
    if (l.op === 'flatten') {
      shape = [shape.reduce((a, b) => a * b, 1)];
      return { id: l.id, params: 0, macs: 0 };
    }
    if (l.op === 'linear') {
      const f = linearInfo(shape[0], l.out_features, l.bias ?? true);
      shape = [l.out_features];
      return { id: l.id, params: f.params.weights + f.params.bias, macs: f.macs };
    }
    throw new Error(`unexpected op ${l.op}`);
  });
}

describe('network-totals questions', () => {
  it('1000 seeds × 3 difficulties: totals and the dominating layer equal a layer-by-layer computation', () => {
    const n = sweep('network-totals', (q) => {
      const s = q.spec as NetworkSpec;
      const rows = perLayer(s);
      const weighted = rows.filter((r) => r.params > 0 || r.macs > 0).length;
      expect(weighted).toBeGreaterThanOrEqual(2);
      expect(s.model.layers.length).toBeGreaterThanOrEqual(3);
      expect(s.model.layers.length).toBeLessThanOrEqual(6);
      if (s.ask === 'params') expect(q.expected).toBe(rows.reduce((a, r) => a + r.params, 0));
      else if (s.ask === 'macs') expect(q.expected).toBe(rows.reduce((a, r) => a + r.macs, 0));
      else {
        const key = s.ask === 'max-macs' ? 'macs' : 'params';
        const best = Math.max(...rows.map((r) => r[key]));
        expect(rows.filter((r) => r[key] === best).map((r) => r.id)).toEqual([q.expected]);
      }
    });
    expectCount(n);
  });
});
