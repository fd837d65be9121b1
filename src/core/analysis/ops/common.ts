/** Helpers shared by the operator modules: result defaults, RF traces, warnings, broadcasting. */
import { type FormulaTrace, tex, trace } from '../../formulas/latex';
import type { OutputSizeTrace } from '../../formulas/output-size';
import { rfConvFormulas, rfMerge1d } from '../../formulas/receptive-field';
import type { Pair, Shape } from '../../model/shape';
import type { OtherOps } from '../types';
import { note, sig6 } from '../warning-messages';
import { shapeError, shapeText } from './shape-math';
import type { OpInputs, OpResult, Rf2 } from './types';

/*
 * Element-op counts are small integers in most layers and doubles in large ones, and always doubles
 * in rows (read back from a Float64Array). V8 gives the fields of a literal the representation of
 * the first values stored; a double stored later deprecates that map, and every record then made
 * from a literal site created before is migrated on first access: once rows had been read, every
 * later analysis ran 3–4× slower. This record, made before any other, gives the fields the general
 * (tagged) representation from the start, so no later value changes the map.
 */
const generalOps: Record<keyof OtherOps, unknown> = {
  bias: null,
  norm: null,
  activation: null,
  pooling: null,
  elementwise: null,
};
for (const k of Object.keys(generalOps) as (keyof OtherOps)[]) generalOps[k] = 0;
export const zeroOps = (): OtherOps => ({ bias: 0, norm: 0, activation: 0, pooling: 0, elementwise: 0 });

export const NONE = (): FormulaTrace[] => [];
export const NO_WARNINGS: OpResult['warnings'] = [];
/** Shared by every layer without element ops; frozen because rows expose it as `ops`. */
export const ZERO_OPS: OtherOps = Object.freeze(zeroOps());
/** Defaults spread into each op's result (one shared object: no per-layer allocation). */
export const BASE = {
  weights: 0,
  bias: 0,
  buffers: 0,
  inferenceBuffers: 0,
  macs: 0,
  ops: ZERO_OPS,
  traces: null,
  warnings: NO_WARNINGS,
} as const;

/** Other ops with one category set. */
export function opsWith(key: keyof OtherOps, n: number): OtherOps {
  const ops = zeroOps();
  ops[key] = n;
  return ops;
}

export function spatial(s: Shape): Pair | null {
  return s.length === 3 ? [s[1], s[2]] : null;
}

/** [T, D] of a sequence input, or a ShapeError naming what the layer got. */
export function needSequence(s: Shape): [number, number] {
  if (s.length !== 2)
    throw shapeError(s.length === 3 ? 'needs-sequence-map' : 'needs-sequence', { shape: shapeText(s) });
  return s;
}

/** The features of each position: C of a map (per pixel), D of a sequence (per token), N of a vector. */
export const featuresOf = (s: Shape): number => (s.length === 2 ? s[1] : s[0]);

/**
 * The receptive field of a unit that sees the whole model input: H×W of a map input, the T positions
 * of a sequence (or of a vector of token ids), with jump 1 from position 0.
 */
export function wholeInputRf(input: Shape): Rf2 {
  const [h, w] = input.length === 3 ? [input[1], input[2]] : [input[0], 1];
  return [
    { size: h, jump: 1, start: 0, holes: null },
    { size: w, jump: 1, start: 0, holes: null },
  ];
}

/**
 * The RF of a layer whose every output sees every input position (attention, the last step of a
 * recurrence): the hull of the whole model input and the RF it reads, at the input's jump.
 */
export function seesEverything({ rfs, whole }: OpInputs): Rf2 {
  const prf = rfs[0];
  if (!whole) return prf;
  return [0, 1].map((d) => {
    const lo = Math.min(prf[d].start, whole[d].start);
    const hi = Math.max(prf[d].start + prf[d].size, whole[d].start + whole[d].size);
    return { size: hi - lo, jump: prf[d].jump, start: lo, holes: null };
  }) as Rf2;
}

/** The trace of {@link seesEverything}: `why` says which units see what (stated in the formula). */
export function everythingRfFormulas(rf: Rf2, why: string): () => FormulaTrace[] {
  return () => [
    trace('rf.size.h', `r = \\text{whole input (${why})}`, `r = ${tex(rf[0].size)}`, rf[0].size),
    trace('rf.size.w', `r = \\text{whole input (${why})}`, `r = ${tex(rf[1].size)}`, rf[1].size),
  ];
}

export function need3d(s: Shape): [number, number, number] {
  if (s.length !== 3) throw shapeError('needs-chw', { shape: shapeText(s) });
  return s;
}

export function unchangedRf(rf: Rf2): () => FormulaTrace[] {
  return () => [
    trace('rf.size.h', 'r_{out} = r_{in}', `r_{out} = ${tex(rf[0].size)}`, rf[0].size),
    trace('rf.size.w', 'r_{out} = r_{in}', `r_{out} = ${tex(rf[1].size)}`, rf[1].size),
  ];
}

export function convRfFormulas(
  prev: Rf2,
  next: Rf2,
  k: Pair,
  s: Pair,
  d: Pair,
  p: Pair,
): () => FormulaTrace[] {
  return () => rfConvFormulas(prev, next, k, s, d, p);
}

/** A result that leaves shape and RF as they are and costs nothing (views, no-ops). */
export function passThrough(x: Shape, rf: Rf2): OpResult {
  return { ...BASE, outShape: x, rf, formulas: () => [], rfFormulas: unchangedRf(rf) };
}

/** Above this many position × tap checks per dimension, gaps between windows are not counted. */
const MAX_COVERAGE_CHECKS = 4_000_000;

