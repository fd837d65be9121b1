import { describe, expect, it } from 'vitest';
import {
  convOutputSize,
  convTransposeOutputSize,
  outputSizeLatex,
  resolvePadding1d,
} from '../../../src/core';

describe('convOutputSize: M = ⌊(X + P_b + P_a − K_eff) / S⌋ + 1', () => {
  it('numeric padding, exact division', () => {
    // (5 + 1 + 1 − 3) / 2 + 1 = 4/2 + 1 = 3
    const t = convOutputSize({ size: 5, kernel: 3, stride: 2, padding: 1 });
    expect(t).toMatchObject({
      X: 5,
      K: 3,
      Keff: 3,
      P: [1, 1],
      S: 2,
      d: 1,
      numerator: 4,
      exact: true,
      result: 3,
    });
    const latex = outputSizeLatex(t);
    expect(latex.substituted).toBe(
      'M = \\left\\lfloor \\frac{5 + 2 \\cdot 1 - 3}{2} \\right\\rfloor + 1 = 3',
    );
    expect(latex.formula).toContain('\\lfloor');
    expect(
      outputSizeLatex(convOutputSize({ size: 5, kernel: 2, stride: 2, padding: 1, ceilMode: true }))
        .substituted,
    ).toContain('\\lceil');
  });

  it('flags an inexact division and floors it', () => {
    // (6 + 2 − 3) = 5; 5 / 2 = 2.5 → 2; + 1 = 3
    const t = convOutputSize({ size: 6, kernel: 3, stride: 2, padding: 1 });
    expect(t).toMatchObject({ numerator: 5, exact: false, result: 3 });
  });

  it('"valid" means no padding', () => {
    // 7 − 3 + 1 = 5
    expect(convOutputSize({ size: 7, kernel: 3, padding: 'valid' })).toMatchObject({ P: [0, 0], result: 5 });
  });

  it('"same" gives ⌈X / S⌉ with the odd pixel after', () => {
    // out = ⌈7/2⌉ = 4; total = (4 − 1)·2 + 3 − 7 = 2 → [1, 1]; (7 + 2 − 3)/2 + 1 = 4
    expect(convOutputSize({ size: 7, kernel: 3, stride: 2, padding: 'same' })).toMatchObject({
      P: [1, 1],
      result: 4,
    });
    // even kernel, stride 1: total = 4 − 1 = 3 → [1, 2]; (5 + 3 − 4) + 1 = 5
    expect(convOutputSize({ size: 5, kernel: 4, padding: 'same' })).toMatchObject({ P: [1, 2], result: 5 });
    expect(resolvePadding1d('same', 224, 7, 2)).toEqual([2, 3]); // out 112: (111·2 + 7 − 224) = 5 → [2, 3]
  });

  it('dilation enlarges the kernel: K_eff = d(K − 1) + 1', () => {
    // K_eff = 2·2 + 1 = 5; 10 − 5 + 1 = 6
    expect(convOutputSize({ size: 10, kernel: 3, dilation: 2 })).toMatchObject({ Keff: 5, result: 6 });
  });

  it('ceil_mode rounds up, and drops a last window that starts in the right padding (PyTorch rule)', () => {
    // (6 − 3) / 2 = 1.5 → ⌈⌉ 2; + 1 = 3; (3 − 1)·2 = 4 < 6 keeps it
    expect(convOutputSize({ size: 6, kernel: 3, stride: 2, ceilMode: true })).toMatchObject({
      result: 3,
      ceilDropped: false,
    });
    // (5 + 2 − 2) / 2 = 2.5 → 3; + 1 = 4; (4 − 1)·2 = 6 ≥ 5 + 1 → 3
    expect(convOutputSize({ size: 5, kernel: 2, stride: 2, padding: 1, ceilMode: true })).toMatchObject({
      result: 3,
      ceilDropped: true,
    });
    // SqueezeNet 1.1: (111 − 3) / 2 = 54 → 55 either way
    expect(convOutputSize({ size: 111, kernel: 3, stride: 2, ceilMode: true }).result).toBe(55);
    // GoogLeNet maxpool1: (112 − 3) / 2 = 54.5 → 55 + 1 = 56 (floor would give 55)
    expect(convOutputSize({ size: 112, kernel: 3, stride: 2, ceilMode: true }).result).toBe(56);
    expect(convOutputSize({ size: 112, kernel: 3, stride: 2 }).result).toBe(55);
  });

  it('reports a kernel larger than the padded input as a negative numerator', () => {
    // 5 − 7 = −2 → M = −1 + 1 = 0
    const t = convOutputSize({ size: 5, kernel: 7 });
    expect(t.numerator).toBe(-2);
    expect(t.result).toBeLessThan(1);
  });

  it('transposed convolution: M = (X − 1)·S − 2P + d(K − 1) + 1 + output_padding', () => {
    // (7 − 1)·2 − 2 + 3 + 1 + 0 = 14
    expect(convTransposeOutputSize({ size: 7, kernel: 4, stride: 2, padding: 1 }).result).toBe(14);
    // (7 − 1)·2 − 2 + 2 + 1 + 1 = 14
    expect(
      convTransposeOutputSize({ size: 7, kernel: 3, stride: 2, padding: 1, outputPadding: 1 }).result,
    ).toBe(14);
  });
});
