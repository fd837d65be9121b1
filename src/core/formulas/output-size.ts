import type { PaddingSpec } from '../model/shape';
import { type FormulaTrace, tex, trace } from './latex';

export interface OutputSizeParams {
  /** Input size X along this dimension. */
  size: number;
  kernel: number;
  /** Default 1. */
  stride?: number;
  /** Symmetric padding, [before, after], "same" or "valid". Default 0. */
  padding?: number | [number, number] | 'same' | 'valid';
  /** Default 1. */
  dilation?: number;
  /** Round the division up (pooling's ceil_mode). Default false. */
  ceilMode?: boolean;
}

/**
 * The output-size computation of one spatial dimension, with every intermediate value.
 *
 *   K_eff = d·(K − 1) + 1
 *   M = ⌊(X + P_b + P_a − K_eff) / S⌋ + 1        (⌈…⌉ with ceil_mode)
 * with P_b, P_a the zero padding before and after; the lessons write X + 2P − K for P_b = P_a = P.
 *
 * With ceil_mode, PyTorch drops a last window that would start inside the right padding:
 * if (M − 1)·S ≥ X + P_before then M ← M − 1.
 */
export interface OutputSizeTrace {
  X: number;
  K: number;
  Keff: number;
  /** Padding actually applied: [before, after] ("same" resolved). */
  P: [number, number];
  S: number;
  d: number;
  ceilMode: boolean;
  /** X + P_before + P_after − K_eff; negative when the kernel does not fit. */
  numerator: number;
  /** Whether S divides the numerator (no input rows/columns are left over or over-covered). */
  exact: boolean;
  /** True when ceil_mode's last-window rule removed one output position. */
  ceilDropped: boolean;
  /** The output size M (< 1 means the kernel is larger than the padded input). */
  result: number;
  /** Transposed convolution (a different formula). */
  transposed?: boolean;
}

/** Resolves a padding spec for one dimension to [before, after]. */
export function resolvePadding1d(
  padding: number | [number, number] | 'same' | 'valid' | undefined,
  size: number,
  keff: number,
  stride: number,
): [number, number] {
  if (padding === undefined || padding === 'valid') return [0, 0];
  if (padding === 'same') {
    // Output ⌈X/S⌉: total padding (M−1)·S + K_eff − X, the odd pixel going after (PyTorch, TF).
    const out = Math.ceil(size / stride);
    const total = Math.max((out - 1) * stride + keff - size, 0);
    const before = Math.floor(total / 2);
    return [before, total - before];
  }
  if (typeof padding === 'number') return [padding, padding];
  return [padding[0], padding[1]];
}

/** Picks one spatial dimension (0 = height, 1 = width) of a model-level padding spec. */
export function paddingForDim(
  padding: PaddingSpec | undefined,
  dim: 0 | 1,
): number | 'same' | 'valid' | undefined {
  if (padding === undefined || typeof padding === 'string' || typeof padding === 'number') return padding;
  return padding[dim];
}

/** M = ⌊(X + P_b + P_a − K_eff) / S⌋ + 1 for one dimension (X + 2P − K_eff when both sides are padded alike), with its trace. */
export function convOutputSize(p: OutputSizeParams): OutputSizeTrace {
  const X = p.size;
  const K = p.kernel;
  const S = p.stride ?? 1;
  const d = p.dilation ?? 1;
  const ceilMode = p.ceilMode ?? false;
  const Keff = d * (K - 1) + 1;
  const P = resolvePadding1d(p.padding, X, Keff, S);
  const numerator = X + P[0] + P[1] - Keff;
  const exact = numerator % S === 0;
  let result = (ceilMode ? Math.ceil(numerator / S) : Math.floor(numerator / S)) + 1;
  let ceilDropped = false;
  if (ceilMode && result > 1 && (result - 1) * S >= X + P[0]) {
    result -= 1;
    ceilDropped = true;
  }
  return { X, K, Keff, P, S, d, ceilMode, numerator, exact, ceilDropped, result };
}

/**
 * Output size of a transposed convolution along one dimension:
 *   M = (X − 1)·S − 2P + d·(K − 1) + output_padding + 1
 */
export function convTransposeOutputSize(p: {
  size: number;
  kernel: number;
  stride?: number;
  padding?: number;
  outputPadding?: number;
  dilation?: number;
}): OutputSizeTrace {
  const X = p.size;
  const K = p.kernel;
  const S = p.stride ?? 1;
  const d = p.dilation ?? 1;
  const pad = p.padding ?? 0;
  const op = p.outputPadding ?? 0;
  const Keff = d * (K - 1) + 1;
  const result = (X - 1) * S - 2 * pad + Keff + op;
  return {
    X,
    K,
    Keff,
    P: [pad, pad],
    S,
    d,
    ceilMode: false,
    numerator: result - 1,
    exact: true,
    ceilDropped: false,
    result,
    transposed: true,
  };
}

/**
 * The trace as LaTeX: the general formula and the one with numbers (built on demand, since most
 * analyses never display them).
 */
export function outputSizeLatex(t: OutputSizeTrace): { formula: string; substituted: string } {
  if (t.transposed) {
    const op = t.result - ((t.X - 1) * t.S - 2 * t.P[0] + t.Keff);
    return {
      formula: 'M = (X - 1) S - 2P + d(K-1) + 1 + P_{out}',
      substituted: `M = (${t.X} - 1) \\cdot ${t.S} - 2 \\cdot ${t.P[0]} + ${t.d}(${t.K}-1) + 1 + ${op} = ${t.result}`,
    };
  }
  const br = t.ceilMode ? ['\\left\\lceil', '\\right\\rceil'] : ['\\left\\lfloor', '\\right\\rfloor'];
  // The lessons' order, X + 2P − K; padding that differs before and after is written P_b + P_a.
  const symmetric = t.P[0] === t.P[1];
  const padPart = symmetric ? '2P' : 'P_b + P_a';
  const padNums = symmetric ? `2 \\cdot ${t.P[0]}` : `${t.P[0]} + ${t.P[1]}`;
  const keffPart = t.d === 1 ? 'K' : '(d(K-1)+1)';
  const keffNums = t.d === 1 ? `${t.K}` : `(${t.d}(${t.K}-1)+1)`;
  return {
    formula: `M = ${br[0]} \\frac{X + ${padPart} - ${keffPart}}{S} ${br[1]} + 1`,
    substituted:
      `M = ${br[0]} \\frac{${t.X} + ${padNums} - ${keffNums}}{${t.S}} ${br[1]} + 1` +
      (t.ceilDropped ? ` - 1 = ${t.result}` : ` = ${t.result}`),
  };
}

export function outputSizeFormula(t: OutputSizeTrace, dimName: 'h' | 'w'): FormulaTrace {
  const l = outputSizeLatex(t);
  return trace(`outputSize.${dimName}`, l.formula, l.substituted, t.result);
}

export { tex };