/**
 * Input positions (not padding) along one dimension that no window tap reads: `trailing` after the
 * last window, `total` including gaps between windows (a stride larger than what the taps cover, or
 * dilated taps the windows do not fill in). Padded coordinates: the input is [P_b, P_b + X).
 */
export function unreadInput(t: OutputSizeTrace): { total: number; trailing: number } {
  const lastRead = (t.result - 1) * t.S + t.Keff - 1;
  const trailing = Math.max(0, Math.min(t.X, t.P[0] + t.X - 1 - lastRead));
  // Contiguous windows (undilated, stride ≤ kernel): only the end can be left over.
  if ((t.d === 1 && t.S <= t.K) || t.X * t.K > MAX_COVERAGE_CHECKS) return { total: trailing, trailing };
  let total = 0;
  for (let p = 0; p < t.X; p++) {
    const q = p + t.P[0];
    let read = false;
    for (let k = 0; k < t.K && !read; k++) {
      const start = q - k * t.d;
      read = start >= 0 && start % t.S === 0 && start / t.S <= t.result - 1;
    }
    if (!read) total++;
  }
  return { total, trailing };
}

/**
 * Warnings of a windowed layer (conv, pooling): input rows or columns no window reads (positions
 * left over that are padding are no warning), and a ceil_mode window running past the input.
 */
export function inexactWarnings(traces: [OutputSizeTrace, OutputSizeTrace]): OpResult['warnings'] {
  let out: OpResult['warnings'] | null = null;
  const axes = ['H', 'W'] as const;
  for (let i = 0; i < 2; i++) {
    const t = traces[i]!;
    if (t.ceilMode && !t.exact) {
      (out ??= []).push({
        kind: 'inexact-division',
        ...note('ceil-past-input', { axis: axes[i]!, numerator: t.numerator, stride: t.S }),
      });
    }
    const { total, trailing } = unreadInput(t);
    if (total === 0) continue;
    (out ??= []).push({
      kind: 'inexact-division',
      ...(total === trailing
        ? note(i === 0 ? 'unread-last-rows' : 'unread-last-columns', {
            numerator: t.numerator,
            stride: t.S,
            count: trailing,
          })
        : note(i === 0 ? 'unread-gaps-rows' : 'unread-gaps-columns', {
            count: total,
            size: t.X,
            taps: note('taps', { count: t.K }),
            spacing: t.d > 1 ? note('gaps-spacing', { dilation: t.d }) : '',
            stride: t.S,
            last: trailing ? note(i === 0 ? 'gaps-last-rows' : 'gaps-last-columns', { count: trailing }) : '',
          })),
    });
  }
  return out ?? NO_WARNINGS;
}

export function broadcastShapes(shapes: Shape[], ids: string[]): Shape {
  const rank = shapes[0].length;
  const out = [...shapes[0]];
  for (let b = 1; b < shapes.length; b++) {
    const s = shapes[b];
    if (s.length !== rank) {
      throw shapeError('broadcast-ranks', {
        a: shapeText(shapes[0]),
        aId: ids[0],
        b: shapeText(s),
        bId: ids[b],
      });
    }
    for (let i = 0; i < rank; i++) {
      if (out[i] === s[i] || s[i] === 1) continue;
      if (out[i] === 1) out[i] = s[i];
      else
        throw shapeError('broadcast-mismatch', {
          a: shapeText(shapes[0]),
          aId: ids[0],
          b: shapeText(s),
          bId: ids[b],
        });
    }
  }
  return out as Shape;
}

/** The RF of a layer reading several branches: their hull, with warnings when they disagree. */
export function mergeRf(
  rfs: Rf2[],
  shapes: Shape[],
  outShape: Shape,
  ids: string[],
  warnings: OpResult['warnings'],
): Rf2 {
  const outSp = spatial(outShape);
  const broadcast = shapes.map((s) => {
    const sp = spatial(s);
    return outSp !== null && sp !== null && sp[0] === 1 && sp[1] === 1 && (outSp[0] > 1 || outSp[1] > 1);
  });
  const h = rfMerge1d(
    rfs.map((r) => r[0]),
    broadcast,
  );
  const w = rfMerge1d(
    rfs.map((r) => r[1]),
    broadcast,
  );
  if (h.misaligned || w.misaligned) {
    const branches = rfs.map((r, b) =>
      note('branch-rf', {
        id: ids[b],
        h: sig6(r[0].size),
        w: sig6(r[1].size),
        y: sig6(r[0].start),
        x: sig6(r[1].start),
      }),
    );
    warnings.push({
      kind: 'misaligned-branches',
      ...note('misaligned-branches', { branches, h: sig6(h.rf.size), w: sig6(w.rf.size) }),
    });
  }
  if (h.jumpMismatch || w.jumpMismatch) {
    const branches = rfs.map((r, b) =>
      note('branch-jump', { id: ids[b], h: sig6(r[0].jump), w: sig6(r[1].jump) }),
    );
    warnings.push({ kind: 'jump-mismatch', ...note('jump-mismatch', { branches }) });
  }
  return [h.rf, w.rf];
}

export function mergeFormulas(rfs: Rf2[], rf: Rf2): () => FormulaTrace[] {
  return () =>
    (['h', 'w'] as const).map((dim, i) =>
      trace(
        `rf.size.${dim}`,
        'r = \\max_b (s_b + r_b) - \\min_b s_b',
        `r = \\max(${rfs.map((r) => tex(r[i].start + r[i].size)).join(', ')}) - \\min(${rfs.map((r) => tex(r[i].start)).join(', ')}) = ${tex(rf[i].size)}`,
        rf[i].size,
      ),
    );
}
