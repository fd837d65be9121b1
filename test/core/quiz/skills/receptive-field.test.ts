import { describe, expect, it } from 'vitest';
import {
  analyzeModel,
  ModelBuilder,
  receptiveFieldOfStack,
  resolvePadding1d,
  rfConv1d,
  rfMerge1d,
  RF_INPUT,
  type RfDim,
} from '../../../../src/core';
import type { RfLayer, RfSpec } from '../../../../src/core/quiz/skills/receptive-field';
import { expectCount, sweep } from '../sweep';

/** RF size and jump of a plain stack by the full model analysis (input just large enough). */
function analyzedStack(layers: RfLayer[]): [number, number] {
  const rows = receptiveFieldOfStack(layers.map((l) => ({ kernel: l.k, stride: l.s, dilation: l.d })));
  const x = rows[rows.length - 1].size[0];
  const b = new ModelBuilder();
  layers.forEach((l, i) =>
    l.op === 'conv'
      ? b.conv(`c${i}`, 1, [l.k, 1], { stride: [l.s, 1], dilation: [l.d, 1] })
      : b.add(`p${i}`, { op: 'maxpool2d', kernel: [l.k, 1], stride: [l.s, 1] }),
  );
  const a = analyzeModel(b.model('t', [1, x, 1]));
  const rf = a.layers[a.layers.length - 1].rf;
  return [rf.size[0], rf.jump[0]];
}

/** Two "same"-padded branches merged, then `after`, by the 1-D RF helpers (the generator uses analyzeModel). */
function branchRf(s: Extract<RfSpec, { variant: 'branches' }>): number {
  const X = 64;
  const branch = (ls: RfLayer[]): RfDim => {
    let r: RfDim = RF_INPUT;
    for (const l of ls) {
      const keff = l.d * (l.k - 1) + 1;
      r = rfConv1d(r, l.k, 1, l.d, resolvePadding1d('same', X, keff, 1)[0]);
    }
    return r;
  };
  let r = rfMerge1d([branch(s.a), branch(s.b)], [false, false]).rf;
  for (const l of s.after) r = rfConv1d(r, l.k, l.s, l.d, 0);
  return r.size;
}

describe('receptive-field questions', () => {
  it('1000 seeds × 3 difficulties: expected = analyzeModel / 1-D helpers, independently of the generator', () => {
    const n = sweep('receptive-field', (q) => {
      const s = q.spec as RfSpec;
      if (s.variant === 'stack') {
        const [size, jump] = analyzedStack(s.layers);
        expect(q.expected).toEqual(s.ask === 'size' ? size : [size, jump]);
      } else if (s.variant === 'dilation') {
        const d = q.expected as number;
        const layers = s.layers.map((l, i) => (i === s.layers.length - 1 ? { ...l, d } : l));
        expect(analyzedStack(layers)[0]).toBe(s.target);
      } else {
        expect(q.expected).toBe(branchRf(s));
      }
      if (q.diagram) expect(q.diagram.kind).toBe('rf-1d');
    });
    expectCount(n);
  });
});
