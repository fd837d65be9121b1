/** Sliding windows shared by convolution and pooling: kernel/stride/dilation pairs and padding. */
import { AttrError, ints, string } from '../attrs';
import { MAX_DIM } from '../dims';
import type { NodeInfo } from '../read';
import type { ConvertContext } from './types';

/** A two-element INTS attribute of positive integers (strides, dilations, kernel_shape), default [dflt, dflt]. */
export function pairAttr(node: NodeInfo, name: string, dflt: number): number[] {
  const v = ints(node, name) ?? [dflt, dflt];
  if (v.length !== 2 || v.some((x) => !Number.isSafeInteger(x) || x < 1 || x > MAX_DIM)) {
    throw new AttrError(node, name, 'pair');
  }
  return v;
}

/**
 * Padding [before, after] for H and W from `pads` or `auto_pad`. SAME_UPPER / SAME_LOWER give
 * M = ⌈X / S⌉ with total padding max((M − 1)·S + (K − 1)·D + 1 − X, 0), the odd pixel after (UPPER)
 * or before (LOWER).
 */
export function windowPads(
  node: NodeInfo,
  x: number[],
  k: number[],
  s: number[],
  d: number[],
): [number, number][] {
  const autoPad = string(node, 'auto_pad', 'NOTSET');
  const spatial = [x[2], x[3]];
  if (autoPad === 'VALID')
    return [
      [0, 0],
      [0, 0],
    ];
  if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
    return spatial.map((X, i) => {
      const total = Math.max((Math.ceil(X / s[i]) - 1) * s[i] + (k[i] - 1) * d[i] + 1 - X, 0);
      const small = Math.floor(total / 2);
      return autoPad === 'SAME_UPPER' ? [small, total - small] : [total - small, small];
    });
  }
  if (autoPad !== 'NOTSET') throw new AttrError(node, 'auto_pad', 'auto-pad');
  const pads = ints(node, 'pads') ?? [0, 0, 0, 0];
  if (pads.length !== 4 || pads.some((p) => !Number.isSafeInteger(p) || p < 0 || p > MAX_DIM)) {
    throw new AttrError(node, 'pads', 'pads');
  }
  return [
    [pads[0], pads[2]],
    [pads[1], pads[3]],
  ];
}

/** Symmetric pads go into the layer; asymmetric ones become a pad layer before it (same cost, same shape). */
export function maybePad(
  ctx: ConvertContext,
  node: NodeInfo,
  from: string,
  x: number[],
  pads: [number, number][],
): { from: string; padding: number | [number, number] } {
  const [[t, bt], [l, r]] = pads;
  if (t === bt && l === r) return { from, padding: t === l ? t : [t, l] };
  ctx.note(
    'Asymmetric padding (e.g. SAME_LOWER/SAME_UPPER with even kernels) is shown as a pad layer before the layer.',
  );
  const id = ctx.emit(
    node,
    { op: 'pad', padding: [t, bt, l, r] },
    [from],
    [x[0], x[1], x[2] + t + bt, x[3] + l + r],
    '/pad',
  );
  return { from: id, padding: 0 };
}

/** A number for a square value, [h, w] otherwise (the model format's IntOrPair). */
export function intOrPair(v: number[]): number | [number, number] {
  return v[0] === v[1] ? v[0] : [v[0], v[1]];
}
